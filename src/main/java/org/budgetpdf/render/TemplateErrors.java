package org.budgetpdf.render;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Severity;
import org.budgetpdf.diag.SourcePos;

import java.io.IOException;

/**
 * A template that fails on a file's data, told as a diagnostic at the template's line (E-LAYOUT), in the clerk's words:
 * the template runs at `check`, so a name it uses that does not exist, or a value this data does not give that the
 * template prints without asking, is found before any PDF is made.
 */
public final class TemplateErrors {
    private TemplateErrors() {
    }

    private static final String HINT = "问题在版式的模板：改正这一行（写法见 templates/README.md“模板（document.ftlh）”），"
            + "或换用其他版式。数据文件可以不写的项，模板要用 <#if 名称??>…</#if> 包起来，没有时整句不印。";

    public static Diagnostic diagnostic(TemplateException e) {
        String name = e.getTemplateSourceName();
        Integer line = e.getLineNumber();
        Integer col = e.getColumnNumber();
        SourcePos pos = name == null ? SourcePos.fileOnly("templates/")
                : line == null ? SourcePos.fileOnly("templates/" + name) : new SourcePos("templates/" + name, line, col == null ? 1 : col);
        return new Diagnostic("E-LAYOUT", Severity.ERROR, pos, message(e), HINT);
    }

    /** A template that could not be read at all (missing, unreadable, refused by the loader). */
    public static Diagnostic diagnostic(IOException e, String template) {
        if (e instanceof ParseException p) {
            String name = "templates/" + (p.getTemplateName() == null ? template : p.getTemplateName());
            SourcePos pos = p.getLineNumber() > 0 ? new SourcePos(name, p.getLineNumber(), Math.max(1, p.getColumnNumber()))
                    : SourcePos.fileOnly(name);
            return new Diagnostic("E-LAYOUT", Severity.ERROR, pos, "模板语法有误：" + firstLine(p.getEditorMessage()), HINT);
        }
        String why = e instanceof freemarker.template.TemplateNotFoundException ? "找不到模板 templates/" + template
                : "模板 templates/" + template + " 无法读取：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return new Diagnostic("E-LAYOUT", Severity.ERROR, SourcePos.fileOnly("templates/" + template), why, HINT);
    }

    private static String message(TemplateException e) {
        if (e instanceof InvalidReferenceException) {
            String what = e.getBlamedExpressionString();
            return "模板用到的“" + (what == null ? "?" : what) + "”在这份数据中没有值：名称写错了，或它是数据文件可以不写的一项";
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof freemarker.template.TemplateNotFoundException nf) return "找不到模板 templates/" + nf.getTemplateName();
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return "模板出错：" + t.getMessage(); // our own message (an undeclared table, a fund that does not exist)
            }
        }
        return "模板出错：" + firstLine(e.getMessageWithoutStackTop());
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        return s.lines().filter(l -> !l.isBlank()).findFirst().orElse("").replaceAll("\\s*\\[in template.*$", "").strip();
    }
}
