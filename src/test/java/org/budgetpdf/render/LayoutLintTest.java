package org.budgetpdf.render;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One small page per check of the layout lint, each making exactly that check fail on the first
 * layout; and, for what {@link Refit} can mend, the same page clean once it has.
 */
class LayoutLintTest {
    static final String BASE = Path.of("").toAbsolutePath().toUri().toString();
    static FontSet fonts;

    @BeforeAll
    static void load() throws Exception {
        fonts = FontSet.load(RenderFixture.FONTS);
    }

    static String page(String css, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><title>t</title><style>
                @page { size: A4; margin: 20mm; }
                body { font-family: 'Noto Serif SC'; font-size: 11pt; margin: 0; }
                table { border-collapse: collapse; width: 100%%; table-layout: fixed; -fs-table-paginate: paginate; }
                tr { page-break-inside: avoid; }
                th, td { border: 0.6pt solid #000; padding: 1mm; }
                td.num { text-align: right; white-space: nowrap; }
                .part { page-break-before: always; }
                %s
                </style></head><body>%s</body></html>
                """.formatted(css, body);
    }

    static String rows(int n, String cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) sb.append("<tr><td>第").append(i).append("行</td>").append(cells).append("</tr>");
        return sb.toString();
    }

    static List<LayoutLint.Finding> lint(String xhtml, boolean refit) {
        return new PdfRenderer(fonts, true, refit).render(xhtml, BASE, RenderFixture.META, Set.of()).lint();
    }

    static Set<LayoutLint.Check> checks(List<LayoutLint.Finding> findings) {
        return findings.stream().map(LayoutLint.Finding::check).collect(Collectors.toSet());
    }

    /** The first layout shows exactly {@code check}; after Refit, nothing (or, when it cannot mend it, still exactly that). */
    static void exactly(LayoutLint.Check check, String xhtml, boolean mendable) {
        List<LayoutLint.Finding> before = lint(xhtml, false);
        assertEquals(Set.of(check), checks(before), before::toString);
        List<LayoutLint.Finding> after = lint(xhtml, true);
        if (mendable) {
            assertEquals(List.of(), after);
        } else {
            assertEquals(Set.of(check), checks(after), after::toString);
        }
    }

    @Test
    void aFigureWiderThanItsColumnIsSetSmallerWithItsWholeTable() {
        String xhtml = page("", "<table><colgroup><col style='width:85%'/><col style='width:15%'/></colgroup><tbody>"
                + "<tr><td>合计</td><td class='num'>1,234,567,890.12</td></tr>" + rows(3, "<td class='num'>1.00</td>") + "</tbody></table>");
        exactly(LayoutLint.Check.CELL_OVERFLOW, xhtml, true);
        List<LayoutLint.Finding> f = lint(xhtml, false);
        assertTrue(f.get(0).detail().contains("1,234,567,890.12"), f::toString);
    }

    @Test
    void textFarTooWideForItsCellWraps() {
        String xhtml = page("", "<table><colgroup><col style='width:85%'/><col style='width:15%'/></colgroup><tbody>"
                + "<tr><td>指标</td><td class='num'>严格执行国家药品目录和诊疗项目目录情况</td></tr></tbody></table>");
        exactly(LayoutLint.Check.CELL_OVERFLOW, xhtml, true);
    }

    @Test
    void contentOffThePageIsReported() {
        String xhtml = page("", "<div style='width:250mm'><p style='white-space:nowrap'>这一行文字很长，很长，很长，很长，很长，很长，很长，很长，很长，很长，很长，很长，超出了版心的右边</p></div>");
        exactly(LayoutLint.Check.PAGE_OVERFLOW, xhtml, false);
    }

    @Test
    void aTableContinuedForOneRowOntoANearlyEmptyPageBreaksEarlier() {
        String xhtml = spillingTable();
        List<LayoutLint.Finding> before = lint(xhtml, false);
        assertTrue(before.get(0).detail().contains("接续到这一页"), before::toString);
        exactly(LayoutLint.Check.NEAR_EMPTY, xhtml, true);
    }

    /** The smallest table of tall rows that spills onto a second page. */
    static String spillingTable() {
        for (int n = 15; n <= 40; n++) {
            String xhtml = page("td { height: 9mm; }", "<table><thead><tr><th>项目</th><th>金额</th></tr></thead><tbody>"
                    + rows(n, "<td class='num'>1.00</td>") + "</tbody></table>");
            if (!lint(xhtml, false).isEmpty()) return xhtml;
        }
        return fail("no table length spilled exactly one row");
    }

    @Test
    void aSectionCarriedOverForAFewLinesGoesWholeToTheNextPage() {
        String section = "<h2>二、最后一节</h2>" + "<p>这是最后一节的文字，一共几行，排在这一部分的末尾；下一部分另起一页。</p>".repeat(3);
        for (int mm = 150; mm <= 250; mm += 2) {
            String xhtml = page("", "<div style='height:" + mm + "mm'>前文</div>" + section + "<div class='part'><h1>第二部分</h1></div>");
            if (!checks(lint(xhtml, false)).equals(Set.of(LayoutLint.Check.NEAR_EMPTY))) continue;
            exactly(LayoutLint.Check.NEAR_EMPTY, xhtml, true);
            return;
        }
        fail("no height left the section's last lines alone on a page");
    }

    @Test
    void aRowspanCutByAPageIsSplitAndItsLabelRepeated() {
        String body = "<table><thead><tr><th>一级</th><th>指标</th></tr></thead><tbody>"
                + "<tr><td rowspan='20'>投入管理</td><td>第1行</td></tr>" + "<tr><td>另一行</td></tr>".repeat(19)
                + rows(3, "").replace("</td></tr>", "</td><td>末</td></tr>").replace("<tr><td>第", "<tr><td>产出第") + "</tbody></table>";
        String xhtml = page("td { height: 9mm; }", "<div style='height:140mm'>前文</div>" + body);
        exactly(LayoutLint.Check.SPLIT_GROUP, xhtml, true);
    }

    @Test
    void aCharacterLeftAloneOnALineIsReportedAndTheFitterWidensTheColumn() {
        for (int pct = 4; pct <= 15; pct++) {
            String xhtml = page("", "<table class='grid'><colgroup><col style='width:" + pct + "%'/><col/></colgroup>"
                    + "<thead><tr><th>政府性基金</th><th>说明</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>");
            if (!checks(lint(xhtml, false)).equals(Set.of(LayoutLint.Check.SINGLE_CHARACTER))) continue;
            exactly(LayoutLint.Check.SINGLE_CHARACTER, xhtml, true);
            assertTrue(lint(xhtml, false).get(0).detail().contains("只有“"), lint(xhtml, false)::toString);
            return;
        }
        fail("no column width left one character alone");
    }

    /**
     * The reader's measure (another tool than ours, on the PDF alone) sees the near-empty continuation of the first
     * layout of the fixture above and none after Refit, and a character alone on the last line of a paragraph:
     * PageQualityTest's zero counts are not zero because the measure cannot see.
     */
    @Test
    void theReadersMeasureSeesANearEmptyPageAndALoneCharacter(@TempDir Path dir) throws Exception {
        String table = spillingTable();
        assertEquals(1, measure(dir, table, false).nearEmpty().size());
        assertEquals(List.of(), measure(dir, table, true).nearEmpty());
        // a forced line break leaves one character alone in a cell, whatever the line breaking does
        String alone = page("td { line-height: 1.3; }", "<table><tr><td>这是一段文字的第一行<br/>字。</td><td>说明</td></tr></table>");
        var orphans = measure(dir, alone, true).orphans();
        assertEquals(1, orphans.size(), orphans::toString);
        assertEquals("字。", orphans.get(0).line());
    }

    private static org.budgetpdf.testutil.ReaderMeasures.Result measure(Path dir, String xhtml, boolean refit) throws Exception {
        Path pdf = Files.createTempFile(dir, "fixture", ".pdf");
        Files.write(pdf, new PdfRenderer(fonts, true, refit).render(xhtml, BASE, RenderFixture.META, Set.of()).pdf());
        return org.budgetpdf.testutil.ReaderMeasures.of(pdf);
    }

    @Test
    void aTitleLeftAtTheFootOfAPageGoesWithWhatItTitles() {
        String after = "<h2>三、标题</h2><p>" + "标题下面的文字。".repeat(40) + "</p>";
        for (int mm = 200; mm <= 250; mm++) {
            String xhtml = page("p { orphans: 2; widows: 2; }", "<div style='height:" + mm + "mm'>前文</div>" + after);
            if (!checks(lint(xhtml, false)).equals(Set.of(LayoutLint.Check.STRANDED_TITLE))) continue;
            exactly(LayoutLint.Check.STRANDED_TITLE, xhtml, true);
            return;
        }
        fail("no height left the title alone at the foot of the page");
    }

    @Test
    void aRowInTwoFontSizesIsReported() {
        String xhtml = page("", "<table><tbody><tr><td>名称</td><td style='font-size:7pt'>小字</td></tr></tbody></table>");
        exactly(LayoutLint.Check.MIXED_SIZES, xhtml, false);
    }

    @Test
    void headerRowsWrittenInTheBodyAreRepeatedOnEveryPage() {
        String xhtml = page("td { height: 9mm; }", "<table><tbody><tr><th>项目</th><th>金额</th></tr>"
                + rows(35, "<td class='num'>1.00</td>") + "</tbody></table>");
        exactly(LayoutLint.Check.NO_HEADER, xhtml, true);
    }

    @Test
    void aPageMostlyBlankWithoutAPartEndingIsReported() {
        // a third of the page, then a block of two thirds that may not be split: it moves on and leaves a gap
        String xhtml = page("", "<div style='height:85mm'>前文</div><div style='page-break-inside:avoid'>"
                + "<p style='height:18mm; margin:0'>不能分开的一段。</p>".repeat(10) + "</div><div class='part'><p>新的部分</p></div>");
        exactly(LayoutLint.Check.BLANK_PAGE, xhtml, false);
    }

    @Test
    void aPartEndingEarlyIsNotBlank() {
        String xhtml = page("", "<p>第一部分只有一行。</p><div class='part'><p>第二部分</p></div>");
        assertEquals(List.of(), lint(xhtml, false));
    }

    /** Every check of the lint has its fixture here (a check without one cannot be shown to work). */
    @Test
    void everyCheckHasAFixture() throws java.io.IOException {
        String source = java.nio.file.Files.readString(Path.of("src/test/java/org/budgetpdf/render/LayoutLintTest.java"));
        for (LayoutLint.Check c : LayoutLint.Check.values()) {
            assertTrue(source.contains("LayoutLint.Check." + c.name() + ", xhtml"), "no fixture for " + c);
        }
    }
}
