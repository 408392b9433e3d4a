package org.budgetpdf.diag;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's diagnostics go. Human: each file's diagnostics on stderr as they come, then the summary line.
 * JSON / SARIF: collected over all files and written once to stdout at the end (stdout then holds only that
 * document; the caller sends progress lines to stderr).
 */
public final class DiagnosticReport {
    private final OutputFormat format;
    private final PrintStream out;
    private final PrintStream err;
    private final List<Diagnostic> all = new ArrayList<>();
    private long suppressed;

    private final java.nio.file.Path file;

    public DiagnosticReport(OutputFormat format, PrintStream out, PrintStream err) {
        this(format, out, err, null);
    }

    /** @param file where the JSON / SARIF document goes instead of stdout (null: stdout) */
    public DiagnosticReport(OutputFormat format, PrintStream out, PrintStream err, java.nio.file.Path file) {
        this.format = format;
        this.out = out;
        this.err = err;
        this.file = file;
    }

    private void emit(String document) {
        if (file == null) {
            out.print(document);
            return;
        }
        try {
            java.nio.file.Files.writeString(file, document, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            err.println("无法写入 " + file + "：" + e.getMessage());
        }
    }

    /** One file's diagnostics. */
    public void add(Diagnostics file, DiagnosticFormatter fmt) {
        suppressed += file.suppressedCount();
        add(file.sorted(), fmt);
    }

    /** Diagnostics, sorted. */
    public void add(List<Diagnostic> diags, DiagnosticFormatter fmt) {
        if (format == OutputFormat.HUMAN) {
            for (Diagnostic d : diags) err.print(fmt.format(d));
        } else {
            all.addAll(diags);
        }
    }

    /** After the last file: the summary line (human, with “N 个警告已说明”) or the whole document (JSON, SARIF). */
    public void finish(long errors, long warnings) {
        switch (format) {
            case HUMAN -> {
                if (errors + warnings + suppressed > 0)
                    err.println(DiagnosticFormatter.summary(errors, warnings) + (suppressed == 0 ? "" : "，" + suppressed + " 个警告已说明"));
            }
            case JSON -> emit(JsonFormat.format(all));
            case SARIF -> emit(SarifFormat.format(all));
        }
    }
}
