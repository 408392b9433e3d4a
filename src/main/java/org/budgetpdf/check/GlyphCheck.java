package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.render.Glyphs;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Issue 8 §2: every text of the data file against the glyphs of the fonts that will draw it. A character no font
 * in fonts/ has would vanish from the PDF without a trace (a person's or a place's name published wrong), so
 * it is an error (E-GLYPH) at the character's line and column, one per text.
 */
public final class GlyphCheck {
    private GlyphCheck() {
    }

    public static void check(SourceFile src, Glyphs glyphs, Diagnostics diags) {
        if (src.root() == null) return;
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        walk(src.root(), src, glyphs, diags, seen);
    }

    private static void walk(Node node, SourceFile src, Glyphs glyphs, Diagnostics diags, Set<Node> seen) {
        if (!seen.add(node)) return; // an alias: its anchor is checked once
        if (node instanceof ScalarNode s) {
            scalar(s, src, glyphs, diags);
        } else if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                walk(t.getKeyNode(), src, glyphs, diags, seen);
                walk(t.getValueNode(), src, glyphs, diags, seen);
            }
        } else if (node instanceof SequenceNode q) {
            for (Node c : q.getValue()) walk(c, src, glyphs, diags, seen);
        }
    }

    private static void scalar(ScalarNode s, SourceFile src, Glyphs glyphs, Diagnostics diags) {
        Set<Integer> missing = new LinkedHashSet<>();
        s.getValue().codePoints().filter(cp -> !glyphs.drawable(cp)).forEach(missing::add);
        if (missing.isEmpty()) return;
        List<String> named = new ArrayList<>();
        for (int cp : missing) {
            if (named.size() == 5) {
                named.add("等 " + missing.size() + " 个字符");
                break;
            }
            named.add("“" + new String(Character.toChars(cp)) + "”（" + String.format("U+%04X", cp) + "）");
        }
        String fams = String.join("、", glyphs.cssFamilies());
        diags.error("E-GLYPH", place(s, missing.iterator().next(), src),
                "fonts/ 中的字体没有" + String.join("、", named) + "，PDF 里这里会是空白",
                "请改用通用的写法或常用字（人名、地名请与本人或主管部门核对）；确实要印这个字时，把含有它的字体文件（.ttf）"
                        + "放进 fonts/，程序会自动用它印这个字（请只放有授权可以嵌入公开文件的字体）。版式的 CSS 使用的字体：" + fams + "。");
    }

    /** Where the character first occurs in the scalar's source text; the scalar's start when it is written escaped. */
    private static SourcePos place(ScalarNode s, int cp, SourceFile src) {
        int line = s.getStartMark().getLine();
        int col = s.getStartMark().getColumn();
        int endLine = s.getEndMark() == null ? line : s.getEndMark().getLine();
        List<String> lines = src.lines();
        for (int l = line; l <= endLine && l < lines.size(); l++) {
            String text = lines.get(l);
            int from = l == line ? Math.min(text.length(), offset(text, col)) : 0;
            int at = text.indexOf(new String(Character.toChars(cp)), from);
            if (at >= 0) return new SourcePos(src.name(), l + 1, text.codePointCount(0, at) + 1);
        }
        return new SourcePos(src.name(), line + 1, col + 1);
    }

    private static int offset(String text, int codePoints) {
        int cps = text.codePointCount(0, text.length());
        return codePoints >= cps ? text.length() : text.offsetByCodePoints(0, codePoints);
    }
}
