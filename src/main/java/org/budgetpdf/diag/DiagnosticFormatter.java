package org.budgetpdf.diag;

import java.util.List;
import java.util.function.Function;

/**
 * Prints diagnostics in the fixed layout documented in docs/diagnostics.md:
 * <pre>
 * data/x.yaml:12:9: 错误[E-APPROVED]: 明细加总的支出总计 1,740.73 与批复数 1,741.73 不符，相差 1.00 万元
 *    12 |   支出总计: 1741.73
 *       |             ^^^^^^^
 * 提示：…
 * </pre>
 */
public final class DiagnosticFormatter {
    private final Function<String, List<String>> sourceLines;
    /** Lines longer than this are shown cut to the caret's neighbourhood. */
    static final int MAX_SHOWN = 160;
    private static final int BEFORE = 60;

    /** @param sourceLines file name → its lines (empty list when unknown) */
    public DiagnosticFormatter(Function<String, List<String>> sourceLines) {
        this.sourceLines = sourceLines;
    }

    public String format(Diagnostic d) {
        StringBuilder sb = new StringBuilder();
        SourcePos p = d.pos();
        sb.append(p.known() ? p.toString() : p.file().isEmpty() ? "(输入)" : p.file())
          .append(": ").append(d.severity().label())
          .append('[').append(d.code()).append("]: ").append(d.message()).append('\n');
        List<String> lines = p.known() ? sourceLines.apply(p.file()) : List.of();
        if (p.known() && p.line() <= lines.size()) {
            String src = lines.get(p.line() - 1);
            String num = Integer.toString(p.line());
            String gutter = " ".repeat(Math.max(0, 5 - num.length())) + num + " | ";
            // columns count code points (as YAML marks do); a character outside the BMP is two chars
            int cps = src.codePointCount(0, src.length());
            int at = Math.max(1, p.col()) - 1;
            int from = at <= cps ? src.offsetByCodePoints(0, at) : src.length() + (at - cps);
            if (src.length() > MAX_SHOWN && from <= src.length()) {
                // a very long line: show the caret's neighbourhood only
                int a = Math.max(0, from - BEFORE);
                if (a > 0 && Character.isLowSurrogate(src.charAt(a))) a--;
                int b = Math.min(src.length(), Math.max(from, a) + MAX_SHOWN - BEFORE);
                if (b < src.length() && Character.isLowSurrogate(src.charAt(b))) b++;
                String cut = (a > 0 ? "…" : "") + src.substring(a, b) + (b < src.length() ? "…" : "");
                from = from - a + (a > 0 ? 1 : 0);
                src = cut;
            }
            sb.append(gutter).append(src).append('\n');
            sb.append(" ".repeat(gutter.length() - 2)).append("| ")
              .append(caretPadding(src, from))
              .append("^".repeat(d.span() > 0 ? spanWidth(src, from, d.span()) : caretWidth(src, from))).append('\n');
        }
        if (d.hint() != null && !d.hint().isBlank()) {
            sb.append("提示：").append(d.hint()).append('\n');
        }
        return sb.toString();
    }

    public static String summary(long errors, long warnings) {
        return errors + " 个错误，" + warnings + " 个警告";
    }

    // CJK characters take two terminal cells; pad with the same width so the caret lands under the value.
    private static String caretPadding(String src, int upto) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < Math.min(upto, src.length()); i++) {
            char c = src.charAt(i);
            pad.append(c == '\t' ? "\t" : isWide(c) ? "  " : " ");
        }
        return pad.toString();
    }

    /** Display width of {@code span} code points from {@code from} (wide characters count two). */
    private static int spanWidth(String src, int from, int span) {
        int width = 0;
        for (int i = from, n = 0; i < src.length() && n < span; i += Character.charCount(src.codePointAt(i)), n++) {
            width += isWide(src.charAt(i)) ? 2 : 1;
        }
        return Math.max(1, width);
    }

    private static int caretWidth(String src, int from) {
        if (from >= src.length()) return 1;
        int end = valueEnd(src, from);
        while (end > from && Character.isWhitespace(src.charAt(end - 1))) end--;
        int width = 0;
        for (int i = from; i < end; i++) width += isWide(src.charAt(i)) ? 2 : 1;
        return Math.max(1, width);
    }

    /**
     * Where the scalar starting at {@code from} ends: a quoted scalar at its closing quote, a flow
     * collection at its closing bracket; inside {@code {…}} or {@code […]} a plain scalar at the next
     * comma or closing bracket; a key at its colon; otherwise at a comment or the end of the line.
     */
    private static int valueEnd(String src, int from) {
        char first = src.charAt(from);
        if (first == '"' || first == '\'') {
            int close = src.indexOf(first, from + 1);
            if (close > 0) return close + 1;
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            for (int i = from; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '{' || c == '[') depth++;
                if ((c == '}' || c == ']') && --depth == 0) return i + 1;
            }
        }
        boolean inFlow = flowDepth(src, from) > 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '#' && i > from && Character.isWhitespace(src.charAt(i - 1))) return i;
            if (inFlow && (c == ',' || c == '}' || c == ']')) return i;
            // a plain scalar never contains ": ", so this ends a key
            if (c == ':' && (i + 1 == src.length() || Character.isWhitespace(src.charAt(i + 1)))) return i;
        }
        return src.length();
    }

    /** Open flow brackets before {@code upto}, outside quotes. */
    private static int flowDepth(String src, int upto) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < upto && i < src.length(); i++) {
            char c = src.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(src.charAt(i - 1)))) {
                break;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    private static boolean isWide(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF');
    }
}
