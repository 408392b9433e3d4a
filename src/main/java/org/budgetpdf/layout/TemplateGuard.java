package org.budgetpdf.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a layout's template may not do. A layout folder is input, not trusted code (a folder someone else prepared
 * is enough to run the tool in), so the FreeMarker built-ins that construct Java objects or turn text into template
 * code are refused wherever they appear in a template's text: {@code ?new} (any class, e.g.
 * {@code freemarker.template.utility.Execute}), {@code ?interpret} and {@code ?eval} (a department name becomes code),
 * {@code ?api} (the Java methods behind a value). The scan is lexical and deliberately broad: a false alarm in a
 * comment costs a rewording, a miss costs the machine.
 */
public final class TemplateGuard {
    private TemplateGuard() {
    }

    /** FreeMarker allows blanks around '?'; eval_json (JSON only) stays allowed. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\?\\s*(new|interpret|eval|api|has_api)(?![A-Za-z0-9_])");

    /** One forbidden built-in: its name, its 1-based line and column in the template and its length there. */
    public record Finding(String builtin, int line, int col, int length) {
        /** The clerk's message: what the built-in would do. */
        public String message() {
            String what = switch (builtin) {
                case "new" -> "构造 Java 对象（可以运行任意命令、读取任意文件）";
                case "interpret", "eval" -> "把文字当作模板代码执行（数据里的文字会变成代码）";
                default -> "调用数据背后的 Java 方法";
            };
            return "模板不能使用 ?" + builtin + "：它会" + what;
        }

        public static final String HINT = "版式只能排版数据，不能执行代码；删去这一处。模板能用的写法见 templates/README.md“模板能做什么”。";
    }

    /** Every forbidden built-in in a template's text, in order. */
    public static List<Finding> scan(String text) {
        List<Finding> out = new ArrayList<>();
        Matcher m = FORBIDDEN.matcher(text);
        while (m.find()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            out.add(new Finding(m.group(1), line, m.start() - lineStart + 1, m.end() - m.start()));
        }
        return out;
    }
}
