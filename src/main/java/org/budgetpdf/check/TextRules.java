package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Disclosure;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.List;
import java.util.Set;

/** T15: the clerk's free text is published as typed, so it goes through {@link TextLint}; each finding at its line:col. */
final class TextRules {
    private TextRules() {
    }

    /** At most this many W-TEXT findings per text value. */
    static final int MAX_PER_TEXT = 20;

    /** Keys whose values (text, or lists of text) are printed as written. */
    static final Set<String> TEXT_KEYS = Set.of("职责概述", "职责", "机构设置", "说明", "差异原因", "用途", "内容", "绩效目标",
            "年度履职目标", "总体目标", "保障措施", "上年评价结论", "其他事项", "其他用车说明", "批复绩效目标说明", "目标",
            "变动原因", "原因");

    static void freeText(Context ctx, Diagnostics x) {
        if (ctx.source() == null || ctx.source().root() == null) return;
        Disclosure d = ctx.doc();
        TextLint.Env env = new TextLint.Env(d.kind(), d.year(), d.department() == null ? null : d.department().level(),
                d.department() == null ? null : d.department().name(),
                d.units().stream().map(org.budgetpdf.model.Unit::name).filter(n -> n != null && !n.isEmpty()).toList(),
                amounts(ctx), shares(ctx));
        if (!(ctx.source().root() instanceof MappingNode root)) return;
        Set<Visit> seen = new java.util.HashSet<>();
        for (NodeTuple t : root.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue().strip() : "";
            if (key.equals("说明")) continue; // the explained warnings quote the text they explain
            walk(ctx, env, t.getValueNode(), TEXT_KEYS.contains(key), true, false, x, seen);
        }
    }

    /** The department's figures and each unit's: a sentence may speak of any of them. */
    private static List<org.budgetpdf.compute.Figures> everyScope(Context ctx) {
        if (ctx.realized() == null) return List.of();
        List<org.budgetpdf.compute.Figures> all = new java.util.ArrayList<>();
        all.add(ctx.realized().dept());
        all.addAll(ctx.realized().units());
        return all;
    }

    /** For each figure name a sentence may quote, the amounts it may rightly give: department and units, this year and last. */
    static java.util.Map<String, List<java.math.BigDecimal>> amounts(Context ctx) {
        java.util.Map<String, List<java.math.BigDecimal>> m = new java.util.LinkedHashMap<>();
        for (org.budgetpdf.compute.Figures f : everyScope(ctx)) {
            put(m, "收支总计", f.total(), prior(f.totalChange()));
            put(m, "收支总预算", f.total(), prior(f.totalChange()));
            put(m, "基本支出", f.basic(), prior(f.basicChange()));
            put(m, "项目支出", f.project(), prior(f.projectChange()));
            var sg = f.sanGong();
            if (sg != null && sg.given()) put(m, "三公经费", sg.total(), sg.budget(), sg.prior());
            var run = f.running();
            if (run != null && run.entered()) put(m, "机关运行经费", run.amount(), run.prior());
            var pc = f.procurement();
            if (pc != null) put(m, "政府采购", pc.total());
        }
        return m;
    }

    /** For a part and its whole as a sentence names them ({@link TextLint#shareKey}), the shares it may rightly give. */
    static java.util.Map<String, List<java.math.BigDecimal>> shares(Context ctx) {
        java.util.Map<String, List<java.math.BigDecimal>> m = new java.util.LinkedHashMap<>();
        for (org.budgetpdf.compute.Figures f : everyScope(ctx)) {
            // the printed share (largest remainder) and the plain ratio: a clerk may have either
            share(m, "基本支出", "总计", f.basicShare(), f.basic(), f.total());
            share(m, "项目支出", "总计", f.projectShare(), f.project(), f.total());
            share(m, "基本支出", "一般公共预算", f.generalBasicShare(), f.generalBasic(), f.general());
            share(m, "项目支出", "一般公共预算", f.generalProjectShare(), f.generalProject(), f.general());
        }
        return m;
    }

    private static void share(java.util.Map<String, List<java.math.BigDecimal>> m, String part, String whole,
                              org.budgetpdf.compute.Pct printed, org.budgetpdf.compute.Money p, org.budgetpdf.compute.Money w) {
        List<java.math.BigDecimal> list = m.computeIfAbsent(part + "|" + whole, k -> new java.util.ArrayList<>());
        if (printed != null) list.add(printed.value());
        if (p != null && w != null) list.add(org.budgetpdf.compute.Pct.ratio(p.value(), w.value()).value());
    }

    private static org.budgetpdf.compute.Money prior(org.budgetpdf.compute.Change c) {
        return c == null ? null : c.prior();
    }

    private static void put(java.util.Map<String, List<java.math.BigDecimal>> m, String label, org.budgetpdf.compute.Money... values) {
        List<java.math.BigDecimal> list = m.computeIfAbsent(label, k -> new java.util.ArrayList<>());
        for (org.budgetpdf.compute.Money v : values) if (v != null) list.add(v.value());
    }

    /**
     * A node reached in one reading (text or not, narrative or not, as a list item or not). Aliases make the tree a
     * graph in which a node can be reached 2^depth ways; each node is walked at most once per reading.
     */
    private record Visit(Node node, int flags) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Visit v && v.node == node && v.flags == flags;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node) * 8 + flags;
        }
    }

    private static void walk(Context ctx, TextLint.Env env, Node n, boolean text, boolean narrative, boolean listItem,
                             Diagnostics x, Set<Visit> seen) {
        if (!seen.add(new Visit(n, (text ? 4 : 0) | (narrative ? 2 : 0) | (listItem ? 1 : 0)))) return;
        if (n instanceof MappingNode m) {
            // a list item with a 名称 (indicator, task) describes that item, not the department's year
            boolean item = listItem && m.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
                    && k.getValue().strip().equals("名称"));
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue().strip() : "";
                // under 变动原因 / 差异原因 every value is a reason; 构成 items' 金额 are numbers, their 说明 text
                walk(ctx, env, t.getValueNode(), text && !key.equals("金额") || TEXT_KEYS.contains(key),
                        narrative && !item, false, x, seen);
            }
        } else if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) walk(ctx, env, item, text, narrative, true, x, seen);
        } else if (n instanceof ScalarNode sc && text) {
            String v = sc.getValue();
            List<TextLint.Finding> found = new java.util.ArrayList<>(TextLint.lint(v, env, narrative));
            found.addAll(OrgNames.find(v, ownNames(ctx), ctx.layout() == null ? List.of() : ctx.layout().mentions()));
            // a text full of one fault (a word pasted a thousand times) is fixed once: the first few, then a count
            int shown = Math.min(found.size(), MAX_PER_TEXT);
            for (int i = 0; i < shown; i++) {
                TextLint.Finding f = found.get(i);
                SourcePos at = locate(ctx, sc, v, f);
                String needle = v.substring(f.offset(), f.offset() + f.length());
                boolean exact = at.line() > 0 && at.line() <= ctx.source().lines().size()
                        && startsAt(ctx.source().lines().get(at.line() - 1), at.col(), needle);
                String more = i == shown - 1 && found.size() > shown
                        ? "（这段文字还有 " + (found.size() - shown) + " 处类似的问题，未一一列出）" : "";
                x.warning("W-TEXT", at, exact ? needle.codePointCount(0, needle.length()) : 0, f.message() + more, f.hint());
            }
        }
    }

    /** The department's name first, then its units'. */
    private static List<String> ownNames(Context ctx) {
        List<String> out = new java.util.ArrayList<>();
        if (ctx.doc().department() != null && !ctx.doc().department().name().isEmpty()) out.add(ctx.doc().department().name());
        for (var u : ctx.doc().units()) if (u.name() != null && !u.name().isEmpty()) out.add(u.name());
        return out;
    }

    /** Whether {@code line} has {@code needle} at 1-based code-point column {@code col}. */
    private static boolean startsAt(String line, int col, String needle) {
        int cps = line.codePointCount(0, line.length());
        return col - 1 <= cps && line.startsWith(needle, line.offsetByCodePoints(0, col - 1));
    }

    /**
     * Where the finding is in the file: the k-th occurrence of the matched text within the scalar's lines (k = how
     * often it occurs in the value before the finding); the scalar's start when it cannot be found (folded across lines).
     */
    static SourcePos locate(Context ctx, ScalarNode sc, String value, TextLint.Finding f) {
        String file = ctx.doc().file();
        String needle = value.substring(f.offset(), f.offset() + f.length());
        int k = 0;
        for (int i = value.indexOf(needle); i >= 0 && i < f.offset(); i = value.indexOf(needle, i + 1)) k++;
        List<String> lines = ctx.source().lines();
        int first = sc.getStartMark().getLine();
        int last = Math.min(sc.getEndMark().getLine(), lines.size() - 1);
        for (int ln = first; ln <= last; ln++) {
            String line = lines.get(ln);
            int from = ln == first ? Math.min(line.length(), line.offsetByCodePoints(0,
                    Math.min(sc.getStartMark().getColumn(), line.codePointCount(0, line.length())))) : 0;
            for (int i = line.indexOf(needle, from); i >= 0; i = line.indexOf(needle, i + 1)) {
                if (k-- == 0) return new SourcePos(file, ln + 1, line.codePointCount(0, i) + 1);
            }
        }
        return new SourcePos(file, first + 1, sc.getStartMark().getColumn() + 1);
    }
}
