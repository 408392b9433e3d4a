package org.budgetpdf.diag;

import java.util.List;
import java.util.function.Function;

/**
 * Prints diagnostics in the fixed layout documented in docs/diagnostics.md:
 * <pre>
 * data/x.yaml:12:14: 错误[E-TOTAL]: 支出合计 1,741.73 与批复数 1,740.73 不符，相差 1.00 万元
 *    12 |     金额: 1741.73
 *       |           ^^^^^^^
 * 提示：…
 * </pre>
 */
public final class DiagnosticFormatter {
    private final Function<String, List<String>> sourceLines;

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
            sb.append(gutter).append(src).append('\n');
            int col = Math.max(1, p.col());
            sb.append(" ".repeat(gutter.length() - 2)).append("| ")
              .append(caretPadding(src, col - 1))
              .append("^".repeat(caretWidth(src, col - 1))).append('\n');
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

    private static int caretWidth(String src, int from) {
        if (from >= src.length()) return 1;
        int end = from;
        // underline the scalar: up to a comment or the end of the line, trailing blanks trimmed
        int hash = src.indexOf(" #", from);
        int stop = hash < 0 ? src.length() : hash;
        end = stop;
        while (end > from && Character.isWhitespace(src.charAt(end - 1))) end--;
        int width = 0;
        for (int i = from; i < end; i++) width += isWide(src.charAt(i)) ? 2 : 1;
        return Math.max(1, width);
    }

    private static boolean isWide(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF');
    }
}
