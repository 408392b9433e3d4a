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
import org.budgetpdf.layout.TableSpec.Column;
import org.budgetpdf.layout.TableSpec.RowSpec;
import org.budgetpdf.layout.TableSpec.Side;
import org.budgetpdf.layout.TableView.Cell;
import org.budgetpdf.layout.TableView.HeadCell;
import org.budgetpdf.model.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Makes a {@link TableView} from a {@link TableSpec}: the header from the column tree, the rows from the row axes,
 * every amount cell {@code sum(scope ∧ table ∧ row ∧ column)} over the realized amounts. Knows dimensions, never a
 * province: everything regional is in the declaration.
 */
public final class TableEngine {
    private static final Map<String, String> KINDS = Map.of("合计", "total", "部门", "dept", "单位", "unit", "类", "class",
            "款", "kuan", "项", "item", "普通", "plain");
    private static final java.util.Set<String> CODE_SHOWS = java.util.Set.of("编码", "类", "款", "项", "单位代码", "行次",
            "序号", "政府编码", "政府类", "政府款", "项目编码");

    private final Realized r;
    private final Catalog cat;
    private final Figures scope;
    private final Filter base;
    /** Whether the file has any amount of the measures the table shows (see {@link TableView#given()}). */
    private final boolean given;

    private TableEngine(Realized r, Figures scope, TableSpec spec) {
        this.r = r;
        this.cat = r.catalog();
        this.scope = scope;
        Filter s = scope.isUnit() ? Filter.of(Dim.UNIT, scope.code()) : Filter.ALL;
        this.base = s.and(spec.filter());
        java.util.Set<String> measures = new java.util.TreeSet<>();
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
        if (measures.isEmpty()) measures.add(org.budgetpdf.model.Measure.SPEND.label());
        this.given = r.cube().has(s.and(Dim.MEASURE, measures));
    }

    private static void collectMeasures(Filter f, java.util.Set<String> out) {
        for (Filter.Constraint c : f.parts()) if (c.dim() == Dim.MEASURE && !c.negate()) out.addAll(c.values());
    }

    /** A row before formatting: its style, the texts of its label columns, and what its amounts add up (null: blank). */
    private record RowData(String style, Map<String, String> attrs, Filter filter, boolean zeros) {
        static RowData blank() {
            return new RowData("普通", new HashMap<>(), null, false);
        }
    }

    public static TableView build(TableSpec spec, Realized r, Figures scope) {
        return new TableEngine(r, scope, spec).make(spec);
    }

    private TableView make(TableSpec spec) {
        Map<String, String> vars = vars();
        List<Side> sides = spec.sides();
        // rows of every side, bodies padded to the same length, tails aligned at the bottom
        List<List<RowData>> bodies = new ArrayList<>();
        List<List<RowData>> tails = new ArrayList<>();
        for (Side s : sides) {
            bodies.add(expand(s.rows(), vars));
            tails.add(expand(s.tail(), vars));
        }
        int bodyLen = bodies.stream().mapToInt(List::size).max().orElse(0);
        int tailLen = tails.stream().mapToInt(List::size).max().orElse(0);
        List<List<RowData>> sideRows = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            List<RowData> rows = new ArrayList<>(bodies.get(i));
            while (rows.size() < bodyLen) rows.add(RowData.blank());
            for (int k = tails.get(i).size(); k < tailLen; k++) rows.add(RowData.blank());
            rows.addAll(tails.get(i));
            sideRows.add(rows);
        }
        int height = bodyLen + tailLen;
        int lineNo = 1;
        for (int i = 0; i < sides.size(); i++) {
            if (!sides.get(i).lineNos()) continue;
            for (RowData row : sideRows.get(i)) row.attrs().put("行次", String.valueOf(lineNo++));
        }

        List<TableView.Row> rows = new ArrayList<>();
        boolean empty = true;
        for (int k = 0; k < height; k++) {
            List<Cell> cells = new ArrayList<>();
            String kind = "plain";
            for (int i = 0; i < sides.size(); i++) {
                RowData row = sideRows.get(i).get(k);
                row.attrs().put("序号", String.valueOf(k + 1));
                String side = KINDS.get(row.style());
                if (i == 0) kind = side;
                // sides of one row may differ (a 类 subtotal beside an item): each cell carries its side's kind
                String mark = sides.size() > 1 && !side.equals("plain") && !side.equals("item") ? " " + side : "";
                for (Column c : leaves(sides.get(i).columns())) {
                    if (!c.isAmount()) {
                        String show = c.show();
                        cells.add(new Cell(row.attrs().getOrDefault(show, ""), (CODE_SHOWS.contains(show) ? "code" : "text") + mark, 1));
                        continue;
                    }
                    if (row.filter() == null) {
                        cells.add(new Cell("", "num" + mark, 1));
                        continue;
                    }
                    Money m = r.cube().sum(base.and(row.filter()).and(c.filter()).resolve(cat));
                    if (!m.isZero()) empty = false;
                    boolean showZero = given && (spec.zeros() || row.zeros() || row.style().equals("合计"));
                    cells.add(new Cell(m.isZero() && !showZero ? "" : m.table(), "num" + mark, 1));
                }
            }
            if (sides.size() > 1) kind = "plain";
            rows.add(new TableView.Row(kind, cells));
        }
        for (TableSpec.FooterRow f : spec.footer()) {
            List<Cell> cells = new ArrayList<>();
            for (TableSpec.FooterCell c : f.cells()) {
                if (c.filter() == null) {
                    cells.add(new Cell(fill(c.text(), vars), "text", c.span()));
                } else {
                    Money m = r.cube().sum(base.and(c.filter()).resolve(cat));
                    if (!m.isZero()) empty = false;
                    cells.add(new Cell(given || !m.isZero() ? m.table() : "", "num", c.span()));
                }
            }
            rows.add(new TableView.Row("total", cells));
        }
        List<String> meta = new ArrayList<>(spec.meta().stream().map(m -> fill(m, vars)).toList());
        while (meta.size() < 3) meta.add(meta.size() == 1 ? "" : "");
        return new TableView(scope.isUnit() ? "u" + scope.code() + "-" + spec.id() : spec.id(), fill(spec.number(), vars),
                fill(spec.title(), vars), List.copyOf(meta), spec.landscape(), spec.compact(), widths(sides),
                header(spec, vars), List.copyOf(rows), empty, given, fill(spec.emptyNote(), vars), fill(spec.note(), vars));
    }

    // ---- placeholders ---------------------------------------------------------------------------------------------

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

    private List<RowData> expand(List<RowSpec> specs, Map<String, String> vars) {
        List<RowData> out = new ArrayList<>();
        for (RowSpec s : specs) {
            boolean zeros = s.option("零值", "").equals("显示");
            switch (s.by()) {
                case "" -> {
                    if (s.option("含零", "是").equals("否") && !has(s.filter())) continue;
                    Map<String, String> a = new HashMap<>();
                    a.put("名称", fill(s.label(), vars));
                    out.add(new RowData(s.style().isEmpty() ? "普通" : s.style(), a, s.filter(), zeros));
                }
                case "空行" -> {
                    int n = Integer.parseInt(s.option("空行", "1"));
                    for (int i = 0; i < n; i++) out.add(RowData.blank());
                }
                case "部门" -> {
                    if (s.option("含零", "是").equals("否") && !has(s.filter())) continue;
                    Map<String, String> a = new HashMap<>();
                    a.put("名称", fill(s.option("格式", "{名称}"), vars));
                    a.put("编码", scope.code());
                    a.put("单位代码", scope.code());
                    if (s.options().containsKey("代码列")) a.put(s.option("代码列", ""), scope.code());
                    out.add(new RowData(style(s, "部门"), a, s.filter(), zeros));
                }
                case "单位" -> {
                    for (Unit u : units()) {
                        if (s.option("含零", "是").equals("否") && !has(s.filter().and(Dim.UNIT, u.code()))) continue;
                        out.add(unitRow(s, u, vars, zeros));
                    }
                }
                case "功能" -> {
                    if (s.option("分单位", "").equals("是")) {
                        for (Unit u : units()) {
                            Filter uf = Filter.of(Dim.UNIT, u.code());
                            if (!has(s.filter().and(uf))) continue;
                            out.add(unitRow(s, u, vars, zeros));
                            for (RowData f : functionRows(s, s.filter().and(uf), zeros)) {
                                f.attrs().put("单位代码", u.code());
                                f.attrs().put("单位名称", u.name());
                                out.add(f);
                            }
                        }
                    } else {
                        out.addAll(functionRows(s, s.filter(), zeros));
                    }
                }
                case "功能类" -> out.addAll(classRows(s, zeros));
                case "经济" -> out.addAll(econRows(s, zeros));
                case "经济列表" -> out.addAll(econListRows(s, zeros));
                case "项目" -> out.addAll(projectRows(s, vars, zeros));
                default -> throw new IllegalStateException("row axis " + s.by());
            }
        }
        return out;
    }

    private List<Unit> units() {
        if (!scope.isUnit()) return r.doc().units();
        return List.of(r.doc().unit(scope.code()));
    }

    private RowData unitRow(RowSpec s, Unit u, Map<String, String> vars, boolean zeros) {
        Map<String, String> a = new HashMap<>();
        Map<String, String> v = new HashMap<>(vars);
        v.put("名称", u.name());
        v.put("代码", u.code());
        a.put("名称", fill(s.option("单位格式", "{名称}"), v));
        a.put("编码", u.code());
        a.put("单位代码", u.code());
        a.put("单位名称", u.name());
        if (s.options().containsKey("代码列")) a.put(s.option("代码列", ""), u.code());
        return new RowData(style(s, "单位"), a, Filter.of(Dim.UNIT, u.code()).and(s.by().equals("单位") ? s.filter() : Filter.ALL), zeros);
    }

    private static String style(RowSpec s, String fallback) {
        return s.style().isEmpty() ? fallback : s.style();
    }

    private boolean has(Filter f) {
        return !r.cube().sum(base.and(f).resolve(cat)).isZero();
    }

    /** 类 / 款 / 项 rows of the 项 that carry a non-zero amount under the table's and the row's filter. */
    private List<RowData> functionRows(RowSpec s, Filter f, boolean zeros) {
        List<String> levels = s.list("层级").isEmpty() ? List.of("类", "款", "项") : s.list("层级");
        List<String> items = new ArrayList<>();
        for (String code : r.cube().values(Dim.FUNCTION, base.and(f))) {
            if (code.length() == 7 && has(f.and(Dim.FUNCTION, code))) items.add(code);
        }
        List<RowData> out = new ArrayList<>();
        String lastClass = "";
        String lastKuan = "";
        for (String item : items) {
            String cls = item.substring(0, 3);
            String kuan = item.substring(0, 5);
            if (!cls.equals(lastClass) && levels.contains("类")) out.add(functionRow(cls, "类", f, zeros));
            if (!kuan.equals(lastKuan) && levels.contains("款")) out.add(functionRow(kuan, "款", f, zeros));
            if (levels.contains("项")) out.add(functionRow(item, "项", f, zeros));
            lastClass = cls;
            lastKuan = kuan;
        }
        return out;
    }

    private RowData functionRow(String code, String level, Filter f, boolean zeros) {
        Map<String, String> a = new HashMap<>();
        a.put("编码", code);
        a.put("类", code.substring(0, 3));
        if (code.length() >= 5) a.put("款", code.substring(3, 5));
        if (code.length() == 7) a.put("项", code.substring(5, 7));
        a.put("名称", scope.functionName(code));
        return new RowData(level, a, f.and(Dim.FUNCTION, code), zeros);
    }

    /** Every 功能分类类 of a list (all of the edition, or the codes given), numbered as the layout asks. */
    private List<RowData> classRows(RowSpec s, boolean zeros) {
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
            a.put("名称", format.replace("{编号}", no).replace("{名称}", scope.functionName(cls)));
            out.add(new RowData(style(s, "普通"), a, s.filter().and(Dim.FUNCTION, cls), zeros));
        }
        return out;
    }

    /** 经济分类 rows of the codes that carry an amount: 类 and 款 as asked, each 款 with its 政府经济分类 when 对照. */
    private List<RowData> econRows(RowSpec s, boolean zeros) {
        List<String> levels = s.list("层级").isEmpty() ? List.of("款") : s.list("层级");
        boolean pairs = r.cube().select(base.and(s.filter())).stream().anyMatch(a -> a.govEcon() != null)
                && s.option("对照", "是").equals("是");
        Map<String, TreeSet<String>> byEcon = new java.util.TreeMap<>();
        for (Atom a : r.cube().select(base.and(s.filter()))) {
            String e = a.fact().econ();
            if (e == null) continue;
            byEcon.computeIfAbsent(e, k -> new TreeSet<>()).add(a.govEcon() == null ? "" : a.govEcon());
        }
        List<RowData> out = new ArrayList<>();
        String lastClass = "";
        for (var e : byEcon.entrySet()) {
            String econ = e.getKey();
            String cls = econ.substring(0, 3);
            if (!cls.equals(lastClass) && levels.contains("类") && has(s.filter().and(Dim.ECON, cls))) {
                out.add(econRow(cls, "", "类", s.filter(), zeros));
            }
            lastClass = cls;
            if (!levels.contains("款")) continue;
            for (String gov : pairs ? e.getValue() : List.of("")) {
                Filter f = s.filter().and(Dim.ECON, econ);
                if (!gov.isEmpty()) f = f.and(Dim.GOV_ECON, gov);
                if (!has(f)) continue;
                out.add(econRow(econ, gov, "项", s.filter(), zeros));
            }
        }
        return out;
    }

    private RowData econRow(String econ, String gov, String style, Filter f, boolean zeros) {
        Map<String, String> a = new HashMap<>();
        a.put("编码", econ);
        a.put("类", econ.substring(0, 3));
        if (econ.length() == 5) a.put("款", econ.substring(3));
        a.put("名称", scope.econName(econ));
        if (!gov.isEmpty()) {
            a.put("政府编码", gov);
            a.put("政府类", gov.substring(0, 3));
            a.put("政府款", gov.substring(3));
            a.put("政府名称", cat.econGovName(gov).orElse(""));
        }
        Filter rf = f.and(Dim.ECON, econ);
        if (!gov.isEmpty()) rf = rf.and(Dim.GOV_ECON, gov);
        return new RowData(style, a, rf, zeros);
    }

    /** A fixed list of 经济分类 类 and 款 (printed whether or not they carry an amount); 补充 adds entered codes. */
    private List<RowData> econListRows(RowSpec s, boolean zeros) {
        List<String> codes = new ArrayList<>(s.list("列表"));
        if (s.option("补充", "").equals("是")) {
            for (String code : r.cube().values(Dim.ECON, base.and(s.filter()))) {
                if (codes.contains(code) || !codes.contains(code.substring(0, 3)) && codes.stream().noneMatch(c -> c.startsWith(code.substring(0, 3)))) continue;
                String cls = code.substring(0, 3);
                int at = codes.indexOf(cls) + 1;
                while (at < codes.size() && codes.get(at).startsWith(cls) && codes.get(at).compareTo(code) < 0) at++;
                codes.add(at, code);
            }
        }
        List<RowData> out = new ArrayList<>();
        for (String code : codes) {
            String style = code.length() == 3 ? "类" : "项";
            RowData row = econRow(code, "", s.style().isEmpty() ? style : s.style(), s.filter(), zeros);
            if (code.length() == 3) row.attrs().put("名称", s.option("类格式", "{名称}").replace("{名称}", row.attrs().get("名称")));
            out.add(row);
        }
        return out;
    }

    /** One row per project (per 功能分类项 of a project with 明细: 是), optionally under unit rows. */
    private List<RowData> projectRows(RowSpec s, Map<String, String> vars, boolean zeros) {
        boolean perUnit = s.option("分单位", "").equals("是");
        boolean lines = s.option("明细", "").equals("是");
        List<ProjectView> projects = scope.projects();
        List<RowData> out = new ArrayList<>();
        for (Unit u : perUnit ? units() : List.<Unit>of()) {
            List<ProjectView> ps = projects.stream().filter(p -> p.unitCode().equals(u.code())).toList();
            if (ps.isEmpty()) continue;
            out.add(unitRow(s, u, vars, zeros));
            for (ProjectView p : ps) out.addAll(projectRow(s, p, lines, zeros));
        }
        if (!perUnit) for (ProjectView p : projects) out.addAll(projectRow(s, p, lines, zeros));
        return out;
    }

    private List<RowData> projectRow(RowSpec s, ProjectView p, boolean lines, boolean zeros) {
        Filter f = s.filter().and(Dim.PROJECT, p.id());
        List<String> fns = lines ? new ArrayList<>(new TreeSet<>(p.lines().stream().map(l -> l.function()).toList()))
                : java.util.Collections.singletonList(null);
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
            out.add(new RowData(style(s, "项"), a, rf, zeros));
        }
        return out;
    }

    // ---- header ---------------------------------------------------------------------------------------------------

    private static List<Column> leaves(List<Column> cols) {
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
