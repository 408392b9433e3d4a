package org.budgetpdf.layout;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.compute.Atom;
import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.Numerals;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.compute.Views.ProjectView;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.layout.TableSpec.Column;
import org.budgetpdf.layout.TableSpec.RowSpec;
import org.budgetpdf.layout.TableSpec.Side;
import org.budgetpdf.layout.TableView.Cell;
import org.budgetpdf.layout.TableView.HeadCell;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Labeled;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Nature;
import org.budgetpdf.model.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes a {@link TableView} from a {@link TableSpec}: the header from the column tree, the rows from the row axes,
 * every amount cell {@code sum(scope ∧ table ∧ row ∧ column)} over the realized amounts. Knows dimensions, never a
 * province: everything regional is in the declaration. The rows it lays out are also what {@link TableAudit} checks
 * (every 合计 the sum of its parts), so the check and the print cannot disagree.
 */
public final class TableEngine {
    private static final Map<String, String> KINDS = Map.of("合计", "total", "部门", "dept", "单位", "unit", "类", "class",
            "款", "kuan", "项", "item", "普通", "plain");
    private static final Set<String> CODE_SHOWS = Set.of("编码", "类", "款", "项", "单位代码", "行次",
            "序号", "政府编码", "政府类", "政府款", "项目编码");
    /** Measures whose amounts the file lists completely: an amount not written is a zero, not an unknown. */
    private static final Set<Measure> LISTED = Set.of(Measure.SPEND, Measure.INCOME, Measure.INITIAL_BUDGET,
            Measure.OPENING, Measure.CLOSING);

    // ---- the row axes (按) -----------------------------------------------------------------------------------------

    /** Options every row accepts besides its axis's own. */
    public static final List<String> COMMON_OPTIONS = List.of("取", "样式", "零值", "含零");

    /** Makes the rows of one axis, within the rows of an enclosing axis ({@code within}) at a depth. */
    @FunctionalInterface
    interface Expander {
        List<RowData> rows(TableEngine e, RowSpec s, Filter within, int depth, Map<String, String> vars);
    }

    /**
     * One row axis: the name tables.yaml writes after 按, the options it accepts besides {@link #COMMON_OPTIONS},
     * whether another axis may be nested under each of its rows (下), and what it makes.
     */
    public record Axis(String name, List<String> options, boolean nests, Expander expander) {
    }

    /** Every axis, in the order templates/README.md documents them. A new axis is one entry here, nothing else. */
    public static final Map<String, Axis> AXES = axes(
            new Axis("部门", List.of("格式", "代码列"), true, TableEngine::deptRows),
            new Axis("单位", List.of("单位格式", "代码列"), true, TableEngine::unitRows),
            new Axis("功能", List.of("层级", "分单位", "单位格式"), false, TableEngine::functionAxis),
            new Axis("功能类", List.of("类", "编号", "格式"), false, TableEngine::classRows),
            new Axis("经济", List.of("层级", "对照"), false, TableEngine::econRows),
            new Axis("经济列表", List.of("列表", "补充", "类格式"), false, TableEngine::econListRows),
            new Axis("政府经济", List.of("层级"), false, TableEngine::govEconRows),
            new Axis("项目", List.of("分单位", "明细", "单位格式"), false, TableEngine::projectRows),
            new Axis("项目类型", List.of("格式"), true, (e, s, w, d, v) -> e.valueRows(s, w, d, Dim.PROJECT_TYPE)),
            new Axis("资金", List.of("格式"), true, (e, s, w, d, v) -> e.valueRows(s, w, d, Dim.FUND)),
            new Axis("性质", List.of("格式"), true, (e, s, w, d, v) -> e.valueRows(s, w, d, Dim.NATURE)),
            new Axis("单位类型", List.of("格式"), true, (e, s, w, d, v) -> e.valueRows(s, w, d, Dim.UNIT_TYPE)),
            new Axis("空行", List.of("空行"), false, (e, s, w, d, v) -> blanks(s)));

    private static Map<String, Axis> axes(Axis... all) {
        Map<String, Axis> m = new LinkedHashMap<>();
        for (Axis a : all) m.put(a.name(), a);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Options a fixed row (no 按) accepts. */
    public static final List<String> FIXED_OPTIONS = List.of("名称", "取", "样式", "零值", "含零", "空", "级");

    // ---- state --------------------------------------------------------------------------------------------------

    private final Realized r;
    private final Catalog cat;
    private final Figures scope;
    private final TableSpec spec;
    private final Filter base;
    /** Whether the file has any amount of the measures the table shows (see {@link TableView#given()}). */
    private final boolean given;

    private TableEngine(Realized r, Figures scope, TableSpec spec) {
        this.r = r;
        this.cat = r.catalog();
        this.scope = scope;
        this.spec = spec;
        Filter s = scope.isUnit() ? Filter.of(Dim.UNIT, scope.code()) : Filter.ALL;
        this.base = s.and(spec.filter());
        Set<String> measures = new TreeSet<>();
        collectMeasures(spec.filter(), measures);
        if (measures.isEmpty()) {
            for (Side side : spec.sides()) {
                for (Column c : leaves(side.columns())) collectMeasures(c.filter(), measures);
                for (RowSpec row : side.rows()) collectMeasures(row.filter(), measures);
                for (RowSpec row : side.tail()) collectMeasures(row.filter(), measures);
            }
            for (TableSpec.FooterRow f : spec.footer()) {
                for (TableSpec.FooterCell c : f.cells()) if (c.filter() != null) collectMeasures(c.filter(), measures);
            }
        }
        if (measures.isEmpty()) measures.add(Measure.SPEND.label());
        this.given = r.cube().has(s.and(Dim.MEASURE, measures));
    }

    private static void collectMeasures(Filter f, Set<String> out) {
        for (Filter.Constraint c : f.parts()) if (c.dim() == Dim.MEASURE && !c.negate()) out.addAll(c.values());
    }

    /** What a row is in the table's arithmetic (see {@link TableAudit}). */
    enum Role {
        /** 合计 / 总计 / 小计: the sum of the rows it closes or opens. */
        TOTAL,
        /** A row that is the sum of the deeper rows after it (a 类 over its 款, a unit over its 项, 一、 over （一）). */
        GROUP,
        /** A row of the finest level. */
        DETAIL,
        /** 其中：…, part of the row before it, added nowhere. */
        SUBSET,
        /** A row whose amounts the file does not give (a project listed without amounts): sums over it are not checked. */
        UNKNOWN,
        /** An empty row. */
        BLANK
    }

    /**
     * A row before formatting: its style, the texts of its label columns, what its amounts add up (null: blank), its
     * role and depth in the table's arithmetic and the tables.yaml entry it comes from.
     */
    record RowData(String style, Map<String, String> attrs, Filter filter, boolean zeros, Role role, int depth,
                   SourcePos pos) {
        static RowData blank(SourcePos pos) {
            return new RowData("普通", new HashMap<>(), null, false, Role.BLANK, 0, pos);
        }

        String label() {
            return attrs.getOrDefault("名称", "");
        }

        RowData withRole(Role r) {
            return new RowData(style, attrs, filter, zeros, r, depth, pos);
        }
    }

    public static TableView build(TableSpec spec, Realized r, Figures scope) {
        return new TableEngine(r, scope, spec).make();
    }

    /**
     * The table's arithmetic, checked: every 合计 the sum of its parts, no money outside every column or row. Money
     * of a 项目类型 the layout cannot place is left to E-PROJECT-TYPE (reported at the data).
     */
    public static List<TableAudit.Finding> audit(TableSpec spec, Realized r, Figures scope, Layout layout) {
        TableEngine e = new TableEngine(r, scope, spec);
        Map<String, String> vars = e.vars();
        List<List<RowData>> sides = new ArrayList<>();
        for (Side s : spec.sides()) {
            List<RowData> rows = new ArrayList<>(e.expand(s.rows(), Filter.ALL, vars));
            rows.addAll(e.expand(s.tail(), Filter.ALL, vars));
            sides.add(rows);
        }
        Vocabulary types = layout.vocab().get(Layout.PROJECT_TYPE);
        return new TableAudit(spec, fill(spec.title(), vars), r, e.base, types == null ? null : types.categories().keySet())
                .check(sides);
    }

    private TableView make() {
        Map<String, String> vars = vars();
        List<Side> sides = spec.sides();
        // rows of every side, bodies padded to the same length, tails aligned at the bottom
        List<List<RowData>> bodies = new ArrayList<>();
        List<List<RowData>> tails = new ArrayList<>();
        for (Side s : sides) {
            bodies.add(expand(s.rows(), Filter.ALL, vars));
            tails.add(expand(s.tail(), Filter.ALL, vars));
        }
        int bodyLen = bodies.stream().mapToInt(List::size).max().orElse(0);
        int tailLen = tails.stream().mapToInt(List::size).max().orElse(0);
        List<List<RowData>> sideRows = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            List<RowData> rows = new ArrayList<>(bodies.get(i));
            while (rows.size() < bodyLen) rows.add(RowData.blank(spec.pos()));
            for (int k = tails.get(i).size(); k < tailLen; k++) rows.add(RowData.blank(spec.pos()));
            rows.addAll(tails.get(i));
            sideRows.add(rows);
        }
        int height = bodyLen + tailLen;
        int lineNo = 1;
        for (int i = 0; i < sides.size(); i++) {
            if (!sides.get(i).lineNos()) continue;
            for (RowData row : sideRows.get(i)) row.attrs().put("行次", String.valueOf(lineNo++));
        }

        List<String> kinds = new ArrayList<>();
        List<List<Cell>> grid = new ArrayList<>();
        // 合计 cells at 0 the file does not write (no amount, not even a 0, falls in them): blank unless their column
        // prints something above or below, so a total never shows 0.00 under a column of blank cells
        List<int[]> unsaid = new ArrayList<>();
        boolean[] shown = new boolean[sides.stream().mapToInt(s -> leaves(s.columns()).size()).sum()];
        boolean empty = true;
        for (int k = 0; k < height; k++) {
            List<Cell> cells = new ArrayList<>();
            String kind = "plain";
            int col = 0;
            for (int i = 0; i < sides.size(); i++) {
                RowData row = sideRows.get(i).get(k);
                row.attrs().put("序号", String.valueOf(k + 1));
                String side = KINDS.get(row.style());
                if (i == 0) kind = side;
                // sides of one row may differ (a 类 subtotal beside an item): each cell carries its side's kind
                String mark = sides.size() > 1 && !side.equals("plain") && !side.equals("item") ? " " + side : "";
                boolean total = row.style().equals("合计");
                for (Column c : leaves(sides.get(i).columns())) {
                    int at = col++;
                    if (!c.isAmount()) {
                        String show = c.show();
                        String style = (CODE_SHOWS.contains(show) ? "code" : "text") + (show.equals("名称") ? indent(sideRows.get(i), k) : "");
                        cells.add(new Cell(row.attrs().getOrDefault(show, ""), style + mark, 1));
                        continue;
                    }
                    if (row.filter() == null) {
                        cells.add(new Cell("", "num" + mark, 1));
                        continue;
                    }
                    Filter f = base.and(row.filter()).and(c.filter()).resolve(cat);
                    Money m = r.cube().sum(f);
                    if (!m.isZero()) empty = false;
                    boolean asked = spec.zeros() || row.zeros();
                    boolean showZero = given && (asked || total);
                    String text = !known(f) ? spec.missing() : m.isZero() && !showZero ? "" : m.table();
                    if (!total && !text.isEmpty()) shown[at] = true;
                    if (total && !asked && m.isZero() && text.equals(m.table()) && !r.cube().has(f)) unsaid.add(new int[]{k, at});
                    cells.add(Cell.amount(text, m, "num" + mark, 1));
                }
            }
            kinds.add(sides.size() > 1 ? "plain" : kind);
            grid.add(cells);
        }
        for (TableSpec.FooterRow f : spec.footer()) {
            List<Cell> cells = new ArrayList<>();
            int col = 0;
            for (TableSpec.FooterCell c : f.cells()) {
                if (c.filter() == null) {
                    cells.add(new Cell(fill(c.text(), vars), "text", c.span()));
                } else {
                    Filter cf = base.and(c.filter()).resolve(cat);
                    Money m = r.cube().sum(cf);
                    if (!m.isZero()) empty = false;
                    String text = !known(cf) ? spec.missing() : given || !m.isZero() ? m.table() : "";
                    boolean above = false;
                    for (int at = col; at < Math.min(col + c.span(), shown.length); at++) above |= shown[at];
                    // a footer total at 0 over columns of blank cells, which the file does not write: blank as well
                    if (!spec.zeros() && m.isZero() && text.equals(m.table()) && !above && !r.cube().has(cf)) text = "";
                    cells.add(Cell.amount(text, m, "num", c.span()));
                }
                col += c.span();
            }
            kinds.add("total");
            grid.add(cells);
        }
        for (int[] u : unsaid) {
            if (shown[u[1]]) continue;
            List<Cell> cells = grid.get(u[0]);
            Cell c = cells.get(u[1]);
            cells.set(u[1], new Cell("", c.style(), c.colspan()));
        }
        List<TableView.Row> rows = new ArrayList<>();
        for (int k = 0; k < grid.size(); k++) rows.add(new TableView.Row(kinds.get(k), List.copyOf(grid.get(k))));
        List<String> meta = new ArrayList<>(spec.meta().stream().map(m -> fill(m, vars)).toList());
        while (meta.size() < 3) meta.add("");
        return new TableView(scope.isUnit() ? "u" + scope.code() + "-" + spec.id() : spec.id(), fill(spec.number(), vars),
                fill(spec.title(), vars), List.copyOf(meta), spec.landscape(), spec.compact(), widths(spec.sides()),
                header(spec, vars), List.copyOf(rows), empty, given, fill(spec.emptyNote(), vars), fill(spec.note(), vars));
    }

    /**
     * The CSS class a row's name cell adds: {@code sub} for a 其中 row (indented under the row it is part of),
     * {@code sub-next} for a row after a 其中 row that opens a list of parts at its level ("其中：公务用车购置费",
     * "公务用车运行维护费", written with 级), aligned after the "其中：".
     */
    private static String indent(List<RowData> rows, int k) {
        RowData row = rows.get(k);
        if (row.label().strip().startsWith("其中")) return " sub";
        if (row.role() != Role.DETAIL) return "";
        for (int j = k - 1; j >= 0; j--) {
            RowData p = rows.get(j);
            if (p.depth() != row.depth() || p.role() != Role.DETAIL) return "";
            if (p.label().strip().startsWith("其中")) return " sub-next";
        }
        return "";
    }

    /**
     * Whether the file says what a cell adds up: always for the amounts it lists completely (支出, 收入, 年初预算,
     * 结转 — one not written is a zero), else only when it gives at least one of the items (资产总额 not written is not
     * known to be 0.00 and prints blank, or the layout's 缺项 mark).
     */
    private boolean known(Filter f) {
        Set<String> measures = new TreeSet<>();
        collectMeasures(f, measures);
        if (measures.isEmpty()) return true;
        for (String m : measures) {
            Measure ms = Labeled.byLabel(Measure.class, m).orElse(Measure.OTHER);
            if (!LISTED.contains(ms) && !(ms == Measure.ECON && r.cube().has(Filter.of(Dim.MEASURE, m)))) {
                return r.cube().has(f);
            }
        }
        return true;
    }

    // ---- placeholders ---------------------------------------------------------------------------------------------

    /** The placeholders layout text may use, with what they stand for (templates/README.md lists the same). */
    public static final List<String> PLACEHOLDERS = List.of("年度", "上年", "名称", "代码", "部门", "部门代码", "主体");

    private Map<String, String> vars() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("年度", String.valueOf(r.doc().year()));
        v.put("上年", String.valueOf(r.doc().year() - 1));
        v.put("名称", scope.name());
        v.put("代码", scope.code());
        v.put("部门", r.doc().department().name());
        v.put("部门代码", r.doc().department().code());
        v.put("主体", scope.isUnit() ? "单位" : "部门");
        return v;
    }

    /** Replaces {年度}, {名称} … in layout text. */
    public static String fill(String text, Map<String, String> vars) {
        if (text == null || text.indexOf('{') < 0) return text == null ? "" : text;
        String out = text;
        for (var e : vars.entrySet()) out = out.replace("{" + e.getKey() + "}", e.getValue());
        return out;
    }

    // ---- rows -----------------------------------------------------------------------------------------------------

    private List<RowData> expand(List<RowSpec> specs, Filter within, Map<String, String> vars) {
        List<RowData> out = new ArrayList<>();
        for (RowSpec s : specs) out.addAll(expand(s, within, 1, vars));
        return out;
    }

    /** The rows of one entry of 行/尾, and under each of them the rows of its nested axis (下). */
    private List<RowData> expand(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        if (s.by().isEmpty()) return fixedRow(s, within, vars);
        List<RowData> outer = AXES.get(s.by()).expander().rows(this, s, within, depth, vars);
        if (s.sub() == null) return outer;
        List<RowData> out = new ArrayList<>();
        for (RowData o : outer) {
            List<RowData> inner = expand(s.sub(), o.filter(), o.depth() + 1, vars);
            if (inner.isEmpty() && s.option("含零", "是").equals("否")) continue;
            out.add(inner.isEmpty() ? o : new RowData(o.style(), o.attrs(), o.filter(), o.zeros(), Role.GROUP, o.depth(), o.pos()));
            out.addAll(inner);
        }
        return out;
    }

    private static boolean zeros(RowSpec s) {
        return s.option("零值", "").equals("显示");
    }

    private boolean keepZero(RowSpec s) {
        return !s.option("含零", "是").equals("否");
    }

    /** One fixed row; its depth and role follow its numbering (一、 over （一） over 1.) and its words (合计, 其中：). */
    private List<RowData> fixedRow(RowSpec s, Filter within, Map<String, String> vars) {
        if (s.option("空", "").equals("是")) { // a line of the national table the data format has no figure for
            RowData blank = RowData.blank(s.pos());
            blank.attrs().put("名称", fill(s.label(), vars));
            return List.of(blank);
        }
        Filter f = within.and(s.filter());
        if (!keepZero(s) && !has(f)) return List.of();
        Map<String, String> a = new HashMap<>();
        String label = fill(s.label(), vars);
        a.put("名称", label);
        String style = s.style().isEmpty() ? "普通" : s.style();
        // 级: the row's level when its words do not show it (“其中：购置费 / 运行维护费” both under “二、…”)
        if (s.options().containsKey("级")) {
            Role role = fixedRole(label, style) == Role.TOTAL ? Role.TOTAL : Role.DETAIL;
            return List.of(new RowData(style, a, f, zeros(s), role, Integer.parseInt(s.option("级", "1")), s.pos()));
        }
        return List.of(new RowData(style, a, f, zeros(s), fixedRole(label, style), numberingDepth(label), s.pos()));
    }

    static Role fixedRole(String label, String style) {
        String l = label.strip();
        if (l.startsWith("其中")) return Role.SUBSET;
        if (style.equals("合计") || l.matches(".*(合计|总计|小计)$")) return Role.TOTAL;
        return Role.DETAIL;
    }

    /** 一、 → 1, （一） → 2, 1. / 1、 → 3, （1） → 4; anything else is a top-level row. */
    static int numberingDepth(String label) {
        String l = label.strip();
        if (l.matches("^[一二三四五六七八九十百]+、.*")) return 1;
        if (l.matches("^[（(][一二三四五六七八九十百]+[）)].*")) return 2;
        if (l.matches("^\\d+[.、．].*")) return 3;
        if (l.matches("^[（(]\\d+[）)].*")) return 4;
        return 1;
    }

    private static List<RowData> blanks(RowSpec s) {
        int n = Integer.parseInt(s.option("空行", "1"));
        List<RowData> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(RowData.blank(s.pos()));
        return out;
    }

    private List<RowData> deptRows(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        Filter f = within.and(s.filter());
        if (!keepZero(s) && !has(f)) return List.of();
        Map<String, String> a = new HashMap<>();
        a.put("名称", fill(s.option("格式", "{名称}"), vars));
        a.put("编码", scope.code());
        a.put("单位代码", scope.code());
        if (s.options().containsKey("代码列")) a.put(s.option("代码列", ""), scope.code());
        // the department row sums the rows after it: one level above units and classes
        return List.of(new RowData(style(s, "部门"), a, f, zeros(s), Role.DETAIL, depth - 1, s.pos()));
    }

    private List<RowData> unitRows(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        List<RowData> out = new ArrayList<>();
        for (Unit u : units()) {
            Filter f = within.and(s.filter()).and(Dim.UNIT, u.code());
            if (!keepZero(s) && !has(f)) continue;
            out.add(unitRow(s, u, f, depth, vars));
        }
        return out;
    }

    private List<Unit> units() {
        if (!scope.isUnit()) return r.doc().units();
        return List.of(r.doc().unit(scope.code()));
    }

    private RowData unitRow(RowSpec s, Unit u, Filter f, int depth, Map<String, String> vars) {
        Map<String, String> a = new HashMap<>();
        Map<String, String> v = new HashMap<>(vars);
        v.put("名称", u.name());
        v.put("代码", u.code());
        a.put("名称", fill(s.option("单位格式", "{名称}"), v));
        a.put("编码", u.code());
        a.put("单位代码", u.code());
        a.put("单位名称", u.name());
        if (s.options().containsKey("代码列")) a.put(s.option("代码列", ""), u.code());
        return new RowData(style(s, "单位"), a, f, zeros(s), Role.DETAIL, depth, s.pos());
    }

    private static String style(RowSpec s, String fallback) {
        return s.style().isEmpty() ? fallback : s.style();
    }

    private boolean has(Filter f) {
        return !r.cube().sum(base.and(f).resolve(cat)).isZero();
    }

    /** 功能: 类 / 款 / 项 rows of the 项 that carry an amount; with 分单位 each unit first, then its 项. */
    private List<RowData> functionAxis(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        if (!s.option("分单位", "").equals("是")) return functionRows(s, within.and(s.filter()), depth);
        List<RowData> out = new ArrayList<>();
        for (Unit u : units()) {
            Filter uf = within.and(s.filter()).and(Dim.UNIT, u.code());
            if (!has(uf)) continue;
            List<RowData> fs = functionRows(s, uf, depth + 1);
            out.add(unitRow(s, u, uf, depth, vars).withRole(fs.isEmpty() ? Role.DETAIL : Role.GROUP));
            for (RowData f : fs) {
                f.attrs().put("单位代码", u.code());
                f.attrs().put("单位名称", u.name());
                out.add(f);
            }
        }
        return out;
    }

    /** 类 / 款 / 项 rows of the 项 that carry a non-zero amount under the table's and the row's filter. */
    private List<RowData> functionRows(RowSpec s, Filter f, int depth) {
        List<String> levels = s.list("层级").isEmpty() ? List.of("类", "款", "项") : s.list("层级");
        List<String> items = new ArrayList<>();
        for (String code : r.cube().values(Dim.FUNCTION, base.and(f))) {
            if (code.length() == 7 && has(f.and(Dim.FUNCTION, code))) items.add(code);
        }
        int classDepth = depth;
        int kuanDepth = depth + (levels.contains("类") ? 1 : 0);
        int itemDepth = kuanDepth + (levels.contains("款") ? 1 : 0);
        List<RowData> out = new ArrayList<>();
        String lastClass = "";
        String lastKuan = "";
        for (String item : items) {
            String cls = item.substring(0, 3);
            String kuan = item.substring(0, 5);
            if (!cls.equals(lastClass) && levels.contains("类")) out.add(functionRow(cls, "类", f, zeros(s), classDepth, s.pos()));
            if (!kuan.equals(lastKuan) && levels.contains("款")) out.add(functionRow(kuan, "款", f, zeros(s), kuanDepth, s.pos()));
            if (levels.contains("项")) out.add(functionRow(item, "项", f, zeros(s), itemDepth, s.pos()));
            lastClass = cls;
            lastKuan = kuan;
        }
        return out;
    }

    private RowData functionRow(String code, String level, Filter f, boolean zeros, int depth, SourcePos pos) {
        Map<String, String> a = new HashMap<>();
        a.put("编码", code);
        a.put("类", code.substring(0, 3));
        if (code.length() >= 5) a.put("款", code.substring(3, 5));
        if (code.length() == 7) a.put("项", code.substring(5, 7));
        a.put("名称", scope.functionName(code));
        return new RowData(level, a, f.and(Dim.FUNCTION, code), zeros, Role.DETAIL, depth, pos);
    }

    /** Every 功能分类类 of a list (all of the edition, or the codes given), numbered as the layout asks. */
    private List<RowData> classRows(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        List<String> list = s.list("类");
        List<String> classes = list.isEmpty() || list.equals(List.of("全部")) ? cat.classes() : list;
        String numbering = s.option("编号", "科目表");
        String format = s.option("格式", "{编号}、{名称}");
        List<RowData> out = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            String cls = classes.get(i);
            String no = switch (numbering) {
                case "顺序" -> Numerals.cn(i + 1);
                case "无" -> "";
                default -> cat.classOrdinal(cls).orElse("");
            };
            Map<String, String> a = new HashMap<>();
            a.put("编码", cls);
            String label = format.replace("{编号}", no).replace("{名称}", scope.functionName(cls));
            a.put("名称", label);
            // numbered as “（一）…” the classes sit under a fixed row “一、本年支出”
            out.add(new RowData(style(s, "普通"), a, within.and(s.filter()).and(Dim.FUNCTION, cls), zeros(s), Role.DETAIL,
                    numbering.equals("无") ? depth : numberingDepth(label), s.pos()));
        }
        return out;
    }

    /**
     * 经济分类 rows of the codes that carry an amount: 类 and 款 as asked, each 款 with its 政府经济分类 when 对照. An
     * amount the file gives only at 类 level (301: 25.38) is a row of its own with the 类's code: no 款 is invented for
     * it; beside 款 of the same class it reads “工资福利支出（未细分到款）”.
     */
    private List<RowData> econRows(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        Filter sf = within.and(s.filter());
        List<String> levels = s.list("层级").isEmpty() ? List.of("款") : s.list("层级");
        boolean pairs = r.cube().select(base.and(sf)).stream().anyMatch(a -> a.govEcon() != null)
                && s.option("对照", "是").equals("是");
        Map<String, TreeSet<String>> byEcon = new java.util.TreeMap<>();
        for (Atom a : r.cube().select(base.and(sf))) {
            String e = a.fact().econ();
            if (e == null || e.length() < 3) continue;
            byEcon.computeIfAbsent(e, k -> new TreeSet<>()).add(a.govEcon() == null ? "" : a.govEcon());
        }
        boolean classRows = levels.contains("类");
        int inner = depth + (classRows ? 1 : 0);
        Map<String, List<String>> byClass = new java.util.TreeMap<>();
        for (String e : byEcon.keySet()) byClass.computeIfAbsent(e.substring(0, 3), k -> new ArrayList<>()).add(e);
        List<RowData> out = new ArrayList<>();
        for (var c : byClass.entrySet()) {
            String cls = c.getKey();
            List<String> kuans = c.getValue().stream().filter(e -> e.length() == 5).toList();
            boolean whole = c.getValue().contains(cls);
            if (classRows && has(sf.and(Dim.ECON, cls))) {
                out.add(econRow(cls, "", "类", sf, zeros(s), depth, s.pos()).withRole(kuans.isEmpty() ? Role.DETAIL : Role.GROUP));
            }
            if (whole && !(classRows && kuans.isEmpty())) {
                Filter rest = unsplit(sf, cls, kuans);
                for (String gov : pairs ? byEcon.get(cls) : List.of("")) {
                    Filter f = gov.isEmpty() ? rest : rest.and(Dim.GOV_ECON, gov);
                    if (!has(f)) continue;
                    out.add(unsplitRow(econRow(cls, gov, kuans.isEmpty() ? "类" : "项", rest, zeros(s), inner, s.pos()), !kuans.isEmpty()));
                }
            }
            if (!levels.contains("款")) continue;
            for (String econ : kuans) {
                for (String gov : pairs ? byEcon.get(econ) : List.of("")) {
                    Filter f = sf.and(Dim.ECON, econ);
                    if (!gov.isEmpty()) f = f.and(Dim.GOV_ECON, gov);
                    if (!has(f)) continue;
                    out.add(econRow(econ, gov, "项", sf, zeros(s), inner, s.pos()));
                }
            }
        }
        return out;
    }

    /** The amounts of a class the file gives only as a whole: the class, less the 款 it gives. */
    private static Filter unsplit(Filter f, String cls, List<String> kuans) {
        Filter g = f.and(Dim.ECON, cls);
        return kuans.isEmpty() ? g : g.andNot(Dim.ECON, Set.copyOf(kuans));
    }

    private static RowData unsplitRow(RowData row, boolean beside) {
        if (beside) row.attrs().put("名称", row.attrs().get("名称") + "（未细分到款）");
        return row;
    }

    private RowData econRow(String econ, String gov, String style, Filter f, boolean zeros, int depth, SourcePos pos) {
        Map<String, String> a = new HashMap<>();
        a.put("编码", econ);
        a.put("类", econ.substring(0, 3));
        if (econ.length() == 5) a.put("款", econ.substring(3));
        a.put("名称", scope.econName(econ));
        if (!gov.isEmpty()) {
            a.put("政府编码", gov);
            a.put("政府类", gov.substring(0, 3));
            a.put("政府款", gov.length() == 5 ? gov.substring(3) : "");
            a.put("政府名称", cat.econGovName(gov).orElse(""));
        }
        Filter rf = f.and(Dim.ECON, econ);
        if (!gov.isEmpty()) rf = rf.and(Dim.GOV_ECON, gov);
        return new RowData(style, a, rf, zeros, Role.DETAIL, depth, pos);
    }

    /** A fixed list of 经济分类 类 and 款 (printed whether or not they carry an amount); 补充 adds entered codes. */
    private List<RowData> econListRows(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        Filter sf = within.and(s.filter());
        List<String> codes = new ArrayList<>(s.list("列表"));
        if (s.option("补充", "").equals("是")) {
            for (String code : r.cube().values(Dim.ECON, base.and(sf))) {
                if (codes.contains(code) || !codes.contains(code.substring(0, 3)) && codes.stream().noneMatch(c -> c.startsWith(code.substring(0, 3)))) continue;
                String cls = code.substring(0, 3);
                int at = codes.indexOf(cls) + 1;
                while (at < codes.size() && codes.get(at).startsWith(cls) && codes.get(at).compareTo(code) < 0) at++;
                codes.add(at, code);
            }
        }
        boolean hasClass = codes.stream().anyMatch(c -> c.length() == 3);
        // classes the file gives only as a whole (301: 25.38): their listed 款 are unknown, printed blank, not 0.00
        Set<String> whole = new TreeSet<>();
        for (String e : r.cube().values(Dim.ECON, base.and(sf))) if (e.length() == 3) whole.add(e);
        List<RowData> out = new ArrayList<>();
        // classes the file gives both as a whole and by 款: the whole part is a row of its own under the class row
        Set<String> mixed = new TreeSet<>();
        for (String e : r.cube().values(Dim.ECON, base.and(sf))) if (e.length() == 5 && whole.contains(e.substring(0, 3))) mixed.add(e.substring(0, 3));
        whole.removeAll(mixed);
        for (String code : codes) {
            boolean cls = code.length() == 3;
            String style = cls ? "类" : "项";
            boolean split = cls && codes.stream().anyMatch(c -> c.length() == 5 && c.startsWith(code));
            if (cls && mixed.contains(code) && split) {
                RowData row = econRow(code, "", s.style().isEmpty() ? style : s.style(), sf, zeros(s), depth, s.pos());
                row.attrs().put("名称", s.option("类格式", "{名称}").replace("{名称}", row.attrs().get("名称")));
                out.add(row.withRole(Role.GROUP));
                List<String> kuans = r.cube().values(Dim.ECON, base.and(sf)).stream().filter(e -> e.length() == 5 && e.startsWith(code)).toList();
                out.add(unsplitRow(econRow(code, "", "项", unsplit(sf, code, kuans), zeros(s), depth + 1, s.pos()), true));
                continue;
            }
            if (!cls && whole.contains(code.substring(0, 3))) {
                RowData unknown = econRow(code, "", s.style().isEmpty() ? style : s.style(), sf, false,
                        !hasClass ? depth : depth + 1, s.pos());
                out.add(new RowData(unknown.style(), unknown.attrs(), null, false, Role.UNKNOWN, unknown.depth(), unknown.pos()));
                continue;
            }
            RowData row = econRow(code, "", s.style().isEmpty() ? style : s.style(), sf, zeros(s),
                    cls || !hasClass ? depth : depth + 1, s.pos());
            if (cls) {
                row.attrs().put("名称", s.option("类格式", "{名称}").replace("{名称}", row.attrs().get("名称")));
                // a class listed with its 款: its own class-level amount (301: 25.38) has no 款 row to go in
                row = split ? row.withRole(Role.GROUP) : row;
            }
            out.add(row);
        }
        return out;
    }

    /** 政府经济分类 rows (类 and 款 as asked) of the codes that carry an amount. */
    private List<RowData> govEconRows(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        Filter sf = within.and(s.filter());
        List<String> levels = s.list("层级").isEmpty() ? List.of("款") : s.list("层级");
        boolean classRows = levels.contains("类");
        List<RowData> out = new ArrayList<>();
        String lastClass = "";
        for (String gov : r.cube().values(Dim.GOV_ECON, base.and(sf))) {
            String cls = gov.substring(0, 3);
            if (!cls.equals(lastClass) && classRows) out.add(govRow(cls, sf.and(Dim.GOV_ECON, cls), zeros(s), depth, s.pos()));
            lastClass = cls;
            if (gov.length() == 5 && levels.contains("款") && has(sf.and(Dim.GOV_ECON, gov))) {
                out.add(govRow(gov, sf.and(Dim.GOV_ECON, gov), zeros(s), depth + (classRows ? 1 : 0), s.pos()));
            }
        }
        return out;
    }

    private RowData govRow(String gov, Filter f, boolean zeros, int depth, SourcePos pos) {
        Map<String, String> a = new HashMap<>();
        a.put("编码", gov);
        a.put("类", gov.substring(0, 3));
        a.put("政府编码", gov);
        a.put("政府类", gov.substring(0, 3));
        if (gov.length() == 5) {
            a.put("款", gov.substring(3));
            a.put("政府款", gov.substring(3));
        }
        String name = cat.econGovName(gov).orElse(gov);
        a.put("名称", name);
        a.put("政府名称", name);
        return new RowData(gov.length() == 3 ? "类" : "项", a, f, zeros, Role.DETAIL, depth, pos);
    }

    /** One row per project (per 功能分类项 of a project with 明细: 是), optionally under unit rows. */
    private List<RowData> projectRows(RowSpec s, Filter within, int depth, Map<String, String> vars) {
        boolean perUnit = s.option("分单位", "").equals("是");
        boolean lines = s.option("明细", "").equals("是");
        List<ProjectView> projects = scope.projects();
        List<RowData> out = new ArrayList<>();
        for (Unit u : perUnit ? units() : List.<Unit>of()) {
            List<ProjectView> ps = projects.stream().filter(p -> p.unitCode().equals(u.code())).toList();
            if (ps.isEmpty()) continue;
            out.add(unitRow(s, u, within.and(s.filter()).and(Dim.UNIT, u.code()), depth, vars).withRole(Role.GROUP));
            for (ProjectView p : ps) out.addAll(projectRow(s, within, p, lines, depth + 1));
        }
        if (!perUnit) for (ProjectView p : projects) out.addAll(projectRow(s, within, p, lines, depth));
        return out;
    }

    private List<RowData> projectRow(RowSpec s, Filter within, ProjectView p, boolean lines, int depth) {
        Filter f = within.and(s.filter()).and(Dim.PROJECT, p.id());
        List<String> fns = lines ? new ArrayList<>(new TreeSet<>(p.lines().stream().map(l -> l.function()).toList()))
                : java.util.Collections.singletonList(null);
        if (fns.isEmpty()) fns = java.util.Collections.singletonList(null); // a project listed without amounts
        List<RowData> out = new ArrayList<>();
        for (String fn : fns) {
            Map<String, String> a = new HashMap<>();
            a.put("名称", p.name());
            a.put("项目类型", p.type());
            a.put("项目单位", p.unitName());
            a.put("项目编码", p.code());
            a.put("项目内容", p.content());
            a.put("单位代码", p.unitCode());
            Unit u = r.doc().unit(p.unitCode());
            a.put("单位名称", u == null ? "" : u.name());
            Filter rf = f;
            if (fn != null) {
                a.put("编码", fn);
                a.put("类", fn.substring(0, 3));
                a.put("款", fn.substring(3, 5));
                a.put("项", fn.substring(5, 7));
                rf = f.and(Dim.FUNCTION, fn);
            } else {
                a.put("编码", p.code());
            }
            // a project listed without amounts: its cells are unknown, not zero (the file gives only the total)
            out.add(new RowData(style(s, "项"), a, p.amount() == null ? null : rf, zeros(s),
                    p.amount() == null ? Role.UNKNOWN : Role.DETAIL, depth, s.pos()));
        }
        return out;
    }

    /** One row per value a dimension takes (项目类型, 资金, 性质, 单位类型), in the order the layout or the model gives. */
    private List<RowData> valueRows(RowSpec s, Filter within, int depth, Dim dim) {
        Filter sf = within.and(s.filter());
        List<String> values = new ArrayList<>(r.cube().values(dim, base.and(sf)));
        List<String> order = switch (dim) {
            case FUND -> java.util.Arrays.stream(Fund.values()).map(Fund::label).toList();
            case NATURE -> java.util.Arrays.stream(Nature.values()).map(Nature::label).toList();
            case UNIT_TYPE -> java.util.Arrays.stream(org.budgetpdf.catalog.UnitType.values()).map(org.budgetpdf.catalog.UnitType::label).toList();
            default -> values;
        };
        values.sort(java.util.Comparator.comparingInt(v -> order.indexOf(v) < 0 ? Integer.MAX_VALUE : order.indexOf(v)));
        List<RowData> out = new ArrayList<>();
        for (String v : values) {
            Filter f = sf.and(dim, v);
            if (!keepZero(s) && !has(f)) continue;
            Map<String, String> a = new HashMap<>();
            a.put("名称", s.option("格式", "{名称}").replace("{名称}", v));
            a.put("编码", v);
            if (dim == Dim.PROJECT_TYPE) a.put("项目类型", v);
            out.add(new RowData(style(s, "普通"), a, f, zeros(s), Role.DETAIL, depth, s.pos()));
        }
        return out;
    }

    // ---- header ---------------------------------------------------------------------------------------------------

    static List<Column> leaves(List<Column> cols) {
        List<Column> out = new ArrayList<>();
        for (Column c : cols) {
            if (c.isGroup()) out.addAll(leaves(c.children()));
            else out.add(c);
        }
        return out;
    }

    private static int depth(List<Column> cols) {
        int d = 0;
        for (Column c : cols) d = Math.max(d, c.isGroup() ? 1 + depth(c.children()) : 1);
        return d;
    }

    private static List<List<HeadCell>> header(TableSpec spec, Map<String, String> vars) {
        boolean titled = spec.sides().stream().anyMatch(s -> !s.title().isEmpty());
        int d = spec.sides().stream().mapToInt(s -> depth(s.columns())).max().orElse(1) + (titled ? 1 : 0);
        List<List<HeadCell>> rows = new ArrayList<>();
        for (int i = 0; i < d; i++) rows.add(new ArrayList<>());
        int covered = 0;
        for (int i = 0; i < spec.sides().size(); i++) {
            Side s = spec.sides().get(i);
            int top = 0;
            if (titled && !s.title().isEmpty()) {
                int span = 0;
                for (int k = i; k < Math.min(spec.sides().size(), i + s.titleSpan()); k++) {
                    span += leaves(spec.sides().get(k).columns()).size();
                }
                rows.get(0).add(new HeadCell(fill(s.title(), vars), span, 1));
                covered = s.titleSpan() - 1;
                top = 1;
            } else if (covered > 0) {
                covered--;
                top = 1;
            }
            for (Column c : s.columns()) place(c, top, d - top, rows, vars);
        }
        if (!spec.columnNos().isEmpty()) rows.add(columnNos(spec));
        return rows.stream().map(List::copyOf).toList();
    }

    private static void place(Column c, int row, int avail, List<List<HeadCell>> rows, Map<String, String> vars) {
        if (c.isGroup()) {
            rows.get(row).add(new HeadCell(fill(c.title(), vars), leaves(c.children()).size(), 1));
            for (Column k : c.children()) place(k, row + 1, avail - 1, rows, vars);
        } else {
            rows.get(row).add(new HeadCell(fill(c.title(), vars), 1, avail));
        }
    }

    /** The 栏次 row: "栏次" in the first column of each side, then numbers. */
    private static List<HeadCell> columnNos(TableSpec spec) {
        List<HeadCell> out = new ArrayList<>();
        int n = 1;
        boolean all = spec.columnNos().equals("全部");
        boolean digits = spec.columnNos().equals("数字");
        boolean first = true;
        for (Side s : spec.sides()) {
            boolean firstOfSide = true;
            for (Column c : leaves(s.columns())) {
                if (digits) {
                    out.add(new HeadCell(String.valueOf(n++), 1, 1));
                } else if (all ? first : firstOfSide) {
                    out.add(new HeadCell("栏次", 1, 1));
                } else if (all || c.isAmount()) {
                    out.add(new HeadCell(String.valueOf(n++), 1, 1));
                } else {
                    out.add(new HeadCell("", 1, 1));
                }
                first = false;
                firstOfSide = false;
            }
        }
        return out;
    }

    private static List<String> widths(List<Side> sides) {
        List<Column> all = new ArrayList<>();
        for (Side s : sides) all.addAll(leaves(s.columns()));
        if (all.stream().allMatch(c -> c.width().isEmpty())) return List.of();
        java.math.BigDecimal given = java.math.BigDecimal.ZERO;
        int open = 0;
        for (Column c : all) {
            if (c.width().isEmpty()) open++;
            else given = given.add(new java.math.BigDecimal(c.width()));
        }
        java.math.BigDecimal left = java.math.BigDecimal.valueOf(100).subtract(given).max(java.math.BigDecimal.ZERO);
        String rest = open == 0 ? "0" : left.divide(java.math.BigDecimal.valueOf(open), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return all.stream().map(c -> c.width().isEmpty() ? rest : c.width()).toList();
    }
}
