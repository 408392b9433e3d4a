package org.budgetpdf.diag;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's diagnostics go. Human: each file's diagnostics on stderr as they come, then the summary line (with a
 * report file: all of it written there at the end, the summary line always).
 * JSON / SARIF: collected over all files and written once to stdout at the end (stdout then holds only that
 * document; the caller sends progress lines to stderr).
 */
public final class DiagnosticReport {
    private final OutputFormat format;
    private final PrintStream out;
    private final PrintStream err;
    private final List<Diagnostic> all = new ArrayList<>();
    /** Human format with a report file: the text that would have gone to stderr. */
    private final StringBuilder text = new StringBuilder();
    private long suppressed;

    private final Sink file;

    /** Where the JSON / SARIF document goes instead of stdout (the caller writes the file, all or nothing). */
    @FunctionalInterface
    public interface Sink {
        /** Writes the document; a message for the clerk when it could not (the run then fails). */
        java.util.Optional<String> write(String document);
    }

    public DiagnosticReport(OutputFormat format, PrintStream out, PrintStream err) {
        this(format, out, err, null);
    }

    /** @param file where the JSON / SARIF document goes instead of stdout (null: stdout) */
    public DiagnosticReport(OutputFormat format, PrintStream out, PrintStream err, Sink file) {
        this.format = format;
        this.out = out;
        this.err = err;
        this.file = file;
    }

    private boolean emit(String document) {
        if (file == null) {
            out.print(document);
            return true;
        }
        java.util.Optional<String> problem = file.write(document);
        problem.ifPresent(err::println);
        return problem.isEmpty();
    }

    /** One file's diagnostics. */
    public void add(Diagnostics file, DiagnosticFormatter fmt) {
        suppressed += file.suppressedCount();
        add(file.sorted(), fmt);
    }

    /** Diagnostics, sorted. */
    public void add(List<Diagnostic> diags, DiagnosticFormatter fmt) {
        if (format == OutputFormat.HUMAN) {
            for (Diagnostic d : diags) {
                if (file == null) err.print(fmt.format(d));
                else text.append(fmt.format(d));
            }
        } else {
            all.addAll(diags);
        }
    }

    /**
     * After the last file: the summary line (human, with “N 个警告已说明”) or the whole document (JSON, SARIF).
     * False when the report file could not be written (the run must not pass).
     */
    public boolean finish(long errors, long warnings) {
        return switch (format) {
            case HUMAN -> {
                String summary = DiagnosticFormatter.summary(errors, warnings) + (suppressed == 0 ? "" : "，" + suppressed + " 个警告已说明");
                if (file != null) yield emit(text.append(summary).append(System.lineSeparator()).toString());
                if (errors + warnings + suppressed > 0) err.println(summary);
                yield true;
            }
            case JSON -> emit(JsonFormat.format(all));
            case SARIF -> emit(SarifFormat.format(all));
        };
    }
}
