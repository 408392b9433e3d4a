package org.budgetpdf.layout;

import org.budgetpdf.bind.Reader;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.FilterText;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.load.YamlLoader;
import org.budgetpdf.model.DocKind;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the layouts under templates/: each folder with a layout.yaml. Problems in a layout's files are diagnostics
 * with the layout file's line, like problems in a data file.
 */
public final class LayoutLoader {
    public static final String MANIFEST = "layout.yaml";
    private final Path templates;
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();

    public LayoutLoader(Path templates) {
        this.templates = templates;
    }

    /** Source lines of the layout files read so far, by display name (for diagnostics). */
    public List<String> lines(String displayName) {
        SourceFile s = sources.get(displayName);
        return s == null ? List.of() : s.lines();
    }

    /** The folder names that hold a layout.yaml, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(templates)) return List.of();
        try (Stream<Path> s = Files.list(templates)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(MANIFEST))).map(p -> p.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Every layout, for choosing a default; layouts with errors are left out (their diagnostics are in diags). */
    public List<Layout> all(Diagnostics diags) {
        List<Layout> out = new ArrayList<>();
        for (String n : names()) load(n, diags).ifPresent(out::add);
        return out;
    }

    public Optional<Layout> load(String name, Diagnostics diags) {
        Path folder = templates.resolve(name);
        String manifestName = "templates/" + name + "/" + MANIFEST;
        SourceFile src = read(folder.resolve(MANIFEST), manifestName, diags);
        if (src == null || src.root() == null) return Optional.empty();
        int before = (int) diags.errorCount();
        Reader r = new Reader(new Reader.Ctx(manifestName, diags), "", src.root());
        String title = r.str("名称", true);
        DocKind kind = r.label("文档", DocKind.class, true, "文档类型").orElse(DocKind.BUDGET);
        Integer first = null;
        Integer last = null;
        String years = r.str("默认年度", false);
        if (!years.isEmpty()) {
            var m = java.util.regex.Pattern.compile("(\\d{4})\\s*[-–—至]\\s*(\\d{4})?").matcher(years);
            if (m.matches()) {
                first = Integer.parseInt(m.group(1));
                last = m.group(2) == null ? null : Integer.parseInt(m.group(2));
            } else if (years.matches("\\d{4}")) {
                first = last = Integer.parseInt(years);
            } else {
                diags.error("E-LAYOUT", r.posOf("默认年度"), "“默认年度”写成“2025-”“2021-2024”或“2021”",
                        "这个版式是哪些年度的默认版式；不写表示只在数据文件写明“版式:”时使用。");
            }
        }
        String template = r.str("模板", false);
        if (template.isEmpty()) template = "document.ftlh";
        String tablesFile = r.str("表格", false);
        if (tablesFile.isEmpty()) tablesFile = "tables.yaml";
        List<Layout.Need> needs = needs(r, "需要", "用于");
        List<Layout.Need> required = needs(r, "完整性", "规则");
        r.finish();
        if (!Files.isRegularFile(folder.resolve(template))) {
            diags.error("E-LAYOUT", r.posOf("模板"), "版式 " + name + " 的模板文件 " + template + " 不存在",
                    "模板放在 templates/" + name + "/ 下。");
        }
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        Path tablesPath = folder.resolve(tablesFile);
        if (Files.isRegularFile(tablesPath)) {
            String tName = "templates/" + name + "/" + tablesFile;
            SourceFile t = read(tablesPath, tName, diags);
            if (t != null && t.root() != null) tables = new TableReader(new Reader.Ctx(tName, diags)).tables(t.root());
        }
        guardTemplates(folder, folder, "templates/" + name + "/", diags);
        guardTemplates(folder.resolveSibling("common"), folder, "templates/common/", diags);
        if (diags.errorCount() > before) return Optional.empty();
        return Optional.of(new Layout(name, title, kind, first, last, folder, name + "/" + template,
                Collections.unmodifiableMap(tables), needs, required, manifestName));
    }

    /**
     * E-LAYOUT for every use of a built-in a layout may not use and every resource it may not read
     * ({@link TemplateGuard}), in the folder's templates and style sheets; {@code layout} is the folder relative
     * references resolve against.
     */
    private void guardTemplates(Path folder, Path layout, String shownFolder, Diagnostics diags) {
        List<Path> roots = List.of(layout, layout.resolveSibling("common"), templates.resolveSibling("fonts"));
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.(ftl[hx]?|css)") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return; // a missing folder is reported where a template in it is needed
        }
        for (Path f : files) {
            String shown = shownFolder + f.getFileName();
            String text;
            try {
                text = Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                diags.error("E-LAYOUT", SourcePos.fileOnly(shown), "无法读取模板 " + shown, "模板文件要用 UTF-8 保存。");
                continue;
            }
            List<TemplateGuard.Finding> bad = new ArrayList<>(f.toString().endsWith(".css") ? List.of() : TemplateGuard.scan(text));
            bad.addAll(TemplateGuard.resources(f.getFileName().toString(), text, layout, roots));
            if (bad.isEmpty()) continue;
            sources.put(shown, new SourceFile(shown, text.lines().toList(), null, f));
            for (TemplateGuard.Finding b : bad) {
                diags.error("E-LAYOUT", new SourcePos(shown, b.line(), b.col()), b.length(), b.message(), b.hint());
            }
        }
    }

    private SourceFile read(Path file, String displayName, Diagnostics diags) {
        SourceFile s = new YamlLoader().load(file, displayName, diags);
        sources.put(displayName, s);
        return s;
    }

    private static List<Layout.Need> needs(Reader r, String key, String why) {
        List<Layout.Need> out = new ArrayList<>();
        for (Reader n : r.list(key, false)) {
            out.add(new Layout.Need(n.str("项", true), n.str(why, true), n.posOf("项")));
            n.finish();
        }
        return List.copyOf(out);
    }

    /** tables.yaml: a mapping from table keys to declarations. */
    private static final class TableReader {
        private final Reader.Ctx ctx;

        TableReader(Reader.Ctx ctx) {
            this.ctx = ctx;
        }

        Map<String, TableSpec> tables(Node root) {
            Map<String, TableSpec> out = new LinkedHashMap<>();
            Reader top = new Reader(ctx, "", root);
            int i = 0;
            for (NodeTuple t : top.tuples()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue().strip();
                Optional<Reader> r = top.obj(key, true);
                i++;
                if (r.isPresent()) out.put(key, table(key, "t" + i, r.get()));
            }
            return out;
        }

        TableSpec table(String key, String defaultId, Reader r) {
            String id = r.str("编号", false);
            List<String> meta = r.strList("表头信息", false);
            boolean landscape = r.str("方向", false).equals("横向");
            boolean compact = yes(r, "紧凑");
            Filter filter = filter(r, "取");
            List<TableSpec.Side> sides = new ArrayList<>();
            if (r.has("左右")) {
                for (Reader s : r.list("左右", true)) sides.add(side(s, s.str("标题", false)));
            } else {
                sides.add(side(r, ""));
            }
            List<TableSpec.FooterRow> footer = new ArrayList<>();
            for (Node row : seq(r, "尾行")) footer.add(footerRow(row));
            String nos = r.str("栏次", false);
            if (!nos.isEmpty() && !List.of("金额", "全部", "数字").contains(nos)) {
                ctx.diags().error("E-LAYOUT", r.posOf("栏次"), "“栏次”只能写“金额”“全部”或“数字”",
                        "金额：只给金额列编号；全部：第一列之后的每一列编号；数字：每一列编号，不写“栏次”二字。");
            }
            TableSpec spec = new TableSpec(key, id.isEmpty() ? defaultId : id, r.str("表号", false), r.str("标题", true),
                    meta, landscape, compact, filter, List.copyOf(sides), List.copyOf(footer), nos,
                    r.str("零值", false).equals("显示"), r.str("空表说明", false), r.str("注", false), r.pos());
            r.finish();
            return spec;
        }

        private TableSpec.Side side(Reader r, String title) {
            List<TableSpec.Column> cols = columns(r, "列");
            List<TableSpec.RowSpec> rows = rows(r, "行");
            List<TableSpec.RowSpec> tail = rows(r, "尾");
            boolean lineNos = cols.stream().anyMatch(c -> c.show().equals("行次"));
            int span = 1;
            if (r.where().contains("左右")) {
                if (r.has("标题跨")) span = Math.max(1, r.count("标题跨", false));
                r.finish();
            }
            return new TableSpec.Side(title, span, cols, rows, tail, lineNos);
        }

        private List<TableSpec.Column> columns(Reader r, String key) {
            List<TableSpec.Column> out = new ArrayList<>();
            for (Reader c : r.list(key, true)) out.add(column(c));
            if (out.isEmpty() && r.isMapping() && r.has(key)) {
                ctx.diags().error("E-LAYOUT", r.posOf(key), "“" + key + "”下没有列", "每列写 {标题: …, 显示: …} 或 {标题: …, 取: {…}}。");
            }
            return List.copyOf(out);
        }

        private static final List<String> SHOWS = List.of("名称", "编码", "类", "款", "项", "单位代码", "单位名称", "行次",
                "序号", "政府编码", "政府类", "政府款", "政府名称", "项目类型", "项目单位", "项目编码", "项目内容", "空");

        private TableSpec.Column column(Reader c) {
            String title = c.str("标题", false);
            String show = c.str("显示", false);
            String width = c.str("宽", false);
            List<TableSpec.Column> children = c.has("下") ? columns(c, "下") : List.of();
            Filter f = c.has("取") ? filter(c, "取") : Filter.ALL;
            if (!show.isEmpty() && !SHOWS.contains(show)) {
                ctx.diags().error("E-LAYOUT", c.posOf("显示"), "“显示”的值“" + show + "”不认识",
                        "可用：" + String.join("、", SHOWS) + "。金额列不写“显示”，写“取”。");
            }
            if (!show.isEmpty() && (c.has("取") || !children.isEmpty())) {
                ctx.diags().error("E-LAYOUT", c.pos(), "一列只能是文字列（显示）、金额列（取）或分组（下）之一", "分成几列来写。");
            }
            c.finish();
            return new TableSpec.Column(title, show, f, width, children);
        }

        private static final List<String> ROW_OPTIONS = List.of("层级", "分单位", "类", "编号", "格式", "列表", "补充", "明细",
                "空行", "零值", "单位格式", "含零", "对照", "代码列", "类格式");

        private List<TableSpec.RowSpec> rows(Reader r, String key) {
            List<TableSpec.RowSpec> out = new ArrayList<>();
            for (Reader x : r.list(key, false)) {
                String by = x.str("按", false);
                String label = x.str("名称", false);
                Filter f = x.has("取") ? filter(x, "取") : Filter.ALL;
                String style = x.str("样式", false);
                Map<String, Object> options = new LinkedHashMap<>();
                for (String o : ROW_OPTIONS) {
                    Node v = x.value(o);
                    if (v != null) options.put(o, plain(v));
                }
                if (options.containsKey("空行")) by = "空行";
                List<String> axes = List.of("", "功能", "功能类", "经济", "经济列表", "单位", "部门", "项目", "空行");
                if (!axes.contains(by)) {
                    ctx.diags().error("E-LAYOUT", x.posOf("按"), "“按”的值“" + by + "”不认识",
                            "可用：功能、功能类、经济、经济列表、单位、部门、项目；固定行不写“按”，写“名称”和“取”。");
                }
                if (!style.isEmpty() && !List.of("合计", "部门", "单位", "类", "款", "项", "普通").contains(style)) {
                    ctx.diags().error("E-LAYOUT", x.posOf("样式"), "“样式”的值“" + style + "”不认识", "可用：合计、部门、单位、类、款、项、普通。");
                }
                x.finish();
                out.add(new TableSpec.RowSpec(by, label, f, style, Collections.unmodifiableMap(options), x.pos()));
            }
            return List.copyOf(out);
        }

        private TableSpec.FooterRow footerRow(Node row) {
            List<TableSpec.FooterCell> cells = new ArrayList<>();
            if (!(row instanceof SequenceNode s)) {
                ctx.diags().error("E-LAYOUT", ctx.pos(row), "“尾行”的每一行是一个单元格列表", "例如 - [{名称: 合计, 跨: 2}, {取: {}}]");
                return new TableSpec.FooterRow(List.of(), "合计");
            }
            for (Node n : s.getValue()) {
                Reader c = new Reader(ctx, "尾行", n);
                int span = c.has("跨") ? c.count("跨", false) : 1;
                cells.add(new TableSpec.FooterCell(c.str("名称", false), c.has("取") ? filter(c, "取") : null, Math.max(1, span)));
                c.finish();
            }
            return new TableSpec.FooterRow(List.copyOf(cells), "合计");
        }

        private static List<Node> seq(Reader r, String key) {
            Node v = r.value(key);
            return v instanceof SequenceNode s ? s.getValue() : List.of();
        }

        private static boolean yes(Reader r, String key) {
            return r.str(key, false).equals("是");
        }

        private static Object plain(Node v) {
            if (v instanceof ScalarNode s) return s.getValue().strip();
            if (v instanceof SequenceNode s) {
                List<String> out = new ArrayList<>();
                for (Node n : s.getValue()) if (n instanceof ScalarNode x) out.add(x.getValue().strip());
                return List.copyOf(out);
            }
            return "";
        }

        /** A 取 mapping → {@link Filter}; an unknown dimension or value is an error at its line. */
        private Filter filter(Reader r, String key) {
            Node v = r.value(key);
            if (v == null) return Filter.ALL;
            if (!(v instanceof MappingNode m)) {
                ctx.diags().error("E-LAYOUT", ctx.pos(v), "“取”应当写成 {维度: 值}", "例如 取: {资金: 一般公共预算, 性质: 基本}；取全部写 取: {}。");
                return Filter.ALL;
            }
            Map<String, List<String>> spec = new LinkedHashMap<>();
            Map<String, List<String>> not = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String dim = ((ScalarNode) t.getKeyNode()).getValue().strip();
                if (dim.equals("非") && t.getValueNode() instanceof MappingNode n) {
                    for (NodeTuple x : n.getValue()) not.put(((ScalarNode) x.getKeyNode()).getValue().strip(), values(x.getValueNode()));
                } else {
                    spec.put(dim, values(t.getValueNode()));
                }
            }
            try {
                return FilterText.of(spec, not);
            } catch (IllegalArgumentException e) {
                ctx.diags().error("E-LAYOUT", ctx.pos(v), e.getMessage(), "取数条件的写法见 templates/README.md。");
                return Filter.ALL;
            }
        }

        private static List<String> values(Node v) {
            Object o = plain(v);
            if (o instanceof List<?> l) return l.stream().map(String::valueOf).toList();
            return List.of(String.valueOf(o));
        }
    }
}
