package org.budgetpdf.layout;

import org.budgetpdf.compute.Atom;
import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.layout.TableEngine.Role;
import org.budgetpdf.layout.TableEngine.RowData;
import org.budgetpdf.layout.TableSpec.Column;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The arithmetic of one declared table, checked on the amounts it would print: every 合计/小计/总计 row and column is
 * the sum of the parts it covers, every amount under a total is in exactly one of its parts (a column removed from a
 * layout loses money; two columns selecting the same money count it twice), and the grand total is the figure the
 * table claims (合计: 一般公共预算). Parts are read from the declaration as a reader reads the printed table: totals
 * by their words (合计, 总计, 小计), subsets by 其中, rows by their numbering (一、 over （一）) and by the axes'
 * levels (a unit over its 项, a 类 over its 款). Compared atom by atom, so rounding never hides or invents a gap.
 */
public final class TableAudit {
    /** One problem: where in tables.yaml, what, and how to mend it. */
    public record Finding(SourcePos pos, String message, String hint) {
    }

    /** The figures a table may claim its grand total is (合计: …), by the name tables.yaml writes. */
    static final Map<String, Function<Figures, Money>> CLAIMS = claims();

    private static Map<String, Function<Figures, Money>> claims() {
        Map<String, Function<Figures, Money>> m = new LinkedHashMap<>();
        m.put("收支总计", Figures::total);
        m.put("本年收入合计", Figures::current);
        m.put("上年结转结余", Figures::carry);
        m.put("本年支出合计", Figures::spending);
        m.put("基本支出", Figures::basic);
        m.put("项目支出", Figures::project);
        m.put("一般公共预算", Figures::general);
        m.put("财政拨款", Figures::appropriation);
        m.put("政府性基金", Figures::govFund);
        m.put("国有资本经营", Figures::stateCapital);
        m.put("财政拨款收支总计", Figures::fiscalTotal);
        m.put("一般公共预算基本支出", Figures::generalBasic);
        m.put("一般公共预算项目支出", Figures::generalProject);
        m.put("三公经费", f -> f.sanGong().total());
        return Collections.unmodifiableMap(m);
    }

    private final TableSpec spec;
    private final Realized r;
    private final Filter base;
    /** The layout's 项目类型 categories (null: no 词表): money of another type is reported at the data, not here. */
    private final Set<String> types;
    private final List<Finding> out = new ArrayList<>();

    private final String title;

    TableAudit(TableSpec spec, String title, Realized r, Filter base, Set<String> types) {
        this.spec = spec;
        this.title = title;
        this.r = r;
        this.base = base;
        this.types = types;
    }

    List<Finding> check(List<List<RowData>> sides) {
        for (int i = 0; i < sides.size(); i++) {
            TableSpec.Side side = spec.sides().get(i);
            List<RowData> rows = sides.get(i).stream().filter(x -> x.role() != Role.BLANK && x.filter() != null
                    || x.role() == Role.UNKNOWN).toList();
            Column whole = wholeColumn(side.columns());
            RowData totalRow = rows.stream().filter(x -> x.role() == Role.TOTAL).findFirst().orElse(null);
            if (whole != null) checkRows(rows, whole.filter());
            checkColumns(side.columns(), totalRow == null ? Filter.ALL : totalRow.filter(), null);
            if (!spec.claim().isEmpty() && whole != null) checkClaim(rows, whole);
        }
        return out;
    }

    // ---- rows --------------------------------------------------------------------------------------------------------

    private void checkRows(List<RowData> rows, Filter column) {
        for (int i = 0; i < rows.size(); i++) {
            RowData row = rows.get(i);
            if (row.role() == Role.TOTAL || row.role() == Role.SUBSET || row.role() == Role.UNKNOWN) continue;
            int end = i + 1;
            while (end < rows.size() && rows.get(end).role() != Role.TOTAL
                    && (rows.get(end).role() == Role.SUBSET || rows.get(end).depth() > row.depth())) end++;
            List<RowData> parts = topLevel(rows.subList(i + 1, end));
            if (!parts.isEmpty()) compareRows(row, parts, column);
        }
        RowData previous = null;
        int from = 0;
        for (int i = 0; i < rows.size(); i++) {
            RowData t = rows.get(i);
            if (t.role() != Role.TOTAL) continue;
            boolean opens = previous == null && topLevel(rows.subList(from, i)).isEmpty();
            List<RowData> parts = new ArrayList<>();
            if (opens) {
                int end = i + 1;
                while (end < rows.size() && rows.get(end).role() != Role.TOTAL) end++;
                parts.addAll(topLevel(rows.subList(i + 1, end)));
            } else {
                if (previous != null) parts.add(previous);
                parts.addAll(topLevel(rows.subList(from, i)));
            }
            if (!parts.isEmpty()) compareRows(t, parts, column);
            previous = t;
            from = i + 1;
        }
    }

    /** The rows of a range at its shallowest depth, 其中 and totals left out. */
    private static List<RowData> topLevel(List<RowData> range) {
        int min = range.stream().filter(x -> x.role() != Role.SUBSET && x.role() != Role.TOTAL)
                .mapToInt(RowData::depth).min().orElse(Integer.MAX_VALUE);
        return range.stream().filter(x -> x.role() != Role.SUBSET && x.role() != Role.TOTAL && x.depth() == min).toList();
    }

    private void compareRows(RowData whole, List<RowData> parts, Filter column) {
        if (parts.stream().anyMatch(p -> p.role() == Role.UNKNOWN)) return; // the file gives only the total
        List<Set<Atom>> sets = new ArrayList<>();
        for (RowData p : parts) sets.add(atoms(p.filter().and(column)));
        compare(whole.pos(), "“" + whole.label() + "”一行", atoms(whole.filter().and(column)),
                parts.stream().map(p -> "“" + p.label() + "”").toList(), sets, "它下面各行",
                "在表格声明中补上能放下这些钱的行（例如把列出的类改为“类: 全部”，或用“补充: 是”），或改正这一行的“取”。");
    }

    // ---- columns -----------------------------------------------------------------------------------------------------

    /** The column that holds everything a side's rows add up: its first total column, or its only amount column. */
    private static Column wholeColumn(List<Column> cols) {
        List<Column> amounts = TableEngine.leaves(cols).stream().filter(Column::isAmount).toList();
        for (Column c : amounts) if (role(c) == Role.TOTAL) return c;
        return amounts.size() == 1 ? amounts.get(0) : null;
    }

    private static Role role(Column c) {
        String t = c.title().strip();
        if (t.startsWith("其中")) return Role.SUBSET;
        if (t.matches(".*(合计|总计|小计)$")) return Role.TOTAL;
        return Role.DETAIL;
    }

    /** A level of the column tree: when its first amount column is a total, it is the sum of its other columns. */
    private void checkColumns(List<Column> level, Filter row, Column parent) {
        Column total = null;
        for (Column c : level) {
            if (c.isAmount()) {
                total = role(c) == Role.TOTAL ? c : null;
                break;
            }
            if (c.isGroup() && TableEngine.leaves(c.children()).stream().anyMatch(Column::isAmount)) break;
        }
        if (total != null) {
            Column t = total;
            List<Column> parts = level.stream().filter(c -> c != t && (c.isGroup() && amounts(c) || c.isAmount() && role(c) != Role.SUBSET))
                    .toList();
            if (!parts.isEmpty()) {
                List<Set<Atom>> sets = new ArrayList<>();
                for (Column p : parts) sets.add(columnAtoms(p, row));
                String where = parent == null ? "各列" : "“" + parent.title() + "”下的各列";
                compare(t.pos(), "“" + t.title() + "”一列", atoms(t.filter().and(row)),
                        parts.stream().map(p -> "“" + p.title() + "”").toList(), sets, where,
                        "在版式中补上缺少的列（或在 layout.yaml 的“词表”中把这个类型归入已有的列），或改正各列的“取”。");
            }
        }
        for (Column c : level) if (c.isGroup()) checkColumns(c.children(), row, c);
    }

    private static boolean amounts(Column group) {
        return TableEngine.leaves(group.children()).stream().anyMatch(Column::isAmount);
    }

    /** The amounts a column shows: a leaf its own; a group its total column, else the union of its parts. */
    private Set<Atom> columnAtoms(Column c, Filter row) {
        if (!c.isGroup()) return atoms(c.filter().and(row));
        Column whole = null;
        for (Column k : c.children()) if (k.isAmount() && role(k) == Role.TOTAL) {
            whole = k;
            break;
        }
        if (whole != null) return atoms(whole.filter().and(row));
        Set<Atom> union = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Column k : c.children()) if (k.isGroup() && amounts(k) || k.isAmount() && role(k) != Role.SUBSET) union.addAll(columnAtoms(k, row));
        return union;
    }

    // ---- the claim --------------------------------------------------------------------------------------------------

    private void checkClaim(List<RowData> rows, Column whole) {
        Function<Figures, Money> figure = CLAIMS.get(spec.claim());
        if (figure == null) return; // the loader reports an unknown name
        RowData total = null;
        for (RowData x : rows) if (x.role() == Role.TOTAL) total = x; // the grand total closes the side
        Filter f = base.and(whole.filter()).and(total == null ? Filter.ALL : total.filter()).resolve(r.catalog());
        Money printed = r.cube().sum(f);
        Money claimed = figure.apply(r.dept());
        if (claimed != null && !printed.equals(claimed) && base.equals(spec.filter())) {
            out.add(new Finding(spec.claimPos(), "表“" + spec.key() + "”的合计 " + printed.table() + " 万元，不等于它声明的“"
                    + spec.claim() + "” " + claimed.table() + " 万元，相差 " + claimed.minus(printed).table() + " 万元",
                    "改正表的“取”或各行各列的“取”，使合计就是" + spec.claim() + "；或改正“合计:”所写的名称。"));
        }
    }

    // ---- atoms ------------------------------------------------------------------------------------------------------

    private Set<Atom> atoms(Filter f) {
        Set<Atom> s = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Atom a : r.cube().select(base.and(f).resolve(r.catalog()))) {
            boolean unplaced = types != null && a.fact().nature() == org.budgetpdf.model.Nature.PROJECT
                    && !types.contains(a.projectType());
            if (!a.shown().isZero() && !unplaced) s.add(a);
        }
        return s;
    }

    private void compare(SourcePos pos, String wholeName, Set<Atom> whole, List<String> partNames, List<Set<Atom>> parts,
                         String partsName, String hint) {
        String table = "表“" + spec.key() + "”（" + title + "）";
        Set<Atom> covered = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < parts.size(); i++) {
            for (Atom a : parts.get(i)) {
                if (!covered.add(a)) {
                    int first = 0;
                    while (!parts.get(first).contains(a)) first++;
                    out.add(new Finding(pos, table + "中，" + describe(a) + "同时算在" + partNames.get(first) + "和"
                            + partNames.get(i) + "里，" + wholeName + "只算一次", "改正这两列（行）的“取”，使每笔钱只在其中一列（行）。"));
                    return;
                }
            }
        }
        // a total the file gives as a figure of its own (固定资产 beside 房屋构筑物 …) is not made of its parts' amounts:
        // the data rules compare such figures (T12), and parts it does not give are unknown, not zero
        if (!whole.isEmpty() && whole.stream().noneMatch(covered::contains)
                && whole.stream().allMatch(a -> a.fact().item() != null)) return;
        List<Atom> lost = whole.stream().filter(a -> !covered.contains(a)).toList();
        if (!lost.isEmpty()) {
            Money sum = lost.stream().map(Atom::shown).reduce(Money.ZERO, Money::plus);
            out.add(new Finding(pos, table + "中，" + partsName + "加起来比" + wholeName + "少 " + sum.table()
                    + " 万元：这些钱不在其中任何一处，例如" + describe(lost.get(0)), hint));
            return;
        }
        List<Atom> outside = covered.stream().filter(a -> !whole.contains(a)).toList();
        if (!outside.isEmpty()) {
            Money sum = outside.stream().map(Atom::shown).reduce(Money.ZERO, Money::plus);
            out.add(new Finding(pos, table + "中，" + partsName + "比" + wholeName + "多 " + sum.table()
                    + " 万元：它们算进了不属于" + wholeName + "的钱，例如" + describe(outside.get(0)),
                    "改正" + wholeName + "或各部分的“取”，使合计正好是各部分之和。"));
        }
    }

    /** 数据第 45 行的 15.44 万元（2101502，项目类型“一般性项目”） */
    private static String describe(Atom a) {
        List<String> dims = new ArrayList<>();
        if (a.fact().function() != null) dims.add(a.fact().function());
        if (a.fact().econ() != null) dims.add(a.fact().econ());
        if (a.fact().fund() != null) dims.add(a.fact().fund().label());
        if (a.projectType() != null) dims.add("项目类型“" + a.projectType() + "”");
        if (a.fact().item() != null) dims.add(a.fact().item());
        String at = a.fact().pos().known() ? "数据第 " + a.fact().pos().line() + " 行的 " : "";
        return at + a.shown().table() + " 万元" + (dims.isEmpty() ? "" : "（" + String.join("，", dims) + "）");
    }
}
