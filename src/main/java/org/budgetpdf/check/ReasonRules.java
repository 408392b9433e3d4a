package org.budgetpdf.check;

import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.Views;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Line;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Reasons;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rules about the clerk's explanations of changes (rules.md §1.6, T01, T02, T06). */
final class ReasonRules {
    private ReasonRules() {
    }

    private static SourcePos posOf(Context ctx, Measure m, String item) {
        var a = ctx.cube().select(Filter.of(Dim.MEASURE, m.label()).and(Dim.ITEM, item));
        return a.isEmpty() ? SourcePos.fileOnly(ctx.doc().file()) : a.get(0).fact().pos();
    }

    /** T09 (预算): every 三公 part that changed has a reason. */
    static void budgetReasons(Context ctx, Diagnostics x) {
        Figures f = ctx.dept();
        Views.SanGong s = f.sanGong();
        if (s.prior() != null) {
            part(ctx, s.abroad(), "因公出国（境）费", "因公出国", x);
            part(ctx, s.carPurchase(), "公务用车购置费", "公务用车购置", x);
            part(ctx, s.carRunning(), "公务用车运行费", "公务用车运行", x);
            part(ctx, s.reception(), "公务接待费", "公务接待", x);
        }
    }

    /**
     * T01 (both kinds): every sentence "…比上年增加/减少…，主要原因是…" needs its own reason; a change without one stops
     * the build, reported on the line of the 上年 figure (the templates never print a placeholder or a half sentence).
     * 预算: 收支总计, 一般公共预算, 政府性基金, 国有资本经营, 基本支出, 项目支出, 机关运行经费; 决算: 收支总计, 财政拨款收支总计,
     * 一般公共预算财政拨款支出.
     */
    static void changeReasons(Context ctx, Diagnostics x) {
        Figures f = ctx.dept();
        boolean budget = ctx.doc().kind() == org.budgetpdf.model.DocKind.BUDGET;
        need(ctx, f.totalChange(), "收支总计", "收支总计", "收支总计", x);
        if (budget) {
            need(ctx, f.generalChange(), "一般公共预算", "一般公共预算", "一般公共预算收支预算", x);
            need(ctx, f.govFundChange(), "政府性基金", "政府性基金", "政府性基金预算", x);
            need(ctx, f.stateCapitalChange(), "国有资本经营", "国有资本经营", "国有资本经营预算", x);
            need(ctx, f.basicChange(), "基本支出", "基本支出", "基本支出", x);
            need(ctx, f.projectChange(), "项目支出", "项目支出", "项目支出", x);
            if (Relations.unitsResolved(ctx)) need(ctx, f.running().change(), "机关运行经费", "机关运行经费", "机关运行经费", x);
        } else {
            need(ctx, f.fiscalTotalChange(), "财政拨款收支总计", "财政拨款", "财政拨款收支总计", x);
            need(ctx, f.generalChange(), "一般公共预算财政拨款支出", "一般公共预算", "一般公共预算财政拨款支出", x);
        }
    }

    private static void need(Context ctx, org.budgetpdf.compute.Change c, String priorItem, String key, String what,
                             Diagnostics x) {
        if (c == null || c.unchanged() || ctx.doc().reasons().text(key) != null) return;
        SourcePos at = ctx.cube().select(Filter.of(Dim.MEASURE, Measure.PRIOR.label()).and(Dim.ITEM, priorItem)).stream()
                .findFirst().map(a -> a.fact().pos())
                .orElse(SourcePos.fileOnly(ctx.doc().file()));
        x.error("E-REASON", at, what + " " + c.current().table() + " 比上年 " + c.prior().table() + " " + c.direction() + " "
                        + c.magnitude().table() + " 万元，但没有填写“变动原因." + key + "”",
                "文档要写“主要原因是……”：在“变动原因:”下写“" + key + ": …”（每句话用自己的一项，不借用别的原因）；"
                        + "如上年数填错，请更正“上年." + priorItem + "”。");
    }

    private static void part(Context ctx, Views.Part p, String what, String key, Diagnostics x) {
        if (p.change() == null || p.change().unchanged() || p.reason() != null) return;
        x.error("E-REASON", posOf(ctx, Measure.SANGONG, key), what + " " + p.amount().table() + " 比上年 "
                        + p.prior().table() + " " + p.change().direction() + " " + p.change().magnitude().table() + " 万元，但没有填写原因",
                "“三公”经费的每一项增减都必须说明原因：在“变动原因:”下写“" + key + ": …”（接在“主要原因是”之后）。");
    }

    /**
     * T02 and the reverse of T01: a reason broken into signed components adds up to the change it explains; a reason
     * written for a figure that did not change is never printed and usually filler (seeds 000-17, 004-14).
     */
    static void reasonParts(Context ctx, Diagnostics x) {
        Map<String, Reasons.Given> given = ctx.doc().reasons().given();
        if (given.isEmpty()) return;
        Figures f = ctx.dept();
        Views.SanGong s = f.sanGong();
        Map<String, Object[]> figures = new LinkedHashMap<>();
        figures.put("收支总计", new Object[]{f.totalChange(), "收支总计"});
        figures.put("一般公共预算", new Object[]{f.generalChange(), "一般公共预算"});
        figures.put("政府性基金", new Object[]{f.govFundChange(), "政府性基金预算"});
        figures.put("国有资本经营", new Object[]{f.stateCapitalChange(), "国有资本经营预算"});
        figures.put("基本支出", new Object[]{f.basicChange(), "基本支出"});
        figures.put("项目支出", new Object[]{f.projectChange(), "项目支出"});
        figures.put("因公出国", new Object[]{s.abroad().change(), "因公出国（境）费"});
        figures.put("公务用车购置", new Object[]{s.carPurchase().change(), "公务用车购置费"});
        figures.put("公务用车运行", new Object[]{s.carRunning().change(), "公务用车运行费"});
        figures.put("公务接待", new Object[]{s.reception().change(), "公务接待费"});
        if (Relations.unitsResolved(ctx)) figures.put("机关运行经费", new Object[]{f.running().change(), "机关运行经费"});
        for (var e : figures.entrySet()) {
            Reasons.Given g = given.get(e.getKey());
            var change = (org.budgetpdf.compute.Change) e.getValue()[0];
            if (g == null || change == null) continue;
            String what = (String) e.getValue()[1];
            if (change.unchanged()) {
                x.warning("W-REASON-UNCHANGED", g.pos(), "写了“变动原因." + e.getKey() + "”，但" + what + " "
                                + change.current().table() + " 与上年 " + change.prior().table() + " 相同",
                        "没有变化时文档写“持平”，不写原因，这段文字不会印出；请删去这一项，或核对本年数和上年数。");
            }
            if (!g.hasParts()) continue;
            Money parts = Money.of(g.parts().stream().map(Reasons.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            if (parts.equals(change.delta())) continue;
            x.error("E-REASON-SUM", g.partsPos(), "“变动原因." + e.getKey() + ".构成”各项之和 " + Say.signed(parts)
                            + " 与" + what + "的变动 " + Say.signed(change.delta()) + "（" + change.current().table() + " − "
                            + change.prior().table() + "）不符，相差 " + parts.minus(change.delta()).value().abs().setScale(2).toPlainString() + " 万元",
                    "每项“金额”是这一原因带来的增减（减少写负数），各项相加应等于本年数减上年数；逐项核对说明里的数字。");
        }
    }

    /** T06 (决算): each 项 whose 决算 differs from its 年初预算, and each 三公 part whose 决算 differs from 预算, has a reason. */
    static void finalReasons(Context ctx, Diagnostics x) {
        Figures f = ctx.dept();
        Map<String, Line> byCode = new LinkedHashMap<>();
        for (Line l : ctx.doc().lines()) byCode.putIfAbsent(l.function(), l);
        for (Views.ExecItem i : f.execution().items()) {
            if (!i.differs() || i.reason() != null) continue;
            x.error("E-REASON", byCode.get(i.code()).pos(), "功能科目 " + i.code() + " 年初预算 " + i.budget().table() + " 与支出决算 "
                            + i.actual().table() + " 不同，没有写差异原因",
                    "在这一段写“差异原因: …”（接在“决算数与年初预算数存在差异的主要原因是”之后）。");
        }
        Views.SanGong s = f.sanGong();
        sanGong(ctx, s.abroad(), "因公出国（境）费", "因公出国", x);
        sanGong(ctx, s.car(), "公务用车购置及运行费", "公务用车运行", x);
        sanGong(ctx, s.reception(), "公务接待费", "公务接待", x);
    }

    private static void sanGong(Context ctx, Views.Part p, String what, String posItem, Diagnostics x) {
        if (!p.differs() || p.reason() != null) return;
        x.error("E-REASON", posOf(ctx, Measure.SANGONG, posItem), "“三公”经费" + what + "决算 " + p.amount().table() + " 与预算 "
                + p.budget().table() + " 不同，没有写差异原因", "在“三公经费.差异原因”下写对应的项。");
    }
}
