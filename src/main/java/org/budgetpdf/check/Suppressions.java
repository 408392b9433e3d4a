package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;

/**
 * X04: a warning the clerk has checked is explained in the data file and then not listed —
 * <pre>
 * 说明:
 *   - {代码: W-RUNNING-COST, 数: 8.45, 原因: 原文口径含服务中心公用经费，已与财政批复核对}
 * </pre>
 * An entry names the code and the figure (数) or words (文字) on the warning's line, and gives a reason; it explains
 * every warning of that code whose line contains them. Errors cannot be explained away. An entry that explains nothing
 * (the data changed, or a typo) is itself a warning. Runs last; the summary counts what was explained. The shape of
 * the entries (代码 and 原因 required) is checked by the binder.
 */
final class Suppressions {
    private Suppressions() {
    }

    record Entry(String code, String what, String reason, SourcePos pos) {
    }

    static void apply(Context ctx, Diagnostics x) {
        List<Entry> entries = entries(ctx);
        if (entries.isEmpty()) return;
        List<String> lines = ctx.source().lines();
        String file = ctx.doc().file();
        for (Entry e : entries) {
            if (e.code().startsWith("E-")) {
                x.warning("W-SUPPRESS", e.pos(), "“说明”不能用于错误 " + e.code() + "，错误必须改正",
                        "只有警告可以说明；请改正数据，然后删去这一项。");
                continue;
            }
            List<Diagnostic> taken = x.suppress(d -> d.code().equals(e.code()) && d.pos().file().equals(file)
                    && d.pos().known() && d.pos().line() <= lines.size()
                    && lines.get(d.pos().line() - 1).contains(e.what()));
            if (taken.isEmpty()) {
                x.warning("W-SUPPRESS", e.pos(), "“说明”中的 " + e.code() + "（" + e.what() + "）没有对应的警告",
                        "数据改过之后这项说明可能已经不需要了；请核对代码和“数”（或“文字”）是否与警告所在行一致，不再需要时删去。");
            }
        }
    }

    private static List<Entry> entries(Context ctx) {
        List<Entry> out = new ArrayList<>();
        if (ctx.source() == null || !(ctx.source().root() instanceof MappingNode root)) return out;
        for (NodeTuple t : root.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k && k.getValue().strip().equals("说明"))) continue;
            if (!(t.getValueNode() instanceof SequenceNode seq)) continue;
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode m)) continue;
                String code = scalar(m, "代码");
                String what = scalar(m, "数");
                if (what == null) what = scalar(m, "文字");
                String reason = scalar(m, "原因");
                if (code == null || what == null || what.isEmpty() || reason == null || reason.isEmpty()) continue;
                var mark = item.getStartMark();
                out.add(new Entry(code.strip(), what.strip(), reason, new SourcePos(ctx.doc().file(), mark.getLine() + 1,
                        mark.getColumn() + 1)));
            }
        }
        return out;
    }

    private static String scalar(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().strip().equals(key)
                    && t.getValueNode() instanceof ScalarNode v) return v.getValue();
        }
        return null;
    }
}
