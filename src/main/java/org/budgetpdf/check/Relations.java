package org.budgetpdf.check;

import org.budgetpdf.bind.Binder;
import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.compute.Atom;
import org.budgetpdf.compute.Cube;
import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.Money;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.Fact;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Indicator;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Nature;
import org.budgetpdf.model.Project;
import org.budgetpdf.model.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules about relations between figures (rules.md §2.3 B-rules, §2.4 D-rules, §2.5 T-rules). */
final class Relations {
    private Relations() {
    }

    private static Filter measure(Measure m) {
        return Filter.of(Dim.MEASURE, m.label());
    }

    private static final Filter GENERAL = Filter.of(Dim.FUND, Fund.APPROPRIATION.label(), Fund.GENERAL_OTHER.label());

    /** Every unit code is defined once and every line's unit exists: what per-unit sums need. */
    static boolean unitsResolved(Context ctx) {
        Disclosure d = ctx.doc();
        return d.units().stream().map(Unit::code).distinct().count() == d.units().size()
                && d.lines().stream().allMatch(l -> l.unit() == null || d.unit(l.unit()) != null)
                && d.projects().stream().allMatch(p -> d.unit(p.unitCode()) != null);
    }

    /** B16: social-insurance and housing-fund 款 sit under their own 功能分类项, and the reverse (catalog pairs). */
    static void functionEconPairs(Context ctx, Diagnostics x) {
        Catalog c = ctx.catalog();
        for (Atom a : ctx.cube().atoms()) {
            Fact f = a.fact();
            if (f.measure() != Measure.SPEND || f.function() == null || f.econ() == null) continue;
            Project p = f.project() == null ? null : ctx.doc().project(f.project());
            pair(c, f.function(), f.econ(), p == null ? "" : "项目“" + p.name() + "”的", f.pos(), x);
        }
    }

    private static void pair(Catalog c, String fn, String econ, String where, SourcePos pos, Diagnostics x) {
        // an unreadable or unknown code is already reported; a pairing warning on top would only repeat it; a class
        // (the file gives no 款 split) pairs with nothing
        if (c.functionName(fn).isEmpty() || c.econDeptName(econ).isEmpty() || econ.length() != 5) return;
        List<String> fns = c.usualFunctions(econ);
        if (!fns.isEmpty() && !fns.contains(fn)) {
            x.warning("W-FUNC-ECON", pos, where + "经济分类 " + econ + " 通常列在功能科目 "
                            + String.join(" 或 ", fns.stream().sorted().toList()) + " 下，这里在 " + fn + " 下",
                    "核对功能科目；如单位确实这样列支，可忽略本提示。");
            return;
        }
        List<String> econs = c.usualEcons(fn);
        if (!econs.isEmpty() && !econs.contains(econ)) {
            x.warning("W-FUNC-ECON", pos, where + "功能科目 " + fn + "（" + c.functionName(fn).get() + "）通常使用经济分类 "
                            + String.join(" 或 ", econs.stream().sorted().toList()) + "，这里是 " + econ + "（"
                            + c.econDeptName(econ).get() + "）",
                    "核对经济分类；如单位确实这样列支，可忽略本提示。");
        }
    }

    /** T10: 机关运行经费 as entered is the 公用经费 of 行政/参公 units and never exceeds it. */
    static void runningCost(Context ctx, Diagnostics x) {
        Cube c = ctx.cube();
        Filter entered = measure(Measure.RUNNING_COST);
        if (!c.has(entered) || !unitsResolved(ctx)) return;
        Money amount = c.sum(entered.and(Dim.ITEM, "金额"));
        if (!c.has(entered.and(Dim.ITEM, "金额"))) amount = c.sum(entered);
        Filter definition = ctx.dept().runningCostDefinition();
        Money byDefinition = definition == null ? Money.ZERO : c.sum(definition);
        if (amount.compareTo(byDefinition) <= 0) return;
        SourcePos pos = c.select(entered).get(0).fact().pos();
        boolean institutions = ctx.doc().units().stream().anyMatch(u -> u.type() == UnitType.INSTITUTION);
        x.warning("W-RUNNING-COST", pos, "机关运行经费 " + amount.table() + " 大于行政（参公）单位基本支出中的公用经费 "
                        + byDefinition.table() + "，相差 " + amount.minus(byDefinition).table() + " 万元",
                "机关运行经费只含行政单位和参公事业单位的日常公用经费，不含项目支出"
                        + (institutions ? "，也不含事业单位的公用经费" : "") + "；请与财政批复核对。");
    }

    /** B19: each 三公 part covers at least the matching economic 款 (catalog groups 三公.*) of 一般公共预算. */
    static void sanGongVsEcon(Context ctx, Diagnostics x) {
        Cube c = ctx.cube();
        for (String[] part : new String[][]{{"因公出国", "因公出国（境）费", " "}, {"公务用车运行", "公务用车运行费", " "},
                {"公务接待", "公务接待费", " "}, {"公务用车购置", "公务用车购置费", " 公务用车购置"}}) {
            List<String> codes = ctx.catalog().group("三公." + part[0]);
            Filter f = measure(Measure.SANGONG).and(Dim.ITEM, part[0]);
            if (codes.isEmpty() || !c.has(f)) continue;
            BigDecimal declared = c.exact(f);
            BigDecimal econ = c.exact(GENERAL.and(Dim.ECON, Set.copyOf(codes)));
            if (econ.compareTo(declared) <= 0) continue;
            SourcePos pos = c.select(f).get(0).fact().pos();
            x.error("E-THREE-PUBLIC", pos, part[1] + " " + Say.money(declared) + " 小于经济分类 " + String.join("/", codes)
                            + part[2] + "的合计 " + Say.money(econ) + "，相差 " + Say.money(econ.subtract(declared)) + " 万元",
                    "“三公”经费是财政拨款安排的这几类支出的全部，不能小于经济分类中的对应金额。");
        }
        unverified(ctx, x);
    }

    /**
     * What B19 cannot verify: 三公 against the 款 of a class the file gives only as a whole (302: 4.10 hides 30217 …).
     * Said once, instead of guessing.
     */
    private static void unverified(Context ctx, Diagnostics x) {
        Cube c = ctx.cube();
        if (!c.has(measure(Measure.SANGONG))) return;
        Set<String> classes = new java.util.TreeSet<>();
        for (String part : Binder.SANGONG_PARTS) for (String code : ctx.catalog().group("三公." + part)) classes.add(code.substring(0, 3));
        for (Atom a : c.select(GENERAL)) {
            String e = a.fact().econ();
            if (e == null || e.length() != 3 || !classes.contains(e)) continue;
            List<String> codes = new ArrayList<>();
            for (String part : Binder.SANGONG_PARTS) for (String code : ctx.catalog().group("三公." + part)) if (code.startsWith(e)) codes.add(code);
            x.warning("W-UNVERIFIED", a.fact().pos(), "经济分类 " + e + " 只写到类，无法核对“三公”经费是否不小于其中的 "
                            + String.join("、", codes) + " 等款",
                    "只知道类的合计时这样写没有错，文档照实印出类；知道款的金额时写到款（如 " + codes.get(0) + "），检查器就能核对。");
            return;
        }
    }

    /** A cost cap: “≤1213.5万元”, “<=980万元”, “＜24.6万元”, “90万元”, “≤96000元”. */
    private static final Pattern COST = Pattern.compile("^\\s*(?:≤|<=|＜=?|<|≦)?\\s*(\\d+(?:\\.\\d+)?)\\s*(万元|元)");

    /** B23 (soft): a project's 成本指标 cap is not above the project amount (seed 004-6). */
    static void costCaps(Context ctx, Diagnostics x) {
        for (Project p : ctx.doc().projects()) {
            BigDecimal total = ctx.cube().exact(Filter.of(Dim.PROJECT, p.id()));
            for (Indicator i : p.indicators()) {
                if (!i.level1().equals("成本指标") && !i.level2().equals("成本指标")) continue;
                Matcher m = COST.matcher(i.value());
                if (!m.find()) continue;
                BigDecimal cap = new BigDecimal(m.group(1));
                if (m.group(2).equals("元")) cap = cap.movePointLeft(4);
                if (cap.compareTo(total) <= 0) continue;
                x.warning("W-COST-CAP", i.pos(), "项目“" + p.name() + "”的成本指标“" + i.value() + "”（" + Say.exact(cap)
                                + " 万元）大于项目金额 " + Say.exact(total) + " 万元，相差 " + Say.exact(cap.subtract(total)) + " 万元",
                        "成本指标是完成项目的总成本上限，不会超过项目预算，一般就写项目金额；请核对指标值或项目金额。");
            }
        }
    }

    /** T11: a planned vehicle purchase is 政府采购 of goods (seed 002-4). */
    static void carPurchase(Context ctx, Diagnostics x) {
        Cube c = ctx.cube();
        Filter car = measure(Measure.SANGONG).and(Dim.ITEM, "公务用车购置");
        BigDecimal purchase = c.exact(car);
        BigDecimal goods = c.exact(measure(Measure.PROCUREMENT).and(Dim.ITEM, "货物"));
        if (purchase.signum() <= 0 || goods.compareTo(purchase) >= 0) return;
        x.warning("W-CAR-PURCHASE", c.select(car).get(0).fact().pos(), "安排了公务用车购置费 " + Say.money(purchase)
                        + " 万元，但政府采购货物预算只有 " + Say.money(goods) + " 万元",
                "购置公务用车属于政府采购（货物）；请在“政府采购.货物”中列入购车预算，或核对公务用车购置费。");
    }

    /** T12: 资产总额 is not below 固定资产 + 无形资产. */
    static void assets(Context ctx, Diagnostics x) {
        Cube c = ctx.cube();
        Filter total = measure(Measure.ASSETS).and(Dim.ITEM, "资产总额");
        if (!c.has(total)) return;
        BigDecimal parts = c.exact(measure(Measure.ASSETS).and(Dim.ITEM, "固定资产", "无形资产"));
        BigDecimal t = c.exact(total);
        if (parts.compareTo(t) <= 0) return;
        x.error("E-ASSETS", c.select(total).get(0).fact().pos(), "资产总额 " + Say.money(t) + " 小于固定资产与无形资产之和 "
                        + Say.money(parts) + "，相差 " + Say.money(parts.subtract(t)) + " 万元",
                "资产总额包含固定资产和无形资产（还有流动资产等），不能比两者之和小；请核对国有资产数据。");
    }

    /** D01/D04: 本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余, for 财政拨款 and for other money. */
    static void balance(Context ctx, Diagnostics x) {
        Cube c = ctx.cube();
        // 财政拨款 in the wide sense of 公开04 (一般公共预算, 政府性基金, 国有资本经营) against everything else
        Filter fiscal = Filter.ALL.andNot(Dim.FUND, Set.of(Fund.CARRY_UNIT.label()));
        Filter other = Filter.of(Dim.FUND, Fund.CARRY_UNIT.label());
        BigDecimal income = c.exact(measure(Measure.INCOME));
        BigDecimal open = c.exact(measure(Measure.OPENING).and(fiscal));
        BigDecimal spend = c.exact(fiscal);
        BigDecimal close = c.exact(measure(Measure.CLOSING).and(fiscal));
        BigDecimal in = income.add(open);
        BigDecimal out = spend.add(close);
        if (in.compareTo(out) != 0) {
            x.error("E-BALANCE", pos(c, measure(Measure.OPENING).and(fiscal), ctx), "财政拨款收支不平衡：本年收入 " + Say.wan(income)
                            + " + 年初财政拨款结转和结余 " + Say.wan(open) + " = " + Say.wan(in) + "，本年财政拨款支出 " + Say.wan(spend)
                            + " + 年末财政拨款结转和结余 " + Say.wan(close) + " = " + Say.wan(out) + "，相差 "
                            + Say.wan(in.subtract(out).abs()) + " 万元",
                    "收入 + 年初结转 = 支出 + 年末结转（公开04表）。核对“决算明细”的本年收入和支出、“结转结余”的年初和年末数；"
                            + "按财政系统的元数填写（金额单位: 元）可避免万元尾数误差。");
        }
        BigDecimal oin = c.exact(measure(Measure.OPENING).and(other));
        BigDecimal ospend = c.exact(other);
        BigDecimal oclose = c.exact(measure(Measure.CLOSING).and(other));
        BigDecimal oout = ospend.add(oclose);
        if (oin.compareTo(oout) != 0) {
            Filter at = c.has(measure(Measure.OPENING).and(other)) ? measure(Measure.OPENING).and(other) : other;
            x.error("E-BALANCE", pos(c, at, ctx), "其他资金收支不平衡：年初其他资金结转和结余 " + Say.wan(oin)
                            + "，其他资金支出 " + Say.wan(ospend) + " + 年末其他资金结转和结余 " + Say.wan(oclose)
                            + " = " + Say.wan(oout) + "，相差 " + Say.wan(oin.subtract(oout).abs()) + " 万元",
                    "非财政拨款的支出来自年初结转（本年没有非财政拨款收入时）：年初 = 支出 + 年末（公开01表）。");
        }
    }

    private static SourcePos pos(Cube c, Filter f, Context ctx) {
        List<Atom> a = c.select(f);
        return a.isEmpty() ? SourcePos.fileOnly(ctx.doc().file()) : a.get(0).fact().pos();
    }

    /** D08: 公开06 人员经费 + 公用经费 = 公开05 基本支出 (一般公共预算财政拨款). */
    static void econSum(Context ctx, Diagnostics x) {
        Cube c = ctx.cube();
        Filter econ = measure(Measure.ECON);
        if (!c.has(econ)) return;
        BigDecimal e = c.exact(econ);
        BigDecimal basic = c.exact(Filter.of(Dim.FUND, Fund.APPROPRIATION.label()).and(Dim.NATURE, Nature.BASIC.label()));
        if (e.compareTo(basic) == 0) return;
        x.error("E-ECON-SUM", c.select(econ).get(0).fact().pos(), "基本支出经济分类合计 " + Say.wan(e)
                        + " 与决算明细的财政拨款基本支出合计 " + Say.wan(basic) + " 不符，相差 " + Say.wan(e.subtract(basic).abs()) + " 万元",
                "公开06表的人员经费与公用经费之和应等于公开05表的基本支出；逐行核对经济分类金额。");
    }

    /** D10: 公务用车保有量 in §七 = the vehicles of §十二. */
    static void vehicles(Context ctx, Diagnostics x) {
        Integer held = ctx.doc().sanGongCounts().carsHeld();
        var a = ctx.doc().assets();
        if (held == null || a == null || a.cars() == null || held.equals(a.cars())) return;
        x.error("E-VEHICLES", ctx.doc().sanGongCounts().carsHeldPos(), "国有资产车辆共 " + a.cars() + " 辆，与“三公经费.公务用车保有量” " + held + " 辆不符",
                "两处都是年末数，应当一致；核对“国有资产.车辆”和这里的保有量。");
    }
}
