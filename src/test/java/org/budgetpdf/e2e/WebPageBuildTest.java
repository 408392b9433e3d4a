package org.budgetpdf.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.budgetpdf.testutil.DataSite;
import org.budgetpdf.testutil.DataSite.Run;
import org.budgetpdf.testutil.PdfText;
import org.budgetpdf.testutil.WebPages;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.budgetpdf.testutil.PdfText.squeeze;
import static org.junit.jupiter.api.Assertions.*;

/**
 * build --html through the command line, as the clerk runs it on data/: a web page beside every PDF, read back with an
 * HTML5 parser and compared with the PDF read back with PDFBox (every bookmarked part and table of the PDF is a heading
 * of the page; every 合计 row of the page is printed in the PDF where that table is) and with the seeds' published
 * figures; byte-identical on a second build; a page that cannot be made replaces nothing.
 */
class WebPageBuildTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    static Run run(Path cwd, String... args) {
        return DataSite.run(cwd, args);
    }

    @TempDir
    static Path tmp;
    static Path out;
    /** data file name without .yaml → its page. */
    static final Map<String, Document> pages = new LinkedHashMap<>();

    @BeforeAll
    static void buildData() throws IOException {
        DataSite.Site site = DataSite.get();
        Run first = site.run();
        assertEquals(0, first.code(), first.err());
        out = site.out();
        for (Path f : dataFiles()) {
            String name = f.getFileName().toString().replace(".yaml", "");
            Path html = out.resolve(name + ".html");
            assertTrue(Files.isRegularFile(html), html.toString());
            assertTrue(first.out().contains(name + ".pdf、"), "the result line names the page: " + first.out());
            pages.put(name, WebPages.assertWebPage(Files.readString(html, StandardCharsets.UTF_8), name));
        }
    }

    static List<Path> dataFiles() throws IOException {
        try (Stream<Path> s = Files.list(HOME.resolve("data"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** A bookmark of the PDF: its title and the page it opens. */
    record Mark(String title, int page) {
    }

    static List<Mark> marks(PDDocument doc) throws IOException {
        List<Mark> out = new ArrayList<>();
        marks(doc, doc.getDocumentCatalog().getDocumentOutline(), out);
        out.sort(java.util.Comparator.comparingInt(Mark::page));
        return out;
    }

    private static void marks(PDDocument doc, PDOutlineNode node, List<Mark> out) throws IOException {
        if (node == null) return;
        for (PDOutlineItem i : node.children()) {
            PDPage page = i.findDestinationPage(doc);
            out.add(new Mark(i.getTitle(), page == null ? 0 : doc.getPages().indexOf(page) + 1));
            marks(doc, i, out);
        }
    }

    /** Headings of the page as the PDF's bookmarks name them: the heading, or the table number and the heading. */
    static List<String> headings(Document page) {
        List<String> out = new ArrayList<>();
        for (Element h : page.select("h1, h2, h3, h4, h5, h6")) {
            out.add(squeeze(h.text()));
            Element before = h.previousElementSibling();
            if (before != null && before.hasClass("table-no")) out.add(squeeze(before.text() + h.text()));
        }
        return out;
    }

    @Test
    void everyPartAndTableOfThePdfIsOnThePageWithTheSameTotals() throws IOException {
        int tablesCompared = 0;
        for (Map.Entry<String, Document> e : pages.entrySet()) {
            try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(out.resolve(e.getKey() + ".pdf")))) {
                List<String> text = PdfText.pageTexts(pdf).stream().map(PdfText::squeeze).toList();
                List<Mark> marks = marks(pdf);
                assertFalse(marks.isEmpty(), e.getKey());
                List<String> headings = headings(e.getValue());
                for (Mark m : marks) {
                    if (m.title().equals("封面")) continue; // the page's header, its h1 the title the cover shows
                    // a bookmark may number what the heading does not (hebei-2021: “1．部门预算收支总表”)
                    String title = squeeze(m.title());
                    assertTrue(headings.contains(title) || headings.contains(title.replaceFirst("^[0-9一二三四五六七八九十]+[．.、]", "")),
                            () -> e.getKey() + ": the PDF's “" + m.title() + "” is no heading of the page");
                }
                for (Element table : e.getValue().select("table")) {
                    List<List<String>> totals = WebPages.totalRows(table);
                    if (totals.isEmpty()) continue;
                    // the pages of this table in the PDF: from its bookmark to the next one (the whole PDF when it has none)
                    String caption = squeeze(table.selectFirst("caption").text()).replaceAll("（.*$", "");
                    int from = 1;
                    int to = text.size();
                    for (int i = 0; i < marks.size(); i++) {
                        String title = squeeze(marks.get(i).title());
                    if (caption.endsWith(title) || title.endsWith(caption)) {
                            from = marks.get(i).page();
                            for (int j = i + 1; j < marks.size(); j++) {
                                if (marks.get(j).page() > from) {
                                    to = marks.get(j).page();
                                    break;
                                }
                            }
                            break;
                        }
                    }
                    String pdfText = String.join("", text.subList(from - 1, to));
                    for (List<String> row : totals) {
                        String printed = squeeze(String.join("", row));
                        assertTrue(pdfText.contains(printed), () -> e.getKey() + ": " + caption + "’s row “" + String.join(" | ", row)
                                + "” is not printed in the PDF");
                    }
                    tablesCompared++;
                }
            }
        }
        assertTrue(tablesCompared >= 30, "tables with a 合计 row compared: " + tablesCompared);
    }

    /** The 合计 row of the table whose caption starts with {@code title}. */
    static List<String> total(String file, String title, String first) {
        for (Element t : pages.get(file).select("table")) {
            if (!squeeze(t.selectFirst("caption").text()).startsWith(squeeze(title))) continue;
            for (List<String> row : WebPages.totalRows(t)) {
                if (row.stream().filter(s -> !s.isBlank()).findFirst().orElse("").equals(first)) {
                    return row.stream().filter(s -> !s.isBlank()).toList();
                }
            }
        }
        throw new AssertionError(file + ": no " + title + " with a row " + first);
    }

    /** Figures as the seeds (shared/seeds, text of the published PDFs) print them: the file and line are given with each. */
    @Test
    void figuresAreThoseTheDepartmentsPublished() {
        // 004_f817b9ad0bd285d8.txt:696 (预算03表) and :914 (预算06表), :502 and :506 (预算01表)
        assertEquals(List.of("合计", "1,740.73", "129.72", "116.22", "5.05", "8.45", "1,611.01", "11.74", "1,599.27"),
                total("xinxiang-weibin-2025-budget", "预算03表", "合计"));
        assertEquals(List.of("合计", "129.72", "121.27", "8.45"), total("xinxiang-weibin-2025-budget", "预算06表", "合计"));
        assertEquals(List.of("本年收入合计", "1,740.73", "本年支出合计", "1,740.73"), total("xinxiang-weibin-2025-budget", "预算01表", "本年收入合计"));
        // 003_cd0c0ad2268b1eb8.txt:132 (公开01表: 总计 行次 31 | 801.14, 总计 行次 62 | 801.14)
        List<String> final01 = total("jiaozuo-zhongzhan-2021-final", "公开01表", "总计");
        assertEquals("801.14", final01.get(2), final01.toString());
        assertEquals("801.14", final01.get(final01.size() - 1), final01.toString());
        // 000_6ce4635fafc8cf41.txt:364 (部门收支总体情况表: 收入总计 2,081.40 | 支出总计 2,081.40)
        String hongqi = squeeze(pages.get("xinxiang-hongqi-2021-budget").body().text());
        assertTrue(hongqi.contains(squeeze("收入总计 2,081.40 支出总计 2,081.40")), "seed 000's 收支总计");
    }

    @Test
    void aSecondBuildWritesTheSameBytes() throws IOException {
        Path again = tmp.resolve("again");
        Run r = run(HOME, "build", "--html", "--threads", "1", "--out", again.toString(), "data");
        assertEquals(0, r.code(), r.err());
        for (String name : pages.keySet()) {
            assertArrayEquals(Files.readAllBytes(out.resolve(name + ".html")), Files.readAllBytes(again.resolve(name + ".html")), name);
        }
    }

    /** A copy of the project's templates/ and one data file in {@code dir}. */
    static Path project(Path dir, String dataFile) throws IOException {
        org.apache.commons.io.FileUtils.copyDirectory(HOME.resolve("templates").toFile(), dir.resolve("templates").toFile());
        Files.createDirectories(dir.resolve("data"));
        Files.copy(HOME.resolve(dataFile), dir.resolve("data").resolve(Path.of(dataFile).getFileName()));
        return dir;
    }

    @Test
    void aPageThatCannotBeMadeReplacesNeitherThePdfNorThePage(@TempDir Path dir) throws IOException {
        Path home = project(dir, "src/test/resources/fixtures/minimal-budget.yaml");
        Path site = Files.createDirectories(home.resolve("out"));
        byte[] oldPdf = "%PDF-1.7 good".getBytes(StandardCharsets.UTF_8);
        byte[] oldPage = "<!doctype html><title>good</title>".getBytes(StandardCharsets.UTF_8);
        Files.write(site.resolve("minimal-budget.pdf"), oldPdf);
        Files.write(site.resolve("minimal-budget.html"), oldPage);
        Files.delete(home.resolve("templates/common/web.css"));
        Run r = run(home, "build", "--html", "data/minimal-budget.yaml");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("data/minimal-budget.yaml: 错误[E-LAYOUT]: 找不到网页版的样式表 templates/common/web.css"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertTrue(r.out().contains("data/minimal-budget.yaml：有错误，未生成 PDF"), r.out());
        assertArrayEquals(oldPdf, Files.readAllBytes(site.resolve("minimal-budget.pdf")));
        assertArrayEquals(oldPage, Files.readAllBytes(site.resolve("minimal-budget.html")));
        try (Stream<Path> s = Files.list(site)) {
            assertEquals(2, s.count(), "no temporary file left");
        }
        // without --html the PDF is built as always
        Run pdfOnly = run(home, "build", "data/minimal-budget.yaml");
        assertEquals(0, pdfOnly.code(), pdfOnly.err());
        assertArrayEquals(oldPage, Files.readAllBytes(site.resolve("minimal-budget.html")));
    }

    @Test
    void aWebStyleSheetThatEmbedsAFontIsALayoutErrorAtCheck(@TempDir Path dir) throws IOException {
        Path home = project(dir, "src/test/resources/fixtures/minimal-budget.yaml");
        Files.write(home.resolve("templates/henan-2025/song.ttf"), new byte[]{0, 1, 0, 0});
        Files.writeString(home.resolve("templates/henan-2025/web.css"), "/* 本版式的网页 */\n"
                + "@font-face { font-family: Song; src: url(song.ttf); }\n", StandardCharsets.UTF_8);
        Run r = run(home, "check", "data/minimal-budget.yaml");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("templates/henan-2025/web.css:2:42: 错误[E-LAYOUT]: 网页版不嵌入字体文件"), r.err());
        assertTrue(r.err().contains("1 个错误"), "this rule alone: " + r.err());
        // the same url() in the PDF's style sheet is a font the PDF may use: not this rule's business
        Files.move(home.resolve("templates/henan-2025/web.css"), home.resolve("templates/henan-2025/print-extra.css"));
        Run pdfCss = run(home, "check", "data/minimal-budget.yaml");
        assertEquals(0, pdfCss.code(), pdfCss.err());
    }

    @Test
    void dataStringsStayText(@TempDir Path dir) throws IOException {
        Path home = project(dir, "src/test/resources/fixtures/minimal-budget.yaml");
        Path data = home.resolve("data/minimal-budget.yaml");
        String evil = "组织实施<script>alert(1)</script>&amp;<img src=x onerror=alert(2)>医疗保障制度。";
        Files.writeString(data, Files.readString(data, StandardCharsets.UTF_8)
                .replace("    - 组织实施城乡居民基本医疗保险、医疗救助等医疗保障制度。", "    - \"" + evil + "\""), StandardCharsets.UTF_8);
        Run r = run(home, "build", "--html", "data/minimal-budget.yaml");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(home.resolve("out/minimal-budget.html"), StandardCharsets.UTF_8);
        Document d = WebPages.assertWebPage(html, "minimal");
        assertTrue(d.body().text().contains(evil), "printed as written");
        assertTrue(html.contains("组织实施&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;&lt;img src=x onerror=alert(2)&gt;"), html);
        assertTrue(d.select("script, img").isEmpty());
    }

    @Test
    void checkDoesNotTakeHtmlAndNoReportIsWrittenOverAPage() {
        Run r = run(HOME, "check", "--html", "data/xinxiang-weibin-2025-budget.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--html 只用于 build"), r.err());
        Path page = out.resolve("xinxiang-weibin-2025-budget.html");
        Run report = run(HOME, "check", "--report", page.toString(), "data/xinxiang-weibin-2025-budget.yaml");
        assertEquals(2, report.code(), report.err());
        assertTrue(report.err().contains(".html 文件是数据、版式、字体或已生成的 PDF、网页"), report.err());
    }
}
