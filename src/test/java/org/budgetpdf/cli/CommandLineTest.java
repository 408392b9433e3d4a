package org.budgetpdf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The command line as parsed by picocli: every option in both spellings, --version, --help in the form the program runs. */
class CommandLineTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final String MINIMAL = "src/test/resources/fixtures/minimal-budget.yaml";
    static final String BROKEN = "src/test/resources/errors/E-APPROVED.yaml";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = org.budgetpdf.Main.run(args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), HOME);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyOptionTakesItsValueWithASpaceOrAnEqualsSign(@TempDir Path tmp) throws Exception {
        Run a = run("build", "--out=" + tmp.resolve("a"), "--threads=1", MINIMAL);
        assertEquals(0, a.code(), a.err());
        assertTrue(Files.size(tmp.resolve("a/minimal-budget.pdf")) > 10_000);
        Run b = run("build", "-o", tmp.resolve("b").toString(), "--threads", "2", MINIMAL);
        assertEquals(0, b.code(), b.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/minimal-budget.pdf")), Files.readAllBytes(tmp.resolve("b/minimal-budget.pdf")));
        // options before the command's files, after them, or with no command (a bare file name builds)
        assertEquals(0, run(MINIMAL, "--out", tmp.resolve("c").toString()).code());
        assertTrue(Files.exists(tmp.resolve("c/minimal-budget.pdf")));
        assertEquals(0, run("check", "--format=json", MINIMAL).code());
        assertEquals(0, run("check", "--report", tmp.resolve("r.txt").toString(), MINIMAL).code());
        assertEquals(0, run("check", "--report=" + tmp.resolve("r.json"), "--format", "json", MINIMAL).code());
        assertTrue(Files.readString(tmp.resolve("r.json")).startsWith("["));
    }

    @Test
    void usageErrorsAreExplainedInChinese() {
        Run t = run("build", "--threads", "0", MINIMAL);
        assertEquals(2, t.code());
        assertTrue(t.err().contains("--threads 后面要写 1 到 256 之间的整数"), t.err());
        Run m = run("check", MINIMAL, "--report");
        assertEquals(2, m.code());
        assertEquals("--report 后面要写报告文件名。\n", m.err().replace("\r\n", "\n"));
        Run e = run("check", "--encoding", "没有这种编码", MINIMAL);
        assertEquals(2, e.code());
        assertTrue(e.err().contains("--encoding 后面要写字符集"), e.err());
        assertEquals(2, run("check", "-x", MINIMAL).code());
        assertEquals(2, run("check", "--format", "xml", MINIMAL).code());
    }

    @Test
    void versionComesFromTheMavenProject() {
        for (String flag : new String[]{"--version", "-V"}) {
            Run r = run(flag);
            assertEquals(0, r.code());
            assertTrue(r.out().matches("部门预决算公开 PDF 生成工具 \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?（Java .*）\\R"), r.out());
        }
        assertEquals(run("--version").out(), run("check", "--version").out());
    }

    @Test
    void helpShowsTheFormThatWasRun() {
        Path home = Path.of("/p");
        Launcher script = Launcher.detect("bin/budgetpdf", Optional.of(home.resolve("target/budgetpdf.jar")), home);
        assertEquals("bin/budgetpdf check data/a.yaml", script.command("check data/a.yaml"));
        Launcher cmd = Launcher.detect("bin\\budgetpdf.cmd", Optional.empty(), home);
        assertEquals("bin\\budgetpdf.cmd new data/a.yaml", cmd.command("new data/a.yaml"));
        Launcher jar = Launcher.detect(null, Optional.of(home.resolve("target/budgetpdf.jar")), home);
        assertEquals("java -jar target/budgetpdf.jar check x.yaml", jar.command("check x.yaml"));
        assertEquals("java -jar target/budgetpdf.jar", jar.command(""));
        Launcher maven = Launcher.detect(null, Optional.of(home.resolve("target/classes")), home);
        assertEquals("mvn -q compile exec:java -Dexec.args=\"check x.yaml\"", maven.command("check x.yaml"));
        assertEquals("mvn -q compile exec:java", maven.command(""));
        assertTrue(Usage.help(script).contains("\n  bin/budgetpdf check 文件或文件夹…\n"), Usage.help(script));
        assertFalse(Usage.help(script).contains("mvn"), "no Maven form when run from the launcher");
        assertTrue(Usage.help(maven).contains("PowerShell"), "the Maven form warns about PowerShell quoting");
        // the tests run from target/classes: the Maven form
        assertTrue(run("--help").out().contains("mvn -q compile exec:java -Dexec.args=\"check 文件或文件夹…\""));
    }
}
