package org.budgetpdf.compute;

import org.budgetpdf.bind.TestDocs;
import org.budgetpdf.layout.TableView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Rollups from a small inline document: 类 = Σ款 = Σ项, income = spending by fund, unit rows, named figures. */
class RollupTest {
    static final String DOC = """
            文档: 部门预算
            年度: 2025
            公开日期: "2025-03-01"
            部门: {名称: 测试县医疗保障局, 代码: "101", 级次: 县级, 职责: [职责一], 机构设置: [内设办公室]}
            单位:
              - {代码: "101001", 名称: 测试县医疗保障局, 类型: 行政}
              - {代码: "101002", 名称: 测试县医疗保障中心, 类型: 事业}
            基本支出:
              - 单位: "101001"
                功能科目: 2101501
                经济科目: {30101: 10.10, 30201: 0.20, 30302: 1.00}
              - 单位: "101002"
                功能科目: 2101550
                经济科目: {30101: 5.00, 30201: 0.05}
              - 单位: "101001"
                功能科目: 2210201
                经济科目: {30113: 1.11}
            项目:
              - {名称: 配套, 单位: "101001", 类型: 特定目标类, 功能科目: 2101202, 经济科目: 31302, 金额: 100.00}
              - {名称: 转移支付, 单位: "101001", 类型: 特定目标类, 功能科目: 2101301, 经济科目: 30399, 金额: 20.00, 资金: 一般公共预算其他, 专项转移支付: 救助}
              - {名称: 聘用, 单位: "101002", 类型: 其他运转类, 功能科目: 2101599, 经济科目: 30226, 金额: 3.00}
            三公经费: {因公出国: 0, 公务用车购置: 0, 公务用车运行: 0, 公务接待: 0}
            政府采购: {货物: 0, 工程: 0, 服务: 0}
            国有资产: {资产总额: 1, 固定资产: 1, 无形资产: 0, 车辆: {一般公务用车: 0, 一般执法执勤用车: 0, 特种专业技术用车: 0, 其他用车: 0}, 单价50万元以上通用设备: 0, 单价100万元以上专用设备: 0}
            绩效: {说明: 已编制, 年度履职目标: [目标], 年度主要任务: [{名称: 任务, 内容: 内容}], 整体指标: [{一级: 产出指标, 二级: 数量, 指标: [{名称: 覆盖率, 值: 100%}]}]}
            上年:
              收支总计: 140.46
              一般公共预算: 140.46
              三公经费: {因公出国: 0, 公务用车购置: 0, 公务用车运行: 0, 公务接待: 0}
              机关运行经费: 0.20
            批复: {支出总计: 140.46, 基本支出: 17.46, 项目支出: 123.00}
            """;

    static TestDocs.Result checked() {
        TestDocs.Result r = TestDocs.check(DOC);
        assertFalse(r.diags().hasErrors(), () -> r.all().toString());
        return r;
    }

    static List<String> texts(TableView.Row r) {
        return r.cells().stream().map(TableView.Cell::text).toList();
    }

    static TableView.Row row(TableView t, String kind, String text) {
        return t.rows().stream().filter(r -> r.kind().equals(kind) && texts(r).contains(text)).findFirst().orElseThrow(
                () -> new AssertionError(kind + " " + text + " not in " + t.rows().stream().map(RollupTest::texts).toList()));
    }

    @Test
    void functionTableRollsUpItemsIntoKuanAndClass() {
        TestDocs.Result r = checked();
        TableView t03 = r.table("预算03");
        // 资本性支出: blank in every row, the 合计 row too (the file writes no amount of it)
        assertEquals(List.of("", "", "", "", "合计", "140.46", "17.46", "16.21", "1.00", "0.25", "", "123.00", "3.00", "120.00"),
                texts(t03.rows().get(0)));
        // 210 = 2101501 11.30 + 2101550 5.05 + 2101202 100 + 2101301 20 + 2101599 3
        assertEquals("139.35", texts(row(t03, "class", "卫生健康支出")).get(5).replace(",", ""));
        assertEquals("16.35", texts(row(t03, "kuan", "医疗保障管理事务")).get(6)); // basic of 21015 = 11.30 + 5.05
        assertEquals("1.11", texts(row(t03, "item", "住房公积金")).get(5));
        // all money is general budget: 05 has rows, 09 (government funds) is empty
        assertTrue(r.table("预算09").empty());
        assertFalse(r.table("预算05").empty());
        assertEquals(texts(t03.rows().get(0)), texts(r.table("预算05").rows().get(0)));
    }

    @Test
    void incomeIsSpendingByFund() {
        TestDocs.Result r = checked();
        assertEquals("140.46", r.figures().dept().general().text());
        assertEquals("120.46", r.figures().dept().appropriation().text());
        TableView t02 = r.table("预算02");
        assertEquals("132.41", texts(row(t02, "unit", "101001")).get(2));
        assertEquals("8.05", texts(row(t02, "unit", "101002")).get(2));
        assertEquals("112.41", texts(row(t02, "unit", "101001")).get(5)); // 其中财政拨款 = 132.41 − 20
    }

    @Test
    void economicTablesMapByUnitType() {
        TestDocs.Result r = checked();
        TableView t06 = r.table("预算06");
        assertEquals(List.of("", "合计", "", "", "17.46", "17.21", "0.25"), texts(t06.rows().get(0)));
        assertTrue(t06.rows().stream().anyMatch(x -> texts(x).subList(0, 5).equals(List.of("30101", "基本工资", "50101", "工资奖金津补贴", "10.10"))));
        assertTrue(t06.rows().stream().anyMatch(x -> texts(x).subList(0, 3).equals(List.of("30101", "基本工资", "50501"))));
        assertEquals("140.46", texts(r.table("预算07").rows().get(0)).get(6));
    }

    @Test
    void narrativeFigures() {
        Figures f = checked().figures().dept();
        assertEquals("与2024年持平", f.totalChange().sentence());
        assertEquals(List.of("救助"), f.transfers().stream().map(Views.Named::label).toList());
        // 机关运行经费 not entered: the 行政 unit's 公用经费 (0.20), not the 事业 unit's 0.05
        assertEquals("0.20", f.running().amount().text());
        assertFalse(f.running().entered());
        assertEquals("与2024年持平", f.running().change().sentence());
        assertEquals(3, f.projects().size());
        assertEquals("123.00", f.project().text());
        assertEquals("3.00", f.generalProjectType("其他运转类").text());
    }

    @Test
    void unitFiguresAreTheUnitsShare() {
        Realized r = checked().figures();
        assertEquals("132.41", r.unit("101001").total().text());
        assertEquals("8.05", r.unit("101002").total().text());
        assertEquals(List.of("聘用"), r.unit("101002").projects().stream().map(Views.ProjectView::name).toList());
        assertEquals(r.dept().total(), r.unit("101001").total().plus(r.unit("101002").total()));
    }
}
