package org.budgetpdf.bind;

import org.budgetpdf.model.DocKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mapping of the data file (部门, a 基本支出 block, 国有资产 …): the keys it may hold, each with its shape and the
 * words a clerk reads about it. The binder reads a section only through these keys; the JSON Schema is generated
 * from them.
 *
 * @param id     a name for the schema's definitions (ASCII)
 * @param title  what the section is, in Chinese
 * @param open   true when the binder does not check the keys (待核对 items): no key is unknown there
 * @param ways   ways of writing the section whose keys are never written together (a project's one line, or its
 *               明细), or empty
 * @param oneWay whether one of the ways must be written (说明: 数 or 文字)
 */
record Section(String id, String title, List<Key> keys, boolean open, List<List<String>> ways, boolean oneWay) {
    Section {
        keys = List.copyOf(keys);
        ways = ways.stream().map(List::copyOf).toList();
        Set<String> seen = new java.util.HashSet<>();
        for (Key k : keys) if (!seen.add(k.name())) throw new IllegalArgumentException(id + ": key " + k.name() + " twice");
        for (List<String> w : ways) for (String k : w) if (!seen.contains(k)) throw new IllegalArgumentException(id + ": a way names " + k);
    }

    Section(String id, String title, List<Key> keys) {
        this(id, title, keys, false, List.of(), false);
    }

    Section(String id, String title, Key... keys) {
        this(id, title, List.of(keys));
    }

    /** The key of that name, or null. */
    Key key(String name) {
        for (Key k : keys) if (k.name().equals(name)) return k;
        return null;
    }

    /** The names of the keys of one shape, in table order (the order documents print them). */
    List<String> names(Shape shape) {
        return keys.stream().filter(k -> k.shape().equals(shape)).map(Key::name).toList();
    }

    /** The keys a file of this kind may write here. */
    List<Key> keys(DocKind kind) {
        return keys.stream().filter(k -> k.kinds().contains(kind)).toList();
    }

    Section with(Key... more) {
        List<Key> all = new ArrayList<>(keys);
        all.addAll(List.of(more));
        return new Section(id, title, all, open, ways, oneWay);
    }

    Section renamed(String newId, String newTitle) {
        return new Section(newId, newTitle, keys, open, ways, oneWay);
    }

    Section openKeys() {
        return new Section(id, title, keys, true, ways, oneWay);
    }

    /** Exactly one of these keys is written. */
    Section exactlyOneOf(String... names) {
        return new Section(id, title, keys, open, java.util.Arrays.stream(names).map(List::of).toList(), true);
    }

    /** The keys of one way and of another are never written together (either may be left out). */
    @SafeVarargs
    final Section apart(List<String>... someWays) {
        return new Section(id, title, keys, open, List.of(someWays), false);
    }

    /** The way a key belongs to, or -1. */
    int way(String key) {
        for (int i = 0; i < ways.size(); i++) if (ways.get(i).contains(key)) return i;
        return -1;
    }

    /** Whether a key must be written. */
    enum Need {
        REQUIRED,
        OPTIONAL,
        /** Required in some cases only, which the binder decides and the key's words explain. */
        SOMETIMES
    }

    /**
     * One key: its name as the file writes it, whether it must be written, its shape, what it is (Chinese, as the
     * blank files word it: unit, where it prints) and an example as a clerk would type it after “键: ” (or null).
     */
    record Key(String name, Need need, Shape shape, String doc, String example, Set<DocKind> kinds) {
        Key {
            kinds = Set.copyOf(kinds);
        }

        boolean required() {
            return need == Need.REQUIRED;
        }

        /** The same key, allowed only in files of this kind. */
        Key only(DocKind kind) {
            return new Key(name, need, shape, doc, example, EnumSet.of(kind));
        }
    }

    static Key required(String name, Shape shape, String doc, String example) {
        return new Key(name, Need.REQUIRED, shape, doc, example, EnumSet.allOf(DocKind.class));
    }

    static Key optional(String name, Shape shape, String doc, String example) {
        return new Key(name, Need.OPTIONAL, shape, doc, example, EnumSet.allOf(DocKind.class));
    }

    static Key sometimes(String name, Shape shape, String doc, String example) {
        return new Key(name, Need.SOMETIMES, shape, doc, example, EnumSet.allOf(DocKind.class));
    }

    /** Keys of one shape from a list of names with their words ({name, doc, example} triples). */
    static List<Key> optionals(Shape shape, String... nameDocExample) {
        List<Key> out = new ArrayList<>();
        for (int i = 0; i < nameDocExample.length; i += 3) {
            out.add(optional(nameDocExample[i], shape, nameDocExample[i + 1], nameDocExample[i + 2]));
        }
        return out;
    }

    /** A name → section map of every section reachable from {@code root}, in the order first met. */
    static Map<String, Section> reachable(Section root) {
        Map<String, Section> out = new LinkedHashMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(Section s, Map<String, Section> out) {
        if (out.putIfAbsent(s.id(), s) != null) return;
        for (Key k : s.keys()) collect(k.shape(), out);
    }

    private static void collect(Shape shape, Map<String, Section> out) {
        if (shape instanceof Shape.Fields f) collect(f.section(), out);
        else if (shape instanceof Shape.ListOf l) collect(l.item(), out);
        else if (shape instanceof Shape.Entries e) collect(e.value(), out);
        else if (shape instanceof Shape.Either e) e.options().forEach(o -> collect(o, out));
        else if (shape instanceof Shape.PerKind p) {
            collect(p.budget(), out);
            collect(p.finalAccounts(), out);
        }
    }
}
