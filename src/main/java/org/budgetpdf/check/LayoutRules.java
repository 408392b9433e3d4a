package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.layout.TableEngine;
import org.budgetpdf.layout.TableSpec;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.List;

/** Rules that compare the file with what its layout prints and what the disclosure rules require. */
final class LayoutRules {
    private LayoutRules() {
    }

    /** L01: data the layout's templates print is in the file; the hint says what the layout prints without it. */
    static void layoutData(Context ctx, Diagnostics x) {
        Layout l = ctx.layout();
        if (l == null) return;
        for (Layout.Need n : l.needs()) {
            Presence p = presence(ctx.source().root(), n.path());
            if (p.present) continue;
            x.warning("W-LAYOUT-DATA", p.at == null ? SourcePos.fileOnly(ctx.doc().file()) : pos(ctx, p.at),
                    "版式 " + l.name() + " 需要“" + n.path() + "”（" + n.why() + "），数据文件中没有",
                    "补上这一项；" + n.missingText() + "。也可以换用其他版式（“版式:”）。");
        }
    }

    /**
     * L02: every table the layout declares adds up on this file's amounts — each 合计/小计/总计 row and column the sum
     * of its parts, no money outside every column or row, the grand total the figure the table claims.
     */
    static void tableSums(Context ctx, Diagnostics x) {
        Layout l = ctx.layout();
        // after a data error a table cannot add up for the layout's sake: report the data, not a cascade here
        if (l == null || x.hasErrors()) return;
        for (TableSpec t : l.tables().values()) {
            for (var f : TableEngine.audit(t, ctx.realized(), ctx.dept(), l)) x.error("E-TABLE-SUM", f.pos(), f.message(), f.hint());
        }
    }

    /** R13 (rules.md §1.3): items the disclosure rules require are given. */
    static void completeness(Context ctx, Diagnostics x) {
        Layout l = ctx.layout();
        if (l == null) return;
        for (Layout.Need n : l.required()) {
            Presence p = presence(ctx.source().root(), n.path());
            if (p.present) continue;
            x.warning("W-MISSING-ITEM", p.at == null ? SourcePos.fileOnly(ctx.doc().file()) : pos(ctx, p.at),
                    "没有填写“" + n.path() + "”，而公开规定要求说明这一项（" + n.why() + "）",
                    "补上这一项；确实没有的，写明“没有”的情况（例如金额写 0），文档会照实说明。");
        }
    }

    private static SourcePos pos(Context ctx, Node n) {
        return new SourcePos(ctx.doc().file(), n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    /** Whether a path is given (not empty), and the key of the deepest section found on the way (where to point). */
    record Presence(boolean present, Node at) {
    }

    /**
     * A path such as 部门.机构设置 or 单位[].规格 ({@code []}: every element of the list). Empty text, an empty list or
     * mapping count as absent.
     */
    static Presence presence(Node root, String path) {
        Node cur = root;
        Node at = null;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String key = parts[i];
            boolean each = key.endsWith("[]");
            if (each) key = key.substring(0, key.length() - 2);
            NodeTuple t = UnusedData.tuple(cur, key);
            Node v = t == null ? null : t.getValueNode();
            if (v == null || UnusedData.empty(v)) return new Presence(false, t != null ? t.getKeyNode() : at);
            if (each) {
                if (!(v instanceof SequenceNode s)) return new Presence(false, v);
                String rest = String.join(".", List.of(parts).subList(i + 1, parts.length));
                for (Node e : s.getValue()) {
                    Presence p = rest.isEmpty() ? new Presence(!UnusedData.empty(e), e) : presence(e, rest);
                    if (!p.present) return new Presence(false, p.at == null ? e : p.at);
                }
                return new Presence(true, v);
            }
            at = t.getKeyNode();
            cur = v;
        }
        return new Presence(true, cur);
    }
}
