package org.budgetpdf.testutil;

import org.budgetpdf.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * data/ built once per test run with {@code build --html}, as the clerk runs it: the PDFs and web pages that the web
 * page tests read back (building the samples takes seconds; the tests that read them share one build).
 */
public final class DataSite {
    private DataSite() {
    }

    /** What a command line run returned and printed. */
    public record Run(int code, String out, String err) {
    }

    /** The folder the build of data/ wrote, and the run. */
    public record Site(Path out, Run run) {
    }

    private static Site site;

    public static synchronized Site get() {
        if (site == null) {
            try {
                Path out = Files.createTempDirectory("data-site");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> org.apache.commons.io.FileUtils.deleteQuietly(out.toFile())));
                site = new Site(out, run(Path.of("").toAbsolutePath(), "build", "--html", "--out", out.toString(), "data"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return site;
    }

    /** {@link Main#run} in {@code cwd}. */
    public static Run run(Path cwd, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), cwd);
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
