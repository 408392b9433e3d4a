package org.budgetpdf.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.budgetpdf.Pipeline;
import org.budgetpdf.testutil.BuiltPdf;
import org.budgetpdf.testutil.PdfText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.budgetpdf.testutil.PdfText.squeeze;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Builds seed 004 (卫滨区 2025 部门预算) through the real pipeline and reads the PDF back as a reader
 * would: visible text per page, page sizes, fonts, metadata, outline.
 */
class BudgetPdfTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path DATA = HOME.resolve("data/xinxiang-weibin-2025-budget.yaml");
    static final List<String> TABLES = List.of(
            "2025年部门收支总体情况表", "2025年部门收入总体情况表", "2025年部门支出总体情况表",
            "2025年财政拨款收支总体情况表", "2025年一般公共预算支出情况表", "2025年一般公共预算基本支出表",
            "2025年支出经济分类汇总表", "2025年一般公共预算“三公”经费预算表", "2025年政府性基金支出预算表",
            "2025年项目支出表", "部门（单位）整体绩效目标表", "2025年部门预算项目绩效目标汇总表");

    static BuiltPdf out;

    @BeforeAll
    static void build() throws Exception {
        out = BuiltPdf.of("data/xinxiang-weibin-2025-budget.yaml");
    }

    @AfterAll
    static void close() throws IOException {
        if (out != null) out.close();
    }

    static int find(String s, int from) {
        return out.find(s, from);
    }

    static int tablePage(int no) {
        return find(String.format("预算%02d表", no) + TABLES.get(no - 1), 3);
    }

    static String tableText(int no) {
        int from = tablePage(no);
        int to = no == 12 ? out.squeezed.size() : tablePage(no + 1) - 1;
        return String.join("", out.squeezed.subList(from - 1, to));
    }

    @Test
    void coverAndPartHeadingsArePresent() {
        assertTrue(out.squeezed.get(0).contains("新乡市卫滨区医疗保障局2025年部门预算"), out.squeezed.get(0));
        assertTrue(out.squeezed.get(1).contains("目录"));
        for (String h : List.of("第一部分新乡市卫滨区医疗保障局单位概况", "第二部分新乡市卫滨区医疗保障局2025年度部门预算情况说明",
                "第三部分名词解释", "附件：新乡市卫滨区医疗保障局（汇总）2025年度部门预算表")) {
            assertTrue(find(h, 3) > 0, "heading missing after the TOC: " + h);
        }
    }

    @Test
    void everyAnnexTableHasItsTitleNumberAndUnit() {
        int last = 0;
        for (int i = 1; i <= 12; i++) {
            int page = tablePage(i);
            assertTrue(page > last, "预算" + i + "表 missing or out of order");
            if (i != 11) assertTrue(out.squeezed.get(page - 1).contains("单位：万元"), "unit line on 预算" + i + "表");
            assertTrue(out.squeezed.get(page - 1).contains("部门名称：新乡市卫滨区医疗保障局"));
            last = page;
        }
    }

    @Test
    void table03HasEveryItemRowWithTheSeedFigures() {
        String t = tableText(3);
        // 科目编码 类 款 项, name, then the non-blank cells left to right, as seed 004 prints them.
        String[] rows = {
                "208 05 05 机关事业单位基本养老保险缴费支出 11.91 11.91 11.91",
                "210 11 01 行政单位医疗 1.78 1.78 1.78",
                "210 11 02 事业单位医疗 5.10 5.10 5.10",
                "210 11 03 公务员医疗补助 1.54 1.54 1.54",
                "210 11 99 其他行政事业单位医疗支出 500.00 500.00 500.00",
                "210 12 02 财政对城乡居民基本医疗保险基金的补助 980.00 980.00 980.00",
                "210 13 01 城乡医疗救助 114.60 114.60 114.60",
                "210 15 01 行政运行 33.96 33.96 26.79 3.03 4.14",
                "210 15 50 事业运行 63.74 63.74 57.41 2.02 4.31",
                "210 15 99 其他医疗保障管理事务支出 16.41 16.41 11.74 4.67",
                "221 02 01 住房公积金 11.69 11.69 11.69"};
        for (String r : rows) assertTrue(t.contains(squeeze(r)), "预算03表 row missing: " + r);
        // as seed 004 prints it: 资本性支出 blank in the 合计 row as in every row above it (the file writes none)
        assertTrue(t.contains(squeeze("合计 1,740.73 129.72 116.22 5.05 8.45 1,611.01 11.74 1,599.27")), t);
    }

    @Test
    void table05IsCompleteWhereTheSeedDroppedTheServiceCentre() {
        String t = tableText(5);
        for (String r : List.of("210 11 02 事业单位医疗 5.10", "210 11 99 其他行政事业单位医疗支出 500.00",
                "210 15 50 事业运行 63.74")) {
            assertTrue(t.contains(squeeze(r)), r);
        }
        assertTrue(t.contains(squeeze("合计 1,740.73 129.72")));
    }

    @Test
    void table06And07AddUpToTheirTotals() {
        String t6 = tableText(6);
        assertTrue(t6.contains(squeeze("合计 129.72 121.27 8.45")), t6);
        // 事业单位 lines map to 505 (对事业单位经常性补助), 行政 lines to 501.
        assertTrue(t6.contains(squeeze("30101 基本工资 50101 工资奖金津补贴 14.74 14.74")), t6);
        assertTrue(t6.contains(squeeze("30101 基本工资 50501")), t6);
        String t7 = tableText(7);
        assertTrue(t7.contains(squeeze("合计 1,740.73 1,740.73 1,648.73")), t7);
        assertTrue(t7.contains(squeeze("313 02 对社会保险基金补助 510 02 对社会保险基金补助 980.00 980.00 980.00")), t7);
        assertTrue(t7.contains(squeeze("303 99 其他对个人和家庭的补助 509 99")), t7);
    }

    @Test
    void incomeTablesAndProjectTable() {
        String t1 = tableText(1);
        assertTrue(t1.contains(squeeze("一、一般公共预算 1,740.73")), t1);
        assertTrue(t1.contains(squeeze("其中：财政拨款 1,648.73")), t1);
        assertTrue(t1.contains(squeeze("八、社会保障和就业支出 11.91")), t1);
        assertTrue(t1.contains(squeeze("十、卫生健康支出 1,717.13")), t1);
        assertTrue(t1.contains(squeeze("二十一、住房保障支出 11.69")), t1);
        assertTrue(t1.contains(squeeze("收入总计 1,740.73 支出总计 1,740.73")), t1);
        String t2 = tableText(2);
        assertTrue(t2.contains(squeeze("309002 新乡市卫滨区医疗保障服务中心 588.38 588.38 588.38 588.38")), t2);
        String t4 = tableText(4);
        assertTrue(t4.contains(squeeze("（十）卫生健康支出 1,717.13 1,717.13 1,625.13")), t4);
        String t10 = tableText(10);
        assertTrue(t10.contains(squeeze("合计 1,611.01 1,611.01")), t10);
        assertTrue(t10.contains(squeeze("特定目标类 城乡居民医保区级配套 新乡市卫滨区医疗保障局本级 980.00 980.00")), t10);
        String t11 = tableText(11);
        assertTrue(t11.contains(squeeze("部门预算总额 1,740.73")), t11);
        String t12 = tableText(12);
        assertTrue(t12.contains(squeeze("309 新乡市卫滨区医疗保障局 1,611.01 1,611.01")), t12);
        assertFalse(t12.contains("待分项目"), "the seed's double-listed block must not come back");
    }

    @Test
    void emptyTablesCarryTheirNote() {
        assertTrue(tableText(8).contains("故此表无数据"));
        assertTrue(tableText(9).contains(squeeze("我单位没有政府性基金收入，也没有使用政府性基金安排支出，故此表无数据")));
    }

    /** Numbers in a table row, e.g. the 合计 row of 预算03表, as BigDecimal-free strings without separators. */
    static List<String> rowNumbers(String tableText, String rowStart, int count) {
        Matcher m = Pattern.compile(Pattern.quote(rowStart) + "((?:\\d{1,3}(?:,\\d{3})*\\.\\d{2}){" + count + "})")
                .matcher(tableText);
        assertTrue(m.find(), "row " + rowStart + " not found");
        Matcher n = Pattern.compile("\\d{1,3}(?:,\\d{3})*\\.\\d{2}").matcher(m.group(1));
        List<String> out = new ArrayList<>();
        while (n.find()) out.add(n.group().replace(",", ""));
        return out;
    }

    @Test
    void narrativeFiguresEqualTheTables() {
        List<String> total03 = rowNumbers(tableText(3), "合计", 8);   // 合计 基本 工资 个人 商品 项目 运转 特定 (资本 blank)
        List<String> total06 = rowNumbers(tableText(6), "合计", 3);   // 合计 人员 公用
        String part2 = String.join("", out.squeezed.subList(find("第二部分", 3) - 1, find("第三部分名词解释", 3)));
        String total = total03.get(0);
        String basic = total03.get(1);
        String project = total03.get(5);
        assertEquals(List.of("1740.73", "129.72", "116.22", "5.05", "8.45", "1611.01", "11.74", "1599.27"), total03);
        assertTrue(part2.contains("收入总计" + total + "万元，支出总计" + total + "万元"), part2);
        assertTrue(part2.contains("比2024年减少72.13万元，下降3.98%"));
        assertTrue(part2.contains("支出预算合计" + total + "万元，其中：基本支出" + basic + "万元，占7.45%；项目支出" + project + "万元，占92.55%"));
        assertTrue(part2.contains("人员经费" + total06.get(1) + "万元，占93.49%"), part2);
        assertTrue(part2.contains("公用经费" + total06.get(2) + "万元，占6.51%"));
        assertTrue(part2.contains("其他运转类项目" + total03.get(6) + "万元，特定目标类项目" + total03.get(7) + "万元"));
        // class shares by largest remainder: 0.68 + 98.65 + 0.67 = 100.00 (the seed forced 0.68 twice)
        assertTrue(part2.contains("社会保障和就业（类）支出11.91万元，占0.68%"));
        assertTrue(part2.contains("卫生健康（类）支出1717.13万元，占98.65%"));
        assertTrue(part2.contains("住房保障（类）支出11.69万元，占0.67%"));
        assertTrue(part2.contains("机关运行经费支出预算8.45万元"));
        assertTrue(part2.contains("比2024年增加1.34万元，增长18.85%"));
        assertTrue(part2.contains("“三公”经费预算为0.00万元，与2024年持平"));
        assertTrue(part2.contains("拟组织对8个项目进行预算绩效评价，涉及资金" + project + "万元"));
        assertTrue(part2.contains("城乡医疗救助项目90.00万元、医疗服务与保障能力提升资金项目2.00万元"));
        assertTrue(part2.contains("财预〔2017〕98号"));
        String glossary = out.squeezed.get(find("第三部分名词解释", 3) - 1);
        assertTrue(glossary.contains("区级财政当年拨付的资金") && glossary.contains("纳入区级财政预算管理"), glossary);
        assertFalse(glossary.contains("省级"));
    }

    @Test
    void tocPageNumbersAreTheRealPages() {
        String toc = out.pages.get(1);
        Map<String, Integer> entries = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*(.+?)[\\s.．·…]*?(\\d{1,3})\\s*$").matcher(toc);
        while (m.find()) {
            String title = squeeze(m.group(1)).replaceAll("[.．·…]+$", "");
            if (!title.isEmpty() && !title.equals("目录")) entries.put(title, Integer.parseInt(m.group(2)));
        }
        assertTrue(entries.size() >= 27, "TOC entries parsed: " + entries.keySet());
        for (var e : entries.entrySet()) {
            int real = find(e.getKey(), 3);
            assertEquals(real, e.getValue(), "TOC entry “" + e.getKey() + "”");
        }
        // and the layout's own view of where each heading starts agrees
        Map<String, Integer> idPages = out.built.result().idPages();
        long targets = Pattern.compile("href=\"#([^\"]+)\"").matcher(out.built.xhtml()).results().map(x -> x.group(1))
                .distinct().count();
        assertEquals(targets, idPages.size(), "every TOC and bookmark target id located: " + idPages);
        assertEquals(tablePage(3), idPages.get(out.built.report().table("预算03").id()));
        assertEquals(find("五、一般公共预算支出预算情况说明", 3), idPages.get("s5"));
    }

    @Test
    void eachTableIsSetPortraitOrLandscapeByWhatFits() {
        // the table fitter, not the layout, chooses: one orientation for all of a table's pages
        for (int i = 1; i <= 12; i++) {
            int from = tablePage(i);
            int to = i == 12 ? out.doc.getNumberOfPages() : tablePage(i + 1) - 1;
            boolean first = landscape(from);
            for (int p = from; p <= to; p++) assertEquals(first, landscape(p), "预算" + i + "表 page " + p);
        }
        // 预算02's twenty columns do not fit a portrait page at any size allowed; the four of 预算01 and 预算04 do, on
        // one page each (seed 004 prints 预算04 landscape over two pages)
        assertTrue(landscape(tablePage(2)), "预算02表");
        for (int i : List.of(1, 4)) {
            assertFalse(landscape(tablePage(i)), "预算" + i + "表");
            assertEquals(tablePage(i) + 1, tablePage(i + 1), "预算" + i + "表 on one page");
        }
        assertFalse(landscape(1));
    }

    static boolean landscape(int page) {
        PDPage p = out.doc.getPage(page - 1);
        return p.getMediaBox().getWidth() > p.getMediaBox().getHeight();
    }

    @Test
    void headersRepeatOnEveryPageATableSpans() {
        int spans = 0;
        for (int i = 1; i <= 12; i++) {
            int from = tablePage(i);
            int to = i == 12 ? out.doc.getNumberOfPages() : tablePage(i + 1) - 1;
            for (int p = from + 1; p <= to; p++) {
                spans++;
                String header = switch (i) {
                    case 1, 4 -> "收入支出";
                    case 3, 5, 9 -> "科目编码";
                    case 6 -> "部门预算支出经济分类科目";
                    case 7 -> "部门预算经济分类";
                    case 11 -> "一级指标";
                    case 12 -> "单位编码（项目编码）";
                    default -> "合计";
                };
                assertTrue(out.squeezed.get(p - 1).contains(header), "预算" + i + "表 continues on page " + p + " without its header");
            }
        }
        assertTrue(spans > 0, "this document has at least one table spanning pages");
    }

    @Test
    void noClippedCopiesOfHeadingsOrRowsInThePdf() {
        List<String> raw = PdfText.rawPageTexts(out.doc).stream().map(PdfText::squeeze).toList();
        assertEquals(out.squeezed, raw, "text that is not visible must not be in the PDF (Ctrl+F would find it)");
    }

    @Test
    void everyFontIsEmbeddedAndSubset() {
        var fonts = PdfText.fonts(out.doc);
        assertFalse(fonts.isEmpty());
        for (var f : fonts) assertTrue(f.embeddedSubset(), "not embedded+subset: " + f);
        assertTrue(fonts.stream().anyMatch(f -> f.baseFont().contains("NotoSerifSC")));
        assertTrue(fonts.stream().anyMatch(f -> f.baseFont().contains("NotoSansSC")));
    }

    @Test
    void metadataLanguageAndBookmarks() throws IOException {
        PDDocumentInformation info = out.doc.getDocumentInformation();
        assertEquals("新乡市卫滨区医疗保障局2025年部门预算", info.getTitle());
        assertEquals("新乡市卫滨区医疗保障局", info.getAuthor());
        assertTrue(info.getSubject().contains("部门预算"));
        assertTrue(info.getKeywords().contains("三公经费"));
        assertEquals(2025, info.getCreationDate().get(java.util.Calendar.YEAR));
        assertEquals("zh-CN", out.doc.getDocumentCatalog().getLanguage());
        List<String> marks = new ArrayList<>();
        collect(out.doc.getDocumentCatalog().getDocumentOutline(), marks);
        for (String h : List.of("第一部分", "第二部分", "第三部分 名词解释", "一、收入支出预算总体情况说明", "九、其他重要事项的情况说明")) {
            assertTrue(marks.stream().anyMatch(b -> b.startsWith(h)), "bookmark " + h + " in " + marks);
        }
        for (int i = 1; i <= 12; i++) {
            String prefix = String.format("预算%02d表 ", i) + TABLES.get(i - 1);
            assertTrue(marks.contains(prefix), "bookmark " + prefix);
        }
    }

    private static void collect(PDOutlineNode node, List<String> out) {
        if (node == null) return;
        for (PDOutlineItem i : node.children()) {
            out.add(i.getTitle());
            collect(i, out);
        }
    }

    /**
     * Issue 9: the seed fits in 300 KB, and a table's collapsed borders are a few paths per line. Flying
     * Saucer fills one trapezoid per cell side: 10,200 fills in this document, 1,761 on its densest page;
     * merged (render/CollapsedBorderDevice) 4 per table and page, beside the cells' grey backgrounds.
     */
    @Test
    void smallEnoughAndBordersAreAFewPathsPerTableLine() throws IOException {
        assertTrue(out.pdf.length <= 300 * 1024, () -> out.pdf.length + " B");
        List<Integer> fills = new ArrayList<>();
        for (PDPage page : out.doc.getPages()) {
            int n = 0;
            for (Object token : new PDFStreamParser(page).parse()) {
                if (token instanceof Operator op && List.of("f", "f*", "F").contains(op.getName())) n++;
            }
            fills.add(n);
        }
        assertTrue(fills.stream().allMatch(n -> n <= 60), () -> "fill operators per page: " + fills);
        assertTrue(fills.stream().mapToInt(Integer::intValue).sum() <= 600, () -> "fill operators per page: " + fills);
    }

    @Test
    void sameDataGivesTheSameBytes() throws Exception {
        Pipeline fresh = new Pipeline(HOME);
        var c = fresh.check(DATA, "data/xinxiang-weibin-2025-budget.yaml");
        byte[] again = fresh.render(c).result().pdf();
        assertTrue(Arrays.equals(out.pdf, again), "two builds differ");
        assertFalse(new String(out.pdf, java.nio.charset.StandardCharsets.ISO_8859_1).contains("CreationDate(D:2026"),
                "no clock in the PDF");
        assertNotNull(out.doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.LANG));
    }
}
