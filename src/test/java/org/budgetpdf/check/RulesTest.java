package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.budgetpdf.bind.TestDocs.*;
import static org.junit.jupiter.api.Assertions.*;

/** Each rule of {@link Rules}, in run order, with a passing and a failing document. */
class RulesTest {
    static final String MINIMAL = minimal();

    @Test
    void minimalDocumentChecksClean() {
        check(MINIMAL).clean();
    }

    @Test
    void realDataFileHasOnlyTheKnownWarnings() {
        String real = real();
        Result r = check(real);
        assertEquals(List.of("W-COST-CAP", "W-RUNNING-COST"), r.all().stream().map(Diagnostic::code).toList(), r.all()::toString);
        Diagnostic d = r.withCode("W-RUNNING-COST").get(0);
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(lineOf(real, "  金额: 8.45"), d.pos().line());
        assertEquals("机关运行经费 8.45 大于行政（参公）单位基本支出中的公用经费 4.14，相差 4.31 万元", d.message());
        assertTrue(d.hint().contains("不含事业单位的公用经费"), d.hint());
        // as printed in seed 004: the 聘用人员经费 project of 8.64 has the cap “≤9.6万元”
        Diagnostic cap = r.withCode("W-COST-CAP").get(0);
        assertEquals(lineOf(real, "值: ≤9.6万元"), cap.pos().line());
        assertEquals("项目“医保局聘用人员经费”的成本指标“≤9.6万元”（9.60 万元）大于项目金额 8.64 万元，相差 0.96 万元", cap.message());
    }

    @Nested
    class Units {
        @Test
        void duplicateUnitCode() {
            String yaml = with(MINIMAL, """
                    单位:
                      - 代码: "901001"
                        名称: 示例市示例区医疗保障局
                        类型: 行政
                      - 代码: "901001"
                        名称: 示例市示例区医疗保障服务中心
                        类型: 事业
                    """);
            Diagnostic d = check(yaml).only("E-DUP-UNIT");
            int second = lineOf(yaml, "名称: 示例市示例区医疗保障服务中心") - 1;
            assertEquals(second, d.pos().line());
            assertEquals("单位代码 901001 重复（第一次在第 " + (second - 3) + " 行）", d.message());
        }

        @Test
        void noUnitsAtAllIsOneMessageNotOnePerLine() {
            String yaml = with(MINIMAL, """
                    单位: []
                    """);
            Diagnostic d = check(yaml).only("E-MISSING");
            assertEquals(lineOf(yaml, "单位: []"), d.pos().line());
            assertEquals("“单位”下没有任何预算单位", d.message());
        }

        @Test
        void undefinedUnitInABasicLineAndInAProject() {
            String yaml = replace(replace(MINIMAL,
                    "  - 单位: \"901001\"\n    功能科目: 2101501", "  - 单位: \"901002\"\n    功能科目: 2101501"),
                    "    单位: \"901001\"\n    类型: 特定目标类", "    单位: \"901003\"\n    类型: 特定目标类");
            Result r = check(yaml);
            List<Diagnostic> refs = r.withCode("E-REF-UNIT");
            assertEquals(2, refs.size(), () -> r.all().toString());
            assertEquals(lineOf(yaml, "901002"), refs.get(0).pos().line());
            assertTrue(refs.get(0).message().contains("901002"));
            assertEquals("已定义的单位：901001。", refs.get(0).hint());
            assertTrue(refs.get(1).message().contains("901003"));
            assertEquals(List.of(), r.withCode("W-RUNNING-COST"), "no follow-up warning about 公用经费 of unknown units");
        }
    }

    @Nested
    class Codes {
        @Test
        void unknownFunctionCode() {
            String yaml = replace(MINIMAL, "    功能科目: 2101501", "    功能科目: 2101051");
            Diagnostic d = check(yaml).only("E-CODE-UNKNOWN");
            assertEquals(lineOf(yaml, "2101051"), d.pos().line());
            assertEquals(colOf(yaml, "2101051"), d.pos().col());
            assertEquals("功能分类科目 2101051 不在本工具自带的2025年科目表中", d.message());
        }

        @Test
        void unknownEconCodeInAProject() {
            Diagnostic d = check(replace(MINIMAL, "    经济科目: 31302", "    经济科目: 31399")).only("E-CODE-UNKNOWN");
            assertTrue(d.message().contains("31399"), d.message());
        }

        @Test
        void catalogEditionFollowsTheYear() {
            // 2210105 is in the 2021 edition, not in 2025
            String basic = """
                    基本支出:
                      - 单位: "901001"
                        功能科目: 2210105
                        经济科目:
                          30101: 10.00
                          30201: 0.50
                    """;
            assertEquals(1, check(with(MINIMAL, basic)).withCode("E-CODE-UNKNOWN").size());
            assertEquals(List.of(), check(replace(with(MINIMAL, basic), "年度: 2025", "年度: 2024"))
                    .withCode("E-CODE-UNKNOWN"));
            assertEquals(List.of(), check(replace(with(MINIMAL, basic), "年度: 2025\n", "年度: 2025\n科目年度: 2021\n"))
                    .withCode("E-CODE-UNKNOWN"));
        }

        @Test
        void obsoleteEconCodeNamesItsReplacement() {
            String yaml = replace(MINIMAL, "      30101: 10.00", "      30101: 9.95\n      30104: 0.05");
            Diagnostic d = check(yaml).only("E-CODE-OBSOLETE");
            assertEquals(lineOf(yaml, "30104"), d.pos().line());
            assertEquals("这是 2018 年改革前的科目，应改为：30112 其他社会保障缴费。", d.hint());

            Diagnostic project = check(replace(MINIMAL, "    经济科目: 31302", "    经济科目: 30312")).only("E-CODE-OBSOLETE");
            assertTrue(project.hint().contains("30102 津贴补贴"), project.hint());
        }

        @Test
        void basicLinesOnlyUsePersonnelAndPublicUseClasses() {
            String ok = replace(MINIMAL, "      30101: 10.00", "      30101: 9.00\n      30302: 1.00");
            check(ok).clean();
            String yaml = replace(MINIMAL, "      30101: 10.00", "      30101: 9.00\n      31302: 1.00");
            Diagnostic d = check(yaml).only("E-BASIC-ECON");
            assertEquals(lineOf(yaml, "31302: 1.00"), d.pos().line());
            assertTrue(d.message().contains("313 类"), d.message());
        }

        @Test
        void functionNameMustMatchTheCatalog() {
            check(replace(MINIMAL, "    功能科目: 2101501\n", "    功能科目: 2101501\n    功能科目名称: 行政运行\n")).clean();
            String yaml = replace(MINIMAL, "    功能科目: 2101501\n", "    功能科目: 2101501\n    功能科目名称: 行政运行支出\n");
            Diagnostic d = check(yaml).only("W-NAME");
            assertEquals(Severity.WARNING, d.severity());
            assertEquals("科目 2101501 的名称“行政运行支出”与科目表“行政运行”不同", d.message());
        }
    }

    @Nested
    class Duplicates {
        @Test
        void sameUnitFunctionAndFundTwice() {
            String yaml = with(MINIMAL, """
                    基本支出:
                      - 单位: "901001"
                        功能科目: 2101501
                        经济科目:
                          30101: 10.00
                      - 单位: "901001"
                        功能科目: 2101501
                        经济科目:
                          30201: 0.50
                    """);
            Diagnostic d = check(yaml).only("E-DUP-LINE");
            assertEquals(lineOf(yaml, "30201: 0.50") - 3, d.pos().line());
            assertEquals("单位 901001 的功能科目 2101501（财政拨款）重复填写（第一次在第 " + (lineOf(yaml, "30101: 10.00") - 3)
                    + " 行）", d.message());
        }

        @Test
        void sameFunctionWithAnotherFundIsNotADuplicate() {
            Result r = check(with(MINIMAL, """
                    基本支出:
                      - 单位: "901001"
                        功能科目: 2101501
                        经济科目:
                          30101: 10.00
                      - 单位: "901001"
                        功能科目: 2101501
                        资金: 事业收入
                        经济科目:
                          30201: 0.50
                    """));
            assertEquals(List.of(), r.withCode("E-DUP-LINE"));
        }

        @Test
        void projectNameAndProjectCode() {
            String twoProjects = """
                    项目:
                      - 名称: 城乡居民医保区级配套
                        编码: "410703250000000099001"
                        单位: "901001"
                        类型: 特定目标类
                        功能科目: 2101202
                        经济科目: 31302
                        金额: 60.00
                      - 名称: 城乡居民医保区级配套
                        编码: "410703250000000099002"
                        单位: "901001"
                        类型: 特定目标类
                        功能科目: 2101202
                        经济科目: 31302
                        金额: 40.00
                    """;
            Diagnostic byName = check(with(MINIMAL, twoProjects)).only("E-DUP-PROJECT");
            assertTrue(byName.message().startsWith("项目“城乡居民医保区级配套”重复"), byName.message());

            Diagnostic byCode = check(with(MINIMAL, twoProjects.replace("  - 名称: 城乡居民医保区级配套\n    编码: \"410703250000000099002\"",
                    "  - 名称: 城乡居民医保二期配套\n    编码: \"410703250000000099001\""))).only("E-DUP-PROJECT");
            assertTrue(byCode.message().startsWith("项目编码 410703250000000099001 重复"), byCode.message());

            check(with(MINIMAL, twoProjects.replace("  - 名称: 城乡居民医保区级配套\n    编码: \"410703250000000099002\"",
                    "  - 名称: 城乡居民医保二期配套\n    编码: \"410703250000000099002\""))).clean();
        }
    }

    @Nested
    class ApprovedTotals {
        @Test
        void eachControlTotalNamesDeclaredComputedAndDifference() {
            String yaml = with(MINIMAL, """
                    批复:
                      支出总计: 111.50
                      基本支出: 10.00
                      项目支出: 101.25
                    """);
            Result r = check(yaml);
            List<Diagnostic> ds = r.withCode("E-APPROVED");
            assertEquals(3, ds.size(), () -> r.all().toString());
            assertEquals("明细加总的支出总计 110.50 与批复数 111.50 不符，相差 1.00 万元", ds.get(0).message());
            assertEquals(lineOf(yaml, "111.50"), ds.get(0).pos().line());
            assertEquals(colOf(yaml, "111.50"), ds.get(0).pos().col());
            assertEquals("明细加总的基本支出 10.50 与批复数 10.00 不符，相差 0.50 万元", ds.get(1).message());
            assertEquals("明细加总的项目支出 100.00 与批复数 101.25 不符，相差 1.25 万元", ds.get(2).message());
        }

        @Test
        void largeAmountsAreGroupedInMessages() {
            Diagnostic d = check(replace(MINIMAL, "  支出总计: 110.50", "  支出总计: 1740.73")).only("E-APPROVED");
            assertEquals("明细加总的支出总计 110.50 与批复数 1,740.73 不符，相差 1,630.23 万元", d.message());
        }

        @Test
        void incomeThreePublicRunningCostAndUnitTotals() {
            String ok = with(MINIMAL, """
                    批复:
                      支出总计: 110.50
                      收入总计: 110.50
                      基本支出: 10.50
                      项目支出: 100.00
                      三公经费合计: 0
                      机关运行经费: 0.50
                      单位:
                        "901001": 110.50
                    """);
            check(ok).clean();
            String yaml = with(MINIMAL, """
                    批复:
                      支出总计: 110.50
                      收入总计: 111.50
                      基本支出: 10.50
                      项目支出: 100.00
                      三公经费合计: 0.20
                      机关运行经费: 0.40
                      单位:
                        "901001": 100.00
                        "901009": 10.50
                    """);
            Result r = check(yaml);
            List<Diagnostic> ds = r.withCode("E-APPROVED");
            assertEquals(4, ds.size(), () -> r.all().toString());
            assertEquals("明细加总的收入总计 110.50 与批复数 111.50 不符，相差 1.00 万元", ds.get(0).message());
            assertEquals(lineOf(yaml, "收入总计: 111.50"), ds.get(0).pos().line());
            assertEquals("“三公”经费四项之和 0.00 与批复数 0.20 不符，相差 0.20 万元", ds.get(1).message());
            assertEquals(lineOf(yaml, "三公经费合计: 0.20"), ds.get(1).pos().line());
            assertEquals("“机关运行经费.金额” 0.50 与批复数 0.40 不符，相差 0.10 万元", ds.get(2).message());
            assertEquals(lineOf(yaml, "机关运行经费: 0.40"), ds.get(2).pos().line());
            assertEquals("单位 901001 的明细加总 110.50 与批复数 100.00 不符，相差 10.50 万元", ds.get(3).message());
            assertEquals(lineOf(yaml, "\"901001\": 100.00"), ds.get(3).pos().line());
            Diagnostic ref = r.withCode("E-REF-UNIT").get(0);
            assertEquals("“批复.单位”中的单位“901009”没有在“单位:”中定义", ref.message());
            assertEquals(lineOf(yaml, "901009"), ref.pos().line());
            assertEquals(5, r.all().size(), () -> r.all().toString());
        }

        @Test
        void runningCostByDefinitionWhenNoAmountIsEntered() {
            String yaml = with(with(MINIMAL, """
                    机关运行经费:
                      用途: 保障机关正常运转。
                    """), """
                    批复:
                      机关运行经费: 0.60
                    """);
            Diagnostic d = check(yaml).only("E-APPROVED");
            assertEquals("按定义计算的机关运行经费（行政、参公单位基本支出中的公用经费） 0.50 与批复数 0.60 不符，相差 0.10 万元",
                    d.message());
        }

        @Test
        void noApprovalNoCheck() {
            // no totals to check against: said once, for the whole file
            assertEquals("W-NO-CONTROLS", check(without(MINIMAL, "批复")).only().code());
            check(with(MINIMAL, """
                    批复:
                      支出总计: 110.50
                    """)).clean();
        }
    }

    @Nested
    class FunctionEconPairs {
        @Test
        void pensionContributionUnderItsOwnFunction() {
            check(with(MINIMAL, """
                    基本支出:
                      - 单位: "901001"
                        功能科目: 2101501
                        经济科目:
                          30101: 9.00
                          30201: 0.50
                      - 单位: "901001"
                        功能科目: 2080505
                        经济科目:
                          30108: 1.00
                    """)).clean();
            String yaml = replace(MINIMAL, "      30101: 10.00", "      30101: 9.00\n      30108: 1.00");
            Diagnostic d = check(yaml).only("W-FUNC-ECON");
            assertEquals(lineOf(yaml, "30108"), d.pos().line());
            assertEquals("经济分类 30108 通常列在功能科目 2080505 下，这里在 2101501 下", d.message());
        }

        @Test
        void medicalInsuranceHasTwoHomes() {
            String basic = """
                    基本支出:
                      - 单位: "901001"
                        功能科目: 2101501
                        经济科目:
                          30101: 9.00
                          30201: 0.50
                      - 单位: "901001"
                        功能科目: 2101102
                        经济科目:
                          30110: 1.00
                    """;
            check(with(MINIMAL, basic)).clean();
            Diagnostic d = check(with(MINIMAL, """
                    基本支出:
                      - 单位: "901001"
                        功能科目: 2101501
                        经济科目:
                          30101: 9.00
                          30110: 1.00
                          30201: 0.50
                    """)).only("W-FUNC-ECON");
            assertTrue(d.message().contains("2101101 或 2101102"), d.message());
        }
    }

    @Nested
    class FunctionEconPairsInProjects {
        @Test
        void residentsInsuranceSubsidyIsPaidToTheFund() {
            check(MINIMAL).clean(); // 2101202 with 31302
            String yaml = replace(MINIMAL, "    经济科目: 31302", "    经济科目: 30307");
            Diagnostic d = check(yaml).only("W-FUNC-ECON");
            assertEquals(lineOf(yaml, "金额: 100.00"), d.pos().line());
            assertEquals("项目“城乡居民医保区级配套”的功能科目 2101202（财政对城乡居民基本医疗保险基金的补助）通常使用经济分类 31302，"
                    + "这里是 30307（医疗费补助）", d.message());
        }

        @Test
        void socialInsuranceItemsInProjectsToo() {
            String yaml = replace(replace(MINIMAL, "    经济科目: 31302", "    经济科目: 30111"),
                    "    功能科目: 2101202", "    功能科目: 2101103");
            check(yaml).clean();
            Diagnostic d = check(replace(yaml, "    功能科目: 2101103", "    功能科目: 2101599")).only("W-FUNC-ECON");
            assertEquals("项目“城乡居民医保区级配套”的经济分类 30111 通常列在功能科目 2101103 下，这里在 2101599 下", d.message());
        }

        @Test
        void housingFundFunctionTakesTheHousingFundItem() {
            String basic = """
                    基本支出:
                      - 单位: "901001"
                        功能科目: 2101501
                        经济科目:
                          30101: 9.00
                          30201: 0.50
                      - 单位: "901001"
                        功能科目: 2210201
                        经济科目:
                          30113: 1.00
                    """;
            check(with(MINIMAL, basic)).clean();
            Diagnostic d = check(with(MINIMAL, basic.replace("30113: 1.00", "30311: 1.00"))).only("W-FUNC-ECON");
            assertTrue(d.message().startsWith("功能科目 2210201（住房公积金）通常使用经济分类 30113，这里是 30311"), d.message());
        }

        @Test
        void anUnknownEconCodeIsNotAlsoAPairingWarning() {
            check(replace(MINIMAL, "    经济科目: 31302", "    经济科目: 31399")).only("E-CODE-UNKNOWN");
        }
    }

    @Nested
    class RunningCost {
        @Test
        void notMoreThanThePublicUseOfAdministrativeUnits() {
            String why = "变动原因:\n  机关运行经费: 办公费调整\n";
            check(with(replace(MINIMAL, "  金额: 0.50", "  金额: 0.40"), why)).clean();
            String yaml = with(replace(MINIMAL, "  金额: 0.50", "  金额: 0.80"), why);
            Diagnostic d = check(yaml).only("W-RUNNING-COST");
            assertEquals(lineOf(yaml, "金额: 0.80"), d.pos().line());
            assertEquals("机关运行经费 0.80 大于行政（参公）单位基本支出中的公用经费 0.50，相差 0.30 万元", d.message());
            assertFalse(d.hint().contains("也不含事业单位"), "no 事业 unit in this document");
        }

        @Test
        void publicUseOfAnInstitutionDoesNotCount() {
            String yaml = with(with(MINIMAL, """
                    单位:
                      - 代码: "901001"
                        名称: 示例市示例区医疗保障局
                        类型: 行政
                      - 代码: "901002"
                        名称: 示例市示例区医疗保障服务中心
                        类型: 事业
                    """), """
                    基本支出:
                      - 单位: "901001"
                        功能科目: 2101501
                        经济科目:
                          30101: 10.00
                      - 单位: "901002"
                        功能科目: 2101550
                        经济科目:
                          30201: 0.50
                    """);
            Diagnostic d = check(yaml).only("W-RUNNING-COST");
            assertTrue(d.message().contains("公用经费 0.00，相差 0.50 万元"), d.message());
            assertTrue(d.hint().contains("也不含事业单位的公用经费"), d.hint());
            // the same unit as 参公 counts
            check(replace(yaml, "    类型: 事业", "    类型: 参公")).clean();
        }

        @Test
        void withoutAnAmountItIsComputedSoNothingToCompare() {
            check(with(MINIMAL, """
                    机关运行经费:
                      用途: 保障机关正常运转。
                    """)).clean();
        }
    }

    @Nested
    class ThreePublic {
        static final String RECEPTION = replace(MINIMAL, "      30201: 0.50", "      30201: 0.30\n      30217: 0.20");

        @Test
        void partsCoverTheirEconomicItems() {
            assertEquals(List.of(), check(with(RECEPTION, """
                    三公经费:
                      因公出国: 0
                      公务用车购置: 0
                      公务用车运行: 0
                      公务接待: 0.20
                    """)).withCode("E-THREE-PUBLIC"));
            Diagnostic d = check(RECEPTION).only("E-THREE-PUBLIC");
            assertEquals(lineExactly(RECEPTION, "  公务接待: 0"), d.pos().line());
            assertEquals("公务接待费 0.00 小于经济分类 30217 的合计 0.20，相差 0.20 万元", d.message());
        }

        @Test
        void carPurchaseInAProject() {
            String yaml = replace(replace(MINIMAL, "    经济科目: 31302", "    经济科目: 31013"),
                    "    功能科目: 2101202", "    功能科目: 2101501");
            Diagnostic d = check(yaml).only("E-THREE-PUBLIC");
            assertEquals("公务用车购置费 0.00 小于经济分类 31013/30913 公务用车购置的合计 100.00，相差 100.00 万元", d.message());
        }

        @Test
        void onlyGeneralBudgetMoneyCounts() {
            assertEquals(List.of(), check(replace(RECEPTION, "    功能科目: 2101501\n", "    功能科目: 2101501\n    资金: 事业收入\n"))
                    .withCode("E-THREE-PUBLIC"));
        }
    }

    @Nested
    class Reasons {
        static final String MORE_RECEPTION = with(MINIMAL, """
                三公经费:
                  因公出国: 0
                  公务用车购置: 0
                  公务用车运行: 0
                  公务接待: 0.30
                """);

        @Test
        void everyThreePublicChangeNeedsAReason() {
            Diagnostic d = check(MORE_RECEPTION).only("E-REASON");
            assertEquals(lineOf(MORE_RECEPTION, "公务接待: 0.30"), d.pos().line());
            assertEquals("公务接待费 0.30 比上年 0.00 增加 0.30 万元，但没有填写原因", d.message());
            assertTrue(d.hint().contains("公务接待: …"), d.hint());
            check(with(MORE_RECEPTION, """
                    变动原因:
                      公务接待: 新增上级检查接待任务
                    """)).clean();
        }

        @Test
        void decreasesToo() {
            String yaml = replace(MINIMAL, "    公务用车运行: 0\n    公务接待: 0\n  机关运行经费",
                    "    公务用车运行: 1.20\n    公务接待: 0\n  机关运行经费");
            Diagnostic d = check(yaml).only("E-REASON");
            assertEquals("公务用车运行费 0.00 比上年 1.20 减少 1.20 万元，但没有填写原因", d.message());
        }

        @Test
        void totalChangeWithoutReasonIsAnError() {
            String yaml = replace(MINIMAL, "  收支总计: 110.50", "  收支总计: 120.50");
            Diagnostic d = check(yaml).only("E-REASON");
            assertEquals(lineOf(yaml, "收支总计: 120.50"), d.pos().line());
            assertEquals("收支总计 110.50 比上年 120.50 减少 10.00 万元，但没有填写“变动原因.收支总计”", d.message());
            check(with(yaml, """
                    变动原因:
                      收支总计: 人员减少
                    """)).clean();
        }
    }

    @Nested
    class ReasonParts {
        static final String LESS = replace(MINIMAL, "  收支总计: 110.50", "  收支总计: 120.50");
        static final String PARTS = """
                变动原因:
                  收支总计:
                    说明: 人员减少；项目压减。
                    构成:
                      - {说明: 人员减少, 金额: -2.00}
                      - {说明: 项目压减, 金额: -8.00}
                """;

        @Test
        void componentsAddUpToTheChange() {
            Result r = check(with(LESS, PARTS)).clean();
            assertEquals("人员减少；项目压减。", r.model().reasons().text("收支总计"), "the templates get the text");
            assertEquals(2, r.model().reasons().given().get("收支总计").parts().size());
        }

        @Test
        void componentsThatDoNotAddUpNameBothFiguresAndTheDifference() {
            String yaml = with(LESS, PARTS.replace("金额: -8.00", "金额: -7.50"));
            Diagnostic d = check(yaml).only("E-REASON-SUM");
            assertEquals(Severity.ERROR, d.severity());
            assertEquals(lineOf(yaml, "{说明: 人员减少, 金额: -2.00}"), d.pos().line());
            assertEquals("“变动原因.收支总计.构成”各项之和 -9.50 与收支总计的变动 -10.00（110.50 − 120.50）不符，相差 0.50 万元",
                    d.message());
        }

        @Test
        void seed002ThreePublicPartsToo() {
            // 002-3 in miniature: 19.9 − 14,245.6 = −14,225.70, the text says −14,226.05
            String yaml = with(replace(MINIMAL, "  收支总计: 110.50", "  收支总计: 14336.55"), """
                    变动原因:
                      收支总计:
                        说明: 城乡居民医疗保险实行市级统筹
                        构成: [{说明: 基本支出增加, 金额: 19.9}, {说明: 项目支出减少, 金额: -14245.6}]
                    """);
            Diagnostic d = check(yaml).only("E-REASON-SUM");
            assertEquals("“变动原因.收支总计.构成”各项之和 -14,225.70 与收支总计的变动 -14,226.05（110.50 − 14,336.55）不符，"
                    + "相差 0.35 万元", d.message());
        }

        @Test
        void negativeAmountsOnlyInComponents() {
            Diagnostic d = check(replace(MINIMAL, "  公务接待: 0\n\n机关运行经费", "  公务接待: -1\n\n机关运行经费"))
                    .only("E-NEGATIVE");
            assertTrue(d.message().contains("三公经费.公务接待"), d.message());
            Result r = check(with(LESS, PARTS.replace("金额: -8.00", "金额: -8.005")));
            assertEquals("E-PRECISION", r.only().code());
        }

        @Test
        void theRealFileRendersTheSameSentenceAsPlainText() {
            String real = real();
            String plain = real.substring(0, real.indexOf("  收支总计:\n    说明: >-"))
                    + "  收支总计: >-\n" + real.substring(real.indexOf("    说明: >-") + "    说明: >-\n".length(), real.indexOf("    构成:"))
                    .replace("\n      ", "\n    ").replaceFirst("^      ", "    ")
                    + real.substring(real.indexOf("  机关运行经费: 所属事业单位福利费增加"));
            String fromParts = bind(real).model().reasons().text("收支总计");
            assertEquals(bind(plain).model().reasons().text("收支总计"), fromParts);
            assertTrue(fromParts.startsWith("（一）所属二级单位") && fromParts.endsWith("产生差额70.82万元。"), fromParts);
        }
    }

    @Nested
    class UnchangedReason {
        @Test
        void aReasonForAFigureThatDidNotChange() {
            String yaml = with(MINIMAL, """
                    变动原因:
                      公务接待: 无
                    """);
            Diagnostic d = check(yaml).only("W-REASON-UNCHANGED");
            assertEquals(Severity.WARNING, d.severity());
            assertEquals(lineOf(yaml, "公务接待: 无"), d.pos().line());
            assertEquals("写了“变动原因.公务接待”，但公务接待费 0.00 与上年 0.00 相同", d.message());
            check(with(Reasons.MORE_RECEPTION, """
                    变动原因:
                      公务接待: 新增上级检查接待任务
                    """)).clean();
        }

        @Test
        void runningCostAndTotalToo() {
            Result r = check(with(MINIMAL, """
                    变动原因:
                      收支总计: 无
                      机关运行经费: 无
                    """));
            assertEquals(List.of("W-REASON-UNCHANGED", "W-REASON-UNCHANGED"), r.all().stream().map(Diagnostic::code).toList());
        }
    }

    @Nested
    class CostCaps {
        static final String CAP = "        - {名称: 区级配套人数, 值: ≤1万人}";

        @Test
        void capNotAboveTheProjectAmount() {
            check(replace(MINIMAL, CAP, CAP + "\n      成本指标:\n        - {名称: 总成本, 值: ≤100万元}")).clean();
            check(replace(MINIMAL, CAP, CAP + "\n      成本指标:\n        - {名称: 总成本, 值: ≤1000000元}")).clean();
            check(replace(MINIMAL, CAP, CAP + "\n      成本指标:\n        - {名称: 总成本, 值: 按实际发生}")).clean();
        }

        @Test
        void seed004CapAboveTheAmount() {
            String yaml = replace(MINIMAL, CAP, CAP + "\n      成本指标:\n        - {名称: 总成本, 值: ≤1213.5万元}");
            Diagnostic d = check(yaml).only("W-COST-CAP");
            assertEquals(Severity.WARNING, d.severity());
            assertEquals(lineOf(yaml, "≤1213.5万元"), d.pos().line());
            assertEquals(colOf(yaml, "≤1213.5万元"), d.pos().col());
            assertEquals("项目“城乡居民医保区级配套”的成本指标“≤1213.5万元”（1,213.50 万元）大于项目金额 100.00 万元，相差 1,113.50 万元",
                    d.message());
            for (String v : List.of("<=100.01万元", "＜1000001元", "101万元")) {
                check(replace(MINIMAL, CAP, CAP + "\n      成本指标:\n        - {名称: 总成本, 值: " + v + "}")).only("W-COST-CAP");
            }
        }
    }

    @Nested
    class CarPurchase {
        static final String CAR = replace(replace(replace(MINIMAL, "    经济科目: 31302", "    经济科目: 31013"),
                "    功能科目: 2101202", "    功能科目: 2101501"), "  公务用车购置: 0\n  公务用车运行: 0\n  公务接待: 0\n\n机关",
                "  公务用车购置: 100.00\n  公务用车运行: 0\n  公务接待: 0\n\n机关");
        static final String REASON = """
                变动原因:
                  公务用车购置: 更新一辆超期服役的执法用车
                """;

        @Test
        void aVehiclePurchaseIsProcuredGoods() {
            check(with(with(CAR, REASON), """
                    政府采购:
                      货物: 100.00
                      工程: 0
                      服务: 0
                    """)).clean();
            String yaml = with(CAR, REASON);
            Diagnostic d = check(yaml).only("W-CAR-PURCHASE");
            assertEquals(lineOf(yaml, "公务用车购置: 100.00"), d.pos().line());
            assertEquals("安排了公务用车购置费 100.00 万元，但政府采购货物预算只有 0.00 万元", d.message());
        }
    }

    @Nested
    class Assets {
        @Test
        void totalIsAtLeastFixedPlusIntangible() {
            check(replace(MINIMAL, "  无形资产: 0", "  无形资产: 0\n  上年资产总额: 11.00")).clean();
            String yaml = replace(MINIMAL, "  无形资产: 0", "  无形资产: 1.50");
            Diagnostic d = check(yaml).only("E-ASSETS");
            assertEquals(lineOf(yaml, "资产总额: 12.00"), d.pos().line());
            assertEquals("资产总额 12.00 小于固定资产与无形资产之和 13.50，相差 1.50 万元", d.message());
        }
    }

    @Nested
    class Order {
        @Test
        void aMistypedAmountIsOneMessageNotACascadeOfWrongTotals() {
            // 10.005 cannot be read, so the 基本支出 total would be 0.50 and 批复 would not match
            Result r = check(replace(MINIMAL, "      30101: 10.00", "      30101: 10.005"));
            r.only("E-PRECISION");
        }

        @Test
        void anUnreadableFunctionCodeIsNotAlsoAPairingWarning() {
            String pensionUnderAdmin = replace(MINIMAL, "      30101: 10.00", "      30101: 9.00\n      30108: 1.00");
            check(pensionUnderAdmin).only("W-FUNC-ECON");
            check(replace(pensionUnderAdmin, "    功能科目: 2101501", "    功能科目: 21015")).only("E-CODE-FORMAT");
        }

        @Test
        void catalogErrorsDoNotHideTotals() {
            Result r = check(replace(replace(MINIMAL, "    功能科目: 2101501", "    功能科目: 2101051"),
                    "  支出总计: 110.50", "  支出总计: 111.50"));
            assertEquals(List.of("E-CODE-UNKNOWN", "E-APPROVED"), r.all().stream().map(Diagnostic::code).toList());
        }

        @Test
        void everyProblemIsReportedNotOnlyTheFirst() {
            String yaml = replace(replace(replace(MINIMAL,
                    "    功能科目: 2101501", "    功能科目: 2101051"),
                    "    经济科目: 31302", "    经济科目: 30104"),
                    "  资产总额: 12.00", "  资产总额: 10.00");
            assertEquals(List.of("E-CODE-UNKNOWN", "E-CODE-OBSOLETE", "E-ASSETS"),
                    check(yaml).all().stream().map(Diagnostic::code).toList());
        }
    }
}
