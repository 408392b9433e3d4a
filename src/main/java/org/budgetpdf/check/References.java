package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Approved;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.Line;
import org.budgetpdf.model.Project;
import org.budgetpdf.model.Unit;

import java.util.HashMap;
import java.util.Map;

/** Rules about references inside the file: units defined once and used as defined, no block written twice. */
final class References {
    private References() {
    }

    /** X01: every unit code once; every line, project and 批复.单位 names a defined unit. */
    static void units(Context ctx, Diagnostics x) {
        Disclosure d = ctx.doc();
        Map<String, Unit> seen = new HashMap<>();
        for (Unit u : d.units()) {
            Unit first = seen.putIfAbsent(u.code(), u);
            if (first != null) {
                x.error("E-DUP-UNIT", u.pos(), "单位代码 " + u.code() + " 重复（第一次在第 " + first.pos().line() + " 行）",
                        "每个预算单位只写一次。");
            }
        }
        // no units at all is the binder's E-MISSING; one E-REF-UNIT per line would only repeat it
        if (d.units().isEmpty()) return;
        for (Line l : d.lines()) if (l.unit() != null) unitRef(d, l.unit(), l.pos(), "", x);
        for (Project p : d.projects()) unitRef(d, p.unitCode(), p.pos(), "", x);
        if (d.approved() != null) {
            for (Approved.Keyed u : d.approved().units()) unitRef(d, u.code(), u.codePos(), "“批复.单位”中的", x);
        }
    }

    private static void unitRef(Disclosure d, String code, SourcePos pos, String where, Diagnostics x) {
        if (!code.isEmpty() && d.unit(code) == null) {
            x.error("E-REF-UNIT", pos, where + "单位“" + code + "”没有在“单位:”中定义",
                    "已定义的单位：" + String.join("、", d.units().stream().map(Unit::code).toList()) + "。");
        }
    }

    /** X02: a 基本支出 block (unit × 项 × fund) or a 决算明细 项 written twice; a project name or code written twice. */
    static void duplicates(Context ctx, Diagnostics x) {
        Disclosure d = ctx.doc();
        Map<String, Line> lines = new HashMap<>();
        for (Line l : d.lines()) {
            if (l.function().isEmpty()) continue;
            Line first = lines.putIfAbsent(l.unit() + "|" + l.function() + "|" + l.fund(), l);
            if (first == null) continue;
            if (l.unit() == null) {
                x.error("E-DUP-LINE", l.pos(), "功能科目 " + l.function() + " 在“决算明细”中写了两次（第一次在第 "
                        + first.pos().line() + " 行）", "每个功能分类项只写一段，金额合并。");
            } else {
                x.error("E-DUP-LINE", l.pos(), "单位 " + l.unit() + " 的功能科目 " + l.function() + "（" + l.fund().label()
                        + "）重复填写（第一次在第 " + first.pos().line() + " 行）", "把两段的经济科目合并到一段里。");
            }
        }
        Map<String, Project> names = new HashMap<>();
        Map<String, Project> codes = new HashMap<>();
        for (Project p : d.projects()) {
            Project first = names.putIfAbsent(p.unitCode() + "|" + p.name(), p);
            if (first != null) {
                x.error("E-DUP-PROJECT", p.pos(), "项目“" + p.name() + "”重复（第一次在第 " + first.pos().line() + " 行）",
                        "同一单位的同名项目只写一次；金额不同的多个科目写在“明细”里。");
            }
            if (!p.code().isEmpty()) {
                Project firstCode = codes.putIfAbsent(p.code(), p);
                if (firstCode != null) {
                    x.error("E-DUP-PROJECT", p.pos(), "项目编码 " + p.code() + " 重复（第一次在第 " + firstCode.pos().line() + " 行）",
                            "项目编码应唯一，请核对预算系统中的编码。");
                }
            }
        }
    }
}
