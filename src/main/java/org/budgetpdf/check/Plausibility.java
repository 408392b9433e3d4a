package org.budgetpdf.check;

import org.budgetpdf.compute.Atom;
import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.Views;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Fact;
import org.budgetpdf.model.Measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * P01: figures that are possible but unusual enough to need a word from the clerk — 三公 spent beyond its budget, an
 * adjusted budget far from the initial one, an amount above 100 亿元 (usually 元 typed as 万元). Warnings; the clerk
 * confirms or explains them (a 说明: entry silences one with its reason).
 */
final class Plausibility {
    /** 100 亿元 in 万元. */
    static final BigDecimal HUGE = new BigDecimal("1000000");
    static final BigDecimal ADJUSTED_LIMIT = new BigDecimal("0.30");

    private Plausibility() {
    }

    static void unusual(Context ctx, Diagnostics x) {
        if (!ctx.doc().isBudget()) {
            Views.SanGong s = ctx.dept().sanGong();
            over(ctx, s.abroad(), "因公出国", "因公出国（境）费", x);
            over(ctx, s.carPurchase(), "公务用车购置", "公务用车购置费", x);
            over(ctx, s.carRunning(), "公务用车运行", "公务用车运行维护费", x);
            over(ctx, s.reception(), "公务接待", "公务接待费", x);
            adjusted(ctx, x);
        }
        Set<SourcePos> seen = new HashSet<>();
        for (Atom a : ctx.cube().atoms()) {
            Fact f = a.fact();
            if (f.value() == null || f.value().abs().compareTo(HUGE) < 0 || !seen.add(f.pos())) continue;
            x.warning("W-PLAUSIBLE", f.pos(), "金额 " + Say.money(f.value()) + " 万元超过 100 亿元",
                    "一个部门的单项金额很少超过 100 亿元，多半是把元当成了万元填写（“金额单位”）；请核对。");
        }
    }

    private static void over(Context ctx, Views.Part p, String item, String what, Diagnostics x) {
        if (p.budget() == null || p.amount().value().compareTo(p.budget().value()) <= 0) return;
        var at = ctx.cube().select(Filter.of(Dim.MEASURE, Measure.SANGONG.label()).and(Dim.ITEM, item));
        SourcePos pos = at.isEmpty() ? SourcePos.fileOnly(ctx.doc().file()) : at.get(0).fact().pos();
        x.warning("W-PLAUSIBLE", pos, "“三公”经费" + what + "决算 " + p.amount().table() + " 超过预算 " + p.budget().table()
                        + "，超出 " + p.amount().minus(p.budget()).table() + " 万元" + (p.rate() == null ? "" : "（完成预算的 " + p.rate() + "）"),
                "“三公”经费原则上不超过预算；请核对决算数和预算数，确有追加的，在差异原因里写明追加的依据。");
    }

    /** 调整预算 (绩效.全年预算数) more than 30% off the 年初预算. */
    private static void adjusted(Context ctx, Diagnostics x) {
        var year = ctx.cube().select(Filter.of(Dim.MEASURE, Measure.OTHER.label()).and(Dim.ITEM, "全年预算数"));
        if (year.isEmpty()) return;
        BigDecimal y = ctx.cube().exact(Filter.of(Dim.MEASURE, Measure.OTHER.label()).and(Dim.ITEM, "全年预算数"));
        // the 控制数 when given (the lines may be incomplete: E-APPROVED says so), else the sum of the lines
        var control = ctx.doc().approved() == null ? null : ctx.doc().approved().totals().get("年初预算");
        BigDecimal init = control != null ? control.value()
                : ctx.cube().exact(Filter.of(Dim.MEASURE, Measure.INITIAL_BUDGET.label()));
        if (init.signum() == 0) return;
        BigDecimal off = y.subtract(init).abs().divide(init, 4, RoundingMode.HALF_UP);
        if (off.compareTo(ADJUSTED_LIMIT) <= 0) return;
        x.warning("W-PLAUSIBLE", year.get(0).fact().pos(), "全年预算数（调整预算）" + Say.money(y) + " 与年初预算 "
                        + Say.money(init) + " 相差 " + off.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString()
                        + "%，超过 30%",
                "调整预算与年初预算相差很大时，请核对两个数（年初预算是“控制数.年初预算”，没有写时是“决算明细”各项“年初预算”之和）；确属年中追加或调减的，"
                        + "在绩效自评或差异原因里说明。");
    }
}
