package org.budgetpdf.check;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.ReportBuilder;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Amount;
import org.budgetpdf.model.BasicLine;
import org.budgetpdf.model.BudgetDoc;
import org.budgetpdf.model.EconAmount;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Indicator;
import org.budgetpdf.model.Project;
import org.budgetpdf.model.ProjectLine;
import org.budgetpdf.model.Reasons;
import org.budgetpdf.model.Unit;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The ordered list of rules. The order is the run order; each code is documented in docs/diagnostics.md. */
final class Rules {
    private Rules() {
    }

    static List<Rule> all(Catalog catalog) {
        return List.of(
                Rules::units,
                (d, x) -> codes(catalog, d, x),
                Rules::duplicateLines,
                figures((d, x) -> approvedTotals(catalog, d, x)),
                (d, x) -> functionEconPairs(catalog, d, x),
                figures((d, x) -> runningCost(catalog, d, x)),
                figures(Rules::threePublicVsEcon),
                figures(Rules::reasons),
                figures((d, x) -> reasonParts(catalog, d, x)),
                figures(Rules::costCaps),
                figures(Rules::carPurchase),
                figures(Rules::assets));
    }

    /**
     * A rule that compares sums of figures. {@link Checker} skips it when binding already reported an
     * error: an unreadable amount is left out of the model, so every total over it would be wrong and the
     * message (“与批复数不符，相差 …”) would point the clerk at the wrong place.
     */
    record FigureRule(Rule rule) implements Rule {
        @Override
        public void check(BudgetDoc doc, Diagnostics diags) {
            rule.check(doc, diags);
        }
    }

    private static Rule figures(Rule r) {
        return new FigureRule(r);
    }

    // ---- references ------------------------------------------------------------------------------

    static void units(BudgetDoc d, Diagnostics x) {
        Map<String, Unit> seen = new HashMap<>();
        for (Unit u : d.units()) {
            Unit first = seen.putIfAbsent(u.code(), u);
            if (first != null) {
                x.error("E-DUP-UNIT", u.pos(), "单位代码 " + u.code() + " 重复（第一次在第 " + first.pos().line() + " 行）",
                        "每个预算单位只写一次。");
            }
        }
        // no units at all is the binder's E-MISSING; one E-REF-UNIT per line would only repeat it
        if (d.units().isEmpty()) return;
        for (BasicLine l : d.basicLines()) unitRef(d, l.unitCode(), l.pos(), x);
        for (Project p : d.projects()) unitRef(d, p.unitCode(), p.pos(), x);
    }

    private static void unitRef(BudgetDoc d, String code, SourcePos pos, Diagnostics x) {
        if (!code.isEmpty() && d.unit(code) == null) {
            x.error("E-REF-UNIT", pos, "单位“" + code + "”没有在“单位:”中定义",
                    "已定义的单位：" + String.join("、", d.units().stream().map(Unit::code).toList()) + "。");
        }
    }

    // ---- catalog ---------------------------------------------------------------------------------

    static void codes(Catalog c, BudgetDoc d, Diagnostics x) {
        String edition = c.editionYear() + "年政府收支分类科目";
        for (BasicLine l : d.basicLines()) {
            functionCode(c, edition, l.functionCode(), l.functionName(), l.functionPos(), x);
            Unit u = d.unit(l.unitCode());
            for (EconAmount e : l.econ()) {
                econCode(c, edition, e.econCode(), u, e.pos(), x);
                String cls = e.econCode().substring(0, 3);
                if (!Set.of("301", "302", "303", "309", "310").contains(cls)) {
                    x.error("E-BASIC-ECON", e.pos(), "基本支出不能使用经济分类 " + e.econCode() + "（" + cls + " 类）",
                            "基本支出只含人员经费（301、303）和公用经费（302、310）；其他支出请作为项目填写。");
                }
            }
        }
        for (Project p : d.projects()) {
            Unit u = d.unit(p.unitCode());
            for (ProjectLine l : p.lines()) {
                functionCode(c, edition, l.functionCode(), "", l.pos(), x);
                econCode(c, edition, l.econCode(), u, l.pos(), x);
            }
        }
    }

    private static void functionCode(Catalog c, String edition, String code, String givenName, SourcePos pos,
                                     Diagnostics x) {
        if (code.isEmpty()) return;
        var name = c.functionName(code);
        if (name.isEmpty()) {
            var old = c.obsoleteForCode(code);
            x.error(old.isEmpty() ? "E-CODE-UNKNOWN" : "E-CODE-OBSOLETE", pos,
                    "功能分类科目 " + code + " 不在" + edition + "中",
                    old.isEmpty() ? "请核对财政批复中的科目编码；如确为新增科目，请在 src/main/resources/catalog/ 中补充。"
                            : "该科目已停用，应改为：" + old.get(0).replacement() + "。");
            return;
        }
        if (!givenName.isEmpty() && !givenName.equals(name.get())) {
            var old = c.obsolete(code, givenName);
            if (old.isPresent()) {
                x.error("E-NAME-OBSOLETE", pos, "科目 " + code + " 的名称“" + givenName + "”已过时",
                        "现行名称为“" + name.get() + "”（" + old.get().note() + "）。");
            } else {
                x.warning("W-NAME", pos, "科目 " + code + " 的名称“" + givenName + "”与科目表“" + name.get() + "”不同",
                        "如无特殊原因，请删去“功能科目名称”，使用科目表名称。");
            }
        }
    }

    private static void econCode(Catalog c, String edition, String code, Unit u, SourcePos pos, Diagnostics x) {
        if (code.isEmpty()) return;
        if (c.econDeptName(code).isEmpty()) {
            var old = c.obsoleteForCode(code);
            x.error(old.isEmpty() ? "E-CODE-UNKNOWN" : "E-CODE-OBSOLETE", pos,
                    "部门预算支出经济分类科目 " + code + " 不在" + edition + "中",
                    old.isEmpty() ? "经济分类写到款级（5 位），例如 30101 基本工资。"
                            : "这是 2018 年改革前的科目，应改为：" + old.get(0).replacement() + "。");
            return;
        }
        if (u != null && c.govEconFor(code, u.type()).isEmpty()) {
            x.error("E-ECON-MAP", pos, "经济分类 " + code + " 对" + u.type().label() + "单位没有对应的政府预算经济分类",
                    "请核对单位类型，或在 catalog 的 econ_map.csv 中补充对应关系。");
        }
    }

    // ---- duplicates ------------------------------------------------------------------------------

    static void duplicateLines(BudgetDoc d, Diagnostics x) {
        Map<String, BasicLine> lines = new HashMap<>();
        for (BasicLine l : d.basicLines()) {
            BasicLine first = lines.putIfAbsent(l.unitCode() + "|" + l.functionCode() + "|" + l.fund(), l);
            if (first != null) {
                x.error("E-DUP-LINE", l.pos(), "单位 " + l.unitCode() + " 的功能科目 " + l.functionCode() + "（" + l.fund().label()
                        + "）重复填写（第一次在第 " + first.pos().line() + " 行）", "把两段的经济科目合并到一段里。");
            }
        }
        Map<String, Project> names = new HashMap<>();
        Map<String, Project> codes = new HashMap<>();
        for (Project p : d.projects()) {
            Project first = names.putIfAbsent(p.unitCode() + "|" + p.name(), p);
            if (first != null) {
                x.error("E-DUP-PROJECT", p.pos(), "项目“" + p.name() + "”重复（第一次在第 " + first.pos().line() + " 行）",
                        "同一单位的同名项目只写一次；金额不同的多个科目写在“明细”里。");
            }
            if (!p.code().isEmpty()) {
                Project firstCode = codes.putIfAbsent(p.code(), p);
                if (firstCode != null) {
                    x.error("E-DUP-PROJECT", p.pos(), "项目编码 " + p.code() + " 重复（第一次在第 " + firstCode.pos().line() + " 行）",
                            "项目编码应唯一，请核对预算系统中的编码。");
                }
            }
        }
    }

    // ---- control totals --------------------------------------------------------------------------

    static void approvedTotals(Catalog c, BudgetDoc d, Diagnostics x) {
        var a = d.approved();
        if (a == null) return;
        BigDecimal basic = d.basicLines().stream().map(BasicLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal project = d.projects().stream().map(Project::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        control("明细加总的支出总计", a.total(), basic.add(project), x);
        control("明细加总的收入总计", a.income(), basic.add(project), x);
        control("明细加总的基本支出", a.basic(), basic, x);
        control("明细加总的项目支出", a.project(), project, x);
        control("“三公”经费四项之和", a.threePublic(), d.threePublic().total(), x);
        if (a.runningCost() != null && unitsResolved(d)) {
            Amount entered = d.runningCost().amount();
            if (entered != null) {
                control("“机关运行经费.金额”", a.runningCost(), entered.value(), x);
            } else {
                control("按定义计算的机关运行经费（行政、参公单位基本支出中的公用经费）", a.runningCost(),
                        new ReportBuilder(d, c).runningCostByDefinition().value(), x);
            }
        }
        for (var u : a.units()) {
            if (d.unit(u.code()) == null) {
                x.error("E-REF-UNIT", u.codePos(), "“批复.单位”中的单位“" + u.code() + "”没有在“单位:”中定义",
                        "已定义的单位：" + String.join("、", d.units().stream().map(Unit::code).toList()) + "。");
                continue;
            }
            BigDecimal unit = d.basicLines().stream().filter(l -> l.unitCode().equals(u.code())).map(BasicLine::total)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(d.projects().stream().filter(p -> p.unitCode().equals(u.code())).map(Project::total)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
            control("单位 " + u.code() + " 的明细加总", u.total(), unit, x);
        }
    }

    private static void control(String sumName, Amount declared, BigDecimal computed, Diagnostics x) {
        if (declared == null || declared.value().compareTo(computed) == 0) return;
        x.error("E-APPROVED", declared.pos(), sumName + " " + exact(computed) + " 与批复数 "
                        + exact(declared.value()) + " 不符，相差 " + exact(computed.subtract(declared.value()).abs()) + " 万元",
                "核对各明细行与财政批复文件；多半是某一行录错或漏录。");
    }

    /** Every unit code is defined once and every line's unit exists: what per-unit sums need (else E-REF-UNIT / E-DUP-UNIT). */
    private static boolean unitsResolved(BudgetDoc d) {
        return d.units().stream().map(Unit::code).distinct().count() == d.units().size()
                && d.basicLines().stream().allMatch(l -> d.unit(l.unitCode()) != null);
    }

    /** 万元 with separators, and with every digit when entered in 元: a 3 元 gap must not read "相差 0.00". */
    static String exact(BigDecimal wan) {
        Money m = Money.of(wan);
        if (m.value().compareTo(wan) == 0) return m.table();
        String plain = wan.stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        return Money.of(wan.setScale(0, java.math.RoundingMode.DOWN)).table().replace(".00", "") + plain.substring(dot);
    }

    // ---- relations between figures ---------------------------------------------------------------

    /** rules.md B16: social-insurance and housing-fund 款 belong under their own 功能分类 项. */
    private static final Map<String, Set<String>> PAIRS = Map.of(
            "30108", Set.of("2080505"), "30109", Set.of("2080506"), "30113", Set.of("2210201"),
            "30110", Set.of("2101101", "2101102"), "30111", Set.of("2101103"));

    /**
     * rules.md B16/B18 the other way round: these 项 take only these 款 (2101202 城乡居民医保补助 is paid to the
     * insurance fund, 31302, as seed 004 codes it; seed 000 put it under 30307 医疗费补助).
     */
    private static final Map<String, Set<String>> FUNCTION_ECON = Map.of(
            "2101202", Set.of("31302"), "2210201", Set.of("30113"));

    static void functionEconPairs(Catalog c, BudgetDoc d, Diagnostics x) {
        for (BasicLine l : d.basicLines()) {
            for (EconAmount e : l.econ()) pair(c, l.functionCode(), e.econCode(), "", e.pos(), x);
        }
        for (Project p : d.projects()) {
            for (ProjectLine l : p.lines()) pair(c, l.functionCode(), l.econCode(), "项目“" + p.name() + "”的", l.pos(), x);
        }
    }

    private static void pair(Catalog c, String fn, String econ, String where, SourcePos pos, Diagnostics x) {
        // an unreadable or unknown code is already reported; a pairing warning on top would only repeat it
        if (fn.isEmpty() || econ.isEmpty() || c.functionName(fn).isEmpty() || c.econDeptName(econ).isEmpty()) return;
        Set<String> fns = PAIRS.get(econ);
        if (fns != null && !fns.contains(fn)) {
            x.warning("W-FUNC-ECON", pos, where + "经济分类 " + econ + " 通常列在功能科目 "
                            + String.join(" 或 ", fns.stream().sorted().toList()) + " 下，这里在 " + fn + " 下",
                    "核对功能科目；如单位确实这样列支，可忽略本提示。");
            return;
        }
        Set<String> econs = FUNCTION_ECON.get(fn);
        if (econs != null && !econs.contains(econ)) {
            x.warning("W-FUNC-ECON", pos, where + "功能科目 " + fn + "（" + c.functionName(fn).get() + "）通常使用经济分类 "
                            + String.join(" 或 ", econs.stream().sorted().toList()) + "，这里是 " + econ + "（"
                            + c.econDeptName(econ).get() + "）",
                    "核对经济分类；如单位确实这样列支，可忽略本提示。");
        }
    }

    /** rules.md T10: 机关运行经费 is the 公用经费 of 行政/参公 units and never exceeds it. */
    static void runningCost(Catalog c, BudgetDoc d, Diagnostics x) {
        if (d.runningCost().amount() == null) return;
        // 公用经费 of 行政 units needs every line's unit; E-REF-UNIT / E-DUP-UNIT already say what is wrong
        if (!unitsResolved(d)) return;
        ReportBuilder rb = new ReportBuilder(d, c);
        Money byDefinition = rb.runningCostByDefinition();
        Money entered = Money.of(d.runningCost().amount().value());
        if (entered.compareTo(byDefinition) > 0) {
            boolean hasInstitutions = d.units().stream().anyMatch(u -> u.type() == UnitType.INSTITUTION);
            x.warning("W-RUNNING-COST", d.runningCost().amount().pos(), "机关运行经费 " + entered.table()
                            + " 大于行政（参公）单位基本支出中的公用经费 " + byDefinition.table() + "，相差 "
                            + entered.minus(byDefinition).table() + " 万元",
                    "机关运行经费只含行政单位和参公事业单位的日常公用经费，不含项目支出"
                            + (hasInstitutions ? "，也不含事业单位的公用经费" : "") + "；请与财政批复核对。");
        }
    }

    /** rules.md B19: 三公 parts cover at least the matching economic 款. */
    static void threePublicVsEcon(BudgetDoc d, Diagnostics x) {
        var t = d.threePublic();
        econAtLeast(d, "30212", "因公出国（境）费", t.abroad(), x);
        econAtLeast(d, "30231", "公务用车运行费", t.carRunning(), x);
        econAtLeast(d, "30217", "公务接待费", t.reception(), x);
        BigDecimal purchase = econSum(d, e -> e.equals("31013") || e.equals("30913"));
        if (purchase.compareTo(t.carPurchase().value()) > 0) {
            x.error("E-THREE-PUBLIC", t.carPurchase().pos(), "公务用车购置费 " + Money.of(t.carPurchase().value()).table()
                    + " 小于经济分类 31013/30913 公务用车购置的合计 " + Money.of(purchase).table() + "，相差 "
                    + Money.of(purchase.subtract(t.carPurchase().value())).table() + " 万元", "“三公”经费应包含全部公务用车购置支出。");
        }
    }

    private static void econAtLeast(BudgetDoc d, String econ, String what, Amount declared, Diagnostics x) {
        BigDecimal sum = econSum(d, econ::equals);
        if (sum.compareTo(declared.value()) > 0) {
            x.error("E-THREE-PUBLIC", declared.pos(), what + " " + Money.of(declared.value()).table() + " 小于经济分类 "
                            + econ + " 的合计 " + Money.of(sum).table() + "，相差 " + Money.of(sum.subtract(declared.value())).table() + " 万元",
                    "“三公”经费是财政拨款安排的这几类支出的全部，不能小于经济分类中的对应金额。");
        }
    }

    private static BigDecimal econSum(BudgetDoc d, Predicate<String> econ) {
        BigDecimal s = BigDecimal.ZERO;
        for (BasicLine l : d.basicLines()) {
            if (!l.fund().isGeneralBudget()) continue;
            for (EconAmount e : l.econ()) if (econ.test(e.econCode())) s = s.add(e.amount());
        }
        for (Project p : d.projects()) {
            for (ProjectLine l : p.lines()) if (l.fund().isGeneralBudget() && econ.test(l.econCode())) s = s.add(l.amount());
        }
        return s;
    }

    /** Every change the rules require explained has a reason (rules.md §1.6, T01). */
    static void reasons(BudgetDoc d, Diagnostics x) {
        var now = d.threePublic();
        var before = d.prior().threePublic();
        var r = d.reasons();
        reason("因公出国（境）费", "因公出国", now.abroad(), before.abroad(), r.abroad(), x);
        reason("公务用车购置费", "公务用车购置", now.carPurchase(), before.carPurchase(), r.carPurchase(), x);
        reason("公务用车运行费", "公务用车运行", now.carRunning(), before.carRunning(), r.carRunning(), x);
        reason("公务接待费", "公务接待", now.reception(), before.reception(), r.reception(), x);
        BigDecimal total = d.basicLines().stream().map(BasicLine::total).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(d.projects().stream().map(Project::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal prior = d.prior().total().value();
        if (total.compareTo(prior) != 0 && r.total().isEmpty()) {
            x.warning("W-REASON", d.prior().total().pos(), "收支总计 " + Money.of(total).table() + " 比上年 "
                            + Money.of(prior).table() + (total.compareTo(prior) > 0 ? " 增加 " : " 减少 ")
                            + Money.of(total.subtract(prior).abs()).table() + " 万元，但没有填写“变动原因.收支总计”",
                    "在“变动原因:”下写明增减的主要原因；如上年数填错，请更正“上年.收支总计”。");
        }
    }

    private static void reason(String what, String key, Amount now, Amount before, String reason, Diagnostics x) {
        if (now.value().compareTo(before.value()) != 0 && reason.isEmpty()) {
            x.error("E-REASON", now.pos(), what + " " + Money.of(now.value()).table() + " 比上年 "
                            + Money.of(before.value()).table() + (now.value().compareTo(before.value()) > 0 ? " 增加 " : " 减少 ")
                            + Money.of(now.value().subtract(before.value()).abs()).table() + " 万元，但没有填写原因",
                    "“三公”经费的每一项增减都必须说明原因：在“变动原因:”下写“" + key + ": …”（接在“主要原因是”之后）。");
        }
    }

    /**
     * rules.md T02 and the reverse of T01: a reason broken into signed components must add up to the change it
     * explains; a reason written for a figure that did not change is never printed (the text says “持平”) and is
     * usually filler (“增加的主要原因是无”, seeds 000-17, 004-14).
     */
    static void reasonParts(Catalog c, BudgetDoc d, Diagnostics x) {
        Map<String, Reasons.Given> given = d.reasons().given();
        if (given.isEmpty()) return;
        var now = d.threePublic();
        var before = d.prior().threePublic();
        Map<String, BigDecimal[]> figures = new java.util.LinkedHashMap<>();
        figures.put("收支总计", new BigDecimal[]{spending(d, f -> true), d.prior().total().value()});
        figures.put("政府性基金", new BigDecimal[]{spending(d, f -> f == Fund.GOV_FUND), d.prior().govFund().value()});
        figures.put("国有资本经营", new BigDecimal[]{spending(d, f -> f == Fund.STATE_CAPITAL), d.prior().stateCapital().value()});
        figures.put("因公出国", new BigDecimal[]{now.abroad().value(), before.abroad().value()});
        figures.put("公务用车购置", new BigDecimal[]{now.carPurchase().value(), before.carPurchase().value()});
        figures.put("公务用车运行", new BigDecimal[]{now.carRunning().value(), before.carRunning().value()});
        figures.put("公务接待", new BigDecimal[]{now.reception().value(), before.reception().value()});
        if (unitsResolved(d)) {
            figures.put("机关运行经费", new BigDecimal[]{new ReportBuilder(d, c).runningCostAmount().value(),
                    d.prior().runningCost().value()});
        }
        for (var e : figures.entrySet()) {
            Reasons.Given g = given.get(e.getKey());
            if (g == null) continue;
            Money current = Money.of(e.getValue()[0]);
            Money prior = Money.of(e.getValue()[1]);
            Money change = current.minus(prior);
            String what = REASON_NAMES.get(e.getKey());
            if (change.isZero()) {
                x.warning("W-REASON-UNCHANGED", g.pos(), "写了“变动原因." + e.getKey() + "”，但" + what + " "
                                + current.table() + " 与上年 " + prior.table() + " 相同",
                        "没有变化时文档写“持平”，不写原因，这段文字不会印出；请删去这一项，或核对本年数和上年数。");
            }
            if (!g.hasParts()) continue;
            Money parts = Money.of(g.parts().stream().map(Reasons.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            if (parts.equals(change)) continue;
            x.error("E-REASON-SUM", g.partsPos(), "“变动原因." + e.getKey() + ".构成”各项之和 " + signed(parts)
                            + " 与" + what + "的变动 " + signed(change) + "（" + current.table() + " − " + prior.table()
                            + "）不符，相差 " + parts.minus(change).value().abs().setScale(2).toPlainString() + " 万元",
                    "每项“金额”是这一原因带来的增减（减少写负数），各项相加应等于本年数减上年数；逐项核对说明里的数字。");
        }
    }

    private static final Map<String, String> REASON_NAMES = Map.of(
            "收支总计", "收支总计", "政府性基金", "政府性基金预算", "国有资本经营", "国有资本经营预算",
            "因公出国", "因公出国（境）费", "公务用车购置", "公务用车购置费", "公务用车运行", "公务用车运行费",
            "公务接待", "公务接待费", "机关运行经费", "机关运行经费");

    private static BigDecimal spending(BudgetDoc d, Predicate<Fund> fund) {
        BigDecimal s = BigDecimal.ZERO;
        for (BasicLine l : d.basicLines()) if (fund.test(l.fund())) s = s.add(l.total());
        for (Project p : d.projects()) {
            for (ProjectLine l : p.lines()) if (fund.test(l.fund())) s = s.add(l.amount());
        }
        return s;
    }

    /** “-14,226.05” / “19.90”: a change with its sign. */
    private static String signed(Money m) {
        return m.value().signum() < 0 ? "-" + Money.of(m.value().negate()).table() : m.table();
    }

    /** A cost cap: “≤1213.5万元”, “<=980万元”, “＜24.6万元”, “90万元”, “≤96000元”. */
    private static final java.util.regex.Pattern COST = java.util.regex.Pattern.compile(
            "^\\s*(?:≤|<=|＜=?|<|≦)?\\s*(\\d+(?:\\.\\d+)?)\\s*(万元|元)");

    /** rules.md B23 (soft): a project's 成本指标 cap is not above the project amount (seed 004-6). */
    static void costCaps(BudgetDoc d, Diagnostics x) {
        for (Project p : d.projects()) {
            for (Indicator i : p.indicators()) {
                if (!i.level1().equals("成本指标")) continue;
                var m = COST.matcher(i.value());
                if (!m.find()) continue;
                BigDecimal cap = new BigDecimal(m.group(1));
                if (m.group(2).equals("元")) cap = cap.movePointLeft(4);
                if (cap.compareTo(p.total()) <= 0) continue;
                x.warning("W-COST-CAP", i.pos(), "项目“" + p.name() + "”的成本指标“" + i.value() + "”（" + exact(cap)
                                + " 万元）大于项目金额 " + exact(p.total()) + " 万元，相差 " + exact(cap.subtract(p.total())) + " 万元",
                        "成本指标是完成项目的总成本上限，不会超过项目预算，一般就写项目金额；请核对指标值或项目金额。");
            }
        }
    }

    /** rules.md T11: a planned vehicle purchase is 政府采购 of goods (seed 002-4). */
    static void carPurchase(BudgetDoc d, Diagnostics x) {
        Amount car = d.threePublic().carPurchase();
        Amount goods = d.procurement().goods();
        if (car.value().signum() <= 0 || goods.value().compareTo(car.value()) >= 0) return;
        x.warning("W-CAR-PURCHASE", car.pos(), "安排了公务用车购置费 " + Money.of(car.value()).table()
                        + " 万元，但政府采购货物预算只有 " + Money.of(goods.value()).table() + " 万元",
                "购置公务用车属于政府采购（货物）；请在“政府采购.货物”中列入购车预算，或核对公务用车购置费。");
    }

    static void assets(BudgetDoc d, Diagnostics x) {
        var a = d.assets();
        BigDecimal parts = a.fixed().value().add(a.intangible().value());
        if (parts.compareTo(a.total().value()) > 0) {
            x.error("E-ASSETS", a.total().pos(), "资产总额 " + Money.of(a.total().value()).table() + " 小于固定资产与无形资产之和 "
                    + Money.of(parts).table() + "，相差 " + Money.of(parts.subtract(a.total().value())).table() + " 万元",
                    "资产总额包含固定资产和无形资产（还有流动资产等），不能比两者之和小；请核对国有资产数据。");
        }
    }
}
