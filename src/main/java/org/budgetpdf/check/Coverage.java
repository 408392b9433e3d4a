package org.budgetpdf.check;

import org.budgetpdf.compute.Atom;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Reasons;

/**
 * Whether a file gives the checker something to check: any spending at all (X07), and the control totals a typed
 * amount can be caught against (X06).
 */
final class Coverage {
    private Coverage() {
    }

    /**
     * X07: a 部门预算 without 基本支出 and 项目, or a 部门决算 without 决算明细, has no spending: every table and sentence
     * would print zeros. All spending zero is possible (a new body) but worth a look.
     */
    static void spending(Context ctx, Diagnostics x) {
        var c = ctx.cube();
        String file = ctx.doc().file();
        if (!c.has(Filter.ALL)) {
            x.error("E-MISSING", SourcePos.fileOnly(file), ctx.doc().isBudget()
                            ? "文件里没有任何支出：既没有“基本支出”，也没有“项目”" : "文件里没有任何支出：没有“决算明细”",
                    "没有支出明细的文件会生成一份处处是 0 的公开文件；请照财政系统的数填写"
                            + (ctx.doc().isBudget() ? "“基本支出”和“项目”" : "“决算明细”") + "（格式见 README“数据文件格式”）。");
            return;
        }
        if (c.exact(Filter.ALL).signum() != 0) return;
        Atom first = c.select(Filter.ALL).get(0);
        x.warning("W-ALL-ZERO", first.fact().pos(), "全部支出都是 0，公开文件的每张表、每句话都会是 0",
                "多半是金额还没有填（或金额单位写错）；确实没有支出时，请在说明里写明原因。");
    }

    /**
     * X06: without 批复 (控制数) and without any 构成 of a change, a mistyped amount changes every total consistently
     * and nothing is left to compare it with: said once, so that the clerk knows the check is weaker.
     */
    static void controls(Context ctx, Diagnostics x) {
        if (ctx.doc().approved() != null) return;
        if (reviewAsksForControls(ctx)) return; // next-year's 待核对 already asks for the new year's 批复
        if (ctx.doc().reasons().given().values().stream().anyMatch(Reasons.Given::hasParts)) return;
        x.warning("W-NO-CONTROLS", SourcePos.fileOnly(ctx.doc().file()), "文件没有“批复”，变动原因也没有“构成”：录错的金额没有可以核对的总数",
                "检查器能发现表与表之间对不上的数，但一笔录错的金额会让所有合计一起变，看起来仍然自洽。照财政批复文件填写“批复:”"
                        + "（支出总计、基本支出、项目支出、财政拨款、各单位合计……），检查器就能逐项核对；见 README“为什么要填批复”。");
    }

    /** Whether the file's 待核对 (written by next-year) names the 批复 or 控制数 still to be filled in. */
    private static boolean reviewAsksForControls(Context ctx) {
        if (!(ctx.source().root() instanceof org.yaml.snakeyaml.nodes.MappingNode root)) return false;
        for (org.yaml.snakeyaml.nodes.NodeTuple t : root.getValue()) {
            if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && k.getValue().strip().equals("待核对")) {
                return mentions(t.getValueNode());
            }
        }
        return false;
    }

    private static boolean mentions(org.yaml.snakeyaml.nodes.Node n) {
        if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode s) return s.getValue().contains("批复") || s.getValue().contains("控制数");
        if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode s) return s.getValue().stream().anyMatch(Coverage::mentions);
        if (n instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            return m.getValue().stream().anyMatch(t -> mentions(t.getKeyNode()) || mentions(t.getValueNode()));
        }
        return false;
    }
}
