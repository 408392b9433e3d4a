package org.budgetpdf.diag;

import java.util.Comparator;

/**
 * One finding about the input, printed like a compiler message. Collected, never thrown. {@code span}: how many
 * characters from {@code pos} the finding covers (0: the whole value there, as the formatter finds it).
 */
public record Diagnostic(String code, Severity severity, SourcePos pos, String message, String hint, int span) {

    public Diagnostic(String code, Severity severity, SourcePos pos, String message, String hint) {
        this(code, severity, pos, message, hint, 0);
    }

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.pos().file())
            .thenComparingInt(d -> d.pos().line())
            .thenComparingInt(d -> d.pos().col())
            .thenComparing(Diagnostic::code);

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
