package org.budgetpdf.compute;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Fact;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Nature;
import org.budgetpdf.model.Project;
import org.budgetpdf.model.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one step that turns a bound file into what every later stage reads: each amount rounded once to the printed
 * 0.01 万元 and given its derived dimensions ({@link Cube}), and the named figures of the department ({@link Figures}).
 *
 * <p>Amounts entered in 万元 are printed as entered. Amounts entered in 元 are rounded in groups by the largest
 * remainder method ({@link Rounding}) so that every printed total is the sum of its printed parts:
 * <ul>
 *   <li>预算: all spending; the 三公 parts; last year's 三公 parts; 政府采购 货物/工程/服务; 机关运行经费 明细;</li>
 *   <li>决算: spending with the 年末结转; the 财政拨款 income with the 年初财政拨款结转, against the printed 财政拨款
 *   spending and 年末 (公开04 balances), and the 年初其他资金 likewise; the 年初预算; 公开06 against the printed
 *   财政拨款基本支出 (D08); each set of 三公 parts; 政府采购.</li>
 * </ul>
 * What no group takes is rounded half up on its own.
 */
public final class Realize {
    private Realize() {
    }

    public static Realized of(Disclosure d, Catalog catalog) {
        return of(d, catalog, t -> t);
    }

    /**
     * @param projectCategory the layout's category of a 项目类型 as written (its 词表), or the value itself when the
     *                        layout has none for it (the checker reports that)
     */
    public static Realized of(Disclosure d, Catalog catalog, java.util.function.UnaryOperator<String> projectCategory) {
        List<Fact> facts = d.facts();
        int n = facts.size();
        BigDecimal[] shown = new BigDecimal[n];
        if (d.kind() == DocKind.BUDGET) {
            keepSum(facts, shown, f -> f.measure() == Measure.SPEND);
        } else {
            keepSum(facts, shown, f -> f.measure() == Measure.SPEND || f.measure() == Measure.CLOSING);
            Predicate<Fact> fiscalOut = f -> (f.measure() == Measure.SPEND || f.measure() == Measure.CLOSING)
                    && f.fund() != Fund.CARRY_UNIT;
            Predicate<Fact> otherOut = f -> (f.measure() == Measure.SPEND || f.measure() == Measure.CLOSING)
                    && f.fund() == Fund.CARRY_UNIT;
            balance(facts, shown, f -> f.measure() == Measure.INCOME
                    || f.measure() == Measure.OPENING && f.fund() != Fund.CARRY_UNIT, fiscalOut);
            balance(facts, shown, f -> f.measure() == Measure.OPENING && f.fund() == Fund.CARRY_UNIT, otherOut);
            keepSum(facts, shown, f -> f.measure() == Measure.INITIAL_BUDGET);
            balance(facts, shown, f -> f.measure() == Measure.ECON, f -> f.measure() == Measure.SPEND
                    && f.fund() == Fund.APPROPRIATION && f.nature() == Nature.BASIC);
            keepSum(facts, shown, f -> f.measure() == Measure.SANGONG_BUDGET);
        }
        keepSum(facts, shown, f -> f.measure() == Measure.SANGONG && !"外宾接待".equals(f.item()));
        keepSum(facts, shown, f -> f.measure() == Measure.PRIOR && f.item().startsWith("三公."));
        keepSum(facts, shown, f -> f.measure() == Measure.PROCUREMENT
                && List.of("货物", "工程", "服务").contains(f.item()));
        keepSum(facts, shown, f -> f.measure() == Measure.RUNNING_COST && f.econ() != null);

        UnitType fallback = d.units().isEmpty() ? UnitType.ADMIN : d.units().get(0).type();
        List<Atom> atoms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            Money m = Money.of(shown[i] == null ? f.value() : shown[i]);
            Unit u = f.unit() == null ? null : d.unit(f.unit());
            UnitType type = u == null ? fallback : u.type();
            String gov = f.econ() == null ? null : govEcon(catalog, f.econ(), type);
            Project p = f.project() == null ? null : d.project(f.project());
            String projectType = p != null ? p.type() : f.projectType();
            atoms.add(new Atom(f, m, gov, projectType == null ? null : projectCategory.apply(projectType),
                    u == null ? null : u.type().label()));
        }
        return new Realized(d, catalog, new Cube(atoms));
    }

    /**
     * The 政府经济分类 of a 部门经济分类 code: the catalog's mapping of a 款; for a 类 (the file gives no 款 split) or a
     * 款 the catalog does not map (named by the file), the one 政府 款 — else 类 — that every mapped 款 of its class goes
     * to for this unit type; null when they go to several (nothing is guessed).
     */
    static String govEcon(Catalog catalog, String econ, UnitType type) {
        Optional<String> mapped = catalog.govEconFor(econ, type);
        if (mapped.isPresent()) return mapped.get();
        if (econ.length() < 3) return null;
        String cls = econ.substring(0, 3);
        java.util.Set<String> targets = new java.util.TreeSet<>();
        for (String code : catalog.econDept().keySet()) {
            if (code.length() == 5 && code.startsWith(cls)) catalog.govEconFor(code, type).ifPresent(targets::add);
        }
        if (targets.size() == 1) return targets.iterator().next();
        java.util.Set<String> classes = new java.util.TreeSet<>();
        for (String t : targets) classes.add(t.substring(0, 3));
        return classes.size() == 1 ? classes.iterator().next() : null;
    }

    private static List<Integer> indices(List<Fact> facts, BigDecimal[] shown, Predicate<Fact> p) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) if (shown[i] == null && p.test(facts.get(i))) idx.add(i);
        return idx;
    }

    private static void keepSum(List<Fact> facts, BigDecimal[] shown, Predicate<Fact> p) {
        List<Integer> idx = indices(facts, shown, p);
        List<BigDecimal> r = Rounding.keepingSum(idx.stream().map(i -> facts.get(i).value()).toList(), 2);
        for (int k = 0; k < idx.size(); k++) shown[idx.get(k)] = r.get(k);
    }

    /**
     * Rounds the selected amounts against the printed sum of {@code against} when they add up exactly to its exact
     * sum (both sides of a balance then print equal), else against their own sum (the checker reports the imbalance).
     */
    private static void balance(List<Fact> facts, BigDecimal[] shown, Predicate<Fact> p, Predicate<Fact> against) {
        List<Integer> idx = indices(facts, shown, p);
        List<BigDecimal> parts = idx.stream().map(i -> facts.get(i).value()).toList();
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal printed = BigDecimal.ZERO;
        for (int i = 0; i < facts.size(); i++) {
            if (!against.test(facts.get(i))) continue;
            exact = exact.add(facts.get(i).value());
            printed = printed.add(shown[i] == null ? Money.of(facts.get(i).value()).value() : shown[i]);
        }
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> r = sum.compareTo(exact) == 0 ? Rounding.apportion(parts, printed, 2)
                : Rounding.keepingSum(parts, 2);
        for (int k = 0; k < idx.size(); k++) shown[idx.get(k)] = r.get(k);
    }
}
