package org.budgetpdf.diag;

import java.util.Comparator;

/** One finding about the input, printed like a compiler message. Collected, never thrown. */
public record Diagnostic(String code, Severity severity, SourcePos pos, String message, String hint) {

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.pos().file())
            .thenComparingInt(d -> d.pos().line())
            .thenComparingInt(d -> d.pos().col())
            .thenComparing(Diagnostic::code);

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
