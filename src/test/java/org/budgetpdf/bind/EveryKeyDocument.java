package org.budgetpdf.bind;

import org.budgetpdf.bind.Section.Key;
import org.budgetpdf.model.DocKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A data file written from the key tables alone: every key of every section a file of one kind may hold, each with its
 * example (or a plain value of its shape), each way of writing a key that has several (a code or {编码, 名称}; text,
 * list or {金额}) used once. Of a section's ways that are never written together (说明: 数 or 文字; a project's one
 * line or its 明细), {@code alternative} picks one.
 * With {@code intruder} set, the closed section at that path gets one key no table has.
 */
final class EveryKeyDocument {
    static final String INTRUDER = "不认识的项";

    private final DocKind kind;
    private final int alternative;
    private final String intruder;
    private final StringBuilder out = new StringBuilder();
    /** The paths of the closed sections written, in order ("" is the top level). */
    private final List<String> closed = new ArrayList<>();
    private int intruderLine;

    private EveryKeyDocument(DocKind kind, int alternative, String intruder) {
        this.kind = kind;
        this.alternative = alternative;
        this.intruder = intruder;
    }

    record Written(String text, List<String> closedSections, int intruderLine) {
    }

    static Written write(DocKind kind, int alternative, String intruder) {
        EveryKeyDocument d = new EveryKeyDocument(kind, alternative, intruder);
        d.section(Keys.FILE, "", "");
        return new Written(d.out.toString(), List.copyOf(d.closed), d.intruderLine);
    }

    private void section(Section s, String path, String indent) {
        if (!s.open()) closed.add(path);
        if (path.equals(intruder)) {
            intruderLine = lines() + 1;
            out.append(indent).append(INTRUDER).append(": 1\n");
        }
        List<Key> keys = s == Keys.FILE ? s.keys(kind) : s.keys();
        for (Key k : keys) {
            int way = s.way(k.name());
            if (way >= 0 && way != Math.min(alternative, s.ways().size() - 1)) continue;
            Shape shape = k.shape() instanceof Shape.PerKind p ? p.of(kind) : k.shape();
            String example = k.name().equals("文档") ? kind.label() : k.example();
            value(k.name(), shape, example, path.isEmpty() ? k.name() : path + "." + k.name(), indent);
        }
    }

    /** {@code name: value}, the value written as its shape says, at the given indent. */
    private void value(String name, Shape shape, String example, String path, String indent) {
        if (shape instanceof Shape.Fields f) {
            out.append(indent).append(name).append(":\n");
            section(f.section(), path, indent + "  ");
        } else if (shape instanceof Shape.ListOf l) {
            out.append(indent).append(name).append(":\n");
            List<Shape> items = l.item() instanceof Shape.Either e ? e.options() : List.of(l.item());
            for (int i = 0; i < items.size(); i++) item(items.get(i), path + "[" + (i + 1) + "]", indent + "  ");
        } else if (shape instanceof Shape.Entries e) {
            out.append(indent).append(name).append(":\n");
            List<Shape> values = e.value() instanceof Shape.Either x ? x.options() : List.of(e.value());
            for (int i = 0; i < values.size(); i++) {
                String key = entryKey(e, i);
                value(key, values.get(i), null, path + "." + key, indent + "  ");
            }
        } else if (shape instanceof Shape.Either e) {
            // the richest way of writing it: a mapping covers a section more
            Shape pick = e.options().stream().filter(o -> !isScalar(o)).findFirst().orElse(e.options().get(0));
            value(name, pick, isScalar(pick) ? example : null, path, indent);
        } else {
            out.append(indent).append(name).append(": ").append(example != null ? example : plain(shape)).append('\n');
        }
    }

    private void item(Shape shape, String path, String indent) {
        if (shape instanceof Shape.Fields f) {
            out.append(indent).append("-\n");
            section(f.section(), path, indent + "  ");
        } else {
            out.append(indent).append("- ").append(plain(shape)).append('\n');
        }
    }

    /** The example key of a mapping whose keys are data, made different for its second, third … entry. */
    private static String entryKey(Shape.Entries e, int i) {
        String k = e.keyExample();
        if (i == 0) return k;
        if (e.key() instanceof Shape.Code) return String.valueOf(Long.parseLong(k) + i);
        return k.startsWith("\"") ? k.substring(0, k.length() - 1) + i + "\"" : k + i;
    }

    private static boolean isScalar(Shape s) {
        return !(s instanceof Shape.Fields || s instanceof Shape.Entries || s instanceof Shape.ListOf);
    }

    /** A value of the shape, for keys without an example. */
    private static String plain(Shape s) {
        if (s instanceof Shape.Text) return "示例文字";
        if (s instanceof Shape.Amount) return "1.00";
        if (s instanceof Shape.Count || s instanceof Shape.Decimal) return "1";
        if (s instanceof Shape.Year) return "2025";
        if (s instanceof Shape.Date) return "\"2025-03-01\"";
        if (s instanceof Shape.Code c) return "1" + "0".repeat(c.digits().get(c.digits().size() - 1) - 1);
        if (s instanceof Shape.Choice c) return c.labels().get(0);
        throw new IllegalArgumentException("no plain value for " + s);
    }

    private int lines() {
        return (int) out.chars().filter(c -> c == '\n').count();
    }
}
