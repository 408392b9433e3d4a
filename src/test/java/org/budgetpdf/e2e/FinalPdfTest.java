package org.budgetpdf.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.testutil.BuiltPdf;
import org.budgetpdf.testutil.PdfText;
import org.budgetpdf.testutil.PdfWords;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
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

/** Builds seed 003 (中站区 2021 部门决算) through the real pipeline and reads the PDF back. */
class FinalPdfTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path DATA = HOME.resolve("data/jiaozuo-zhongzhan-2021-final.yaml");
    static final List<String> TABLES = List.of("收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
            "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款“三公”经费支出决算表",
            "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表");

    static BuiltPdf out;

    @BeforeAll
    static void build() throws Exception {
        out = BuiltPdf.of("data/jiaozuo-zhongzhan-2021-final.yaml");
    }

    @AfterAll
    static void close() throws IOException {
        if (out != null) out.close();
    }

    static int find(String s, int from) {
        return out.find(s, from);
    }

    static int tablePage(int no) {
        return find(String.format("公开%02d表", no) + TABLES.get(no - 1), 3);
    }

    static String tableText(int no) {
        int from = tablePage(no);
        int to = no == 9 ? find("第三部分", from) - 1 : tablePage(no + 1) - 1;
        return String.join("", out.squeezed.subList(from - 1, to));
    }

    static String part3() {
        return String.join("", out.squeezed.subList(find("第三部分2021年度部门决算情况说明", 3) - 1, find("第四部分名词解释", 3)));
    }

    @Test
    void coverAndParts() {
        assertTrue(out.squeezed.get(0).contains("焦作市中站区医疗保障局2021年度部门决算"), out.squeezed.get(0));
        for (String h : List.of("第一部分焦作市中站区医疗保障局概况", "第二部分2021年度部门决算表", "第三部分2021年度部门决算情况说明",
                "部门整体绩效自评表", "第四部分名词解释", "第五部分附件")) {
            assertTrue(find(h, 3) > 0, h);
        }
    }

    @Test
    void everyTableHasTitleHeaderTotalsAndNotes() {
        int last = 0;
        for (int i = 1; i <= 9; i++) {
            int page = tablePage(i);
            assertTrue(page > last, "公开" + i + "表 missing or out of order");
            String first = out.squeezed.get(page - 1);
            assertTrue(first.contains("部门：焦作市中站区医疗保障局2021年度金额单位：万元"), "公开" + i + "表 meta line");
            assertTrue(tableText(i).contains("注：本表反映部门本年度"), "公开" + i + "表 note");
            if (i != 6 && i != 7) assertTrue(first.contains("栏次"), "公开" + i + "表 栏次");
            last = page;
        }
        assertTrue(tableText(1).contains(squeeze("本年收入合计 27 776.98 本年支出合计 58 801.14")), tableText(1));
        assertTrue(tableText(1).contains(squeeze("年初结转和结余 29 24.16 年末结转和结余 60 0.00")));
        assertTrue(tableText(1).contains(squeeze("总计 31 801.14 总计 62 801.14")));
        assertTrue(tableText(1).contains("本套报表金额单位转换时可能存在尾数误差"));
        // 上级补助收入 … 其他收入: blank in every row, the 合计 row too (the file writes none of them)
        assertTrue(tableText(2).contains(squeeze("合计 776.98 776.98 208 社会保障和就业支出")), tableText(2));
        assertTrue(tableText(3).contains(squeeze("合计 801.14 139.45 661.69")), tableText(3));
        assertTrue(tableText(4).contains(squeeze("本年收入合计 27 776.98 本年支出合计 59 799.82 799.82")), tableText(4));
        assertTrue(tableText(4).contains(squeeze("总计 32 799.82 总计 64 799.82 799.82")));
        assertTrue(tableText(5).contains(squeeze("合计 799.82 138.13 661.69")), tableText(5));
        assertTrue(tableText(6).contains(squeeze("人员经费合计 127.10 公用经费合计 11.03")), tableText(6));
        assertTrue(tableText(7).contains("0.000.000.000.000.000.000.000.000.000.000.000.00"), tableText(7));
        assertTrue(tableText(8).contains("说明：我部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。"));
        assertTrue(tableText(9).contains("说明：我部门没有国有资本经营收入，也没有使用国有资本经营安排的支出，故本表无数据。"));
    }

    @Test
    void theProjectLinesWinWhereTheSeedContradictsItself() {
        assertTrue(tableText(3).contains(squeeze("208 社会保障和就业支出 14.56 14.56")), "14.56, not the seed's 14.55");
        assertTrue(tableText(5).contains(squeeze("2101101 行政单位医疗 104.33 0.34 103.99")));
        assertTrue(tableText(4).contains(squeeze("一般公共预算财政拨款 29 22.84")), tableText(4));
        assertTrue(tableText(2).contains(squeeze("21015 医疗保障管理事务 93.12 93.12")));
    }

    @Test
    void sectionFiveThreeListsEveryItemWithBudgetActualAndRate() {
        String p = part3();
        assertTrue(p.contains("年初预算为1049.58万元，支出决算为799.82万元，完成年初预算的76.20%"), p);
        String[][] items = {
                {"机关事业单位基本养老保险缴费支出（项）", "10.79", "11.53", "106.86%"},
                {"机关事业单位职业年金缴费支出（项）", "0.00", "2.88", null},
                {"其他社会保障和就业支出（款）其他社会保障和就业支出（项）", "0.00", "0.15", null},
                {"卫生健康管理事务（款）行政运行（项）", "0.00", "9.39", null},
                {"行政单位医疗（项）", "133.99", "104.33", "77.86%"},
                {"事业单位医疗（项）", "3.07", "5.06", "164.82%"},
                {"公务员医疗补助（项）", "0.00", "1.78", null},
                {"城乡医疗救助（项）", "229.00", "524.06", "228.85%"},
                {"其他医疗救助支出（项）", "93.00", "33.64", "36.17%"},
                {"医疗保障管理事务（款）行政运行（项）", "40.18", "35.75", "88.97%"},
                {"信息化建设（项）", "3.25", "1.20", "36.92%"},
                {"事业运行（项）", "56.25", "55.17", "98.08%"},
                {"其他医疗保障管理事务支出（项）", "0.00", "4.91", null},
                {"住房保障支出（类）住房改革支出（款）住房公积金（项）", "8.09", "9.97", "123.24%"},
                // reconstructed: the budgeted 项 without spending that make 1,049.58 hold
                {"财政对城乡居民基本医疗保险基金的补助（项）", "471.96", "0.00", "0.00%"}};
        for (String[] i : items) {
            String s = i[0] + "。年初预算为" + i[1] + "万元，支出决算为" + i[2] + "万元" + (i[3] == null ? "。" : "，完成年初预算的" + i[3] + "。");
            assertTrue(p.contains(s), "missing: " + s);
            int at = p.indexOf(s) + s.length();
            assertTrue(p.startsWith("决算数与年初预算数存在差异的主要原因是", at), "reason after " + i[0]);
        }
        Matcher m = Pattern.compile("(\\d+)．[^。]*（项）。年初预算为").matcher(p);
        int n = 0;
        while (m.find()) assertEquals(++n, Integer.parseInt(m.group(1)));
        assertEquals(15, n);
    }

    @Test
    void otherSectionsCarryTheComputedFigures() {
        String p = part3();
        assertTrue(p.contains("2021年度收、支总计均为801.14万元。与上年度相比，收、支总计各增加512.14万元，增长177.21%。主要原因是城乡医疗救助项目资金增加。"), p);
        assertTrue(p.contains("收入合计776.98万元，其中：财政拨款收入776.98万元，占100.00%；其他收入0.00万元，占0.00%"));
        assertTrue(p.contains("支出合计801.14万元，其中：基本支出139.45万元，占17.41%；项目支出661.69万元，占82.59%"));
        assertTrue(p.contains("财政拨款收、支总计均为799.82万元。与上年度相比，财政拨款收、支总计各增加513.28万元，增长179.13%"));
        assertTrue(p.contains("一般公共预算财政拨款支出799.82万元，占本年支出合计的99.84%。与上年度相比，一般公共预算财政拨款支出增加536.81万元，增长204.10%"));
        assertTrue(p.contains("社会保障和就业支出（类）支出14.56万元，占1.82%；卫生健康支出（类）支出775.29万元，占96.93%；住房保障支出（类）支出9.97万元，占1.25%"));
        assertTrue(p.contains("基本支出138.13万元。其中：人员经费127.10万元，主要包括：基本工资45.61万元"));
        assertTrue(p.contains("公用经费11.03万元，主要包括：办公费1.55万元"));
        assertTrue(p.contains("纳入预算绩效管理的支出总额为801.14万元"));
        assertTrue(p.contains("项目支出661.69万元，支出项目共7个"));
        assertFalse(p.contains("663.10"));
        assertTrue(p.contains("机关运行经费支出11.03万元"));
    }

    @Test
    void threePublicAllZeroWording() {
        String p = part3();
        assertTrue(p.contains("“三公”经费财政拨款支出预算为0.00万元，支出决算为0.00万元。2021年度“三公”经费支出决算数与预算数不存在差异。"), p);
        assertTrue(p.contains("因公出国（境）费预算为0.00万元，支出决算为0.00万元。决算数与预算数不存在差异。全年因公出国（境）团组0个，累计0人次。"));
        assertTrue(p.contains("公务用车保有量为0辆"));
        assertTrue(p.contains("国（境）外来访团组0个、来访外宾0人次"));
        assertFalse(p.contains("完成预算的0.00%"), "no rate against a zero budget");
        assertFalse(p.contains("完成“三公”经费预算的0.00%"));
        assertTrue(p.contains("授予中小企业合同金额0.00万元，其中：授予小微企业合同金额0.00万元。"));
        assertTrue(p.contains("共有车辆0辆"));
    }

    @Test
    void selfEvaluationTable() {
        int page = find("部门整体绩效自评表（2021年度）", 3);
        assertTrue(page > 0);
        String t = String.join("", out.squeezed.subList(page - 1, find("第四部分名词解释", page) - 1));
        assertTrue(t.contains(squeeze("部门预算总额 1,049.58 801.14 801.14")), t);
        assertTrue(t.contains("政府采购执行率") && !t.contains("釆") && !t.contains("%%"));
        assertTrue(t.contains("总分") && t.contains("100"));
    }

    /** 第五部分 附件 as the seed prints it: “无”, because the file says so (附加: {附件: 无}). */
    @Test
    void theAnnexPartSaysWhatTheFileSays(@TempDir Path dir) throws Exception {
        int annex = find("第五部分附件", find("第四部分名词解释", 3) + 1);
        assertTrue(annex > 0);
        assertEquals(pageFooter(annex) + squeeze("第五部分　附件 无"), out.squeezed.get(annex - 1));
        // without 附件 in the file nothing is said about attachments; with names, the names are printed
        String yaml = Files.readString(DATA);
        assertTrue(yaml.contains("\n附加:\n  附件: 无\n"));
        for (var c : List.of(new String[]{"\n", ""}, new String[]{"\n附加:\n  附件: [关于医保基金监管的专项报告, 绩效自评报告]\n", "关于医保基金监管的专项报告绩效自评报告"})) {
            Path f = dir.resolve("annex.yaml");
            Files.writeString(f, yaml.replace("\n附加:\n  附件: 无\n", c[0]));
            try (BuiltPdf b = BuiltPdf.of(f)) {
                int p = b.find("第五部分附件", b.find("第四部分名词解释", 3) + 1);
                if (c[1].isEmpty()) {
                    assertEquals(0, p, "no 附件 part when the file does not give one");
                    assertFalse(b.squeezed.get(1).contains("第五部分"), "nor in the contents");
                } else {
                    assertEquals(pageFooter(p) + squeeze("第五部分　附件") + c[1], b.squeezed.get(p - 1));
                    assertTrue(b.squeezed.get(1).contains("第五部分附件"), b.squeezed.get(1));
                }
            }
        }
    }

    static String pageFooter(int page) {
        return "—" + page + "—";
    }

    /** In the 自评表 the short values (指标值, 实际完成值) are centred in their columns, like 分值 and 得分 beside them. */
    @Test
    void selfEvaluationValuesAreCentred() {
        int first = find("部门整体绩效自评表（2021年度）", 3);
        List<String> columns = List.of("指标值", "实际完成值", "分值", "得分");
        int checked = 0;
        for (int page = first; page < find("第四部分名词解释", first); page++) {
            List<PdfWords.Word> words = PdfWords.page(out.doc, page);
            for (PdfWords.Word w : words) {
                if (w.sans()) continue;
                // the column a cell is in: the nearest header cell above it that it overlaps
                PdfWords.Word head = null;
                for (PdfWords.Word h : words) {
                    if (h.sans() && h.y() < w.y() && h.x0() < w.x1() && w.x0() < h.x1() && (head == null || h.y() > head.y())) head = h;
                }
                if (head == null || !columns.contains(head.text())) continue;
                assertEquals(head.centre(), w.centre(), 1.5, head.text() + " cell “" + w.text() + "” on page " + page);
                checked++;
            }
        }
        assertTrue(checked > 40, "cells checked: " + checked);
    }

    @Test
    void tocPageNumbersAreTheRealPages() {
        int tocPage = 2;
        String toc = PdfText.pageTexts(out.doc).get(tocPage - 1);
        Map<String, Integer> entries = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*(.+?)[\\s.．·…]*?(\\d{1,3})\\s*$").matcher(toc);
        while (m.find()) {
            String title = squeeze(m.group(1)).replaceAll("[.．·…]+$", "");
            if (!title.isEmpty() && !title.equals("目录")) entries.put(title, Integer.parseInt(m.group(2)));
        }
        // 5 parts, 3 sections of part 1, 公开01–09, the thirteen 说明 sections, the 自评表
        assertEquals(31, entries.size(), "TOC entries: " + entries.keySet());
        for (var e : entries.entrySet()) assertEquals(find(e.getKey(), tocPage + 1), e.getValue(), "TOC “" + e.getKey() + "”");
        long targets = Pattern.compile("href=\"#([^\"]+)\"").matcher(out.built.xhtml()).results().map(x -> x.group(1))
                .distinct().count();
        assertEquals(targets, out.built.result().idPages().size());
    }

    @Test
    void eachTableIsSetPortraitOrLandscapeByWhatFits() {
        for (int i = 1; i <= 9; i++) {
            int from = tablePage(i);
            int to = i == 9 ? from : tablePage(i + 1) - 1;
            boolean first = landscape(from);
            for (int p = from; p <= to; p++) assertEquals(first, landscape(p), "公开" + i + "表 page " + p);
        }
        // 公开04 (财政拨款收入支出决算总表): landscape over two pages in seed 003, it fits one portrait page
        assertFalse(landscape(tablePage(4)), "公开04表");
        assertEquals(tablePage(4) + 1, tablePage(5), "公开04表 on one page");
        assertFalse(landscape(1));
    }

    static boolean landscape(int page) {
        PDPage p = out.doc.getPage(page - 1);
        return p.getMediaBox().getWidth() > p.getMediaBox().getHeight();
    }

    @Test
    void fontsMetadataBookmarksAndSameBytes() throws Exception {
        for (var f : PdfText.fonts(out.doc)) assertTrue(f.embeddedSubset(), "not embedded+subset: " + f);
        assertEquals("焦作市中站区医疗保障局2021年度部门决算", out.doc.getDocumentInformation().getTitle());
        List<String> marks = new ArrayList<>();
        collect(out.doc.getDocumentCatalog().getDocumentOutline(), marks);
        for (int i = 1; i <= 9; i++) assertTrue(marks.contains(String.format("公开%02d表 ", i) + TABLES.get(i - 1)), marks.toString());
        for (String h : List.of("第一部分", "第二部分", "第三部分", "第四部分 名词解释", "十三、预算绩效情况说明", "部门整体绩效自评表")) {
            assertTrue(marks.stream().anyMatch(b -> b.startsWith(h)), h);
        }
        Pipeline fresh = new Pipeline(HOME);
        byte[] again = fresh.render(fresh.check(DATA, "data/jiaozuo-zhongzhan-2021-final.yaml")).result().pdf();
        assertTrue(Arrays.equals(out.pdf, again), "two builds differ");
    }

    private static void collect(PDOutlineNode node, List<String> out) {
        if (node == null) return;
        for (PDOutlineItem i : node.children()) {
            out.add(i.getTitle());
            collect(i, out);
        }
    }

    /** The seed's contradictions, kept as printed, are each reported at the line of the offending value. */
    @Test
    void theCheckerReportsTheSeedAsPrinted() throws IOException {
        Path f = HOME.resolve("src/test/resources/seeds/003-as-printed.yaml");
        List<String> lines = Files.readAllLines(f);
        Pipeline.Checked c = new Pipeline(HOME).check(f, "003-as-printed.yaml");
        assertFalse(c.ok());
        List<Diagnostic> ds = c.diags().sorted();
        String[][] expected = {
                {"E-APPROVED", "年初预算: 1049.58", "577.62"},
                {"E-APPROVED", "绩效项目支出: 663.10", "661.69"},
                {"E-APPROVED", "208: 14.55", "14.56"},
                {"E-APPROVED", "本年支出: 801.14", "801.15"},
                {"E-BALANCE", "年初财政拨款: 22.83", "799.81"}};
        for (String[] e : expected) {
            Diagnostic d = ds.stream().filter(x -> x.code().equals(e[0]) && lines.get(x.pos().line() - 1).contains(e[1]))
                    .findFirst().orElse(null);
            assertNotNull(d, "no " + e[0] + " at the line with " + e[1] + ": " + ds);
            assertTrue(d.message().contains(e[2]), d.message());
        }
        assertEquals(expected.length, ds.size(), ds.toString());
    }
}
