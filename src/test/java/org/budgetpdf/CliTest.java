package org.budgetpdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Main#run} as a clerk uses it: exit codes, what goes to stdout and stderr, and what is (not) written. */
class CliTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final String REAL = "data/xinxiang-weibin-2025-budget.yaml";
    static final String MINIMAL = "src/test/resources/fixtures/minimal-budget.yaml";
    static final String BROKEN = "src/test/resources/errors/E-APPROVED.yaml";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return runIn(HOME, args);
    }

    static Run runIn(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** `args` run where {@code file} is alone in its folder (the catalogue's copies of one department share a code). */
    static Run runAlone(String file, String... args) throws IOException {
        Path project = org.budgetpdf.testutil.Examples.alone(file);
        try {
            return runIn(project, args);
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(project.toFile());
        }
    }

    @Test
    void checkOfTheRealDataFilePassesWithItsWarnings() {
        Run r = run("check", REAL);
        assertEquals(0, r.code(), r.err());
        assertEquals(REAL + "：检查通过\n", r.out().replace("\r\n", "\n"));
        assertTrue(r.err().startsWith(REAL + ":202:30: 警告[W-COST-CAP]: "), r.err());
        assertTrue(r.err().contains("\n" + REAL + ":294:7: 警告[W-RUNNING-COST]: "), r.err());
        assertTrue(r.err().strip().endsWith("0 个错误，2 个警告"), r.err());
    }

    @Test
    void checkOfAFileWithErrorsExitsOneAndNamesFileLineAndColumn() throws IOException {
        Run r = runAlone(BROKEN, "check", BROKEN);
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith(BROKEN + ":91:9: 错误[E-APPROVED]: "), r.err());
        assertTrue(r.out().contains("有错误，未生成 PDF"), r.out());
        assertTrue(r.err().strip().endsWith("1 个错误，0 个警告"), r.err());
    }

    @Test
    void warningsAloneExitZero() {
        Run r = run("check", "src/test/resources/errors/W-COST-CAP.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("警告[W-COST-CAP]"), r.err());
    }

    @Test
    void buildOfABrokenFileWritesNoPdfAndKeepsTheOldOne(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("公开稿");
        Files.createDirectories(out);
        Path target = out.resolve("E-APPROVED.pdf");
        byte[] sentinel = "%PDF-1.7 上一次生成的 PDF，不得被覆盖".getBytes(StandardCharsets.UTF_8);
        Files.write(target, sentinel);

        Run r = run("build", "--out", out.toString(), BROKEN);
        assertEquals(1, r.code(), r.err());
        assertArrayEquals(sentinel, Files.readAllBytes(target));
        assertEquals(List.of(target), list(out), "no new file and no temporary file left behind");
        assertTrue(r.err().contains("[E-APPROVED]"), r.err());
    }

    @Test
    void batchWithOneBrokenFileBuildsTheGoodOneAndExitsOne(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path project = org.budgetpdf.testutil.Examples.alone("src/test/resources/errors/E-AMOUNT.yaml");
        Path minimal = project.resolve(MINIMAL);
        Files.createDirectories(minimal.getParent());
        Files.copy(HOME.resolve(MINIMAL), minimal);
        Run r = runIn(project, "build", "--out", out.toString(), MINIMAL, "src/test/resources/errors/E-AMOUNT.yaml");
        org.apache.commons.io.FileUtils.deleteQuietly(project.toFile());
        assertEquals(1, r.code(), r.err());
        Path pdf = out.resolve("minimal-budget.pdf");
        assertEquals(List.of(pdf), list(out), "only the good file is built");
        byte[] head = new byte[5];
        System.arraycopy(Files.readAllBytes(pdf), 0, head, 0, 5);
        assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
        assertTrue(r.out().contains(MINIMAL + " → "), r.out());
        assertTrue(r.out().contains("src/test/resources/errors/E-AMOUNT.yaml：有错误，未生成 PDF"), r.out());
        assertTrue(r.err().contains("错误[E-AMOUNT]"), r.err());
        assertTrue(r.err().strip().endsWith("1 个错误，0 个警告"), r.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = run("publish", REAL);
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("未知命令“publish”。"), r.err());
        assertTrue(r.err().contains("用法"), "the usage follows");
        assertEquals("", r.out());
    }

    @Test
    void otherUsageErrors() {
        assertEquals(2, run("check").code(), "check needs a file");
        assertEquals(2, run("build", "--out").code(), "--out needs a folder");
        assertEquals(2, run("check", "--verbose", REAL).code(), "unknown option");
        Run missing = run("check", "data/没有这个文件.yaml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("找不到文件：data/没有这个文件.yaml"), missing.err());
    }

    @Test
    void helpIsChineseAndExitsZero() {
        for (String flag : List.of("--help", "-h", "help")) {
            Run r = run(flag);
            assertEquals(0, r.code());
            assertTrue(r.out().contains("用法"), r.out());
            assertTrue(r.out().contains("退出码：0 成功"), r.out());
            assertTrue(r.out().contains("只检查，不生成 PDF"), r.out());
            assertEquals("", r.err());
        }
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
