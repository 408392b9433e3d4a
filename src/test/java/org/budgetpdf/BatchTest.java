package org.budgetpdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Many files at once: same PDFs as one at a time, messages in the order the files were given. */
class BatchTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final String REAL = "data/xinxiang-weibin-2025-budget.yaml";
    static final String FINAL = "data/jiaozuo-zhongzhan-2021-final.yaml";
    static final String BROKEN = "src/test/resources/errors/E-APPROVED.yaml";

    static CliTest.Run run(Path home, Path outDir, int workers, List<Path> files) {
        return run(home, outDir, workers, null, files);
    }

    /** @param checker another rule set (null: the registry) */
    static CliTest.Run run(Path home, Path outDir, int workers, org.budgetpdf.check.Checker checker, List<Path> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Batch batch = new Batch(home, outDir, o, e, new org.budgetpdf.diag.DiagnosticReport(org.budgetpdf.diag.OutputFormat.HUMAN, o, e), workers);
        batch.checker = checker;
        int code = batch.run(true, files);
        return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void parallelBuildsAreByteIdenticalToSingleBuildsAndPrintInInputOrder(@TempDir Path tmp) throws Exception {
        // Two copies of each kind and one broken file in the middle: both workers busy at once.
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> files = new ArrayList<>();
        files.add(Files.copy(HOME.resolve(REAL), in.resolve("a.yaml")));
        files.add(Files.copy(HOME.resolve(FINAL), in.resolve("b.yaml")));
        files.add(Files.copy(HOME.resolve(BROKEN), in.resolve("c.yaml")));
        files.add(Files.copy(HOME.resolve(REAL), in.resolve("d.yaml")));
        files.add(Files.copy(HOME.resolve(FINAL), in.resolve("e.yaml")));

        CliTest.Run par = run(tmp, tmp.resolve("par"), 2, files);
        CliTest.Run seq = run(tmp, tmp.resolve("seq"), 1, files);
        assertEquals(1, par.code(), par.err());
        assertEquals(seq.code(), par.code());
        assertEquals(seq.err(), par.err(), "diagnostics in the same order, one file's together");
        assertEquals(strip(seq.out()).replace("seq/", "par/"), strip(par.out()));
        List<String> lines = strip(par.out()).lines().toList();
        assertEquals(List.of("in/a.yaml → par/a.pdf", "in/b.yaml → par/b.pdf", "in/c.yaml：有错误，未生成 PDF",
                "in/d.yaml → par/d.pdf", "in/e.yaml → par/e.pdf", "共 5 个文件：4 个已生成，1 个有错误", "没有生成 PDF 的文件：",
                "  in/c.yaml：1 个错误，第一个：第 91 行 E-APPROVED 明细加总的支出总计 110.50 与批复数 111.50 不符，相差 1.00 万元"), lines.stream()
                .map(l -> l.replaceAll("：\\d+ 页.*|；\\d+ 页.*", "")).toList());
        for (String n : List.of("a", "b", "d", "e")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("seq/" + n + ".pdf")), Files.readAllBytes(tmp.resolve("par/" + n + ".pdf")), n);
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("par/a.pdf")), Files.readAllBytes(tmp.resolve("par/d.pdf")), "same data, same bytes");
        assertFalse(Files.exists(tmp.resolve("par/c.pdf")));
        // A single build of one of them in a fresh pipeline gives the same bytes as well.
        CliTest.Run one = run(tmp, tmp.resolve("one"), 1, List.of(files.get(1)));
        assertEquals(0, one.code(), one.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("par/b.pdf")), Files.readAllBytes(tmp.resolve("one/b.pdf")));
    }

    /** The PDF line without its timing; the summary without its pages and time. */
    private static String strip(String out) {
        return out.replaceAll("，用时 \\d+ ms", "").replaceAll("；用时 [0-9.]+ 秒", "");
    }

    @Test
    void templatesAndFontsAreFoundFromAnotherWorkingDirectory(@TempDir Path elsewhere) throws Exception {
        // A folder with only a data file: templates/ and fonts/ come from the project.
        Path data = Files.copy(HOME.resolve(REAL), Files.createDirectories(elsewhere.resolve("data")).resolve("x.yaml"));
        ProjectHome ph = ProjectHome.locate(elsewhere);
        assertTrue(Files.isDirectory(ph.templates().resolve("henan-2025")), ph.toString());
        assertTrue(Files.isDirectory(ph.fonts()), ph.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), elsewhere);
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(o.startsWith("data/x.yaml → out/x.pdf："), o);
        assertTrue(Files.size(elsewhere.resolve("out/x.pdf")) > 10_000);
        assertTrue(Files.exists(data));
    }

    @Test
    void theProjectsOwnFoldersComeBeforeTheProjectOfTheCode(@TempDir Path elsewhere) throws Exception {
        Path own = Files.createDirectories(elsewhere.resolve("templates"));
        ProjectHome ph = ProjectHome.locate(elsewhere);
        assertEquals(own, ph.templates());
        assertEquals(HOME.resolve("fonts"), ph.fonts(), "each folder is looked up on its own");
    }

    @Test
    void fontsPackagedInTheJarAreCopiedOnceToAFolderAndUsedFromThere(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("p.jar");
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar, java.util.Map.of("create", "true"))) {
            Path fonts = Files.createDirectories(zip.getPath("/budgetpdf/fonts"));
            Files.write(fonts.resolve("A.ttf"), new byte[] {1, 2, 3});
            Files.writeString(fonts.resolve("OFL.txt"), "licence");
            String saved = System.getProperty("java.io.tmpdir");
            System.setProperty("java.io.tmpdir", tmp.toString());
            try {
                Path out = ProjectHome.unpacked(fonts);
                assertEquals(java.nio.file.FileSystems.getDefault(), out.getFileSystem());
                assertTrue(out.startsWith(tmp), out.toString());
                assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out.resolve("A.ttf")));
                assertEquals("licence", Files.readString(out.resolve("OFL.txt")));
                Object copied = Files.readAttributes(out.resolve("A.ttf"), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
                assertEquals(out, ProjectHome.unpacked(fonts), "copied once: the second run uses the same folder");
                assertEquals(copied, Files.readAttributes(out.resolve("A.ttf"), java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                        "and the same files (FontCacheTest: what it takes to trust them)");
                Files.write(fonts.resolve("A.ttf"), new byte[] {1, 2, 3, 4});
                assertNotEquals(out, ProjectHome.unpacked(fonts), "another font set, another folder");
            } finally {
                System.setProperty("java.io.tmpdir", saved);
            }
        }
    }

    @Test
    void seed004StaysSmall() throws Exception {
        Pipeline p = new Pipeline(HOME);
        Pipeline.Checked c = p.check(HOME.resolve(REAL), REAL);
        assertTrue(c.ok(), c.diags().sorted().toString());
        byte[] pdf = p.render(c).result().pdf();
        // 447 KB before subsets lost their full-size metrics tables (issue 9).
        assertTrue(pdf.length <= 340 * 1024, "seed 004 is " + pdf.length + " bytes");
    }

    @Test
    void aFaultOfTheProgramIsNamedAsSuchAndTheOtherFilesStillBuild(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path a = Files.copy(HOME.resolve(FINAL), in.resolve("a.yaml"));
        Path b = Files.copy(HOME.resolve(REAL), in.resolve("b.yaml"));
        // a rule with a bug, for 决算 files only
        org.budgetpdf.check.Checker buggy = new org.budgetpdf.check.Checker(List.of(new org.budgetpdf.check.Rule("Z99", "bug",
                java.util.Set.of(org.budgetpdf.model.DocKind.FINAL_ACCOUNTS), List.of(), false, (ctx, d) -> {
                    throw new IllegalStateException("boom");
                })));
        CliTest.Run r = run(HOME, tmp.resolve("out"), 2, buggy, List.of(a, b));
        int code = r.code();
        String errText = r.err();
        assertEquals(1, code, errText);
        assertTrue(errText.contains("错误[E-INTERNAL]: 检查时程序内部出错（IllegalStateException：boom）"), errText);
        assertFalse(errText.contains("\tat "), "no stack trace: " + errText);
        assertFalse(Files.exists(tmp.resolve("out/a.pdf")));
        assertTrue(Files.exists(tmp.resolve("out/b.pdf")), r.out());
    }
}
