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
import java.util.List;
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
        Map<String, Object[]> figures = changes(ctx);
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

    /** Each change a reason may explain, by its key under 变动原因: {the change, how the document names the figure, 上年 item}. */
    private static Map<String, Object[]> changes(Context ctx) {
        Figures f = ctx.dept();
        Views.SanGong s = f.sanGong();
        Map<String, Object[]> figures = new LinkedHashMap<>();
        figures.put("收支总计", new Object[]{f.totalChange(), "收支总计", "收支总计"});
        figures.put("一般公共预算", new Object[]{f.generalChange(), "一般公共预算", "一般公共预算"});
        figures.put("政府性基金", new Object[]{f.govFundChange(), "政府性基金预算", "政府性基金"});
        figures.put("国有资本经营", new Object[]{f.stateCapitalChange(), "国有资本经营预算", "国有资本经营"});
        figures.put("基本支出", new Object[]{f.basicChange(), "基本支出", "基本支出"});
        figures.put("项目支出", new Object[]{f.projectChange(), "项目支出", "项目支出"});
        figures.put("因公出国", new Object[]{s.abroad().change(), "因公出国（境）费", "三公.因公出国"});
        figures.put("公务用车购置", new Object[]{s.carPurchase().change(), "公务用车购置费", "三公.公务用车购置"});
        figures.put("公务用车运行", new Object[]{s.carRunning().change(), "公务用车运行费", "三公.公务用车运行"});
        figures.put("公务接待", new Object[]{s.reception().change(), "公务接待费", "三公.公务接待"});
        if (Relations.unitsResolved(ctx)) figures.put("机关运行经费", new Object[]{f.running().change(), "机关运行经费", "机关运行经费"});
        return figures;
    }

    // ---- T03: the words of a reason agree with the figures --------------------------------------------------------

    private static final java.util.regex.Pattern UP = java.util.regex.Pattern.compile("(?<![未没无不])(增加|增长|提高|新增|上升|追加|调增|增设)");
    private static final java.util.regex.Pattern DOWN = java.util.regex.Pattern.compile("(?<![未没无不])(减少|下降|降低|压减|压缩|节约|核减|调减|减员|取消)");
    private static final java.util.regex.Pattern DIFFERENCE = java.util.regex.Pattern.compile(
            "(?:产生|形成|共计|合计|累计)?差额\\s*(?:为|是|共)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*万元");
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("(?<![0-9.])([0-9]+(?:\\.[0-9]+)?)\\s*万元");

    /**
     * T03: a reason's own words agree with the figures. (1) A reason that speaks only of increases cannot explain a
     * decrease (and the other way round): reported on the line of the 上年 figure, the usual culprit (a prior figure
     * typed ten times too large turns an increase into a decrease). (2) A 差额 typed in the text is one of the reason's
     * 构成 amounts. (3) The increases and decreases the text lists before a 差额 add up to it.
     */
    static void reasonTexts(Context ctx, Diagnostics x) {
        Map<String, Reasons.Given> given = ctx.doc().reasons().given();
        if (given.isEmpty()) return;
        for (var e : changes(ctx).entrySet()) {
            Reasons.Given g = given.get(e.getKey());
            var change = (org.budgetpdf.compute.Change) e.getValue()[0];
            if (g == null || g.text() == null || change == null || change.unchanged()) continue;
            direction(ctx, g, change, (String) e.getValue()[1], (String) e.getValue()[2], e.getKey(), x);
        }
        for (var e : given.entrySet()) {
            Reasons.Given g = e.getValue();
            if (g.text() != null) arithmetic(ctx, e.getKey(), g, x);
        }
    }

    private static void direction(Context ctx, Reasons.Given g, org.budgetpdf.compute.Change change, String what, String priorItem,
                                  String key, Diagnostics x) {
        String t = g.text();
        boolean up = UP.matcher(t).find();
        boolean down = DOWN.matcher(t).find();
        if (up == down) return; // both or neither: the words do not say
        int sign = change.delta().value().signum();
        if (up && sign > 0 || down && sign < 0) return;
        SourcePos at = ctx.cube().select(Filter.of(Dim.MEASURE, Measure.PRIOR.label()).and(Dim.ITEM, priorItem)).stream()
                .findFirst().map(a -> a.fact().pos()).orElse(g.pos());
        String quoted = t.length() > 40 ? t.substring(0, 40) + "…" : t;
        x.error("E-REASON-TEXT", at, what + " " + change.current().table() + " 比上年 " + change.prior().table() + " " + change.direction()
                        + " " + change.magnitude().table() + " 万元，但“变动原因." + key + "”（第 " + g.pos().line() + " 行）说的是"
                        + (up ? "增加" : "减少") + "：“" + quoted + "”",
                "文档会印成“" + change.direction() + change.magnitude().text() + "万元，主要原因是：" + quoted + "”，前后矛盾。"
                        + "多半是上年数或本年数录错了（例如多打了一位）；数都对时，改写原因。");
    }

    private static void arithmetic(Context ctx, String key, Reasons.Given g, Diagnostics x) {
        String t = g.text();
        java.util.regex.Matcher d = DIFFERENCE.matcher(t);
        int segmentStart = 0;
        while (d.find()) {
            BigDecimal typed = new BigDecimal(d.group(1));
            BigDecimal part = null;
            if (g.hasParts()) {
                part = g.parts().stream().map(Reasons.Part::amount).filter(a -> a.abs().compareTo(typed) == 0).findFirst().orElse(null);
                if (part == null) {
                    SourcePos at = locate(ctx, g, t, d.start(1), d.group(1));
                    x.error("E-REASON-TEXT", at, at.equals(g.pos()) ? 0 : d.group(1).length(), "“变动原因." + key + "”的文字写差额 " + d.group(1)
                                    + " 万元，与它的“构成”各项（" + g.parts().stream().map(p -> Say.signed(org.budgetpdf.compute.Money.of(p.amount())))
                                    .collect(java.util.stream.Collectors.joining("、")) + "）都不符",
                            "文字和“构成”说的是同一件事，数要一致；核对这个数（常见的是两位数字写颠倒，如 70.82 写成 70.28）。");
                    segmentStart = d.end();
                    continue;
                }
            }
            segment(ctx, key, g, t, segmentStart, d.start(), typed, part, x);
            segmentStart = d.end();
        }
    }

    /** The signed amounts listed in {@code t[from, to)} add up to the 差额 after them (to its 构成 amount, sign and all). */
    private static void segment(Context ctx, String key, Reasons.Given g, String t, int from, int to, BigDecimal difference,
                                BigDecimal part, Diagnostics x) {
        java.util.regex.Matcher m = AMOUNT.matcher(t).region(from, to);
        BigDecimal sum = BigDecimal.ZERO;
        List<String> shown = new java.util.ArrayList<>();
        int first = -1;
        String firstText = null;
        while (m.find()) {
            // the direction word nearest before the amount, within its clause
            int clause = Math.max(from, lastDelimiter(t, m.start()) + 1);
            String before = t.substring(clause, m.start());
            int up = lastMatch(UP, before);
            int down = lastMatch(DOWN, before);
            if (up < 0 && down < 0) return; // an amount the words give no direction: nothing to add up
            BigDecimal v = new BigDecimal(m.group(1));
            BigDecimal signed = up > down ? v : v.negate();
            sum = sum.add(signed);
            shown.add((signed.signum() < 0 ? "−" : "+") + m.group(1));
            if (first < 0) {
                first = m.start(1);
                firstText = m.group(1);
            }
        }
        if (shown.size() < 2) return;
        boolean agrees = part != null ? sum.compareTo(part) == 0 : sum.abs().compareTo(difference) == 0;
        if (agrees) return;
        SourcePos at = locate(ctx, g, t, first, firstText);
        x.error("E-REASON-TEXT", at, at.equals(g.pos()) ? 0 : firstText.length(), "“变动原因." + key + "”的文字列出的增减 " + String.join(" ", shown)
                        + " 合计 " + Say.signed(org.budgetpdf.compute.Money.of(sum)) + " 万元，与后面写的差额 "
                        + (part != null ? Say.signed(org.budgetpdf.compute.Money.of(part)) : difference.toPlainString()) + " 万元不符",
                "原因里的每个数都会原样公开；逐个核对这几个数（多写或少写了一位、增减写反），使它们加起来等于差额。");
    }

    private static int lastDelimiter(String t, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if ("，；。,;、（）()：:".indexOf(t.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    private static int lastMatch(java.util.regex.Pattern p, String s) {
        java.util.regex.Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) last = m.start();
        return last;
    }

    /** Where the {@code k}-th character of the reason's text is in the file: the text's own line when it can be found. */
    private static SourcePos locate(Context ctx, Reasons.Given g, String text, int offset, String needle) {
        int k = 0;
        for (int i = text.indexOf(needle); i >= 0 && i < offset; i = text.indexOf(needle, i + 1)) if (number(text, i, needle)) k++;
        List<String> lines = ctx.source() == null ? List.of() : ctx.source().lines();
        int from = Math.max(0, g.pos().line() - 1);
        for (int ln = from; ln < lines.size() && ln < from + 200; ln++) {
            String line = lines.get(ln);
            for (int i = line.indexOf(needle); i >= 0; i = line.indexOf(needle, i + 1)) {
                if (number(line, i, needle) && k-- == 0) return new SourcePos(g.pos().file(), ln + 1, line.codePointCount(0, i) + 1);
            }
        }
        return g.pos();
    }

    /** {@code needle} at {@code i} is a whole number, not part of a longer one. */
    private static boolean number(String s, int i, String needle) {
        return (i == 0 || !Character.isDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '.')
                && (i + needle.length() >= s.length() || !Character.isDigit(s.charAt(i + needle.length())) && s.charAt(i + needle.length()) != '.');
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
