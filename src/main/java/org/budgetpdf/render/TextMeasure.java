package org.budgetpdf.render;

import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.css.style.derived.RectPropertySet;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.render.FSFont;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Text measured before layout as layout will set it: widths in the fonts Flying Saucer uses, and lines broken greedily
 * at the break opportunities of {@link ChineseLineBreaking}, as Flying Saucer's breaker does. What the table fitter
 * and the heading balancer expect is what is printed (tests compare the predicted row heights with the laid-out ones).
 */
final class TextMeasure {
    private final LayoutContext ctx;
    private final ChineseLineBreaking breaking;

    TextMeasure(LayoutContext ctx, ChineseLineBreaking breaking) {
        this.ctx = ctx;
        this.breaking = breaking;
    }

    ChineseLineBreaking breaking() {
        return breaking;
    }

    LayoutContext ctx() {
        return ctx;
    }

    int hpad(CalculatedStyle st) {
        RectPropertySet p = st.getPaddingRect(0, ctx);
        BorderPropertySet b = st.getBorder(ctx);
        return (int) Math.ceil(p.left() + p.right() + b.left() + b.right());
    }

    int vpad(CalculatedStyle st) {
        RectPropertySet p = st.getPaddingRect(0, ctx);
        BorderPropertySet b = st.getBorder(ctx);
        return (int) Math.ceil(p.top() + p.bottom() + (b.top() + b.bottom()) / 2);
    }

    private final Map<FSFont, Map<String, Integer>> widths = new java.util.HashMap<>();

    int width(FSFont font, String s) {
        if (s.isEmpty()) return 0;
        return widths.computeIfAbsent(font, f -> new java.util.HashMap<>())
                .computeIfAbsent(s, t -> ctx.getTextRenderer().getWidth(ctx.getFontContext(), font, t));
    }

    /** The widest run of text that cannot be broken (a figure, a Latin word, two characters kept together). */
    int longestToken(FSFont font, String text) {
        BitSet ok = breaking.opportunities(text);
        int best = 0;
        int from = 0;
        for (int p = ok.nextSetBit(1); ; p = ok.nextSetBit(p + 1)) {
            int to = p < 0 ? text.length() : p;
            best = Math.max(best, width(font, text.substring(from, to).strip()));
            if (p < 0) break;
            from = p;
        }
        return best;
    }

    /**
     * The narrowest width at which the text takes at most {@code maxLines} lines and leaves no character alone on a
     * line after a longer one ("政府/性/基金" is two lines too many: "政府性/基金"). Not monotonic in the width, so
     * every width a line can have is tried, narrowest first.
     */
    int wrapWidth(FSFont font, String text, int maxLines) {
        int one = width(font, text);
        int lo = Math.max(longestToken(font, text), 1);
        if (maxLines <= 1 || lo >= one) return one;
        BitSet ok = breaking.opportunities(text);
        java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>();
        for (int a = 0; a >= 0 && a < text.length(); a = ok.nextSetBit(a + 1)) {
            for (int b = ok.nextSetBit(a + 1); ; b = ok.nextSetBit(b + 1)) {
                int end = b < 0 ? text.length() : b;
                int w = width(font, text.substring(a, end).strip());
                if (w >= lo) candidates.add(w);
                if (b < 0) break;
            }
        }
        for (int w : candidates) {
            List<String> lines = breakLines(font, text, w);
            if (lines.size() <= maxLines && !ChineseLineBreaking.orphan(lines)) return w;
        }
        return one;
    }

    /** Lines the text takes in {@code width} dots with the layout's line breaking (greedy, as Flying Saucer sets it). */
    int lines(FSFont font, String text, int width) {
        return breakLines(font, text, width).size();
    }

    /** The lines of the text at {@code width} dots, broken greedily at the layout's break opportunities. */
    List<String> breakLines(FSFont font, String text, int width) {
        return breakLines(font, text, width, 0);
    }

    /** Lines of a paragraph whose first line is indented by {@code indent} dots. */
    int lines(FSFont font, String text, int width, int indent) {
        return breakLines(font, text, width, indent).size();
    }

    private List<String> breakLines(FSFont font, String text, int width, int indent) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            out.add("");
            return out;
        }
        BitSet ok = breaking.opportunities(text);
        int start = 0;
        int lastFit = -1;
        for (int p = ok.nextSetBit(1); ; p = ok.nextSetBit(p + 1)) {
            int end = p < 0 ? text.length() : p;
            int avail = out.isEmpty() ? width - indent : width;
            if (lastFit > start && width(font, text.substring(start, end).strip()) > avail) {
                out.add(text.substring(start, lastFit).strip());
                start = lastFit;
            }
            lastFit = end;
            if (p < 0) break;
        }
        out.add(text.substring(start).strip());
        return out;
    }
}
