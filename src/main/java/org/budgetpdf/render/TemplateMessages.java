package org.budgetpdf.render;

import freemarker.core.InvalidReferenceException;
import freemarker.core.NonBooleanException;
import freemarker.core.NonHashException;
import freemarker.core.NonMethodException;
import freemarker.core.NonNumericalException;
import freemarker.core.NonSequenceOrCollectionException;
import freemarker.core.NonStringException;
import freemarker.core.NonStringOrTemplateOutputException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeMarker's and the XML parser's English messages in the words of someone editing a layout: what is wrong and
 * where to look. The common cases are translated; anything else is explained and the original kept, marked as such.
 */
public final class TemplateMessages {
    private TemplateMessages() {
    }

    private static final Pattern BLAMED = Pattern.compile("==> (.*?)\\s+\\[in template");

    /** A template syntax error (the template does not parse). */
    public static String parse(ParseException e) {
        String m = e.getEditorMessage() == null ? "" : e.getEditorMessage();
        Matcher g;
        if ((g = Pattern.compile("You have an unclosed #(\\w+)").matcher(m)).find()) {
            return "模板到文件末尾还有没有闭合的 <#" + g.group(1) + ">：缺少 </#" + g.group(1) + ">";
        }
        if ((g = Pattern.compile("You have an unclosed @(\\S+)").matcher(m)).find()) {
            return "模板到文件末尾还有没有闭合的宏调用 <@" + g.group(1) + ">";
        }
        if (m.contains("Unexpected end of file reached")) return "模板在文件末尾意外结束（${…} 或 <#…> 没有写完）";
        if ((g = Pattern.compile("Unknown directive: #(\\w+)").matcher(m)).find()) return "不认识的指令 <#" + g.group(1) + ">";
        if ((g = Pattern.compile("Unknown built-in: \"(\\w+)\"").matcher(m)).find()) return "不认识的内建函数 ?" + g.group(1);
        if ((g = Pattern.compile("#(\\w+) is an existing directive, but the tag is malformed").matcher(m)).find()) {
            return "<#" + g.group(1) + "> 的写法不对";
        }
        if ((g = Pattern.compile("Encountered \"(.*?)\"").matcher(m)).find()) return "这里不应出现“" + g.group(1) + "”";
        if ((g = Pattern.compile("Unclosed string literal|String literal was not closed").matcher(m)).find()) {
            return "引号没有闭合";
        }
        return "模板语法错误（FreeMarker 的英文原文：" + firstLines(m) + "）";
    }

    /** A template that parses but fails while running. */
    public static String run(TemplateException e) {
        String m = e.getMessageWithoutStackTop() == null ? "" : e.getMessageWithoutStackTop();
        Matcher b = BLAMED.matcher(m);
        String expr = b.find() ? "“" + b.group(1) + "”" : "这个表达式";
        if (e instanceof InvalidReferenceException) {
            return expr + "没有值：模板用到的这一项不存在（名字写错了，或数据没有这一项时没有用 <#if …??> 包起来）";
        }
        if (e instanceof NonHashException) return expr + "不是一组数据，不能在它后面用“.”取下一项";
        if (e instanceof NonStringOrTemplateOutputException || e instanceof NonStringException) {
            return expr + "不是文字或数字，不能直接用 ${…} 印出（多半要再取它的一项，例如 .text）";
        }
        if (e instanceof NonMethodException) return expr + "不是函数，不能在它后面写括号调用";
        if (e instanceof NonNumericalException) return expr + "不是数字";
        if (e instanceof NonSequenceOrCollectionException) return expr + "不是列表，不能用 <#list> 逐项列出";
        if (e instanceof NonBooleanException) return expr + "不是“是/否”的值，不能用在 <#if> 里";
        if (m.contains("/ by zero")) return "除数为零";
        if (m.contains("Template inclusion failed") || m.contains("Template importing failed")) {
            return "<#include>/<#import> 的模板找不到（只能引用 templates/ 中的文件）";
        }
        return "模板运行出错（FreeMarker 的英文原文：" + firstLines(m).replaceAll("\\s*\\[in template.*$", "") + "）";
    }

    private static final Pattern[] SAX = {
            Pattern.compile("The element type \"(.*?)\" must be terminated by the matching end-tag \"</(.*?)>\""),
            Pattern.compile("The entity \"(.*?)\" was referenced, but not declared"),
            Pattern.compile("An invalid XML character \\(Unicode: 0x(\\p{XDigit}+)\\)"),
            Pattern.compile("The markup in the document following the root element must be well-formed"),
            Pattern.compile("XML document structures must start and end within the same entity"),
            Pattern.compile("Attribute \"(.*?)\" was already specified for element \"(.*?)\""),
            Pattern.compile("Element type \"(.*?)\" must be followed by either attribute specifications"),
            Pattern.compile("The reference to entity \"(.*?)\" must end with the ';' delimiter"),
            Pattern.compile("must not contain the '<' character"),
            Pattern.compile("Content is not allowed in prolog"),
            Pattern.compile("The end-tag for element type \"(.*?)\" must end with a '>' delimiter"),
            Pattern.compile("Open quote is expected for attribute \"(.*?)\""),
    };

    /** The XML parser's message about the XHTML a template produced. */
    public static String xml(String message) {
        String m = message == null ? "" : message;
        for (int i = 0; i < SAX.length; i++) {
            Matcher g = SAX[i].matcher(m);
            if (!g.find()) continue;
            return switch (i) {
                case 0 -> "元素 <" + g.group(1) + "> 没有对应的结束标记 </" + g.group(1) + ">";
                case 1 -> "实体 &" + g.group(1) + "; 没有定义（XHTML 模板里写 &#160; 这样的编号，或直接写这个字符）";
                case 2 -> String.format("含有 XML 不允许的控制字符 U+%04X", Integer.parseInt(g.group(1), 16));
                case 3 -> "根元素 </html> 之后还有内容";
                case 4 -> "文档没有正常结束（有元素没有闭合）";
                case 5 -> "元素 <" + g.group(2) + "> 的属性 " + g.group(1) + " 写了两次";
                case 6 -> "元素 <" + g.group(1) + "> 后面的写法不对（属性要写成 名称=\"值\"）";
                case 7 -> "“&" + g.group(1) + "”后面缺少分号（文字里的 & 要写成 &amp;）";
                case 8 -> "属性值里有“<”（要写成 &lt;）";
                case 9 -> "文档开头（<html> 之前）有多余的文字";
                case 10 -> "结束标记 </" + g.group(1) + "> 没有以“>”结束";
                default -> "属性 " + g.group(1) + " 的值没有加引号";
            };
        }
        return "XHTML 格式不对（XML 解析器的英文原文：" + firstLines(m) + "）";
    }

    private static String firstLines(String s) {
        return s.lines().filter(l -> !l.isBlank() && !l.startsWith("----") && !l.startsWith("Tip:")).limit(2)
                .map(String::strip).reduce((a, c) -> a + " " + c).orElse("");
    }
}
