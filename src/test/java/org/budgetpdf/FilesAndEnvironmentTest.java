package org.budgetpdf;

import org.budgetpdf.cli.Failure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.budgetpdf.CliTest.run;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8 §3, the CLI corpus: bad paths, a non-UTF-8 locale, two inputs for one output, an output folder that
 * cannot be written, missing or truncated fonts. Each asserts the exit code, the Chinese message, no stack
 * trace, and that an old PDF is byte-identical afterwards.
 */
class FilesAndEnvironmentTest {
    static final Path HOME = CliTest.HOME;
    static final Path MINIMAL = HOME.resolve(CliTest.MINIMAL);
    static final byte[] OLD = "%PDF-1.7 上一次生成的 PDF，不得被覆盖".getBytes(StandardCharsets.UTF_8);

    record Proc(int code, String out, String err) {
    }

    /** The CLI in a fresh JVM with the given LANG (LC_ALL and LC_CTYPE unset), run in {@code dir}. */
    static Proc java(Path dir, String lang, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.budgetpdf.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_CTYPE");
        pb.environment().put("LANG", lang);
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI did not finish");
        Proc r = new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static void assertNoStackTrace(String s) {
        assertFalse(s.contains("Exception") || s.contains("\tat "), s);
    }

    @Test
    void nonAsciiPathUnderLangCIsExplainedNotAStackTrace(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "the test JVM needs a UTF-8 locale to create the file");
        Files.createDirectories(tmp.resolve("数据"));
        Files.copy(MINIMAL, tmp.resolve("数据/测试.yaml"));
        Proc r = java(tmp, "C", "build", "数据/测试.yaml");
        assertEquals(2, r.code(), r.err());
        assertNoStackTrace(r.err());
        assertTrue(r.err().contains("不是 UTF-8"), r.err());
        assertTrue(r.err().contains("LANG=C.UTF-8"), r.err());
        assertTrue(r.err().contains("?"), "shows the name as Java saw it: " + r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
        // the same run under a UTF-8 locale builds
        Proc ok = java(HOME, "C.UTF-8", "check", tmp.resolve("数据/测试.yaml").toString());
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void asciiPathsUnderLangCReadAndPrintChineseAsUtf8(@TempDir Path tmp) throws Exception {
        Proc r = java(HOME, "C", "check", CliTest.BROKEN);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(CliTest.BROKEN + ":91:9: 错误[E-APPROVED]: "), r.err());
        assertTrue(r.out().contains("有错误，未生成 PDF"), r.out());
        Proc ok = java(HOME, "C", "check", CliTest.MINIMAL);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("检查通过"), ok.out());
        // templates and data are read as UTF-8 whatever the locale: the PDF carries the Chinese text
        Proc built = java(HOME, "C", "build", "--out", tmp.toString(), CliTest.MINIMAL);
        assertEquals(0, built.code(), built.err());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(tmp.resolve("minimal-budget.pdf").toFile())) {
            String text = String.join("\n", org.budgetpdf.testutil.PdfText.pageTexts(doc));
            assertTrue(text.contains("示例市示例区医疗保障局") && text.contains("部门预算"), text.substring(0, Math.min(200, text.length())));
        }
    }

    @Test
    void twoInputsForOneOutputAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("A"));
        Files.createDirectories(tmp.resolve("B"));
        Files.copy(MINIMAL, tmp.resolve("A/report.yaml"));
        Files.copy(MINIMAL, tmp.resolve("B/report.yaml"));
        Path out = tmp.resolve("O");
        Files.createDirectories(out);
        Path old = out.resolve("report.pdf");
        Files.write(old, OLD);
        CliTest.Run r = run("build", "--out", out.toString(), tmp.resolve("A/report.yaml").toString(), tmp.resolve("B/report.yaml").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("A/report.yaml") && r.err().contains("B/report.yaml"), r.err());
        assertTrue(r.err().contains("O/report.pdf") && r.err().contains("会生成同一个 PDF"), r.err());
        assertArrayEquals(OLD, Files.readAllBytes(old));
        assertEquals(List.of(old), CliTest.list(out));
        // check writes nothing, so two such files may be checked together
        assertEquals(0, run("check", tmp.resolve("A/report.yaml").toString(), tmp.resolve("B/report.yaml").toString()).code());
    }

    @Test
    void aFolderMeansEveryDataFileInIt(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("A/sub"));
        Files.createDirectories(tmp.resolve("A/.hidden"));
        Files.copy(MINIMAL, tmp.resolve("A/x.yaml"));
        Files.copy(MINIMAL, tmp.resolve("A/sub/x.yaml"));
        Files.copy(MINIMAL, tmp.resolve("A/.hidden/y.yaml"));
        Files.writeString(tmp.resolve("A/notes.txt"), "不是数据");
        CliTest.Run r = run("check", tmp.resolve("A").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.endsWith("：检查通过")).count(), r.out());
        assertTrue(r.out().contains("共 2 个文件：2 个检查通过"), r.out());
        // the same name in two sub-folders: each PDF keeps its sub-folder
        Path out = tmp.resolve("out");
        CliTest.Run b = run("build", "--out", out.toString(), tmp.resolve("A").toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(Files.size(out.resolve("x.pdf")) > 10_000);
        assertTrue(Files.size(out.resolve("sub/x.pdf")) > 10_000);
        assertFalse(Files.exists(out.resolve("y.pdf")), "hidden folders are skipped");
        // a folder without data files is a usage error
        Files.createDirectories(tmp.resolve("empty"));
        CliTest.Run e = run("check", tmp.resolve("empty").toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("里没有 .yaml 数据文件"), e.err());
    }

    @Test
    void anOutputFolderThatIsAFileSaysSoAndBlamesNeitherTemplatesNorFonts(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("公开稿");
        Files.writeString(file, "不是文件夹");
        CliTest.Run r = run("build", "--out", file.resolve("2025").toString(), CliTest.MINIMAL);
        assertEquals(1, r.code(), r.err());
        assertNoStackTrace(r.err());
        assertTrue(r.err().contains("错误[E-WRITE]: 无法建立输出目录"), r.err());
        assertTrue(r.err().contains("是一个文件，不是文件夹"), r.err());
        assertFalse(r.err().contains("模板") || r.err().contains("字体"), r.err());
        assertEquals("不是文件夹", Files.readString(file));
    }

    @Test
    void aReadOnlyOutputFolderKeepsTheOldPdf(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Path old = out.resolve("minimal-budget.pdf");
        Files.write(old, OLD);
        org.budgetpdf.testutil.FileLinks.assumePosix(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes anyway: then there is nothing to test here (the parent-is-a-file test covers the message)
            Assumptions.assumeFalse(Files.isWritable(out), "running as root: permissions do not stop writes");
            CliTest.Run r = run("build", "--out", out.toString(), CliTest.MINIMAL);
            assertEquals(1, r.code(), r.err());
            assertNoStackTrace(r.err());
            assertTrue(r.err().contains("错误[E-WRITE]: 没有权限在输出目录"), r.err());
            assertArrayEquals(OLD, Files.readAllBytes(old));
            assertEquals(List.of(old), CliTest.list(out));
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A copy of the project's templates/ (and fonts/ as given) in a temporary project folder. */
    static Path project(Path tmp) throws IOException {
        Path home = tmp.resolve("project");
        Path templates = HOME.resolve("templates");
        try (Stream<Path> s = Files.walk(templates)) {
            for (Path p : s.toList()) {
                Path to = home.resolve("templates").resolve(templates.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.createDirectories(home.resolve("out"));
        Files.write(home.resolve("out/minimal-budget.pdf"), OLD);
        return home;
    }

    static CliTest.Run runIn(Path home, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), home);
        return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aProjectWithoutAFontsFolderUsesTheProgramsOwnFonts(@TempDir Path tmp) throws IOException {
        // fonts/ is looked up like templates/: here, then beside the program (ProjectHome), so a missing folder is no failure
        Path home = project(tmp);
        CliTest.Run r = runIn(home, "build", MINIMAL.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(java.util.Arrays.equals(OLD, Files.readAllBytes(home.resolve("out/minimal-budget.pdf"))));
        assertEquals(List.of(home.resolve("out/minimal-budget.pdf")), CliTest.list(home.resolve("out")));
    }

    @Test
    void aTruncatedFontIsNamedAndTheOldPdfKept(@TempDir Path tmp) throws IOException {
        Path home = project(tmp);
        Files.createDirectories(home.resolve("fonts"));
        for (String f : List.of("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf", "NotoSerifSC-Bold.ttf")) {
            org.budgetpdf.testutil.FileLinks.linkOrCopy(home.resolve("fonts").resolve(f), HOME.resolve("fonts").resolve(f));
        }
        byte[] head = new byte[4096];
        try (var in = Files.newInputStream(HOME.resolve("fonts/NotoSerifSC-Regular.ttf"))) {
            assertEquals(head.length, in.readNBytes(head, 0, head.length));
        }
        Files.write(home.resolve("fonts/NotoSerifSC-Regular.ttf"), head);
        CliTest.Run r = runIn(home, "build", MINIMAL.toString());
        assertEquals(1, r.code(), r.err());
        assertNoStackTrace(r.err());
        assertTrue(r.err().contains("错误[E-RENDER]: 字体文件 fonts/NotoSerifSC-Regular.ttf 无法读取"), r.err());
        assertTrue(r.err().contains("重新复制这个字体文件"), r.err());
        assertArrayEquals(OLD, Files.readAllBytes(home.resolve("out/minimal-budget.pdf")));
        assertEquals(List.of(home.resolve("out/minimal-budget.pdf")), CliTest.list(home.resolve("out")));
    }

    @Test
    void diskFullBlamesTheDiskNotTemplatesOrFonts() {
        Failure f = Failure.classify(new FileSystemException("out/x.pdf.tmp-1", null, "No space left on device"), "out");
        assertEquals("E-WRITE", f.code());
        assertTrue(f.message().contains("磁盘空间已满"), f.message());
        assertFalse((f.message() + f.hint()).contains("模板（") || f.hint().contains("templates/"), f.hint());
        // FileChannel.write reports a full disk as a plain IOException
        assertEquals("E-WRITE", Failure.classify(new IOException("No space left on device"), "out").code());
        Failure ro = Failure.classify(new ReadOnlyFileSystemException(), "out");
        assertTrue(ro.message().contains("只读"), ro.message());
        Failure big = Failure.classify(new FileSystemException("out/x.pdf", null, "File too large"), "out");
        assertTrue(big.message().contains("这么大的文件"), big.message());
        Failure denied = Failure.classify(new java.nio.file.AccessDeniedException("out/x.pdf"), "out");
        assertTrue(denied.message().contains("没有权限"), denied.message());
    }

    // ---- issue 8 §2: characters the fonts cannot draw ------------------------------------------------------------

    static Path withName(Path tmp, String unitName) throws IOException {
        String text = Files.readString(MINIMAL, StandardCharsets.UTF_8).replace("  名称: 示例市示例区医疗保障局\n", "  名称: " + unitName + "\n");
        Path f = tmp.resolve("minimal-budget.yaml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void charactersNoFontHasAreErrorsAtTheirPlaceAndTheOldPdfIsKept(@TempDir Path tmp) throws IOException {
        Path data = withName(tmp, "示例市卓玛་ཀ区医疗保障局😀");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.write(out.resolve("minimal-budget.pdf"), OLD);
        CliTest.Run r = run("build", "--out", out.toString(), data.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("minimal-budget.yaml:9:12: 错误[E-GLYPH]: fonts/ 中的字体没有“་”（U+0F0B）、“ཀ”（U+0F40）、“😀”（U+1F600）"), r.err());
        assertTrue(r.err().contains("Noto Serif SC、Noto Sans SC"), "the hint names the CSS families: " + r.err());
        assertTrue(r.err().contains("放进 fonts/"), r.err());
        assertArrayEquals(OLD, Files.readAllBytes(out.resolve("minimal-budget.pdf")));
        assertTrue(r.err().contains("minimal-budget.yaml:19:14: 错误[E-GLYPH]"), "the unit's name too: " + r.err());
        assertEquals(2, r.err().split("E-GLYPH", -1).length - 1, "one diagnostic per text");
    }

    @Test
    void aFontDroppedIntoFontsDrawsWhatTheCssFontsLack(@TempDir Path tmp) throws IOException {
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        // no small OFL font with an Extension B character is in the reachable registries (see README): this
        // exercises the same path with a character (U+2654) that Noto Serif/Sans SC lack and DejaVu Sans has
        Assumptions.assumeTrue(Files.isRegularFile(dejavu), "DejaVu Sans is not installed");
        Path home = project(tmp);
        Files.createDirectories(home.resolve("fonts"));
        for (String f : List.of("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf", "NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf")) {
            org.budgetpdf.testutil.FileLinks.linkOrCopy(home.resolve("fonts").resolve(f), HOME.resolve("fonts").resolve(f));
        }
        Path data = withName(tmp, "示例市♔区医疗保障局");
        CliTest.Run before = runIn(home, "build", data.toString());
        assertEquals(1, before.code(), before.err());
        assertTrue(before.err().contains("错误[E-GLYPH]: fonts/ 中的字体没有“♔”（U+2654）"), before.err());

        org.budgetpdf.testutil.FileLinks.linkOrCopy(home.resolve("fonts/DejaVuSans.ttf"), dejavu);
        CliTest.Run after = runIn(home, "build", data.toString());
        assertEquals(0, after.code(), after.err());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(home.resolve("out/minimal-budget.pdf").toFile())) {
            String text = String.join("\n", org.budgetpdf.testutil.PdfText.pageTexts(doc));
            // drawn in its own font run, which text extraction orders after the line ("示例市 区医疗保障局♔")
            assertTrue(text.contains("♔"), "the character is drawn");
            assertTrue(org.budgetpdf.testutil.PdfText.fonts(doc).stream().anyMatch(f -> f.baseFont().contains("DejaVuSans")),
                    "with the dropped-in font");
        }
    }

    @Test
    void aWrongValueUsedThroughAnAliasManyTimesIsReportedOnce(@TempDir Path tmp) throws IOException {
        String text = Files.readString(MINIMAL, StandardCharsets.UTF_8).replace(
                "三公经费:\n  因公出国: 0\n  公务用车购置: 0\n  公务用车运行: 0\n  公务接待: 0",
                "三公经费:\n  因公出国: &z 1O\n  公务用车购置: *z\n  公务用车运行: *z\n  公务接待: *z");
        Path f = tmp.resolve("alias.yaml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        CliTest.Run r = run("check", f.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().split("错误\\[E-AMOUNT]", -1).length - 1, r.err());
        assertTrue(r.err().contains("引用了 3 次，只报一次"), r.err());
        assertTrue(r.err().strip().endsWith("1 个错误，0 个警告"), r.err());
    }

    @Test
    void aBadYearIsOneErrorOnItsLineWithoutCatalogCascade(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("year.yaml");
        Files.writeString(f, Files.readString(MINIMAL, StandardCharsets.UTF_8).replace("年度: 2025\n", "年度: 20x5\n"), StandardCharsets.UTF_8);
        CliTest.Run r = run("check", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("year.yaml:4:5: 错误[E-VALUE]: “年度”的值“20x5”不是年份"), r.err());
        assertTrue(r.err().strip().endsWith("1 个错误，0 个警告"), r.err());
    }

    @Test
    void aFinalAccountsFileLabelledBudgetIsOneKindError(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("final.yaml");
        String text = Files.readString(HOME.resolve("data/jiaozuo-zhongzhan-2021-final.yaml"), StandardCharsets.UTF_8);
        assertTrue(text.contains("\n文档: 部门决算"));
        Files.writeString(f, text.replace("\n文档: 部门决算", "\n文档: 部门预算"), StandardCharsets.UTF_8);
        CliTest.Run r = run("check", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("错误[E-KIND]: 文档类型写的是部门预算，但内容是部门决算的格式"), r.err());
        assertTrue(r.err().strip().endsWith("1 个错误，0 个警告"), r.err());
    }

    @Test
    void aBrokenTemplateIsNamedWithItsLineAndTheOldPdfKept(@TempDir Path tmp) throws IOException {
        Path home = project(tmp);
        Files.createDirectories(home.resolve("fonts"));
        for (String f : List.of("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf", "NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf")) {
            org.budgetpdf.testutil.FileLinks.linkOrCopy(home.resolve("fonts").resolve(f), HOME.resolve("fonts").resolve(f));
        }
        Path template = home.resolve("templates/henan-2025/document.ftlh");
        Files.writeString(template, Files.readString(template, StandardCharsets.UTF_8) + "${没有这个变量.名称}\n", StandardCharsets.UTF_8);
        CliTest.Run r = runIn(home, "build", MINIMAL.toString());
        assertEquals(1, r.code(), r.err());
        assertNoStackTrace(r.err());
        // the template runs at check: the mistake is an E-LAYOUT at its line before any PDF is made
        assertTrue(r.err().contains("templates/henan-2025/document.ftlh:" + Files.readString(template, StandardCharsets.UTF_8).lines().count()
                + ":3: 错误[E-LAYOUT]: 模板用到的“没有这个变量”在这份数据中没有值"), r.err());
        assertTrue(r.err().contains("问题在版式的模板"), r.err());
        assertTrue(r.err().contains(" | ${没有这个变量.名称}"), "the template line is shown: " + r.err());
        assertArrayEquals(OLD, Files.readAllBytes(home.resolve("out/minimal-budget.pdf")));
    }
}
