package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Approved;
import org.budgetpdf.model.Disclosure;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * R01 (rules.md §1.1): 部门预决算 are published within 20 days of the finance bureau's 批复 (预算法 art. 14, 财预〔2016〕143号);
 * a 预算 is published in its own year, a 决算 in the year after.
 */
final class Dates {
    static final int DAYS = 20;

    private Dates() {
    }

    static void publication(Context ctx, Diagnostics x) {
        Disclosure d = ctx.doc();
        SourcePos at = publishPos(ctx);
        if (!at.known()) return; // no 公开日期 written: E-MISSING already
        LocalDate pub = d.publishDate();
        int expected = d.isBudget() ? d.year() : d.year() + 1;
        if (pub.getYear() != expected) {
            x.error("E-DATE", at, "公开日期 " + pub + " 不在" + expected + "年：" + d.year() + "年"
                            + (d.isBudget() ? "部门预算在当年公开" : "部门决算在下一年公开"),
                    "核对“公开日期”的年份（常见的是沿用了上年文件的日期）；" + (d.isBudget() ? "预算" : "决算")
                            + "的公开日期应在" + expected + "年内。");
        }
        Approved a = d.approved();
        if (a != null && a.date() != null) {
            long days = ChronoUnit.DAYS.between(a.date(), pub);
            if (days > DAYS) {
                x.warning("W-DATE", at, "公开日期 " + pub + " 在批复日期 " + a.date() + " 之后 " + days + " 天，超过规定的 "
                                + DAYS + " 天", "预算法第十四条、财预〔2016〕143号：部门预决算应在财政部门批复后20日内公开；"
                                + "请核对两个日期，确实逾期的请在公开时说明原因。");
            } else if (days < 0) {
                x.warning("W-DATE", at, "公开日期 " + pub + " 早于批复日期 " + a.date() + "（早 " + -days + " 天）",
                        "部门预决算在财政部门批复之后才能公开；请核对两个日期。");
            }
        }
    }

    /** Where 公开日期 is written (the value), or the file when it is not. */
    private static SourcePos publishPos(Context ctx) {
        String file = ctx.doc().file();
        if (ctx.source() == null || !(ctx.source().root() instanceof MappingNode m)) return SourcePos.fileOnly(file);
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().strip().equals("公开日期")) {
                var mark = t.getValueNode().getStartMark();
                return new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1);
            }
        }
        return SourcePos.fileOnly(file);
    }
}
