package org.budgetpdf.bind;

import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.Fact;
import org.budgetpdf.model.Nature;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.GovLevel;
import org.budgetpdf.model.Project;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.budgetpdf.bind.TestDocs.*;
import static org.junit.jupiter.api.Assertions.*;

class BinderTest {
    static final String MINIMAL = minimal();

    @Test
    void minimalDocumentBindsWithoutDiagnostics() {
        Disclosure d = bind(MINIMAL).clean().model();
        assertEquals(2025, d.year());
        assertEquals(LocalDate.of(2025, 3, 1), d.publishDate());
        assertEquals(GovLevel.DISTRICT, d.department().level());
        assertEquals(UnitType.ADMIN, d.units().get(0).type());
        assertEquals(new BigDecimal("10.50"), basic(d));
        assertEquals(new BigDecimal("100.00"), project(d, 0));
        assertEquals(Fund.APPROPRIATION, projectFacts(d, 0).get(0).fund(), "资金 defaults to 财政拨款");
    }

    @Test
    void realDataFileBindsWithoutDiagnostics() {
        Disclosure d = bind(real()).clean().model();
        assertEquals(2, d.units().size());
        assertEquals(9, d.lines().size());
        assertEquals(8, d.projects().size());
        BigDecimal projects = BigDecimal.ZERO;
        for (int i = 0; i < d.projects().size(); i++) projects = projects.add(project(d, i));
        assertEquals(new BigDecimal("129.72"), basic(d));
        assertEquals(new BigDecimal("1611.01"), projects);
    }

    // ---- amounts -------------------------------------------------------------------------------

    @Test
    void amountsAreReadAsDecimalTextSoTenthsAddUpExactly() {
        Disclosure d = bind(with(MINIMAL, """
                基本支出:
                  - 单位: "901001"
                    功能科目: 2101501
                    经济科目:
                      30101: 0.1
                      30201: 0.2
                """)).clean().model();
        assertEquals(new BigDecimal("0.30"), basic(d)); // 0.1 + 0.2 as doubles is 0.30000000000000004
        assertEquals(new BigDecimal("0.10"), d.facts().get(0).value(), "amounts carry two decimals");
    }

    @Test
    void thousandsSeparatorsAreAccepted() {
        Result r = bind(replace(MINIMAL, "    金额: 100.00", "    金额: 1,740.73"));
        assertTrue(r.withCode("E-AMOUNT").isEmpty(), () -> r.all().toString());
        assertEquals(new BigDecimal("1740.73"), project(r.model(), 0));
    }

    @Test
    void badlyGroupedNumbersAreNotAmounts() {
        String yaml = replace(MINIMAL, "    金额: 100.00", "    金额: 1,74.0");
        Diagnostic d = bind(yaml).only("E-AMOUNT");
        assertEquals(lineOf(yaml, "1,74.0"), d.pos().line());
        assertEquals(colOf(yaml, "1,74.0"), d.pos().col());
    }

    @Test
    void threeDecimalsAreRejectedAtTheValue() {
        String yaml = replace(MINIMAL, "    金额: 100.00", "    金额: 1740.735");
        Diagnostic d = bind(yaml).only("E-PRECISION");
        assertEquals(lineOf(yaml, "1740.735"), d.pos().line());
        assertEquals(colOf(yaml, "1740.735"), d.pos().col());
        assertTrue(d.message().contains("1740.735"), d.message());
    }

    @Test
    void negativeAmountsAreRejected() {
        String yaml = with(MINIMAL, """
                基本支出:
                  - 单位: "901001"
                    功能科目: 2101501
                    经济科目:
                      30101: 10.00
                      30201: -0.50
                """);
        Diagnostic d = bind(yaml).only("E-NEGATIVE");
        assertEquals(lineOf(yaml, "-0.50"), d.pos().line());
        assertEquals(colOf(yaml, "-0.50"), d.pos().col());
    }

    @Test
    void textAndUnitsInAmountsAreNotAmounts() {
        for (String bad : List.of("100万元", "一百", "1e2", ".5", "100.")) {
            Diagnostic d = bind(replace(MINIMAL, "    金额: 100.00", "    金额: " + bad)).only("E-AMOUNT");
            assertTrue(d.message().contains(bad), d.message());
        }
    }

    @Test
    void emptyAmountIsMissingNotZero() {
        String yaml = replace(MINIMAL, "      30201: 0.50", "      30201:");
        Diagnostic d = bind(yaml).only("E-MISSING");
        assertEquals(lineOf(yaml, "30201:"), d.pos().line());
    }

    // ---- YAML 1.1 traps: values are read as text -----------------------------------------------

    @Test
    void codesAndDatesAreReadAsWrittenNotAsYamlNumbersOrDates() {
        Disclosure d = bind(replace(replace(MINIMAL,
                "公开日期: \"2025-03-01\"", "公开日期: 2025-03-01"),
                "    功能科目: 2101501", "    功能科目: 210 15 01")).clean().model();
        assertEquals(LocalDate.of(2025, 3, 1), d.publishDate());
        assertEquals("2101501", d.lines().get(0).function(), "the table form “210 15 01” is accepted");

        Disclosure octal = bind(replace(MINIMAL, "  代码: \"901\"", "  代码: 0307")).clean().model();
        assertEquals("0307", octal.department().code(), "not the YAML 1.1 octal 199");
    }

    @Test
    void functionCodesMustBeSevenDigits() {
        String yaml = replace(MINIMAL, "    功能科目: 2101501", "    功能科目: 21015");
        Diagnostic d = bind(yaml).only("E-CODE-FORMAT");
        assertEquals(lineOf(yaml, "21015"), d.pos().line());
        assertTrue(d.message().contains("7 位"), d.message());
    }

    // ---- keys ----------------------------------------------------------------------------------

    @Test
    void unknownKeyGetsADidYouMean() {
        String yaml = replace(MINIMAL, "  名称: 示例市示例区医疗保障局\n  代码", "  名秤: 示例市示例区医疗保障局\n  代码");
        Result r = bind(yaml);
        Diagnostic unknown = r.withCode("E-UNKNOWN-KEY").get(0);
        assertEquals(lineOf(yaml, "名秤"), unknown.pos().line());
        assertEquals(3, unknown.pos().col());
        assertTrue(unknown.hint().startsWith("是不是“名称”？"), unknown.hint());
        // and the real key is reported missing at the section it belongs to
        Diagnostic missing = r.withCode("E-MISSING").get(0);
        assertEquals(lineOf(yaml, "部门:"), missing.pos().line());
        assertEquals(2, r.all().size(), () -> r.all().toString());
    }

    @Test
    void farFetchedKeysGetNoSuggestionButTheListOfKeys() {
        Result r = bind(replace(MINIMAL, "  级次: 区级\n", "  级次: 区级\n  备注: 无\n"));
        Diagnostic d = r.only("E-UNKNOWN-KEY");
        assertFalse(d.hint().contains("是不是"), d.hint());
        assertTrue(d.hint().contains("职责概述"), d.hint());
    }

    @Test
    void duplicateKeyReportsBothLines() {
        String yaml = with(MINIMAL, """
                基本支出:
                  - 单位: "901001"
                    功能科目: 2101501
                    经济科目:
                      30101: 10.00
                      30201: 0.20
                      30201: 0.30
                """);
        Diagnostic d = bind(yaml).only("E-DUP-KEY");
        assertEquals(lineOf(yaml, "30201: 0.30"), d.pos().line());
        assertTrue(d.message().contains("第一次在第 " + lineOf(yaml, "30201: 0.20") + " 行"), d.message());
    }

    @Test
    void keysMustBePlainText() {
        String yaml = replace(MINIMAL, "      30201: 0.50", "      [30201, 30202]: 0.50");
        Diagnostic d = bind(yaml).only("E-KEY");
        assertEquals(lineOf(yaml, "[30201"), d.pos().line());
    }

    // ---- shapes and values ---------------------------------------------------------------------

    @Test
    void textWhereAListBelongsIsOneTypeError() {
        String yaml = with(MINIMAL, """
                部门:
                  名称: 示例市示例区医疗保障局
                  代码: "901"
                  级次: 区级
                  职责: 组织实施医疗保障制度。
                  机构设置:
                    - 设综合办公室。
                """);
        Diagnostic d = bind(yaml).only("E-TYPE");
        assertEquals(lineOf(yaml, "职责:"), d.pos().line());
        assertEquals(colOf(yaml, "组织实施医疗保障制度。"), d.pos().col());
    }

    @Test
    void aSectionThatIsNotAMappingIsOneErrorNotOnePerMissingKey() {
        String yaml = with(MINIMAL, """
                部门: 示例市示例区医疗保障局
                """);
        Result r = bind(yaml);
        Diagnostic d = r.only("E-TYPE");
        assertEquals(lineOf(yaml, "部门:"), d.pos().line());
    }

    @Test
    void aFileThatIsNotAMappingIsOneError() {
        Result r = bind("""
                - 文档: 部门预算
                - 年度: 2025
                """);
        r.only("E-TYPE");
        assertTrue(r.doc().isEmpty());
    }

    @Test
    void emptyValueOfARequiredKeyIsMissingAtTheKey() {
        String yaml = replace(MINIMAL, "    类型: 特定目标类\n", "    类型:\n");
        Diagnostic d = bind(yaml).only("E-MISSING");
        assertEquals(lineOf(yaml, "  - 名称: 城乡居民医保区级配套") + 3, d.pos().line());
        assertTrue(d.message().contains("类型"), d.message());
    }

    @Test
    void missingTopLevelSectionIsAWholeFileProblem() {
        Result r = bind(without(MINIMAL, "部门"));
        Diagnostic d = r.only("E-MISSING");
        assertFalse(d.pos().known());
        assertEquals(NAME, d.pos().file());
        assertTrue(d.message().contains("部门"), d.message());
    }

    @Test
    void optionalSectionsMayBeLeftOut() {
        String yaml = MINIMAL;
        for (String key : List.of("政府采购", "国有资产", "绩效", "上年", "机关运行经费", "批复", "三公经费")) yaml = without(yaml, key);
        Disclosure d = bind(yaml).clean().model();
        assertNull(d.assets());
        assertNull(d.perf());
        assertTrue(d.facts().stream().noneMatch(f -> f.measure() == org.budgetpdf.model.Measure.PRIOR));
    }

    @Test
    void labelsSuggestTheClosestValue() {
        String yaml = replace(MINIMAL, "  级次: 区级", "  级次: 区");
        Diagnostic d = bind(yaml).only("E-VALUE");
        assertEquals(lineOf(yaml, "级次: 区"), d.pos().line());
        assertTrue(d.hint().startsWith("是不是“区级”？"), d.hint());
        assertTrue(d.hint().contains("省级、市级、区级、县级"), d.hint());
    }

    @Test
    void unitTypeAcceptsTheLongForm() {
        Disclosure d = bind(replace(MINIMAL, "    类型: 行政\n", "    类型: 行政单位\n")).clean().model();
        assertEquals(UnitType.ADMIN, d.units().get(0).type());
        Diagnostic bad = bind(replace(MINIMAL, "    类型: 行政\n", "    类型: 企业\n")).only("E-VALUE");
        assertTrue(bad.hint().contains("参公"), bad.hint());
    }

    @Test
    void wrongYearAndDateAreValueErrors() {
        bind(replace(MINIMAL, "年度: 2025", "年度: 25")).withCode("E-VALUE").get(0);
        Diagnostic date = bind(replace(MINIMAL, "公开日期: \"2025-03-01\"", "公开日期: 2025年3月1日")).only("E-VALUE");
        assertTrue(date.message().contains("2025年3月1日"), date.message());
    }

    @Test
    void finalAccountsAreNotSupportedYet() {
        bind(replace(MINIMAL, "文档: 部门预算", "文档: 部门决算")).only("E-KIND");
    }

    @Test
    void projectWithBothDetailAndSingleLineIsAShapeError() {
        String yaml = replace(MINIMAL, "    金额: 100.00\n", """
                    金额: 100.00
                    明细:
                      - {功能科目: 2101202, 经济科目: 31302, 金额: 100.00}
                """);
        Diagnostic d = bind(yaml).only("E-SHAPE");
        assertEquals(lineOf(yaml, "    功能科目: 2101202"), d.pos().line());
        assertTrue(d.message().contains("金额"), d.message());
    }

    @Test
    void projectDetailLinesAddUp() {
        String yaml = with(MINIMAL, """
                项目:
                  - 名称: 城乡居民医保区级配套
                    单位: "901001"
                    类型: 特定目标类
                    明细:
                      - {功能科目: 2101202, 经济科目: 31302, 金额: 60.00}
                      - {功能科目: 2101202, 经济科目: 31302, 金额: 40.00, 资金: 一般公共预算其他}
                """);
        Disclosure d = bind(yaml).clean().model();
        assertEquals(2, projectFacts(d, 0).size());
        assertEquals(new BigDecimal("100.00"), project(d, 0));
        assertEquals(Fund.GENERAL_OTHER, projectFacts(d, 0).get(1).fund());
    }

    @Test
    void emptyDetailIsMissing() {
        String yaml = with(MINIMAL, """
                项目:
                  - 名称: 城乡居民医保区级配套
                    单位: "901001"
                    类型: 特定目标类
                    明细: []
                """);
        Diagnostic d = bind(yaml).only("E-MISSING");
        assertEquals(lineOf(yaml, "明细: []"), d.pos().line());
    }

    @Test
    void emptyListItemIsMissing() {
        String yaml = replace(MINIMAL, "    - 组织实施城乡居民基本医疗保险、医疗救助等医疗保障制度。\n",
                "    - 组织实施城乡居民基本医疗保险、医疗救助等医疗保障制度。\n    -\n");
        Diagnostic d = bind(yaml).only("E-MISSING");
        assertEquals(lineOf(yaml, "医疗救助等医疗保障制度。") + 1, d.pos().line());
    }

    @Test
    void emptyItemInAListOfSectionsIsMissingNotATypeError() {
        String yaml = replace(MINIMAL, "基本支出:\n", "基本支出:\n  -\n");
        Diagnostic d = bind(yaml).only("E-MISSING");
        assertEquals(lineExactly(yaml, "基本支出:") + 1, d.pos().line());
        assertEquals("“基本支出[1]”是空的", d.message());
    }

    // ---- text ----------------------------------------------------------------------------------

    @Test
    void foldedChineseTextHasNoStraySpaces() {
        String yaml = replace(MINIMAL, "  级次: 区级\n", """
                  级次: 区级
                  职责概述: >-
                    示例市示例区医疗保障局贯彻落实党中央关于医疗保障工作的方针政策，
                    主要职责是：
                """);
        Disclosure d = bind(yaml).clean().model();
        assertEquals("示例市示例区医疗保障局贯彻落实党中央关于医疗保障工作的方针政策，主要职责是：", d.department().dutiesIntro());
    }

    @Test
    void foldedLatinWordsKeepOneSpace() {
        assertEquals("PDF files are generated", Text.normalize("PDF files\n  are generated"));
        assertEquals("生成PDF文件", Text.normalize("生成 PDF\n文件"));
        assertEquals("“三公”经费", Text.normalize("“三公”\n经费"));
    }

    static BigDecimal basic(Disclosure d) {
        return d.facts().stream().filter(f -> f.nature() == Nature.BASIC).map(Fact::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static java.util.List<Fact> projectFacts(Disclosure d, int i) {
        String id = d.projects().get(i).id();
        return d.facts().stream().filter(f -> id.equals(f.project())).toList();
    }

    static BigDecimal project(Disclosure d, int i) {
        return projectFacts(d, i).stream().map(Fact::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
