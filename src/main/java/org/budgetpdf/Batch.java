package org.budgetpdf;

import org.budgetpdf.cli.Failure;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.DiagnosticFormatter;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.DiagnosticReport;
import org.budgetpdf.render.AtomicFiles;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.render.PageFindings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks and builds many files at once: one worker per core, each file checked and rendered on
 * one worker, fonts loaded once and shared (see FontSet). What a file prints (its diagnostics, then
 * its result line) is collected per file and printed in the order the files were given, as soon as
 * that file and all before it are done, so the output does not depend on which worker was faster.
 * The PDFs are byte-identical to single builds: rendering depends on the input only.
 */
final class Batch {
    private final Path home;
    private final Path outDir;
    private final PrintStream out;
    private final PrintStream err;
    private final DiagnosticReport report;
    private final int workers;
    /** Another checker (tests); null: the full rule registry. */
    org.budgetpdf.check.Checker checker;
    /** Where each input's PDF goes (Main: a file found in a sub-folder keeps it); absent: out/<name>.pdf. */
    java.util.Map<Path, Path> targets = java.util.Map.of();
    /** build --pdfa: PDF/A-2u. */
    boolean archival;
    /** build --html: the web page beside each PDF, written only when both are complete. */
    boolean html;
    /** build --xlsx: a workbook of the document's tables beside each PDF. */
    boolean xlsx;

    Batch(Path home, Path outDir, PrintStream out, PrintStream err, DiagnosticReport report) {
        this(home, outDir, out, err, report, defaultWorkers());
    }

    Batch(Path home, Path outDir, PrintStream out, PrintStream err, DiagnosticReport report, int workers) {
        this.home = home;
        this.outDir = outDir;
        this.out = out;
        this.err = err;
        this.report = report;
        this.workers = Math.max(1, workers);
    }

    /** {@code -Dbudgetpdf.threads=N}, else the number of cores. */
    static int defaultWorkers() {
        Integer n = Integer.getInteger("budgetpdf.threads");
        return n != null && n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** What one file found, printed and counted; its diagnostics go to the report in input order. */
    private record Outcome(Diagnostics diags, DiagnosticFormatter fmt, String out, long errors, long warnings,
                           boolean failed, int pages, String name, String why) {
    }

    int run(boolean build, List<Path> files) {
        long t0 = System.nanoTime();
        Pipeline pipeline = (checker == null ? new Pipeline(home) : new Pipeline(home, checker)).archival(archival);
        int n = Math.min(workers, files.size());
        List<Outcome> outcomes = new ArrayList<>();
        // Always on worker threads, even for one file: their stack is sized for Flying Saucer's recursion.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, n), daemonThreads());
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path f : files) futures.add(pool.submit(() -> one(pipeline, build, f)));
            for (int i = 0; i < futures.size(); i++) {
                Outcome o = await(futures.get(i), files.get(i));
                print(o);
                outcomes.add(o);
            }
        } finally {
            pool.shutdownNow();
        }
        long errors = outcomes.stream().mapToLong(Outcome::errors).sum();
        long warnings = outcomes.stream().mapToLong(Outcome::warnings).sum();
        boolean failed = outcomes.stream().anyMatch(Outcome::failed);
        if (files.size() > 1) {
            long bad = outcomes.stream().filter(Outcome::failed).count();
            int pages = outcomes.stream().mapToInt(Outcome::pages).sum();
            out.printf("共 %d 个文件：%d 个%s，%d 个有错误；%d 页；用时 %.1f 秒%n", files.size(), files.size() - bad,
                    build ? "已生成" : "检查通过", bad, pages, (System.nanoTime() - t0) / 1e9);
            if (bad > 0) out.println(build ? "没有生成 PDF 的文件：" : "有错误的文件：");
            for (Outcome o : outcomes) if (o.failed()) out.println("  " + o.name() + "：" + o.why());
        }
        boolean reported = report.finish(errors, warnings);
        org.budgetpdf.diag.Steps.print(err);
        return failed || !reported ? 1 : 0;
    }

    private Outcome await(Future<Outcome> f, Path file) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            // one() catches what a file can throw; this is the last line so that one file never stops the batch
            return internal(display(file), Failure.internal("处理这个文件时程序内部出错（" + e.getCause().getClass().getSimpleName() + "）"));
        }
    }

    private void print(Outcome o) {
        report.add(o.diags(), o.fmt());
        err.flush();
        out.print(o.out());
        out.flush();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            // Flying Saucer recurses deeply on big tables: the same stack as the main thread's -Xss.
            Thread t = new Thread(null, r, "budgetpdf-" + count.incrementAndGet(), 16L << 20);
            t.setDaemon(true);
            return t;
        };
    }

    /** Checks and, when asked and clean, builds one file; never throws for a bad file. */
    private Outcome one(Pipeline pipeline, boolean build, Path f) {
        ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(outBuf, true, StandardCharsets.UTF_8);
        String name = display(f);
        long t0 = System.nanoTime();
        Pipeline.Checked checked;
        try {
            checked = pipeline.check(f, name);
        } catch (OutOfMemoryError x) {
            return internal(name, Failure.outOfMemory("检查"));
        } catch (RuntimeException | Error x) {
            // a fault of this program, not of the data: say so in the clerk's words, keep the other files going
            return internal(name, Failure.internal("检查时程序内部出错（" + x.getClass().getSimpleName()
                    + (x.getMessage() == null ? "" : "：" + x.getMessage().lines().findFirst().orElse("")) + "）"));
        }
        // Building needs no YAML nodes: the file's node tree is let go before layout (see Checked.withoutNodes)
        Pipeline.Checked c = build && checked.ok() ? checked.withoutNodes() : checked;
        checked = null;
        // every finding of this file, including those of rendering and writing, goes through its diagnostics
        Diagnostics diags = c.diags();
        DiagnosticFormatter fmt = new DiagnosticFormatter(x -> x.equals(name) ? c.source().lines() : pipeline.layoutLines(x));
        int pages = 0;
        if (!c.ok()) {
            o.println(name + "：有错误，未生成 PDF");
        } else if (!build) {
            o.println(name + "：检查通过");
        } else {
            Path target = targets.getOrDefault(f, outDir.resolve(Main.baseName(f) + ".pdf"));
            try {
                Pipeline.Built b = pipeline.render(c);
                // text off its cell or the page is damage: reported like any error, and the old PDF stays
                List<Diagnostic> page = PageFindings.diagnostics(b.result().lint(), c.source());
                page.forEach(diags::add);
                boolean damaged = page.stream().anyMatch(Diagnostic::isError);
                // the workbook is made before anything is written: one that cannot be made leaves the old PDF too
                byte[] book = xlsx && !damaged ? workbook(pipeline, c, name, diags) : null;
                if (damaged || xlsx && book == null) {
                    o.println(name + "：有错误，未生成 PDF");
                } else {
                    // both made before either is written: a page that cannot be made leaves the old PDF and page alone
                    byte[] web = html ? org.budgetpdf.diag.Steps.time("网页版", () -> pipeline.webPage(c)).getBytes(StandardCharsets.UTF_8) : null;
                    Path webTarget = target.resolveSibling(Main.baseName(target) + ".html");
                    Files.createDirectories(target.getParent());
                    org.budgetpdf.diag.Steps.time("写文件", () -> {
                        AtomicFiles.write(target, b.result().pdf());
                        if (web != null) AtomicFiles.write(webTarget, web);
                        return null;
                    });
                    pages = b.result().pages();
                    String also = book == null ? "" : writeWorkbook(book, workbookPath(target), name, diags);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    o.println(name + " → " + display(target) + (web == null ? "" : "、" + display(webTarget)) + "：" + pages + " 页，"
                            + (b.result().pdf().length / 1024) + " KB" + also + "，用时 " + ms + " ms");
                }
            } catch (Exception | Error x) {
                Failure why = Failure.classify(x, display(outDir));
                diags.error(why.code(), why.pos() == null ? SourcePos.fileOnly(name) : why.pos(), why.message(), why.hint());
                o.println(name + "：有错误，未生成 PDF");
            }
        }
        boolean failed = diags.hasErrors() || !c.ok();
        return new Outcome(diags, fmt, outBuf.toString(StandardCharsets.UTF_8), diags.errorCount(), diags.warningCount(),
                failed, pages, name, failed ? firstError(diags, name) : "");
    }

    /** out/x.pdf → out/x.xlsx */
    static Path workbookPath(Path pdf) {
        String n = pdf.getFileName().toString();
        return pdf.resolveSibling((n.endsWith(".pdf") ? n.substring(0, n.length() - 4) : n) + ".xlsx");
    }

    /** The workbook of a file's tables, or null after an error saying why. */
    private byte[] workbook(Pipeline pipeline, Pipeline.Checked c, String name, Diagnostics diags) {
        try {
            return pipeline.workbook(c);
        } catch (IOException | RuntimeException x) {
            workbookFailed(x, name, diags);
            return null;
        }
    }

    /** Writes the workbook beside the PDF: what the result line adds, or a note and an E-WRITE when it cannot. */
    private String writeWorkbook(byte[] book, Path file, String name, Diagnostics diags) {
        try {
            org.budgetpdf.diag.Steps.time("写文件", () -> {
                AtomicFiles.write(file, book);
                return null;
            });
            return "；" + display(file) + "：" + (book.length / 1024) + " KB";
        } catch (IOException | RuntimeException x) {
            workbookFailed(x, name, diags);
            return "（表格文件 " + display(file) + " 没有写入）";
        }
    }

    private void workbookFailed(Exception x, String name, Diagnostics diags) {
        Failure why = Failure.writing(x, display(outDir), Failure.Output.WORKBOOK);
        diags.error(why.code(), SourcePos.fileOnly(name), why.message(), why.hint());
    }

    /** A file whose check itself failed: one E-INTERNAL, no PDF. */
    private static Outcome internal(String name, Failure why) {
        Diagnostics d = new Diagnostics();
        d.error(why.code(), SourcePos.fileOnly(name), why.message(), why.hint());
        return new Outcome(d, new DiagnosticFormatter(x -> List.of()), name + "：有错误，未生成 PDF\n", 1, 0, true, 0, name,
                why.code() + " " + why.message());
    }

    /** For the batch summary: how many errors, and the first, on one line. */
    private static String firstError(Diagnostics d, String name) {
        List<Diagnostic> errors = d.sorted().stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) return "有错误";
        Diagnostic f = errors.get(0);
        String at = !f.pos().known() ? "" : f.pos().file().equals(name) ? "第 " + f.pos().line() + " 行 "
                : f.pos().file() + " 第 " + f.pos().line() + " 行 ";
        return errors.size() + " 个错误，第一个：" + at + f.code() + " " + f.message();
    }

    private String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
