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
