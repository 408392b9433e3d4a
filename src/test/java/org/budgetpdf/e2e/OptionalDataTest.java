package org.budgetpdf.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.budgetpdf.Pipeline;
import org.budgetpdf.bind.TestDocs;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.layout.TableView;
import org.budgetpdf.testutil.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.budgetpdf.bind.TestDocs.*;
import static org.budgetpdf.testutil.PdfText.squeeze;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The PDF never states what the data does not say: with every optional field removed the document still builds, and
 * none of the sentences that need those fields is printed (not with 0, not with template wording). Plus the defects
 * issue 7 found in the old output, each shown here.
 */
class OptionalDataTest {
    /** Sentences that state a fact only an optional field gives. */
    static final List<String> BUDGET_CLAIMS = List.of("拟组织对", "比2024年", "与2024年持平", "较2024年", "主要原因", "未填写",
            "政府采购预算安排", "资产总额[0-9]", "固定资产金额为", "共有车辆", "绩效评价", "“三公”经费预算为", "“三公”经费预算安排", "专项转移支付项目共有",
            "没有使用一般公共预算财政拨款安排“三公”经费");

    static String bareBudget() {
        String yaml = minimal();
        for (String key : List.of("机关运行经费", "政府采购", "国有资产", "绩效", "上年", "批复", "三公经费")) yaml = without(yaml, key);
        yaml = replace(yaml, "  机构设置:\n    - 示例市示例区医疗保障局设综合办公室。\n", "");
        yaml = replace(yaml, "    编码: \"410703250000000099001\"\n", "");
        return replace(yaml, "    绩效指标:\n      产出指标:\n        - {名称: 区级配套人数, 值: ≤1万人}\n", "");
    }

    static String pdfText(Pipeline p, Path dir, String name, String yaml, List<Diagnostic> warnings) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        Pipeline.Checked c = p.check(f, name);
        assertTrue(c.ok(), () -> name + ": " + c.diags().sorted());
        warnings.addAll(c.diags().sorted());
        try (PDDocument d = Loader.loadPDF(p.render(c).result().pdf())) {
            return String.join("", PdfText.pageTexts(d).stream().map(PdfText::squeeze).toList());
        }
    }

    @Test
    void aBudgetWithNothingOptionalStatesNothingItDoesNotGive(@TempDir Path dir) throws Exception {
        Pipeline p = new Pipeline(HOME);
        for (String layout : org.budgetpdf.testutil.Matrix.layouts(HOME).stream()
                .filter(l -> l.kind() == org.budgetpdf.model.DocKind.BUDGET).map(org.budgetpdf.layout.Layout::name).toList()) {
            List<Diagnostic> ds = new ArrayList<>();
            String text = pdfText(p, dir, layout + ".yaml", bareBudget().replace("年度: 2025\n", "年度: 2025\n版式: " + layout + "\n"), ds);
            for (String claim : BUDGET_CLAIMS) {
                assertFalse(java.util.regex.Pattern.compile(squeeze(claim)).matcher(text).find(),
                        layout + " prints “" + claim + "” without the data for it");
            }
            assertTrue(text.contains("110.50"), layout + ": the figures the file does give are printed");
            // the 三公 table is printed blank: no zeros and no note claiming there is no 三公 spending
            TestDocs.Result bare = TestDocs.check(bareBudget().replace("年度: 2025\n", "年度: 2025\n版式: " + layout + "\n"));
            // the layout's 三公 table, whatever it calls it: the one declared over 数据: 三公
            String key = bare.layout().orElseThrow().tables().values().stream().filter(t -> t.filter().parts().stream()
                    .anyMatch(c -> c.values().contains("三公"))).findFirst().orElseThrow().key();
            TableView sanGong = bare.table(key);
            assertFalse(sanGong.given());
            assertTrue(sanGong.rows().stream().flatMap(r -> r.cells().stream()).noneMatch(c -> c.text().matches("[0-9,]+\\.[0-9]{2}")),
                    layout + ": no amount in a 三公 table the file gives no data for");
            // what the rules require and the file lacks is named, with its rule
            List<String> missing = ds.stream().filter(d -> d.code().equals("W-MISSING-ITEM")).map(Diagnostic::message).toList();
            // (the Hebei layout prints 机构设置 as the table of its units, so it does not ask for the paragraphs)
            List<String> required = bare.layout().orElseThrow().required().stream().map(org.budgetpdf.layout.Layout.Need::path).toList();
            for (String item : List.of("部门.机构设置", "三公经费", "政府采购", "国有资产", "绩效")) {
                if (!required.contains(item)) continue;
                assertTrue(missing.stream().anyMatch(m -> m.contains("“" + item + "”")), layout + ": no warning for " + item + " " + missing);
            }
        }
    }

    static final List<String> FINAL_CLAIMS = List.of("与上年度相比", "政府采购支出总额", "共有车辆", "纳入预算绩效管理", "自评得分",
            "“三公”经费财政拨款支出预算为", "未填写", "授予中小企业");

    @Test
    void finalAccountsWithNothingOptionalStateNothingTheyDoNotGive(@TempDir Path dir) throws Exception {
        String yaml = realFinal();
        for (String key : List.of("政府采购", "国有资产", "绩效", "上年", "变动原因", "三公经费")) yaml = without(yaml, key);
        List<Diagnostic> ds = new ArrayList<>();
        String text = pdfText(new Pipeline(HOME), dir, "final.yaml", yaml, ds);
        for (String claim : FINAL_CLAIMS) assertFalse(text.contains(squeeze(claim)), "prints “" + claim + "” without the data for it");
        assertTrue(text.contains("801.14"));
        assertFalse(text.contains("部门整体绩效自评表"), "no 自评表 without the self-evaluation");
    }

    @Test
    void moreThanTwentyDutiesAreNumbered(@TempDir Path dir) throws Exception {
        StringBuilder duties = new StringBuilder("  职责:\n");
        for (int i = 1; i <= 25; i++) duties.append("    - 第").append(i).append("项职责。\n");
        String yaml = replace(minimal(), "  职责:\n    - 组织实施城乡居民基本医疗保险、医疗救助等医疗保障制度。\n", duties.toString());
        String text = pdfText(new Pipeline(HOME), dir, "duties.yaml", yaml, new ArrayList<>());
        assertTrue(text.contains("（二十五）第25项职责。"), "the 25th duty is numbered (a 21-entry array failed before)");
    }

    @Test
    void finalThreePublicPartsAreRoundedTogether() {
        // three parts of 50 元 each: rounded one by one 0.01 + 0.01 + 0.01 under a 合计 of 0.02
        String yaml = replace(realFinal(), "  决算: {因公出国: 0, 公务用车购置: 0, 公务用车运行: 0, 公务接待: 0}",
                "  决算: {因公出国: 50, 公务用车购置: 50, 公务用车运行: 50, 公务接待: 0}");
        assertNotEquals(realFinal(), yaml);
        TestDocs.Result r = TestDocs.check(yaml);
        TableView t = r.table("公开07");
        List<String> cells = t.rows().get(0).cells().stream().map(TableView.Cell::text).toList();
        // 决算数: 合计, 出国, 车小计, 购置, 运行, 接待
        List<String> actual = cells.subList(6, 12);
        assertEquals("0.02", actual.get(0));
        java.math.BigDecimal parts = new java.math.BigDecimal(actual.get(1)).add(new java.math.BigDecimal(actual.get(2)))
                .add(new java.math.BigDecimal(actual.get(5)));
        assertEquals(new java.math.BigDecimal("0.02"), parts, actual.toString());
        assertEquals(new java.math.BigDecimal(actual.get(2)),
                new java.math.BigDecimal(actual.get(3)).add(new java.math.BigDecimal(actual.get(4))), actual.toString());
    }

    @Test
    void governmentFundNotesFollowTheData(@TempDir Path dir) throws Exception {
        String plain = pdfText(new Pipeline(HOME), dir, "a.yaml", realFinal(), new ArrayList<>());
        assertTrue(plain.contains("我部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据"));
        // a 政府性基金 line (收入 = 支出, so the balance holds): the table shows it and no sentence says there is none
        String yaml = realFinal().replace("决算明细:\n", """
                决算明细:
                  - 功能科目: 2089999
                    资金: 政府性基金
                    本年收入: 50000
                    项目支出: 50000
                    差异原因: 年初未安排
                """).replace("  本年收入: 7769800", "  本年收入: 7819800").replace("  本年支出: 8011400", "  本年支出: 8061400")
                .replace("  项目支出: 6616900", "  项目支出: 6666900"); // the 控制数 include the new line
        String text = pdfText(new Pipeline(HOME), dir, "b.yaml", yaml, new ArrayList<>());
        assertFalse(text.contains("没有政府性基金收入"), "公开08 and §八 must not deny the 政府性基金 money the data holds");
        assertTrue(text.contains(squeeze("政府性基金预算财政拨款收入5.00万元，支出5.00万元")), "§八 states the figures");
        TableView t08 = TestDocs.check(yaml).table("公开08");
        assertFalse(t08.empty());
        // 年初、年末结转 of 政府性基金 are not written: blank in the 合计 row as in the rows under it
        assertEquals(List.of("合计", "5.00", "5.00", "5.00"),
                t08.rows().get(0).cells().stream().map(TableView.Cell::text).filter(x -> !x.isEmpty()).toList());
    }
}
