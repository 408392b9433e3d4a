package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * X05: what is left to review in a file written by {@code next-year} (or by the clerk as a to-do list) —
 * <pre>
 * 待核对:
 *   - {位置: 基本支出, 事项: 基本支出仍是 2025 年的数，请按 2026 年的预算逐项改正}
 *   - 批复：收到 2026 年的批复后填写控制数
 * </pre>
 * Each item is one warning W-REVIEW, at the place its 位置 names (a path such as 部门.职责[2] or 项目[3].内容, 1-based
 * list positions), else at the item. The other warnings inside a place still to be reviewed wait until its item is
 * deleted: the file is last year's text and figures, so they are the review's business (the item says how many).
 * Errors are never held back. Runs after the explained warnings are taken out (X04).
 */
final class Review {
    private Review() {
    }

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d+)])?");

    static void pending(Context ctx, Diagnostics x) {
        if (ctx.source() == null || !(ctx.source().root() instanceof MappingNode root)) return;
        Node list = child(root, "待核对");
        if (!(list instanceof SequenceNode seq)) return;
        String file = ctx.doc().file();
        for (Node item : seq.getValue()) {
            SourcePos own = pos(file, item.getStartMark());
            String what;
            String where = null;
            if (item instanceof MappingNode m) {
                what = text(child(m, "事项"));
                where = text(child(m, "位置"));
            } else {
                what = text(item);
            }
            if (what == null || what.isBlank()) what = where == null ? "（没有写明）" : where;
            Place place = where == null ? null : locate(root, where, file);
            int held = 0;
            if (place != null) {
                held = x.withdraw(d -> d.pos().file().equals(file) && d.pos().known() && !d.code().equals("W-REVIEW")
                        && d.pos().line() >= place.first() && d.pos().line() <= place.last()).size();
            }
            String message = "待核对：" + what.strip() + (place == null && where != null ? "（位置“" + where + "”在文件中找不到）" : "")
                    + (held == 0 ? "" : "（这里另有 " + held + " 条警告，删去这一项后列出）");
            x.warning("W-REVIEW", place == null ? own : place.at(), message,
                    "核对、改正之后，删去文件开头“待核对”中的这一项（第 " + own.line() + " 行）；全部核对完删去整个“待核对”。");
        }
    }

    /** Lines first..last (1-based) of a place, and where to point. */
    record Place(SourcePos at, int first, int last) {
    }

    /** The place a path names ({@code 部门.职责[2]}), or null. */
    static Place locate(MappingNode root, String path, String file) {
        Node key = null;
        Node value = root;
        for (String step : path.strip().split("\\.")) {
            Matcher m = STEP.matcher(step.strip());
            if (!m.matches() || !(value instanceof MappingNode map)) return null;
            NodeTuple t = tuple(map, m.group(1).strip());
            if (t == null) return null;
            key = t.getKeyNode();
            value = t.getValueNode();
            if (m.group(2) != null) {
                int i = Integer.parseInt(m.group(2));
                if (!(value instanceof SequenceNode s) || i < 1 || i > s.getValue().size()) return null;
                value = s.getValue().get(i - 1);
                key = value;
            }
        }
        if (key == null) return null;
        Mark end = value.getEndMark();
        // a block ends where the next token starts: at column 0 of the following line
        int last = end.getColumn() == 0 && end.getLine() > key.getStartMark().getLine() ? end.getLine() : end.getLine() + 1;
        return new Place(pos(file, key.getStartMark()), key.getStartMark().getLine() + 1, last);
    }

    private static SourcePos pos(String file, Mark m) {
        return new SourcePos(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static NodeTuple tuple(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().strip().equals(key)) return t;
        }
        return null;
    }

    private static Node child(MappingNode m, String key) {
        NodeTuple t = tuple(m, key);
        return t == null ? null : t.getValueNode();
    }

    private static String text(Node n) {
        return n instanceof ScalarNode s && !org.yaml.snakeyaml.nodes.Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
    }
}
