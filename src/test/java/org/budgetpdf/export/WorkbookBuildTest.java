package org.budgetpdf.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.budgetpdf.Main;
import org.budgetpdf.Pipeline;
import org.budgetpdf.testutil.FileLinks;
import org.budgetpdf.testutil.Matrix;
import org.budgetpdf.testutil.PdfText;
import org.budgetpdf.testutil.Workbooks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * build --xlsx through the command line: a workbook beside every sample's PDF, the same bytes on a second build, no
 * temporary file left, an old workbook kept when the new one cannot be written; and for seed 004 the figures of every
 * sheet against the figures the PDF itself shows (PDFBox), and against the published document.
 */
class WorkbookBuildTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final String SEED_004 = "data/xinxiang-weibin-2025-budget.yaml";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), HOME);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static String base(Path yaml) {
        String n = yaml.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    /** Seed 004 built once with --xlsx: its PDF and its workbook. */
    static Path seedOut;

    @BeforeAll
    static void buildSeed() throws IOException {
        seedOut = Files.createTempDirectory("xlsx-seed");
        Run r = run("build", "--xlsx", "--out", seedOut.toString(), SEED_004);
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void everySampleGetsItsWorkbookTheSameBytesTwiceAndNoTemporaryFile(@TempDir Path out) throws Exception {
        Run first = run("build", "--xlsx", "--out", out.toString(), "data");
        assertEquals(0, first.code(), first.err());
        List<Path> data = Matrix.dataFiles().stream().filter(p -> p.getParent().endsWith("data")).toList();
        List<Path> expected = new ArrayList<>();
        for (Path yaml : data) {
            expected.add(out.resolve(base(yaml) + ".pdf"));
            expected.add(out.resolve(base(yaml) + ".xlsx"));
            assertTrue(first.out().contains(base(yaml) + ".xlsx"), "the result line names the workbook: " + first.out());
        }
        assertEquals(expected.stream().sorted().toList(), list(out), "a PDF and a workbook per sample, nothing else");
        List<byte[]> before = new ArrayList<>();
        for (Path yaml : data) {
            Path book = out.resolve(base(yaml) + ".xlsx");
            before.add(Files.readAllBytes(book));
            try (Workbook wb = Workbooks.open(book); PDDocument pdf = Loader.loadPDF(out.resolve(base(yaml) + ".pdf").toFile())) {
                assertTrue(wb.getNumberOfSheets() > 0, book.toString());
                String text = PdfText.squeeze(String.join("", PdfText.pageTexts(pdf)));
                for (Sheet s : wb) {
                    List<String> lines = Workbooks.aboveCells(s);
                    assertFalse(lines.isEmpty(), s.getSheetName());
                    for (String line : lines) {
                        assertTrue(text.contains(PdfText.squeeze(line)), book.getFileName() + " " + s.getSheetName() + ": “" + line + "” is in the PDF");
                    }
                    assertTrue(s.getSheetName().length() <= 31, s.getSheetName());
                }
            }
        }
        // every entry of the zip dated from the data: a second build, seconds later, gives the same bytes
        Thread.sleep(2100);
        Run second = run("build", "--xlsx", "--out", out.toString(), "data");
        assertEquals(0, second.code(), second.err());
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(before.get(i), Files.readAllBytes(out.resolve(base(data.get(i)) + ".xlsx")), data.get(i) + ": same bytes twice");
        }
        assertEquals(expected.stream().sorted().toList(), list(out), "no temporary file left");
    }

    /** Pages of the PDF by outline entry: its title and the page it opens at, in the order of the outline. */
    record Entry(String title, int page) {
    }

    static List<Entry> outline(PDDocument doc) throws IOException {
        List<Entry> out = new ArrayList<>();
        walk(doc, doc.getDocumentCatalog().getDocumentOutline(), out);
        return out;
    }

    private static void walk(PDDocument doc, PDOutlineNode node, List<Entry> out) throws IOException {
        if (node == null) return;
        for (PDOutlineItem i : node.children()) {
            PDPage p = i.findDestinationPage(doc);
            out.add(new Entry(PdfText.squeeze(i.getTitle()), p == null ? 0 : doc.getPages().indexOf(p) + 1));
            walk(doc, i, out);
        }
    }

    /** The amounts on pages {@code from}..{@code to}, top to bottom and left to right as a reader sees them. */
    static List<String> pdfAmounts(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        s.setStartPage(from);
        s.setEndPage(to);
        return Workbooks.amounts(s.getText(doc));
    }

    @Test
    void seed004EverySheetHasTheFiguresThePdfShows() throws Exception {
        Pipeline.Checked c = new Pipeline(HOME).check(HOME.resolve(SEED_004), SEED_004);
        int declared = c.layout().orElseThrow().tables().size();
        try (Workbook wb = Workbooks.open(seedOut.resolve("xinxiang-weibin-2025-budget.xlsx"));
             PDDocument pdf = Loader.loadPDF(seedOut.resolve("xinxiang-weibin-2025-budget.pdf").toFile())) {
            assertEquals(declared, wb.getNumberOfSheets(), "every table the layout declares (the department's, printed once)");
            List<Entry> outline = outline(pdf);
            int last = -1;
            for (Sheet s : wb) {
                // the outline entry of this table: its 表号 and title, after the previous sheet's
                String key = Workbooks.above(s).replaceAll("(部门名称|填报单位|单位名称)：.*$", "");
                int at = -1;
                for (int i = last + 1; i < outline.size() && at < 0; i++) if (outline.get(i).title().equals(key)) at = i;
                assertTrue(at >= 0, s.getSheetName() + ": “" + key + "” is the next table of the PDF's outline " + outline);
                int from = outline.get(at).page();
                int to = pdf.getNumberOfPages();
                for (int i = at + 1; i < outline.size(); i++) {
                    if (outline.get(i).page() > from) {
                        to = outline.get(i).page() - 1;
                        break;
                    }
                }
                // the same numbers in the same order: the same 合计, and a blank in the PDF is no 0.00 here
                assertEquals(pdfAmounts(pdf, from, to), Workbooks.bodyAmounts(s), s.getSheetName() + " (PDF pages " + from + "–" + to + ")");
                last = at;
            }
        }
    }

    @Test
    void seed004FiguresAreThePublishedOnes() throws Exception {
        // independent values: the published 2025 budget of 新乡市卫滨区医疗保障局 (shared/seeds/004)
        try (Workbook wb = Workbooks.open(seedOut.resolve("xinxiang-weibin-2025-budget.xlsx"))) {
            Sheet overall = sheetWith(wb, "部门收支总体情况表");
            assertEquals(List.of("1,740.73", "1,740.73"), Workbooks.rowAmounts(overall, Workbooks.rowWith(overall, "收入总计")));
            assertEquals(List.of("1,648.73"), Workbooks.rowAmounts(overall, Workbooks.rowWith(overall, "其中：财政拨款")));
            assertEquals("1,717.13", Workbooks.shown(overall, Workbooks.rightOf(overall, "十、卫生健康支出")));
            assertEquals("11.91", Workbooks.shown(overall, Workbooks.rightOf(overall, "八、社会保障和就业支出")));
            assertEquals("11.69", Workbooks.shown(overall, Workbooks.rightOf(overall, "二十一、住房保障支出")));
            // 二、外交 is blank in the published table, not 0.00
            assertTrue(Workbooks.blank(Workbooks.rightOf(overall, "二、外交支出")));

            Sheet spending = sheetWith(wb, "部门支出总体情况表");
            int total = Workbooks.rowWith(spending, "合计");
            assertEquals(List.of("1,740.73", "129.72", "116.22", "5.05", "8.45", "1,611.01", "11.74", "1,599.27"),
                    Workbooks.rowAmounts(spending, total));
            assertEquals(CellType.NUMERIC, Workbooks.cell(spending, total, 5).getCellType());
            int relief = Workbooks.rowWith(spending, "城乡医疗救助");
            assertEquals(List.of("114.60", "114.60", "114.60"), Workbooks.rowAmounts(spending, relief));
            // 210 13 01: codes are text, the leading zero kept
            List<String> codes = new ArrayList<>();
            for (int col = 0; col < 3; col++) {
                assertEquals(CellType.STRING, Workbooks.cell(spending, relief, col).getCellType());
                codes.add(Workbooks.cell(spending, relief, col).getStringCellValue());
            }
            assertEquals(List.of("210", "13", "01"), codes);

            Sheet projects = sheetWith(wb, "项目支出表");
            assertTrue(Workbooks.rowAmounts(projects, Workbooks.rowWith(projects, "城乡居民医保区级配套")).contains("980.00"));
            Sheet econ = sheetWith(wb, "支出经济分类汇总表");
            assertTrue(Workbooks.rowAmounts(econ, Workbooks.rowWith(econ, "对社会保险基金补助")).contains("980.00"));

            // above the grid: the unit line and the department line as the PDF prints them
            assertTrue(Workbooks.above(overall).contains("部门名称：新乡市卫滨区医疗保障局"), Workbooks.above(overall));
            assertTrue(Workbooks.above(overall).contains("单位：万元"), Workbooks.above(overall));
        }
    }

    static Sheet sheetWith(Workbook wb, String title) {
        for (Sheet s : wb) if (Workbooks.above(s).contains(title)) return s;
        throw new AssertionError("no sheet titled " + title);
    }

    @Test
    void aFolderWhereTheWorkbookGoesKeepsItAndSaysSoInChinese(@TempDir Path out) throws Exception {
        Path folder = out.resolve("minimal-budget.xlsx");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("里面的文件.txt"), "不要动");
        Run r = run("build", "--xlsx", "--out", out.toString(), "src/test/resources/fixtures/minimal-budget.yaml");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("错误[E-WRITE]: 输出目录 ") && r.err().contains("minimal-budget.xlsx 是一个文件夹，不能用 Excel 表格替换它"), r.err());
        assertTrue(r.err().contains("已有的 Excel 表格未被改动"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("不要动", Files.readString(folder.resolve("里面的文件.txt")));
        assertEquals(List.of(out.resolve("minimal-budget.pdf"), folder), list(out), "no temporary file left");
    }

    @Test
    void aReadOnlyFolderKeepsTheOldWorkbook(@TempDir Path out) throws Exception {
        byte[] old = Files.readAllBytes(seedOut.resolve("xinxiang-weibin-2025-budget.xlsx"));
        Path book = out.resolve("minimal-budget.xlsx");
        Files.write(book, old);
        Files.writeString(out.resolve("minimal-budget.pdf"), "%PDF 旧的");
        boolean locked = lock(out);
        Assumptions.assumeTrue(locked, "this system cannot make a folder read-only for this user");
        try {
            Run r = run("build", "--xlsx", "--out", out.toString(), "src/test/resources/fixtures/minimal-budget.yaml");
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("错误[E-WRITE]"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        } finally {
            unlock(out);
        }
        assertArrayEquals(old, Files.readAllBytes(book), "the previous workbook is untouched");
        assertEquals(List.of(out.resolve("minimal-budget.pdf"), book), list(out), "no temporary file left");
    }

    /** Read-only for us: permissions, or (as root, whom permissions do not stop) the immutable attribute. */
    static boolean lock(Path dir) throws Exception {
        FileLinks.assumePosix(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(dir)) return true;
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Process p = new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start();
            return p.waitFor() == 0 && probeFails(dir);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean probeFails(Path dir) {
        try {
            Files.delete(Files.createFile(dir.resolve("probe")));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static void unlock(Path dir) throws Exception {
        try {
            new ProcessBuilder("chattr", "-i", dir.toString()).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            // no chattr: permissions were used
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void checkRefusesTheOptionHelpExplainsItAndNoReportReplacesAWorkbook(@TempDir Path dir) throws IOException {
        Run r = run("check", "--xlsx", SEED_004);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--xlsx 只用于 build"), r.err());
        assertTrue(run("--help").out().contains("--xlsx"));
        Path book = dir.resolve("公开表.xlsx");
        Files.writeString(book, "表格");
        Run report = run("check", "--report", book.toString(), SEED_004);
        assertEquals(2, report.code(), report.err());
        assertTrue(report.err().contains("Excel 表格"), report.err());
        assertEquals("表格", Files.readString(book));
    }
}
