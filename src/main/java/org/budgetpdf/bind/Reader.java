package org.budgetpdf.bind;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Amount;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Labeled;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one YAML mapping: typed getters that report shape and type errors with the value's position,
 * duplicate keys, and (on {@link #finish()}) unknown keys with a suggestion. Getters never throw on bad data; a
 * missing or malformed value yields a neutral default and a diagnostic.
 *
 * <p>A data file's readers follow the key tables ({@link Keys}): each reader knows the shape of its mapping, a key is
 * read only if its section names it and only as its shape allows, and the getters without a {@code required}
 * argument take it from the table. Asking for a key the table does not have is a fault of the program
 * ({@link IllegalStateException}), so the binder cannot accept a key the schema does not describe. Readers made
 * without a shape (the layout files) check nothing of the kind.
 */
public final class Reader {
    private final Ctx ctx;
    private final String path;
    private final Node node;
    /** The key this mapping is the value of (null for the file's top level and for list items). */
    private final Node keyNode;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();
    /** The node is not a mapping (already reported): its keys cannot be missing, only the mapping is wrong. */
    private final boolean notMapping;
    /** What the mapping may hold ({@link Shape.Fields} or {@link Shape.Entries}); null when unchecked. */
    private final Shape shape;

    /**
     * Shared state of one file's binding. {@code shift} is 4 when the file's amounts are in 元: they are
     * validated as written (at most two decimals) and handed on in 万元, unrounded.
     */
    public static final class Ctx {
        private final String file;
        private final Diagnostics diags;
        private int shift;
        private DocKind kind = DocKind.BUDGET;

        public Ctx(String file, Diagnostics diags) {
            this.file = file;
            this.diags = diags;
        }

        public String file() {
            return file;
        }

        public Diagnostics diags() {
            return diags;
        }

        /** The document kind, once read: it picks the shape of a key such as 三公经费. */
        void kind(DocKind k) {
            kind = k;
        }

        /** Reads 金额单位 (万元 when absent); call before any amount is read. */
        public void amountUnit(Reader top) {
            String unit = top.str("金额单位", false);
            if (unit.equals("元")) {
                shift = 4;
            } else if (!unit.isEmpty() && !unit.equals("万元")) {
                diags.error("E-VALUE", top.posOf("金额单位"), "金额单位“" + unit + "”暂不支持",
                        "写“万元”或“元”（都最多两位小数）；按财政系统导出的元填写时写“元”。");
            }
        }

        public SourcePos pos(Node n) {
            return n == null ? SourcePos.fileOnly(file)
                    : new SourcePos(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
        }
    }

    /** A reader that checks no key table (layout files). */
    public Reader(Ctx ctx, String path, Node node) {
        this(ctx, path, node, null, null);
    }

    /** The reader of a data file's top level, following the key tables. */
    static Reader ofFile(Ctx ctx, Node root) {
        return new Reader(ctx, "", root, null, Shape.fields(Keys.FILE));
    }

    private Reader(Ctx ctx, String path, Node node, Node keyNode, Shape shape) {
        this.ctx = ctx;
        this.path = path;
        this.node = node;
        this.keyNode = keyNode;
        this.shape = shape;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null) {
                    ctx.diags.error("E-KEY", ctx.pos(t.getKeyNode()), where() + "的键必须是简单文字", "去掉键里的列表或花括号。");
                    continue;
                }
                NodeTuple first = entries.get(key);
                if (first != null) {
                    ctx.diags.error("E-DUP-KEY", ctx.pos(t.getKeyNode()),
                            where() + "中“" + key + "”重复出现（第一次在第 " + ctx.pos(first.getKeyNode()).line() + " 行）",
                            "YAML 中同一层的键不能重复（只有第一次写的会被读取）；请合并或删除其中一个。");
                    continue;
                }
                entries.put(key, t);
            }
        } else if (isNull(node)) {
            ctx.diags.error("E-MISSING", ctx.pos(node), where() + "是空的", "删去空的“- ”，或在后面填写内容。");
        } else if (node != null) {
            ctx.diags.error("E-TYPE", ctx.pos(node), where() + "应当是“键: 值”的映射", "请参照示例文件的缩进格式。");
        }
        notMapping = node != null && !(node instanceof MappingNode);
    }

    public String where() {
        return path.isEmpty() ? "文件顶层" : "“" + path + "”";
    }

    public SourcePos pos() {
        return ctx.pos(node);
    }

    /** False when the node was not a mapping (already reported as E-TYPE). */
    public boolean isMapping() {
        return !notMapping;
    }

    /** The YAML node this reader reads. */
    public Node node() {
        return node;
    }

    public Ctx ctx() {
        return ctx;
    }

    // ---- the key table --------------------------------------------------------------------------------------------

    /** The table's entry for a key; null when this reader checks no table. A key the table lacks is a program fault. */
    private Section.Key key(String name) {
        if (shape instanceof Shape.Entries e) {
            return new Section.Key(name, Section.Need.REQUIRED, e.value(), e.keyDoc(), null, java.util.EnumSet.allOf(DocKind.class));
        }
        if (!(shape instanceof Shape.Fields f)) return null;
        Section.Key k = f.section().key(name);
        if (k == null) throw new IllegalStateException("the binder reads “" + name + "” of " + f.section().id() + ", which Keys does not list");
        return k;
    }

    /** The key's shape, checked to allow reading it so; null when unchecked. */
    private Shape expect(String name, Shape.Read how, boolean required) {
        Section.Key k = key(name);
        if (k == null) return null;
        Shape s = k.shape() instanceof Shape.PerKind p ? p.of(ctx.kind) : k.shape();
        if (!s.allows(how)) throw new IllegalStateException("the binder reads “" + name + "” as " + how + ", Keys says " + s);
        if (shape instanceof Shape.Fields && k.need() != Section.Need.SOMETIMES && k.required() != required) {
            throw new IllegalStateException("the binder reads “" + name + "” as " + (required ? "required" : "optional") + ", Keys says " + k.need());
        }
        return s;
    }

    /** Whether the table requires a key (for the getters without a {@code required} argument). */
    private boolean required(String name) {
        Section.Key k = key(name);
        if (k == null) throw new IllegalStateException("“" + name + "”: this reader has no key table; say whether it is required");
        if (k.need() == Section.Need.SOMETIMES) throw new IllegalStateException("“" + name + "” is required only sometimes; say when");
        return k.required();
    }

    /** The one option of a shape that allows reading it so (a mapping of {编码, 名称} beside a plain code). */
    private static Shape option(Shape s, Shape.Read how) {
        if (s instanceof Shape.Either e) {
            for (Shape o : e.options()) if (o.allows(how)) return option(o, how);
        }
        return s;
    }

    public boolean has(String key) {
        return present(key) != null;
    }

    public Node value(String key) {
        key(key);
        asked.add(key);
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** The value, or null when the key is absent or written with nothing after it (`键:`, `键: ~`). */
    private Node present(String key) {
        Node v = value(key);
        return v == null || isNull(v) ? null : v;
    }

    public SourcePos posOf(String key) {
        Node v = value(key);
        return v == null ? pos() : ctx.pos(v);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void missing(String key) {
        if (notMapping) return;
        NodeTuple t = entries.get(key);
        if (t != null) {
            ctx.diags.error("E-MISSING", ctx.pos(t.getKeyNode()), where() + "的必填项“" + key + "”没有填写内容",
                    "请在“" + key + ":”后面填写。");
            return;
        }
        // a missing top-level section belongs to the whole file; a missing item to the key of its section
        SourcePos at = path.isEmpty() ? SourcePos.fileOnly(ctx.file()) : keyNode != null ? ctx.pos(keyNode) : pos();
        ctx.diags.error("E-MISSING", at, where() + "缺少必填项“" + key + "”", "请补上“" + key + ": …”。");
    }

    public String str(String key) {
        return str(key, required(key));
    }

    public String str(String key, boolean required) {
        expect(key, Shape.Read.TEXT, required);
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return "";
        }
        if (!(v instanceof ScalarNode s)) {
            ctx.diags.error("E-TYPE", ctx.pos(v), "“" + child(key) + "”应当是一段文字", "不要在这里写列表或下一级内容。");
            return "";
        }
        String text = Text.normalize(s.getValue());
        if (required && text.isEmpty()) missing(key);
        return text;
    }

    /** A code, of the digits its key's shape allows. */
    public String code(String key, boolean required) {
        Shape.Code c = (Shape.Code) option(expect(key, Shape.Read.CODE, required), Shape.Read.CODE);
        return code(key, required, c.what(), c.digits().stream().mapToInt(Integer::intValue).toArray());
    }

    public String code(String key) {
        return code(key, required(key));
    }

    /** A code: digits only, of one of the given lengths. */
    public String code(String key, boolean required, String what, int... lengths) {
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return "";
        }
        return codeOf(v, child(key), what, lengths);
    }

    /**
     * The key of an entry of a mapping whose keys are data: a code, checked as the mapping's shape says (reported and
     * "" when it is not one), or a name; {@code name} names the mapping in messages.
     */
    public String entryKey(NodeTuple t, String name) {
        if (((Shape.Entries) shape).key() instanceof Shape.Code c) {
            return codeOf(t.getKeyNode(), name, c.what(), c.digits().stream().mapToInt(Integer::intValue).toArray());
        }
        return ((ScalarNode) t.getKeyNode()).getValue().strip();
    }

    public String codeOf(Node v, String name, String what, int... lengths) {
        if (!(v instanceof ScalarNode s)) {
            ctx.diags.error("E-TYPE", ctx.pos(v), "“" + name + "”应当是" + what + "编码", "例如 2101501。");
            return "";
        }
        String t = s.getValue().strip().replace(" ", "");
        boolean lengthOk = false;
        for (int l : lengths) lengthOk |= t.length() == l;
        if (!t.matches("\\d+") || !lengthOk) {
            StringBuilder ls = new StringBuilder();
            for (int l : lengths) ls.append(ls.isEmpty() ? "" : " 或 ").append(l);
            ctx.diags.error("E-CODE-FORMAT", ctx.pos(v),
                    "“" + name + "”的值“" + s.getValue() + "”不是有效的" + what + "编码（应为 " + ls + " 位数字）",
                    org.budgetpdf.load.ImeSlips.number(s.getValue())
                            .orElse("编码只写数字，不加空格，例如 2101501；以 0 开头的编码请加引号。"));
            return "";
        }
        return t;
    }

    public Amount amount(String key) {
        return amount(key, required(key));
    }

    public Amount amount(String key, boolean required) {
        expect(key, Shape.Read.AMOUNT, required);
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return new Amount(BigDecimal.ZERO, pos());
        }
        BigDecimal b = amountOf(v, child(key));
        return new Amount(b == null ? BigDecimal.ZERO : b, ctx.pos(v));
    }

    /** An amount that may be negative: only the signed components of a change (变动原因.…构成[].金额). */
    public Amount signedAmount(String key) {
        boolean required = required(key);
        expect(key, Shape.Read.SIGNED_AMOUNT, required);
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return new Amount(BigDecimal.ZERO, pos());
        }
        BigDecimal b = amountOf(v, child(key), true);
        return new Amount(b == null ? BigDecimal.ZERO : b, ctx.pos(v));
    }

    /** Null after reporting when the node is not a non-negative amount with at most two decimals. */
    public BigDecimal amountOf(Node v, String name) {
        return amountOf(v, name, false);
    }

    private BigDecimal amountOf(Node v, String name, boolean signed) {
        if (!(v instanceof ScalarNode s)) {
            ctx.diags.error("E-TYPE", ctx.pos(v), "“" + name + "”应当是金额", "金额写成数字，例如 129.72。");
            return null;
        }
        if (isNull(s)) {
            ctx.diags.error("E-MISSING", ctx.pos(v), "“" + name + "”没有填写金额", "金额为零时写 0。");
            return null;
        }
        BigDecimal b = Amounts.parse(s.getValue());
        if (b == null) {
            ctx.diags.error("E-AMOUNT", ctx.pos(v), "“" + name + "”的值“" + s.getValue() + "”不是金额",
                    org.budgetpdf.load.ImeSlips.number(s.getValue())
                            .orElse("金额只写数字和小数点（单位万元），例如 1740.73；不要写“万元”或其他文字。"));
            return null;
        }
        if (b.signum() < 0 && !signed) {
            ctx.diags.error("E-NEGATIVE", ctx.pos(v), "“" + name + "”不能为负数：" + s.getValue(),
                    "预算金额不能为负；调减请写在变动原因里。");
            return null;
        }
        if (b.scale() > 2) {
            ctx.diags.error("E-PRECISION", ctx.pos(v),
                    "“" + name + "”的值 " + s.getValue() + " 超过两位小数" + (ctx.shift == 0
                            ? "（单位万元，最小到 0.01 万元即 100 元）" : "（单位元，最小到分）"),
                    ctx.shift == 0 ? "请按财政系统打印的万元数保留两位小数；要填到元，请在文件开头写“金额单位: 元”。"
                            : "元金额最多到分（两位小数）。");
            return null;
        }
        return b.setScale(2).movePointLeft(ctx.shift);
    }

    /** An optional count: null when the key is absent; a key written with no value is reported (a forgotten number). */
    public Integer countOrNull(String key) {
        expect(key, Shape.Read.COUNT, false);
        if (writtenEmpty(key)) return null;
        return has(key) ? count(key, false) : null;
    }

    /** An optional amount: null when the key is absent; a key written with no value is reported (a forgotten number). */
    public Amount amountOrNull(String key) {
        expect(key, Shape.Read.AMOUNT, false);
        if (writtenEmpty(key)) return null;
        return has(key) ? amount(key, false) : null;
    }

    private boolean writtenEmpty(String key) {
        Node v = value(key);
        if (v == null || !isNull(v)) return false;
        ctx.diags.error("E-MISSING", ctx.pos(entries.get(key).getKeyNode()), where() + "的“" + key + "”没有填写数字",
                "填上数字（没有就写 0）；这一项不适用时，删去整行，文档就不写这一句。");
        return true;
    }

    /** An optional text: null when the key is absent or empty. */
    public String strOrNull(String key) {
        String s = str(key, false);
        return s.isEmpty() ? null : s;
    }

    /**
     * A plain non-negative number that is not money (a score, an area): read as written, never converted from 元,
     * so a file in 元 keeps its 分值 and 得分.
     */
    public java.math.BigDecimal number(String key) {
        boolean required = required(key);
        expect(key, Shape.Read.NUMBER, required);
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return null;
        }
        if (v instanceof ScalarNode s) {
            BigDecimal b = Amounts.parse(s.getValue());
            if (b != null && b.signum() >= 0) return b;
        }
        ctx.diags.error("E-TYPE", ctx.pos(v), "“" + child(key) + "”应当是数字", "例如 10、2.5（不写单位）。");
        return null;
    }

    public int count(String key) {
        return count(key, required(key));
    }

    public int count(String key, boolean required) {
        expect(key, Shape.Read.COUNT, required);
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return 0;
        }
        if (v instanceof ScalarNode s && s.getValue().strip().matches("\\d{1,6}")) {
            return Integer.parseInt(s.getValue().strip());
        }
        ctx.diags.error("E-TYPE", ctx.pos(v), "“" + child(key) + "”应当是非负整数", "例如 0、3。");
        return 0;
    }

    /** One of an enum's labels; what the list is called, and which labels the file may write, come from the table. */
    public <E extends Enum<E> & Labeled> Optional<E> label(String key, Class<E> type, boolean required) {
        Shape.Choice c = (Shape.Choice) expect(key, Shape.Read.LABEL, required);
        List<String> all = java.util.Arrays.stream(type.getEnumConstants()).map(Labeled::label).toList();
        if (!all.containsAll(c.labels())) throw new IllegalStateException("“" + key + "”: Keys lists labels " + type + " lacks");
        return label(key, type, required, c.what());
    }

    public <E extends Enum<E> & Labeled> Optional<E> label(String key, Class<E> type) {
        return label(key, type, required(key));
    }

    public <E extends Enum<E> & Labeled> Optional<E> label(String key, Class<E> type, boolean required, String what) {
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return Optional.empty();
        }
        if (!(v instanceof ScalarNode s)) {
            ctx.diags.error("E-TYPE", ctx.pos(v), "“" + child(key) + "”应当是一个" + what,
                    "可选值：" + Labeled.labels(type) + "。");
            return Optional.empty();
        }
        String text = s.getValue().strip();
        Optional<E> e = Labeled.byLabel(type, text);
        if (e.isEmpty()) {
            List<String> all = java.util.Arrays.stream(type.getEnumConstants()).map(Labeled::label).toList();
            String guess = Suggest.closest(text, all).map(g -> "是不是“" + g + "”？").orElse("");
            ctx.diags.error("E-VALUE", ctx.pos(v), "“" + child(key) + "”的值“" + text + "”不是有效的" + what,
                    guess + "可选值：" + Labeled.labels(type) + "。");
        }
        return e;
    }

    public Optional<Reader> obj(String key) {
        return obj(key, required(key));
    }

    public Optional<Reader> obj(String key, boolean required) {
        Shape s = option(expect(key, Shape.Read.MAPPING, required), Shape.Read.MAPPING);
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return Optional.empty();
        }
        return Optional.of(new Reader(ctx, child(key), v, entries.get(key).getKeyNode(), s));
    }

    public List<Reader> list(String key) {
        return list(key, required(key));
    }

    /** Elements of a sequence of mappings. */
    public List<Reader> list(String key, boolean required) {
        Shape s = option(expect(key, Shape.Read.LIST, required), Shape.Read.LIST);
        Shape item = s == null ? null : ((Shape.ListOf) s).item();
        List<Reader> out = new ArrayList<>();
        for (Node n : seq(key, required)) out.add(new Reader(ctx, child(key) + "[" + (out.size() + 1) + "]", n, null, item));
        return out;
    }

    public List<String> strList(String key) {
        return strList(key, required(key));
    }

    public List<String> strList(String key, boolean required) {
        expect(key, Shape.Read.TEXTS, required);
        List<String> out = new ArrayList<>();
        for (Node n : seq(key, required)) {
            if (isNull(n)) {
                ctx.diags.error("E-MISSING", ctx.pos(n), "“" + child(key) + "”中有一项是空的", "删去空的“- ”，或在后面写上文字。");
            } else if (n instanceof ScalarNode s) {
                out.add(Text.normalize(s.getValue()));
            } else {
                ctx.diags.error("E-TYPE", ctx.pos(n), "“" + child(key) + "”的每一项应当是一段文字", "每项以“- ”开头，后面直接写文字。");
            }
        }
        return out;
    }

    private List<Node> seq(String key, boolean required) {
        Node v = present(key);
        if (v == null) {
            if (required) missing(key);
            return List.of();
        }
        if (v instanceof SequenceNode s) return s.getValue();
        ctx.diags.error("E-TYPE", ctx.pos(v), "“" + child(key) + "”应当是列表（每项以“- ”开头）", "请参照示例文件。");
        return List.of();
    }

    /** Entries of a mapping whose keys are data (e.g. 经济科目 code → amount), in file order. */
    public List<NodeTuple> tuples() {
        return new ArrayList<>(entries.values());
    }

    /** Reports keys that no getter asked for: typos surface here, not as silently ignored data. */
    public void finish() {
        for (var e : entries.entrySet()) {
            if (asked.contains(e.getKey())) continue;
            String guess = Suggest.closest(e.getKey(), asked).map(g -> "是不是“" + g + "”？").orElse("");
            ctx.diags.error("E-UNKNOWN-KEY", ctx.pos(e.getValue().getKeyNode()),
                    where() + "中有不认识的项“" + e.getKey() + "”",
                    guess + (asked.isEmpty() ? "" : "此处可用的项：" + String.join("、", asked) + "。"));
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && org.yaml.snakeyaml.nodes.Tag.NULL.equals(s.getTag());
    }
}
