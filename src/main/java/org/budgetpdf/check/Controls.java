package org.budgetpdf.check;

import org.budgetpdf.compute.Cube;
import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.Money;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.model.Amount;
import org.budgetpdf.model.Approved;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Nature;

import java.math.BigDecimal;
import java.util.Map;

/** X03: the control totals of the 批复 (预算) or the 控制数 (决算) equal the sums of the lines. */
final class Controls {
    private Controls() {
    }

    private static final Filter SPEND = Filter.ALL;
    private static final Filter BASIC = Filter.of(Dim.NATURE, Nature.BASIC.label());
    private static final Filter PROJECT = Filter.of(Dim.NATURE, Nature.PROJECT.label());

    static void approved(Context ctx, Diagnostics x) {
        Disclosure d = ctx.doc();
        Approved a = d.approved();
        if (a == null) return;
        if (d.isBudget()) budget(ctx, a, x);
        else fin(ctx, a, x);
    }

    /** 预算: compared with the exact sums, so a 元 file reports every digit of a gap. */
    private static void budget(Context ctx, Approved a, Diagnostics x) {
        Cube c = ctx.cube();
        Map<String, Amount> t = a.totals();
        BigDecimal all = c.exact(SPEND);
        control("明细加总的支出总计", t.get("支出总计"), all, x);
        control("明细加总的收入总计", t.get("收入总计"), all, x);
        control("明细加总的基本支出", t.get("基本支出"), c.exact(BASIC), x);
        control("明细加总的项目支出", t.get("项目支出"), c.exact(PROJECT), x);
        // by fund: a deleted or mistyped 资金 moves money between funds and leaves every total above unchanged
        control("资金为“财政拨款”的明细加总", t.get("财政拨款"), c.exact(Filter.of(Dim.FUND, "财政拨款")), x);
        control("“三公”经费四项之和", t.get("三公经费合计"), c.exact(Filter.of(Dim.MEASURE, Measure.SANGONG.label())
                .andNot(Dim.ITEM, java.util.Set.of("外宾接待"))), x);
        if (t.get("机关运行经费") != null && Relations.unitsResolved(ctx)) {
            Filter entered = Filter.of(Dim.MEASURE, Measure.RUNNING_COST.label());
            Filter amount = entered.and(Dim.ITEM, "金额");
            if (c.has(amount)) {
                control("“机关运行经费.金额”", t.get("机关运行经费"), c.exact(amount), x);
            } else if (c.has(entered)) {
                control("“机关运行经费.明细”各项之和", t.get("机关运行经费"), c.exact(entered), x);
            } else {
                control("按定义计算的机关运行经费（行政、参公单位基本支出中的公用经费）", t.get("机关运行经费"),
                        ctx.dept().runningCostDefinition() == null ? BigDecimal.ZERO : c.exact(ctx.dept().runningCostDefinition()), x);
            }
        }
        for (Approved.Keyed u : a.units()) {
            if (ctx.doc().unit(u.code()) == null) continue; // E-REF-UNIT
            control("单位 " + u.code() + " 的明细加总", u.total(), c.exact(Filter.of(Dim.UNIT, u.code())), x);
        }
    }

    private static void control(String sumName, Amount declared, BigDecimal computed, Diagnostics x) {
        if (declared == null || declared.value().compareTo(computed) == 0) return;
        x.error("E-APPROVED", declared.pos(), sumName + " " + Say.exact(computed) + " 与批复数 "
                        + Say.exact(declared.value()) + " 不符，相差 " + Say.exact(computed.subtract(declared.value()).abs()) + " 万元",
                "核对各明细行与财政批复文件；多半是某一行录错或漏录。");
    }

    /** 决算: compared with the printed sums, as the 控制数 are printed figures of the finance system. */
    private static void fin(Context ctx, Approved a, Diagnostics x) {
        Cube c = ctx.cube();
        Map<String, Amount> t = a.totals();
        compare(x, t.get("年初预算"), c.sum(Filter.of(Dim.MEASURE, Measure.INITIAL_BUDGET.label())), "年初预算", "“决算明细”各项年初预算之和");
        compare(x, t.get("本年收入"), c.sum(Filter.of(Dim.MEASURE, Measure.INCOME.label())), "本年收入", "各项本年收入之和");
        compare(x, t.get("本年支出"), c.sum(SPEND), "本年支出", "各项支出之和");
        compare(x, t.get("财政拨款支出"), c.sum(Filter.of(Dim.FUND, "财政拨款")), "财政拨款支出", "各项财政拨款支出之和");
        compare(x, t.get("基本支出"), c.sum(BASIC), "基本支出", "各项基本支出之和");
        compare(x, t.get("项目支出"), c.sum(PROJECT), "项目支出", "各项项目支出之和");
        compare(x, t.get("绩效项目支出"), c.sum(PROJECT), "绩效项目支出", "各项项目支出之和（公开03表）");
        for (Approved.Keyed k : a.classes()) {
            compare(x, k.total(), c.sum(Filter.of(Dim.FUNCTION, k.code())), "类 " + k.code(), k.code() + " 类下各项支出之和");
        }
    }

    private static void compare(Diagnostics x, Amount declared, Money lines, String what, String sumName) {
        if (declared == null) return;
        Money want = Money.of(declared.value());
        if (want.equals(lines)) return;
        x.error("E-APPROVED", declared.pos(), "控制数“" + what + "” " + want.table() + " 与" + sumName + " "
                        + lines.table() + " 不符，相差 " + want.minus(lines).value().abs().toPlainString() + " 万元",
                "逐行核对“决算明细”；漏了年初有预算、全年没有支出的项时补一行（决算为 0）；明细无误时核对控制数本身。");
    }
}
