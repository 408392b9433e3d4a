package org.budgetpdf.layout;

import org.budgetpdf.bind.Binder;
import org.budgetpdf.bind.Reader;
import org.budgetpdf.bind.Suggest;
import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.FilterText;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.load.YamlLoader;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Extra;
import org.budgetpdf.model.Measure;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the layouts under templates/: each folder with a layout.yaml. A layout folder is checked as strictly as a data
 * file, and its problems are diagnostics with the layout file's line: the files it names exist; every placeholder,
 * every 取 dimension and value, every row axis and its options are known (with a 是不是… suggestion); its 词表 places
 * each value once; its templates use no forbidden built-in ({@link TemplateGuard}) and name only tables, funds, 项目类型
 * … that exist ({@link TemplateRefs}). What depends on a data file (every 合计 the sum of its parts) is checked with
 * that file ({@link TableEngine#audit}).
 */
public final class LayoutLoader {
    public static final String MANIFEST = "layout.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
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

    /** Every layout that loads without errors (their diagnostics are in diags). */
    public List<Layout> all(Diagnostics diags) {
        List<Layout> out = new ArrayList<>();
        for (String n : names()) load(n, diags).ifPresent(out::add);
        return out;
    }

    /** What a layout.yaml says about when it is the default (read on its own: a layout with errors still claims years). */
    public record Claim(String name, DocKind kind, int first, Integer last, SourcePos pos) {
        boolean overlaps(Claim o) {
            int end = last == null ? Integer.MAX_VALUE : last;
            int oEnd = o.last == null ? Integer.MAX_VALUE : o.last;
            return kind == o.kind && first <= oEnd && o.first <= end;
        }

        String years() {
            return first + "–" + (last == null ? "" : String.valueOf(last));
        }
    }

    /**
     * E-LAYOUT when two layouts claim the same 默认年度 for one 文档: which of them a file without 版式 gets would depend
     * on the folders' names. Reported at the second layout.yaml's 默认年度.
     */
    public void overlappingDefaults(Diagnostics diags) {
        List<Claim> claims = new ArrayList<>();
        for (String n : names()) claim(n).ifPresent(claims::add);
        for (int i = 0; i < claims.size(); i++) {
            for (int k = 0; k < i; k++) {
                Claim a = claims.get(k);
                Claim b = claims.get(i);
                if (!b.overlaps(a)) continue;
                diags.error("E-LAYOUT", b.pos(), "版式 " + b.name() + " 和 " + a.name() + "（" + a.pos() + "）都声明是"
                                + a.kind().label() + " " + b.years() + " 年的默认版式，年度重叠",
                        "每个年度只能有一个默认版式：改正其中一个的“默认年度”，或删去它（删去后只在数据文件写明“版式:”时使用）。");
            }
        }
    }

    private Optional<Claim> claim(String name) {
        String manifestName = "templates/" + name + "/" + MANIFEST;
        Diagnostics ignored = new Diagnostics();
        SourceFile src = read(templates.resolve(name).resolve(MANIFEST), manifestName, ignored);
        if (src == null || src.root() == null) return Optional.empty();
        Reader r = new Reader(new Reader.Ctx(manifestName, ignored), "", src.root());
        DocKind kind = r.label("文档", DocKind.class, false, "文档类型").orElse(null);
        Integer[] years = years(r.str("默认年度", false));
        if (kind == null || years == null || years[0] == null) return Optional.empty();
        return Optional.of(new Claim(name, kind, years[0], years[1], r.posOf("默认年度")));
    }

    /** “2025-” → {2025, null}; “2021-2024” → {2021, 2024}; “2021” → {2021, 2021}; "" → {null, null}; bad → null. */
    private static Integer[] years(String text) {
        if (text.isEmpty()) return new Integer[]{null, null};
        Matcher m = Pattern.compile("(\\d{4})\\s*[-–—至]\\s*(\\d{4})?").matcher(text);
        if (m.matches()) return new Integer[]{Integer.parseInt(m.group(1)), m.group(2) == null ? null : Integer.parseInt(m.group(2))};
        if (text.matches("\\d{4}")) return new Integer[]{Integer.parseInt(text), Integer.parseInt(text)};
        return null;
    }

    public Optional<Layout> load(String name, Diagnostics diags) {
        Path folder = templates.resolve(name);
        String shownFolder = "templates/" + name + "/";
        String manifestName = shownFolder + MANIFEST;
        SourceFile src = read(folder.resolve(MANIFEST), manifestName, diags);
        if (src == null || src.root() == null) return Optional.empty();
        long before = diags.errorCount();
        Reader r = new Reader(new Reader.Ctx(manifestName, diags), "", src.root());
        String title = r.str("名称", true);
        DocKind kind = r.label("文档", DocKind.class, true, "文档类型").orElse(DocKind.BUDGET);
        Integer[] years = years(r.str("默认年度", false));
        if (years == null) {
            diags.error("E-LAYOUT", r.posOf("默认年度"), "“默认年度”写成“2025-”“2021-2024”或“2021”",
                    "这个版式是哪些年度的默认版式；不写表示只在数据文件写明“版式:”时使用。");
            years = new Integer[]{null, null};
        }
        String template = named(r, "模板", "document.ftlh", folder, name, diags, true);
        String tablesFile = named(r, "表格", "tables.yaml", folder, name, diags, r.has("表格"));
        List<Layout.Need> needs = needs(r, "需要", "用于", true);
        List<Layout.Need> required = needs(r, "完整性", "规则", false);
        Map<String, Vocabulary> vocab = vocabulary(r, diags);
        List<String> mentions = r.strList(Layout.MENTIONS, false);
        r.finish();
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        Path tablesPath = folder.resolve(tablesFile);
        if (Files.isRegularFile(tablesPath)) {
            String tName = shownFolder + tablesFile;
            SourceFile t = read(tablesPath, tName, diags);
            if (t != null && t.root() != null) {
                tables = new TableReader(new Reader.Ctx(tName, diags), vocab.get(Layout.PROJECT_TYPE), t.lines()).tables(t.root());
            }
        }
        Layout layout = new Layout(name, title, kind, years[0], years[1], folder, name + "/" + template,
                Collections.unmodifiableMap(tables), needs, required, manifestName, vocab, List.copyOf(mentions));
        checkTemplates(folder, folder, shownFolder, layout, diags);
        checkTemplates(folder.resolveSibling("common"), folder, "templates/common/", null, diags);
        if (diags.errorCount() > before) return Optional.empty();
        return Optional.of(layout);
    }

    /**
     * A file the manifest names (模板, 表格): its name, the default when not written. A file written in the manifest must
     * exist (a missing tables.yaml is not a layout without tables); the default template must exist too.
     */
    private static String named(Reader r, String key, String fallback, Path folder, String layout, Diagnostics diags,
                                boolean mustExist) {
        String file = r.str(key, false);
        if (file.isEmpty()) file = fallback;
        Path p = folder.resolve(file).normalize();
        if (!p.startsWith(folder)) {
            diags.error("E-LAYOUT", r.posOf(key), "“" + key + "”的文件 " + file + " 不在版式文件夹 templates/" + layout + "/ 中",
                    "版式只能用自己文件夹里的文件。");
        } else if (mustExist && !Files.isRegularFile(p)) {
            diags.error("E-LAYOUT", r.posOf(key), "版式 " + layout + " 的" + key + "文件 " + file + " 不存在",
                    key.equals("表格") ? "把表格声明文件放在 templates/" + layout + "/ 下；这个版式确实没有表格时删去“表格:”一行。"
                            : "模板放在 templates/" + layout + "/ 下。");
        }
        return file;
    }

    /**
     * The templates and style sheets of a folder: forbidden built-ins and resources a layout may not read
     * ({@link TemplateGuard}), and (for a layout's own folder) names that do not exist ({@link TemplateRefs});
     * {@code base} is the folder relative references resolve against.
     */
    private void checkTemplates(Path folder, Path base, String shownFolder, Layout layout, Diagnostics diags) {
        List<Path> roots = List.of(base, base.resolveSibling("common"), templates.resolveSibling("fonts"));
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
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                diags.error("E-LAYOUT", SourcePos.fileOnly(shown), "无法读取模板 " + shown, "模板文件要用 UTF-8 保存。");
                continue;
            }
            sources.put(shown, new SourceFile(shown, text.lines().toList(), null, f));
            List<TemplateGuard.Finding> bad = new ArrayList<>(f.toString().endsWith(".css") ? List.of() : TemplateGuard.scan(text));
            bad.addAll(TemplateGuard.resources(f.getFileName().toString(), text, base, roots));
            if (f.getFileName().toString().equals(TemplateGuard.WEB_STYLESHEET)) bad.addAll(TemplateGuard.webStylesheet(text));
            for (TemplateGuard.Finding b : bad) {
                diags.error("E-LAYOUT", new SourcePos(shown, b.line(), b.col()), b.length(), b.message(), b.hint());
            }
            if (layout == null) continue;
            for (TemplateRefs.Finding b : TemplateRefs.scan(text, layout)) {
                diags.error("E-LAYOUT", new SourcePos(shown, b.line(), b.col()), b.length(), b.message(), b.hint());
            }
        }
    }

    private SourceFile read(Path file, String displayName, Diagnostics diags) {
        SourceFile s = new YamlLoader().load(file, displayName, diags);
        sources.put(displayName, s);
        return s;
    }

    private static final List<String> WHEN_MISSING = List.of("不印", "空白");

    private static List<Layout.Need> needs(Reader r, String key, String why, boolean printed) {
        List<Layout.Need> out = new ArrayList<>();
        for (Reader n : r.list(key, false)) {
            String whenMissing = printed ? n.str("缺时", true) : "";
            if (printed && !whenMissing.isEmpty() && !WHEN_MISSING.contains(whenMissing) && whenMissing.length() > 4) {
                r.ctx().diags().error("E-LAYOUT", n.posOf("缺时"), "“缺时”写“不印”（这一部分整段不印）、“空白”（表中这一项印空白）"
                        + "或表格里印的符号（如“—”），不是“" + whenMissing + "”", "检查器用它告诉经办人缺少这一项时文档印什么。");
            }
            out.add(new Layout.Need(n.str("项", true), n.str(why, true), whenMissing, n.posOf("项")));
            n.finish();
        }
        return List.copyOf(out);
    }

    /** 词表: the layout's words for 项目类型 (category → the data values it takes). */
    private static Map<String, Vocabulary> vocabulary(Reader r, Diagnostics diags) {
        Map<String, Vocabulary> out = new LinkedHashMap<>();
        Optional<Reader> v = r.obj("词表", false);
        if (v.isEmpty()) return out;
        for (NodeTuple t : v.get().tuples()) {
            String dim = ((ScalarNode) t.getKeyNode()).getValue().strip();
            SourcePos at = r.ctx().pos(t.getKeyNode());
            if (!dim.equals(Layout.PROJECT_TYPE)) {
                diags.error("E-LAYOUT", at, "“词表”只能写“项目类型”，不能写“" + dim + "”",
                        "资金来源、单位类型等是全国统一的名称，数据和版式都用同一套；各地叫法不同的只有项目类型。");
                v.get().value(dim);
                continue;
            }
            Reader cats = v.get().obj(dim, true).orElse(null);
            if (cats == null) continue;
            Map<String, List<String>> categories = new LinkedHashMap<>();
            Map<String, String> owner = new LinkedHashMap<>();
            for (NodeTuple c : cats.tuples()) {
                String cat = ((ScalarNode) c.getKeyNode()).getValue().strip();
                List<String> values = new ArrayList<>();
                values.add(cat);
                if (c.getValueNode() instanceof ScalarNode s && !s.getValue().isBlank()) values.add(s.getValue().strip());
                else if (c.getValueNode() instanceof SequenceNode) values.addAll(cats.strList(cat, false));
                else cats.value(cat);
                for (String value : List.copyOf(values)) {
                    String first = owner.putIfAbsent(value, cat);
                    if (first != null && !first.equals(cat)) {
                        diags.error("E-LAYOUT", r.ctx().pos(c.getKeyNode()), "“" + value + "”在词表中既归入“" + first + "”又归入“"
                                + cat + "”", "每个数据中的写法只能归入一类。");
                    }
                }
                categories.put(cat, List.copyOf(new LinkedHashSet<>(values)));
            }
            cats.finish();
            out.put(dim, new Vocabulary(dim, Collections.unmodifiableMap(categories), at));
        }
        v.get().finish();
        return Collections.unmodifiableMap(out);
    }

    /** tables.yaml: a mapping from table keys to declarations. */
    private static final class TableReader {
        private final Reader.Ctx ctx;
        private final Vocabulary projectTypes;
        private final List<String> lines;

        TableReader(Reader.Ctx ctx, Vocabulary projectTypes, List<String> lines) {
            this.ctx = ctx;
            this.projectTypes = projectTypes;
            this.lines = lines;
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
            for (int k = 0; k < meta.size(); k++) placeholders(r, "表头信息", meta.get(k), TableEngine.PLACEHOLDERS);
            String direction = r.str("方向", false);
            if (!direction.isEmpty() && !List.of("横向", "纵向").contains(direction)) {
                ctx.diags().error("E-LAYOUT", r.posOf("方向"), "“方向”只能写“横向”或“纵向”，不是“" + direction + "”", "宽表写“横向”。");
            }
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
            String zeros = r.str("零值", false);
            if (!zeros.isEmpty() && !zeros.equals("显示")) {
                ctx.diags().error("E-LAYOUT", r.posOf("零值"), "“零值”只能写“显示”", "写“零值: 显示”时全表的 0 印成 0.00；不写时 0 留空，只有合计行印 0.00（这一列都空着、数据也没写 0 的除外）。");
            }
            String claim = r.str("合计", false);
            if (!claim.isEmpty() && !TableAudit.CLAIMS.containsKey(claim)) {
                ctx.diags().error("E-LAYOUT", r.posOf("合计"), "“合计”写的“" + claim + "”不是可核对的数"
                        + guess(claim, TableAudit.CLAIMS.keySet()), "可写：" + String.join("、", TableAudit.CLAIMS.keySet()) + "。");
            }
            String title = r.str("标题", true);
            placeholders(r, "标题", title, TableEngine.PLACEHOLDERS);
            String number = r.str("表号", false);
            placeholders(r, "表号", number, TableEngine.PLACEHOLDERS);
            String emptyNote = r.str("空表说明", false);
            placeholders(r, "空表说明", emptyNote, TableEngine.PLACEHOLDERS);
            String note = r.str("注", false);
            placeholders(r, "注", note, TableEngine.PLACEHOLDERS);
            TableSpec spec = new TableSpec(key, id.isEmpty() ? defaultId : id, number, title, meta,
                    direction.equals("横向"), compact, filter, List.copyOf(sides), List.copyOf(footer), nos,
                    zeros.equals("显示"), emptyNote, note, claim, r.posOf("合计"), r.str("缺项", false), r.pos());
            r.finish();
            return spec;
        }

        private TableSpec.Side side(Reader r, String title) {
            placeholders(r, "标题", title, TableEngine.PLACEHOLDERS);
            List<TableSpec.Column> cols = columns(r, "列");
            List<TableSpec.RowSpec> rows = rows(r, "行");
            List<TableSpec.RowSpec> tail = rows(r, "尾");
            boolean lineNos = TableEngine.leaves(cols).stream().anyMatch(c -> c.show().equals("行次"));
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
            placeholders(c, "标题", title, TableEngine.PLACEHOLDERS);
            String show = c.str("显示", false);
            String width = c.str("宽", false);
            if (!width.isEmpty() && !width.matches("\\d+(\\.\\d+)?")) {
                ctx.diags().error("E-LAYOUT", c.posOf("宽"), "“宽”写百分比的数字，例如 12 或 7.5，不是“" + width + "”", "不写“宽”的列平分剩下的宽度。");
                width = "";
            }
            List<TableSpec.Column> children = c.has("下") ? columns(c, "下") : List.of();
            Filter f = c.has("取") ? filter(c, "取") : Filter.ALL;
            if (!show.isEmpty() && !SHOWS.contains(show)) {
                ctx.diags().error("E-LAYOUT", c.posOf("显示"), "“显示”的值“" + show + "”不认识" + guess(show, SHOWS),
                        "可用：" + String.join("、", SHOWS) + "。金额列不写“显示”，写“取”。");
            }
            if (!show.isEmpty() && (c.has("取") || !children.isEmpty())) {
                ctx.diags().error("E-LAYOUT", c.pos(), "一列只能是文字列（显示）、金额列（取）或分组（下）之一", "分成几列来写。");
            }
            c.finish();
            return new TableSpec.Column(title, show, f, width, children, c.pos());
        }

        private List<TableSpec.RowSpec> rows(Reader r, String key) {
            List<TableSpec.RowSpec> out = new ArrayList<>();
            for (Reader x : r.list(key, false)) out.add(row(x));
            return List.copyOf(out);
        }

        /**
         * One entry of 行/尾: a fixed row, or an axis of {@link TableEngine#AXES} with the options that axis accepts
         * (an option another axis takes, or a misspelt one, is an error, never silently ignored).
         */
        private TableSpec.RowSpec row(Reader x) {
            String by = x.str("按", false);
            boolean blank = x.has("空行");
            if (blank && by.isEmpty()) by = "空行";
            TableEngine.Axis axis = TableEngine.AXES.get(by);
            if (!by.isEmpty() && axis == null) {
                ctx.diags().error("E-LAYOUT", x.posOf("按"), "“按”的值“" + by + "”不认识" + guess(by, TableEngine.AXES.keySet()),
                        "可用：" + String.join("、", TableEngine.AXES.keySet()) + "；固定行不写“按”，写“名称”和“取”。");
            }
            Set<String> allowed = new LinkedHashSet<>(by.isEmpty() ? TableEngine.FIXED_OPTIONS : TableEngine.COMMON_OPTIONS);
            if (axis != null) {
                allowed.addAll(axis.options());
                if (axis.nests()) allowed.add("下");
            }
            allowed.add("按");
            Map<String, Object> options = new LinkedHashMap<>();
            for (NodeTuple t : x.tuples()) {
                String k = ((ScalarNode) t.getKeyNode()).getValue().strip();
                if (!allowed.contains(k)) {
                    String what = by.isEmpty() ? "固定行（不写“按”）" : "“按: " + by + "”";
                    List<String> own = new ArrayList<>(allowed);
                    own.remove("按");
                    ctx.diags().error("E-LAYOUT", ctx.pos(t.getKeyNode()), "“" + k + "”不适用于" + what + guess(k, own),
                            what + "可用：" + String.join("、", own) + "。各种“按”的选项见 templates/README.md“行”一节。");
                    x.value(k);
                    continue;
                }
                if (k.equals("按") || k.equals("取") || k.equals("下") || k.equals("名称") || k.equals("样式")) continue;
                Node v = x.value(k);
                options.put(k, plain(v));
                optionValue(x, k, plain(v));
            }
            String label = x.str("名称", false);
            placeholders(x, "名称", label, TableEngine.PLACEHOLDERS);
            Filter f = x.has("取") ? filter(x, "取") : Filter.ALL;
            String style = x.str("样式", false);
            if (!style.isEmpty() && !List.of("合计", "部门", "单位", "类", "款", "项", "普通").contains(style)) {
                ctx.diags().error("E-LAYOUT", x.posOf("样式"), "“样式”的值“" + style + "”不认识", "可用：合计、部门、单位、类、款、项、普通。");
            }
            TableSpec.RowSpec sub = null;
            if (x.has("下")) {
                Optional<Reader> s = x.obj("下", false);
                if (s.isPresent() && s.get().isMapping()) {
                    sub = row(s.get());
                    if (sub.by().isEmpty()) {
                        ctx.diags().error("E-LAYOUT", x.posOf("下"), "“下”里要写“按”：每一行之下再按什么分行",
                                "例如 下: {按: 功能, 层级: [项]}。");
                    }
                }
            }
            x.finish();
            return new TableSpec.RowSpec(by, label, f, style, Collections.unmodifiableMap(options), sub, x.pos());
        }

        private static final Map<String, List<String>> CHOICES = Map.ofEntries(Map.entry("分单位", List.of("是", "否")),
                Map.entry("补充", List.of("是", "否")), Map.entry("明细", List.of("是", "否")), Map.entry("对照", List.of("是", "否")),
                Map.entry("含零", List.of("是", "否")), Map.entry("零值", List.of("显示")),
                Map.entry("编号", List.of("科目表", "顺序", "无")), Map.entry("空", List.of("是")));

        /** The values of the options that take one of a few words, a level list, codes or placeholders. */
        private void optionValue(Reader x, String key, Object value) {
            SourcePos at = x.posOf(key);
            List<String> values = value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
            List<String> choices = CHOICES.get(key);
            if (choices != null && !choices.contains(values.get(0))) {
                ctx.diags().error("E-LAYOUT", at, "“" + key + "”只能写" + String.join("或", choices.stream().map(c -> "“" + c + "”").toList())
                        + "，不是“" + values.get(0) + "”" + guess(values.get(0), choices), "写法见 templates/README.md“行”一节。");
            }
            switch (key) {
                case "层级" -> {
                    for (String v : values) if (!List.of("类", "款", "项").contains(v)) {
                        ctx.diags().error("E-LAYOUT", at, "“层级”只能列出 类、款、项，不是“" + v + "”", "例如 层级: [类, 款, 项]。");
                    }
                }
                case "类" -> {
                    for (String v : values) if (!v.equals("全部") && !v.matches("\\d{3}")) {
                        ctx.diags().error("E-LAYOUT", at, "“类”写“全部”或 3 位的功能分类类编码，不是“" + v + "”", "例如 类: [201, 208, 210]。");
                    }
                }
                case "列表" -> {
                    for (String v : values) if (!v.matches("\\d{3}|\\d{5}")) {
                        ctx.diags().error("E-LAYOUT", at, "“列表”写 3 位或 5 位的经济分类编码，不是“" + v + "”", "例如 列表: [301, 30101, 30102]。");
                    }
                }
                case "级" -> {
                    if (!values.get(0).matches("[1-4]")) {
                        ctx.diags().error("E-LAYOUT", at, "“级”写 1 到 4（一、为 1 级，（一）为 2 级……），不是“" + values.get(0) + "”",
                                "只在行的名称看不出它属于哪一行时写，例如“其中：公务用车购置费”“公务用车运行维护费”都写 级: 2。");
                    }
                }
                case "空行" -> {
                    if (!values.get(0).matches("\\d{1,2}")) {
                        ctx.diags().error("E-LAYOUT", at, "“空行”写空几行（数字），不是“" + values.get(0) + "”", "例如 空行: 3。");
                    }
                }
                case "格式" -> placeholders(x, key, values.get(0), List.of("编号", "名称", "年度", "上年", "代码", "部门", "部门代码", "主体"));
                case "单位格式" -> placeholders(x, key, values.get(0), List.of("名称", "代码", "年度", "上年", "部门", "部门代码", "主体"));
                case "类格式" -> placeholders(x, key, values.get(0), List.of("名称"));
                default -> {
                }
            }
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
                String text = c.str("名称", false);
                placeholders(c, "名称", text, TableEngine.PLACEHOLDERS);
                cells.add(new TableSpec.FooterCell(text, c.has("取") ? filter(c, "取") : null, Math.max(1, span)));
                c.finish();
            }
            return new TableSpec.FooterRow(List.copyOf(cells), "合计");
        }

        /** Every {…} in a text is a placeholder the field knows ({年份} is not {年度}: it would print as written). */
        private void placeholders(Reader r, String key, String text, List<String> known) {
            if (text == null || text.indexOf('{') < 0) return;
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                String name = m.group(1).strip();
                if (known.contains(name)) continue;
                SourcePos at = r.posOf(key);
                int col = column(at, "{" + m.group(1) + "}");
                ctx.diags().error("E-LAYOUT", new SourcePos(at.file(), at.line(), col), m.group().length(),
                        "占位符“" + m.group() + "”不认识，会原样印出" + guess(name, known),
                        "这里可用的占位符：" + String.join("、", known.stream().map(k -> "{" + k + "}").toList()) + "。");
            }
        }

        /** The column of a text on the line of a value (a placeholder inside a flow mapping), else the value's. */
        private int column(SourcePos at, String needle) {
            if (at.line() < 1 || at.line() > lines.size()) return at.col();
            int i = lines.get(at.line() - 1).indexOf(needle, Math.max(0, at.col() - 1));
            return i < 0 ? at.col() : lines.get(at.line() - 1).codePointCount(0, i) + 1;
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

        /**
         * A 取 mapping → {@link Filter}; an unknown dimension or value is an error at its line: dimensions, funds,
         * measures, 性质, 单位类型, 细目 (the single figures a file can give) and 项目类型 (the layout's 词表 categories).
         */
        private Filter filter(Reader r, String key) {
            Node v = r.value(key);
            if (v == null) return Filter.ALL;
            if (!(v instanceof MappingNode m)) {
                ctx.diags().error("E-LAYOUT", ctx.pos(v), "“取”应当写成 {维度: 值}", "例如 取: {资金: 一般公共预算, 性质: 基本}；取全部写 取: {}。");
                return Filter.ALL;
            }
            Map<String, List<String>> spec = new LinkedHashMap<>();
            Map<String, List<String>> not = new LinkedHashMap<>();
            Map<String, Node> at = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String dim = ((ScalarNode) t.getKeyNode()).getValue().strip();
                if (dim.equals("非") && t.getValueNode() instanceof MappingNode n) {
                    for (NodeTuple x : n.getValue()) {
                        String d = ((ScalarNode) x.getKeyNode()).getValue().strip();
                        not.put(d, values(x.getValueNode()));
                        at.put("非." + d, x.getValueNode());
                    }
                } else {
                    spec.put(dim, values(t.getValueNode()));
                    at.put(dim, t.getValueNode());
                }
            }
            boolean ok = true;
            for (var e : spec.entrySet()) ok &= value(e.getKey(), e.getValue(), at.get(e.getKey()));
            for (var e : not.entrySet()) ok &= value(e.getKey(), e.getValue(), at.get("非." + e.getKey()));
            if (!ok) return Filter.ALL;
            try {
                return FilterText.of(spec, not);
            } catch (IllegalArgumentException e) {
                ctx.diags().error("E-LAYOUT", ctx.pos(v), e.getMessage(), "取数条件的写法见 templates/README.md。");
                return Filter.ALL;
            }
        }

        /** One dimension's values of a 取, checked where the generic parser cannot know them. */
        private boolean value(String dimName, List<String> values, Node node) {
            Optional<Dim> dim = Dim.of(dimName);
            if (dim.isEmpty()) {
                List<String> dims = java.util.Arrays.stream(Dim.values()).map(Dim::label).toList();
                ctx.diags().error("E-LAYOUT", ctx.pos(node), "没有“" + dimName + "”这个取数维度" + guess(dimName, dims),
                        "可用：" + String.join("、", dims) + "、非。");
                return false;
            }
            Collection<String> known = switch (dim.get()) {
                case PROJECT_TYPE -> projectTypes == null ? null : projectTypes.categories().keySet();
                case ITEM -> items();
                case UNIT_TYPE -> List.of("行政", "参公", "事业");
                default -> List.of();
            };
            if (dim.get() == Dim.PROJECT_TYPE && projectTypes == null) {
                ctx.diags().error("E-LAYOUT", ctx.pos(node), "按项目类型取数，但 layout.yaml 没有“词表: 项目类型”",
                        "在 layout.yaml 中写出这个版式的项目类型和数据中对应的写法，例如 词表: {项目类型: {其他运转类: [运转类, 一般性项目]}}。");
                return false;
            }
            if (known.isEmpty()) return true;
            for (String v : values) {
                if (known.contains(v) || dim.get() == Dim.ITEM && v.startsWith(Extra.PREFIX) && v.length() > 3) continue;
                String where = switch (dim.get()) {
                    case PROJECT_TYPE -> "layout.yaml“词表: 项目类型”的类别";
                    case ITEM -> "数据文件能给出的单项数";
                    default -> "可用的值";
                };
                ctx.diags().error("E-LAYOUT", ctx.pos(node), dimName + "“" + v + "”不存在" + guess(v, known) + "，这一格永远取不到数",
                        where + "：" + String.join("、", known) + "。");
                return false;
            }
            return true;
        }

        private static List<String> items() {
            List<String> all = new ArrayList<>();
            for (List<String> l : Binder.items().values()) for (String s : l) if (!all.contains(s)) all.add(s);
            return all;
        }

        private static List<String> values(Node v) {
            Object o = plain(v);
            if (o instanceof List<?> l) return l.stream().map(String::valueOf).toList();
            return List.of(String.valueOf(o));
        }
    }

    static String guess(String word, Collection<String> known) {
        return Suggest.closest(word, known).map(g -> "（是不是“" + g + "”？）").orElse("");
    }
}
