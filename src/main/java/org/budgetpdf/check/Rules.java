package org.budgetpdf.check;

import java.util.List;

import static org.budgetpdf.check.Rule.BOTH;
import static org.budgetpdf.check.Rule.BUDGET;
import static org.budgetpdf.check.Rule.FINAL;

/**
 * The rule registry: every rule once, in run order, with its ID (rules.md), kinds and codes. Each code is documented
 * in docs/diagnostics.md and has an example in src/test/resources/errors/; removing a rule from this list turns
 * the error catalogue test red.
 */
public final class Rules {
    private Rules() {
    }

    public static final List<Rule> ALL = List.of(
            new Rule("X01", "单位定义和引用", BOTH, List.of("E-DUP-UNIT", "E-REF-UNIT"), false, References::units),
            new Rule("C01", "科目编码在科目表中，或由数据写明名称", BOTH, List.of("E-CODE-UNKNOWN", "E-CODE-OBSOLETE", "E-NAME-OBSOLETE", "W-NAME", "W-CODE-LOCAL"),
                    false, CodeRules::codes),
            new Rule("B15", "基本支出只用人员和公用经费的经济分类", BUDGET, List.of("E-BASIC-ECON"), false,
                    CodeRules::basicEconClasses),
            new Rule("C02", "版式能放下数据中的每个项目类型（词表）", BUDGET, List.of("E-PROJECT-TYPE"), false, CodeRules::projectTypes),
            new Rule("C03", "绩效指标使用规范的一级、二级名称", BUDGET, List.of("W-INDICATOR"), false, CodeRules::indicatorNames),
            new Rule("C04", "车辆类别规范", BOTH, List.of("W-VEHICLE"), false, CodeRules::vehicleKinds),
            new Rule("R01", "批复后20日内、在规定年度内公开（rules.md §1.1）", BOTH, List.of("E-DATE", "W-DATE"), false,
                    Dates::publication),
            new Rule("X02", "同一段不写两次", BOTH, List.of("E-DUP-LINE", "E-DUP-PROJECT"), false, References::duplicates),
            new Rule("X07", "至少有一笔支出，支出不全为零", BOTH, List.of("E-MISSING", "W-ALL-ZERO"), true, Coverage::spending),
            new Rule("X03", "明细加总等于批复数（控制数）", BOTH, List.of("E-APPROVED"), true, Controls::approved),
            new Rule("X06", "有可以核对录入错误的控制数（批复或变动原因的构成）", BOTH, List.of("W-NO-CONTROLS"), false,
                    Coverage::controls),
            new Rule("B16", "功能分类与经济分类的对应", BUDGET, List.of("W-FUNC-ECON"), false, Relations::functionEconPairs),
            new Rule("T10", "机关运行经费不超过行政单位的公用经费", BUDGET, List.of("W-RUNNING-COST"), true, Relations::runningCost),
            new Rule("B19", "三公经费不小于对应的经济分类", BUDGET, List.of("E-THREE-PUBLIC", "W-UNVERIFIED"), true, Relations::sanGongVsEcon),
            new Rule("T09", "“三公”经费各项增减写明原因", BUDGET, List.of("E-REASON"), true, ReasonRules::budgetReasons),
            new Rule("T01", "每一句增减变化都写明自己的原因", BOTH, List.of("E-REASON"), true, ReasonRules::changeReasons),
            new Rule("T02", "原因的构成之和等于变动", BOTH, List.of("E-REASON-SUM", "W-REASON-UNCHANGED"), true,
                    ReasonRules::reasonParts),
            new Rule("T03", "原因的文字与数字一致（增减方向、差额、构成）", BOTH, List.of("E-REASON-TEXT"), true,
                    ReasonRules::reasonTexts),
            new Rule("B23", "成本指标不超过项目金额", BUDGET, List.of("W-COST-CAP"), true, Relations::costCaps),
            new Rule("T11", "购置公务用车列入政府采购", BUDGET, List.of("W-CAR-PURCHASE"), true, Relations::carPurchase),
            new Rule("T12", "资产总额不小于固定资产与无形资产之和", BOTH, List.of("E-ASSETS"), true, Relations::assets),
            new Rule("B03", "“其中”不大于整体（接待、政府采购、资产、绩效项目数）", BOTH, List.of("E-PART"), true,
                    Wholes::partsOfWholes),
            new Rule("D01", "收支平衡（公开01、04表）", FINAL, List.of("E-BALANCE"), true, Relations::balance),
            new Rule("D08", "公开06表合计等于公开05表基本支出", FINAL, List.of("E-ECON-SUM"), true, Relations::econSum),
            new Rule("T06", "决算与年初预算、三公预算的差异写明原因", FINAL, List.of("E-REASON"), true, ReasonRules::finalReasons),
            new Rule("D10", "公务用车保有量与国有资产车辆一致", FINAL, List.of("E-VEHICLES"), false, Relations::vehicles),
            new Rule("T15", "自由文字：占位符、年份、部门名称、重复、标点、级次、预决算措辞", BOTH, List.of("W-TEXT"), false,
                    TextRules::freeText),
            new Rule("P01", "不常见的数要核对说明（三公超预算、调整预算偏离、超过100亿元）", BOTH, List.of("W-PLAUSIBLE"), true,
                    Plausibility::unusual),
            new Rule("D12", "与上年文件、所属单位文件一致（同一文件夹）", BOTH, List.of("E-OTHER-FILE"), true, OtherFiles::compare),
            new Rule("X08", "同一文件夹中部门代码、项目编码不重复（复制来的文件）", BOTH, List.of("W-DUP-CODE"), false,
                    DuplicateCodes::check),
            new Rule("L01", "版式需要的数据", BOTH, List.of("W-LAYOUT-DATA"), false, LayoutRules::layoutData),
            new Rule("L02", "版式的每张表：合计等于各部分之和，没有漏掉的钱", BOTH, List.of("E-TABLE-SUM"), true,
                    LayoutRules::tableSums),
            new Rule("R13", "公开规定要求的说明事项（rules.md §1.3）", BOTH, List.of("W-MISSING-ITEM"), false,
                    LayoutRules::completeness),
            // it takes the explained warnings out of what the rules above reported
            new Rule("X04", "数据文件中“说明”过的警告不再列出", BOTH, List.of("W-SUPPRESS"), false, Suppressions::apply),
            // after X04: an explained warning is not held back as a review's
            new Rule("X05", "“待核对”的事项逐条列出，其中的警告核对后再列出", BOTH, List.of("W-REVIEW"), false, Review::pending));
}
