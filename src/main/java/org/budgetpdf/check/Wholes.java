package org.budgetpdf.check;

import org.budgetpdf.compute.Cube;
import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Performance;

import java.math.BigDecimal;
import java.util.List;

/**
 * B03 generalised: every "其中" is at most its whole, so no derived remainder (其他国内公务接待支出 = 公务接待 − 外宾接待,
 * 其他固定资产 …) prints negative and no share exceeds 100%.
 */
final class Wholes {
    private Wholes() {
    }

    private static Filter item(Measure m, String... items) {
        return Filter.of(Dim.MEASURE, m.label()).and(Dim.ITEM, items);
    }

    /** Sum of the named items of one measure, or null when none is written. */
    private static BigDecimal sum(Cube c, Measure m, String... items) {
        return c.has(item(m, items)) ? c.exact(item(m, items)) : null;
    }

    private static SourcePos pos(Context ctx, Measure m, String item) {
        var a = ctx.cube().select(item(m, item));
        return a.isEmpty() ? SourcePos.fileOnly(ctx.doc().file()) : a.get(0).fact().pos();
    }

    static void partsOfWholes(Context ctx, Diagnostics x) {
        Cube c = ctx.cube();
        // 三公: 外宾接待 is part of 公务接待 (决算 决算数; 预算 has only one column).
        BigDecimal foreign = sum(c, Measure.SANGONG, "外宾接待");
        if (foreign != null) {
            BigDecimal whole = ctx.dept().sanGong().reception().amount().value();
            check(x, pos(ctx, Measure.SANGONG, "外宾接待"), "外宾接待费", foreign, "公务接待费", whole,
                    "其他国内公务接待支出（公务接待费减外宾接待费）会印成负数");
        }
        // 政府采购: 中小企业 ⊂ 货物 + 工程 + 服务; 小微企业 ⊂ 中小企业.
        BigDecimal total = sum(c, Measure.PROCUREMENT, "货物", "工程", "服务");
        BigDecimal sme = sum(c, Measure.PROCUREMENT, "中小企业");
        BigDecimal small = sum(c, Measure.PROCUREMENT, "小微企业");
        if (total != null && sme != null) {
            check(x, pos(ctx, Measure.PROCUREMENT, "中小企业"), "授予中小企业合同金额", sme, "政府采购支出总额（货物、工程、服务之和）",
                    total, "中小企业所占比重会超过100%");
        }
        if (small != null && (sme != null || total != null)) {
            check(x, pos(ctx, Measure.PROCUREMENT, "小微企业"), "授予小微企业合同金额", small,
                    sme != null ? "授予中小企业合同金额" : "政府采购支出总额", sme != null ? sme : total, "小微企业所占比重会超过100%");
        }
        // 政府采购 is bought with the year's spending: all of it is at most 支出总计.
        if (total != null) {
            BigDecimal spending = c.exact(Filter.ALL);
            check(x, pos(ctx, Measure.PROCUREMENT, "货物"), "政府采购（货物、工程、服务之和）", total, "支出总计", spending,
                    "政府采购占支出的比重会超过100%");
        }
        // 绩效: the projects to be evaluated this year are some of this year's projects.
        BigDecimal evaluated = sum(c, Measure.OTHER, "拟评价金额");
        if (evaluated != null && ctx.doc().isBudget()) {
            check(x, pos(ctx, Measure.OTHER, "拟评价金额"), "绩效.拟评价金额", evaluated, "项目支出",
                    c.exact(Filter.of(Dim.NATURE, org.budgetpdf.model.Nature.PROJECT.label())), null);
        }
        rates(ctx, x);
        // 国有资产: the parts of 固定资产.
        BigDecimal fixed = sum(c, Measure.ASSETS, "固定资产");
        if (fixed != null) {
            for (String k : List.of("房屋构筑物", "车辆价值", "大型设备", "其他固定资产")) {
                BigDecimal p = sum(c, Measure.ASSETS, k);
                if (p != null) check(x, pos(ctx, Measure.ASSETS, k), k, p, "固定资产", fixed, null);
            }
            BigDecimal all = sum(c, Measure.ASSETS, "房屋构筑物", "车辆价值", "大型设备", "其他固定资产");
            if (all != null && all.compareTo(fixed) > 0 && c.select(item(Measure.ASSETS, "房屋构筑物", "车辆价值", "大型设备",
                    "其他固定资产")).size() > 1) {
                check(x, pos(ctx, Measure.ASSETS, "固定资产"), "房屋构筑物、车辆、大型设备和其他固定资产之和", all, "固定资产",
                        fixed, null);
            }
        }
        var a = ctx.doc().assets();
        if (a != null && a.floorArea() != null && a.officeArea() != null && a.officeArea().compareTo(a.floorArea()) > 0) {
            x.error("E-PART", a.pos(), "办公用房面积 " + a.officeArea().toPlainString() + " 大于房屋面积 "
                            + a.floorArea().toPlainString() + " 平方米",
                    "办公用房是房屋的一部分；请核对“国有资产.办公用房面积”和“国有资产.房屋面积”。");
        }
        // 绩效 (决算): 自评、重点评价的项目是全部项目的一部分.
        Performance perf = ctx.doc().perf();
        if (perf != null && perf.projects() != null) {
            count(x, ctx, "自评项目数", perf.selfEvaluated(), perf.projects());
            count(x, ctx, "重点评价项目数", perf.keyEvaluated(), perf.projects());
        }
    }

    /**
     * A 满意度 or a rate that is a share of a whole (完成率, 覆盖率, 到位率, 准确率 …) is at most 100%: “≥999%” is a typo.
     * Rates of change (增长率, 增幅, 下降率 …) can exceed 100% and are not bounded.
     */
    static final java.util.regex.Pattern PERCENT = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*[%％]");
    static final java.util.regex.Pattern CHANGE = java.util.regex.Pattern.compile("增长|增幅|增加|提高|提升|上升|下降|降低|减少|变动|变化|比上年|同比|环比");
    static final BigDecimal HUNDRED = new BigDecimal(100);

    private static void rates(Context ctx, Diagnostics x) {
        List<org.budgetpdf.model.Indicator> all = new java.util.ArrayList<>();
        for (org.budgetpdf.model.Project p : ctx.doc().projects()) all.addAll(p.indicators());
        if (ctx.doc().perf() != null && ctx.doc().perf().indicators() != null) all.addAll(ctx.doc().perf().indicators());
        for (org.budgetpdf.model.Indicator i : all) {
            String name = i.name() == null ? "" : i.name();
            boolean satisfaction = name.contains("满意度") || "满意度指标".equals(i.level1());
            boolean share = name.endsWith("率") && !CHANGE.matcher(name).find();
            if (!satisfaction && !share || i.value() == null) continue;
            java.util.regex.Matcher m = PERCENT.matcher(i.value());
            while (m.find()) {
                BigDecimal v = new BigDecimal(m.group(1));
                if (v.compareTo(HUNDRED) <= 0) continue;
                x.error("E-PART", i.pos(), "指标“" + name + "”的值“" + i.value() + "”超过 100%",
                        (satisfaction ? "满意度" : "“" + name + "”") + "是部分占整体的比例，最多 100%；多半是多打了一个数字（如 ≥999% 应为 ≥99%），"
                                + "请核对指标值。增长率一类可以超过 100% 的指标不在此列。");
                break;
            }
        }
    }

    private static void count(Diagnostics x, Context ctx, String what, Integer part, int whole) {
        if (part == null || part <= whole) return;
        x.error("E-PART", SourcePos.fileOnly(ctx.doc().file()), "绩效." + what + " " + part + " 大于绩效.项目数 " + whole,
                "自评和重点评价的项目是全部项目的一部分；请核对项目数。");
    }

    private static void check(Diagnostics x, SourcePos at, String part, BigDecimal p, String whole, BigDecimal w,
                              String derived) {
        if (p.compareTo(w) <= 0) return;
        x.error("E-PART", at, part + " " + Say.money(p) + " 大于其所属的" + whole + " " + Say.money(w) + "，相差 "
                        + Say.money(p.subtract(w)) + " 万元",
                "“其中”的数不能大于整体" + (derived == null ? "" : "，否则" + derived)
                        + "；请核对这两个数。");
    }
}
