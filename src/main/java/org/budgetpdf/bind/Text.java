package org.budgetpdf.bind;

/** Normalises clerk-written text: YAML folding puts spaces between Chinese lines, which Chinese text must not have. */
final class Text {
    private Text() {
    }

    static String normalize(String s) {
        String t = s.strip();
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                int j = i;
                while (j < t.length() && Character.isWhitespace(t.charAt(j))) j++;
                char before = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
                char after = j < t.length() ? t.charAt(j) : ' ';
                String run = t.substring(i, j);
                if (!isCjk(before) && !isCjk(after)) out.append(run.indexOf('\n') >= 0 ? " " : run);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static boolean isCjk(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF')
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '…' || c == '—';
    }
}
