package org.budgetpdf.bind;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetpdf.bind.Section.Key;
import org.budgetpdf.bind.Section.Need;
import org.budgetpdf.model.DocKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code schema/budgetpdf.schema.json}: the JSON Schema (draft-07, what VS Code's YAML extension reads) of the
 * data files, generated from the binder's key tables ({@link Keys}) so the editor's completion, descriptions and
 * underlined typos are the checker's own. {@code SchemaFileTest} fails when the committed file is not this output.
 *
 * <p>YAML gives codes and amounts as numbers or as strings (quoted, or with a thousands separator), so both are
 * allowed where the binder reads the scalar's text. {@code errorMessage} and {@code patternErrorMessage} are the YAML
 * extension's keywords for messages in Chinese; other validators ignore them.
 */
public final class SchemaFile {
    public static final Path FILE = Path.of("schema", "budgetpdf.schema.json");
    static final String REGENERATE =
            "mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.budgetpdf.bind.SchemaFile";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<DocKind, String> FILE_IDS = Map.of(DocKind.BUDGET, "budgetFile", DocKind.FINAL_ACCOUNTS, "finalAccountsFile");

    private static final String AMOUNT_TEXT = "(\\d+|\\d{1,3}(,\\d{3})+)";
    private static final String AMOUNT_SAYS = "金额只写数字和小数点（单位万元，最多两位小数），例如 1740.73；不写“万元”或其他文字";
    private static final String COUNT_SAYS = "应当是非负整数，例如 0、3";
    private static final String NUMBER_SAYS = "应当是数字，例如 10、2.5（不写单位）";

    private SchemaFile() {
    }

    /** Run from the project folder (see {@link #REGENERATE}). */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + FILE);
    }

    /** The schema's text: two-space indent, Chinese as is, one trailing newline. */
    public static String generate() {
        ObjectMapper m = new ObjectMapper();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return m.writer(pretty).writeValueAsString(schema()) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode schema() {
        ObjectNode root = F.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$comment", "Generated from src/main/java/org/budgetpdf/bind/Keys.java by org.budgetpdf.bind.SchemaFile; "
                + "do not edit. Regenerate: " + REGENERATE);
        root.put("title", "部门预算、部门决算数据文件");
        root.put("description", "budgetpdf 的数据文件（data/ 下的 .yaml）。“文档: 部门决算”的文件按部门决算的格式检查，其他按部门预算。"
                + "每一项的写法见 README“数据文件格式”。");
        root.put("type", "object");
        // the kind decides which sections a file has; without 文档 a file is read as a 预算 (as the binder does)
        ObjectNode ifFinal = root.putObject("if");
        ifFinal.putObject("properties").putObject("文档").put("const", DocKind.FINAL_ACCOUNTS.label());
        ifFinal.putArray("required").add("文档");
        root.putObject("then").put("$ref", "#/definitions/" + FILE_IDS.get(DocKind.FINAL_ACCOUNTS));
        root.putObject("else").put("$ref", "#/definitions/" + FILE_IDS.get(DocKind.BUDGET));
        ObjectNode defs = root.putObject("definitions");
        defs.set(FILE_IDS.get(DocKind.BUDGET), section(Keys.FILE, DocKind.BUDGET, "部门预算数据文件"));
        defs.set(FILE_IDS.get(DocKind.FINAL_ACCOUNTS), section(Keys.FILE, DocKind.FINAL_ACCOUNTS, "部门决算数据文件"));
        for (Section s : Section.reachable(Keys.FILE).values()) {
            if (s != Keys.FILE) defs.set(s.id(), section(s, null, s.title()));
        }
        // the value schemas many keys share, after the sections that use them
        Map<String, ObjectNode> values = new TreeMap<>();
        collectValues(Keys.FILE, values, new HashSet<>());
        defs.setAll(values);
        return root;
    }

    /** The shared value schemas ({@link #valueId}) of every key reachable from a section, by id. */
    private static void collectValues(Section s, Map<String, ObjectNode> out, Set<String> seen) {
        if (!seen.add(s.id())) return;
        for (Key k : s.keys()) collectValues(k.shape(), out, seen);
    }

    private static void collectValues(Shape s, Map<String, ObjectNode> out, Set<String> seen) {
        String id = valueId(s);
        if (id != null) out.put(id, value(s));
        if (s instanceof Shape.Fields f) collectValues(f.section(), out, seen);
        else if (s instanceof Shape.ListOf l) collectValues(l.item(), out, seen);
        else if (s instanceof Shape.Entries e) {
            collectValues(e.key(), out, seen);
            collectValues(e.value(), out, seen);
        } else if (s instanceof Shape.Either e) e.options().forEach(o -> collectValues(o, out, seen));
        else if (s instanceof Shape.PerKind p) {
            collectValues(p.budget(), out, seen);
            collectValues(p.finalAccounts(), out, seen);
        }
    }

    /** The definition a scalar shape shares with every key of that shape, or null for shapes written in place. */
    private static String valueId(Shape s) {
        if (s instanceof Shape.Amount a) return a.signed() ? "signedAmount" : "amount";
        if (s instanceof Shape.Count) return "count";
        if (s instanceof Shape.Decimal) return "number";
        if (s instanceof Shape.Year) return "year";
        if (s instanceof Shape.Date) return "date";
        if (s instanceof Shape.Code c) return "code" + c.digits().stream().map(String::valueOf).collect(Collectors.joining("or"));
        return null;
    }

    /** A section: its keys (those of one document kind for the file itself), required ones, no other keys. */
    private static ObjectNode section(Section s, DocKind kind, String title) {
        ObjectNode o = F.objectNode();
        o.put("title", title);
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        List<Key> keys = kind == null ? s.keys() : s.keys(kind);
        for (Key k : keys) props.set(k.name(), key(s, k, kind));
        List<String> required = keys.stream().filter(Key::required).map(Key::name).toList();
        if (!required.isEmpty()) required.forEach(o.putArray("required")::add);
        if (!s.open()) o.put("additionalProperties", false);
        if (s.oneWay()) {
            ArrayNode one = o.putArray("oneOf");
            for (List<String> way : s.ways()) way.forEach(one.addObject().putArray("required")::add);
        } else if (!s.ways().isEmpty()) {
            // a key of one way beside a key of another
            ArrayNode both = o.putObject("not").putArray("anyOf");
            for (int i = 0; i < s.ways().size(); i++) {
                for (int j = i + 1; j < s.ways().size(); j++) {
                    for (String a : s.ways().get(i)) for (String b : s.ways().get(j)) both.addObject().putArray("required").add(a).add(b);
                }
            }
        }
        return o;
    }

    private static ObjectNode key(Section owner, Key k, DocKind kind) {
        Shape shape = k.shape() instanceof Shape.PerKind p ? p.of(kind) : k.shape();
        ObjectNode body = shape(shape, k.required());
        // written with nothing after the colon: the binder takes it as left out, except where a figure is expected
        boolean nullable = k.need() != Need.REQUIRED && !(shape instanceof Shape.Amount) && !(shape instanceof Shape.Count)
                && !(owner.oneWay() && owner.way(k.name()) >= 0);
        ObjectNode o = F.objectNode();
        o.put("description", description(k, shape, false));
        o.put("markdownDescription", description(k, shape, true));
        o.setAll(nullable ? orNull(body) : body);
        return o;
    }

    private static ObjectNode orNull(ObjectNode body) {
        if (body.get("type") instanceof ArrayNode && !body.has("pattern")) {
            ObjectNode o = body.deepCopy();
            ((ArrayNode) o.get("type")).add("null");
            return o;
        }
        ObjectNode o = F.objectNode();
        ArrayNode any = o.putArray("anyOf");
        if (body.size() == 1 && body.has("anyOf")) any.addAll((ArrayNode) body.get("anyOf"));
        else any.add(body);
        any.addObject().put("type", "null");
        return o;
    }

    /** The schema of a value; {@code nonEmpty}: text that must not be blank (a required key, a value of an entry). */
    static ObjectNode shape(Shape s, boolean nonEmpty) {
        ObjectNode o = F.objectNode();
        String id = valueId(s);
        if (id != null) {
            o.put("$ref", "#/definitions/" + id);
        } else if (s instanceof Shape.Text) {
            o.putArray("type").add("string").add("number").add("boolean");
            if (nonEmpty) {
                o.put("pattern", "\\S");
                o.put("patternErrorMessage", "必填，不能是空的");
            }
            o.put("errorMessage", nonEmpty ? "必填：在冒号后面写一段文字" : "应当是一段文字，不是列表或下一级内容");
        } else if (s instanceof Shape.Choice c) {
            c.labels().forEach(o.putArray("enum")::add);
            o.put("errorMessage", "可选值：" + String.join("、", c.labels()));
        } else if (s instanceof Shape.ListOf l) {
            o.put("type", "array");
            o.set("items", shape(l.item(), false));
        } else if (s instanceof Shape.Fields f) {
            o.put("$ref", "#/definitions/" + f.section().id());
        } else if (s instanceof Shape.Entries e) {
            o.put("type", "object");
            // YAML keys may be numbers too (30101:), so the code's whole schema, not a pattern alone
            if (e.key() instanceof Shape.Code) o.set("propertyNames", shape(e.key(), false));
            o.set("additionalProperties", shape(e.value(), true));
        } else if (s instanceof Shape.Either e) {
            ArrayNode any = o.putArray("anyOf");
            for (Shape option : e.options()) any.add(shape(option, nonEmpty));
        } else {
            throw new IllegalArgumentException("no schema for " + s + " (a PerKind shape belongs to the file's own keys)");
        }
        return o;
    }

    /** A shared scalar value: a number or its text, as YAML may give either. */
    private static ObjectNode value(Shape s) {
        ObjectNode o = F.objectNode();
        if (s instanceof Shape.Amount a) {
            ObjectNode n = alternative(o).put("type", "number");
            if (!a.signed()) n.put("minimum", 0);
            n.put("errorMessage", AMOUNT_SAYS);
            alternative(o).put("type", "string").put("pattern", "^ *" + (a.signed() ? "-?" : "") + AMOUNT_TEXT + "(\\.\\d{1,2})? *$")
                    .put("patternErrorMessage", AMOUNT_SAYS).put("errorMessage", AMOUNT_SAYS);
        } else if (s instanceof Shape.Count) {
            alternative(o).put("type", "integer").put("minimum", 0).put("maximum", 999999).put("errorMessage", COUNT_SAYS);
            alternative(o).put("type", "string").put("pattern", "^ *\\d{1,6} *$").put("patternErrorMessage", COUNT_SAYS)
                    .put("errorMessage", COUNT_SAYS);
        } else if (s instanceof Shape.Decimal) {
            alternative(o).put("type", "number").put("minimum", 0).put("errorMessage", NUMBER_SAYS);
            alternative(o).put("type", "string").put("pattern", "^ *" + AMOUNT_TEXT + "(\\.\\d+)? *$")
                    .put("patternErrorMessage", NUMBER_SAYS).put("errorMessage", NUMBER_SAYS);
        } else if (s instanceof Shape.Year) {
            String says = "写四位年份，例如 2025";
            alternative(o).put("type", "integer").put("minimum", 2000).put("maximum", 2100).put("errorMessage", says);
            alternative(o).put("type", "string").put("pattern", "^ *(20\\d\\d|2100) *$").put("patternErrorMessage", says)
                    .put("errorMessage", says);
        } else if (s instanceof Shape.Date) {
            String says = "写成 \"2025-03-01\"（带引号）";
            o.put("type", "string").put("pattern", "^\\d{4}-\\d{2}-\\d{2}$").put("patternErrorMessage", says).put("errorMessage", says);
        } else if (s instanceof Shape.Code c) {
            // one schema, not alternatives: the YAML extension then shows these messages, not a merged "Incorrect type"
            String says = codeSays(c);
            List<Integer> ds = c.digits();
            o.putArray("type").add("string").add("integer");
            o.put("pattern", codePattern(c)).put("patternErrorMessage", says).put("errorMessage", says);
            o.put("minimum", (long) Math.pow(10, ds.get(0) - 1)).put("maximum", (long) Math.pow(10, ds.get(ds.size() - 1)) - 1);
            for (int i = 1; i < ds.size(); i++) {
                if (ds.get(i) == ds.get(i - 1) + 1) continue;
                // numbers of the lengths between (a 4-digit number where 3 or 5 digits are allowed)
                o.putObject("not").put("type", "integer").put("minimum", (long) Math.pow(10, ds.get(i - 1)))
                        .put("maximum", (long) Math.pow(10, ds.get(i) - 1) - 1);
            }
        }
        return o;
    }

    private static ObjectNode alternative(ObjectNode o) {
        ArrayNode any = o.has("anyOf") ? (ArrayNode) o.get("anyOf") : o.putArray("anyOf");
        return any.addObject();
    }

    /** The binder drops spaces inside a code ("210 15 01"). */
    private static String codePattern(Shape.Code c) {
        return "^ *(" + c.digits().stream().map(d -> "\\d( *\\d){" + (d - 1) + "}").collect(Collectors.joining("|")) + ") *$";
    }

    private static String codeSays(Shape.Code c) {
        return "应为 " + digits(c) + " 位数字的" + c.what() + "编码";
    }

    private static String digits(Shape.Code c) {
        return c.digits().stream().map(String::valueOf).collect(Collectors.joining(" 或 "));
    }

    /** What the editor shows for a key: required or not, what it is, how it is written, an example. */
    static String description(Key k, Shape shape, boolean markdown) {
        String need = switch (k.need()) {
            case REQUIRED -> "必填";
            case OPTIONAL -> "可省略";
            case SOMETIMES -> "视情况必填";
        };
        StringBuilder d = new StringBuilder(markdown ? "**" + need + "**" : need).append("。").append(sentence(k.doc()));
        String note = note(shape);
        if (!note.isEmpty()) d.append(sentence(note));
        if (k.example() != null) {
            d.append(markdown ? "\n\n例：`" + k.name() + ": " + k.example() + "`" : "例：" + k.example());
        }
        return d.toString();
    }

    private static String sentence(String s) {
        return s.endsWith("…") || s.endsWith("。") ? s : s + "。";
    }

    /** How a value of the shape is written. */
    static String note(Shape s) {
        if (s instanceof Shape.Amount a) {
            return "金额：单位万元（文件写了“金额单位: 元”时为元），最多两位小数" + (a.signed() ? "，减少写负数" : "");
        } else if (s instanceof Shape.Count) {
            return "整数";
        } else if (s instanceof Shape.Decimal) {
            return "数字";
        } else if (s instanceof Shape.Year) {
            return "四位年份";
        } else if (s instanceof Shape.Date) {
            return "日期（年-月-日），带引号";
        } else if (s instanceof Shape.Code c) {
            return digits(c) + " 位数字的" + c.what() + "编码";
        } else if (s instanceof Shape.Choice c) {
            return "可选值：" + String.join("、", c.labels());
        } else if (s instanceof Shape.ListOf l) {
            if (l.item() instanceof Shape.Text) return "列表：一项一行，以“- ”开头";
            return l.item() instanceof Shape.Fields ? "列表：一项一段，以“- ”开头" : "列表：每一项以“- ”开头";
        } else if (s instanceof Shape.Entries e) {
            return "一行一项“键: 值”，键是" + e.keyDoc() + "，例如 " + e.keyExample();
        } else if (s instanceof Shape.Either e) {
            return e.options().stream().map(SchemaFile::note).filter(n -> !n.isEmpty()).collect(Collectors.joining("；或者"));
        }
        return "";
    }
}
