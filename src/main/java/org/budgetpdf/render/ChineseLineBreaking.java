package org.budgetpdf.render;

import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Where a line of Chinese text may end, as a typesetter decides it (Flying Saucer asks its line breaking strategy for
 * the break opportunities of each run of text):
 * <ul>
 *   <li>between two Chinese characters, and after a space — never inside a number or a Latin word;</li>
 *   <li>no line starts with closing punctuation (，。、；：）》”% …) and none ends with an opening bracket (（《“ …);</li>
 *   <li>a number stays with the unit after it (2025年, 1740.73万元, 7.45%);</li>
 *   <li>the last two characters of a text stay together, so no line holds one character after a longer line
 *       (“满意度指/标” becomes “满意度/指标”);</li>
 *   <li>a name given to keep whole (the department's, its units') is not broken, unless it is longer than a line.</li>
 * </ul>
 * The same rules measure text before layout ({@link TableFitter}), so what the fitter expects is what is printed. Flying
 * Saucer asks again for the rest of a text after each line it sets, so a rule may look at a text's end, not its start
 * or length: that a word of three characters is not broken ("合计", "决算数") is the fitter's, by the widths it gives.
 */
final class ChineseLineBreaking implements LineBreakingStrategy {
    private static final String NO_START = "，。、；：！？）》」』】〕〉〗”’％%…·—‐‑–-ー々〻,.;:!?)]}、";
    private static final String NO_END = "（《「『【〔〈〖“‘([{";
    private static final String UNITS = "年月日万元亿%％个人次项件户辆台套元角分";

    private final List<String> keep;

    /** @param keep names not to break inside (the department's, its units'); blank ones are ignored */
    ChineseLineBreaking(List<String> keep) {
        List<String> k = new ArrayList<>();
        for (String s : keep) if (s != null && s.codePointCount(0, s.length()) >= 2) k.add(s);
        this.keep = List.copyOf(k);
    }

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        BitSet ok = opportunities(text);
        return new BreakPointsProvider() {
            private int at = 0;
            private boolean done;

            @Override
            public BreakPoint next() {
                if (done) return BreakPoint.getDonePoint();
                int next = ok.nextSetBit(at + 1);
                if (next < 0 || next >= text.length()) {
                    done = true;
                    at = text.length();
                    return text.isEmpty() ? BreakPoint.getDonePoint() : new BreakPoint(text.length());
                }
                at = next;
                return new BreakPoint(next);
            }
        };
    }

    /** Positions p (0 &lt; p &lt; length) where a line may end before {@code text.charAt(p)}. */
    BitSet opportunities(String text) {
        int n = text.length();
        BitSet ok = new BitSet(n + 1);
        for (int p = 1; p < n; p++) {
            char a = text.charAt(p - 1);
            char b = text.charAt(p);
            if (Character.isLowSurrogate(b)) continue;
            boolean space = Character.isWhitespace(a) && !Character.isWhitespace(b);
            if (!space && !(wide(a) || wide(b))) continue;
            if (NO_START.indexOf(b) >= 0 || NO_END.indexOf(a) >= 0) continue;
            if (Character.isDigit(a) && UNITS.indexOf(b) >= 0) continue;
            if (a == '—' && b == '—' || a == '…' && b == '…') continue;
            ok.set(p);
        }
        // a short bracketed phrase stays with what precedes it: "部门（单位）/代码", not "部门（单/位）代码"
        for (int open = indexOfAny(text, NO_END, 0); open >= 0; open = indexOfAny(text, NO_END, open + 1)) {
            int close = indexOfAny(text, NO_START, open + 1);
            if (close > open && close - open <= 5) ok.clear(open + 1, close + 1);
        }
        // the last two characters (and the closing punctuation after them) stay together
        int end = n;
        while (end > 0 && NO_START.indexOf(text.charAt(end - 1)) >= 0) end--;
        int letters = 0;
        int tail = end;
        while (tail > 0 && letters < 2) {
            tail--;
            if (!Character.isWhitespace(text.charAt(tail)) && !Character.isLowSurrogate(text.charAt(tail))) letters++;
        }
        if (letters == 2) ok.clear(tail + 1, n);
        for (String name : keep) {
            for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) ok.clear(i + 1, i + name.length());
        }
        return ok;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    /**
     * Whether a line holds one character (closing punctuation aside) after a line of two or more: what a reader sees as
     * a character left alone ("满意度指/标").
     */
    static boolean orphan(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            int end = t.length();
            while (end > 0 && NO_START.indexOf(t.charAt(end - 1)) >= 0) end--;
            if (t.codePointCount(0, end) == 1 && lines.get(i - 1).strip().codePointCount(0, lines.get(i - 1).strip().length()) >= 2) {
                return true;
            }
        }
        return false;
    }

    /** A character set one per em: ideographs, kana, full-width forms and CJK punctuation. */
    static boolean wide(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) return true;
        return (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF') || c == '“' || c == '”' || c == '‘'
                || c == '’' || c == '…' || c == '—' || c == '·';
    }
}
