package org.budgetpdf.export;

import org.apache.poi.ss.util.WorkbookUtil;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Sheet names Excel accepts: at most 31 characters, none of {@code : \ / ? * [ ]}, no apostrophe at either end, not
 * "History", and unique regardless of case. A name taken already gets "（2）", "（3）" … within the limit.
 */
final class SheetNames {
    static final int MAX = 31;
    private final Set<String> taken = new HashSet<>();

    /** A valid name not given before, made from {@code wanted} (blank: "表" and the sheet's number). */
    String next(String wanted) {
        String base = valid(wanted);
        if (base.isEmpty()) base = "表" + (taken.size() + 1);
        String name = base;
        for (int n = 2; !free(name); n++) {
            String suffix = "（" + n + "）";
            name = cut(base, MAX - suffix.length()) + suffix;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private boolean free(String name) {
        return !taken.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("History");
    }

    static String valid(String wanted) {
        String s = wanted.replaceAll("\\s+", " ").strip();
        if (s.isEmpty()) return "";
        // cut first: POI's own cut may split a character outside the BMP
        s = WorkbookUtil.createSafeSheetName(cut(s, MAX), '_');   // the forbidden characters, apostrophes at the ends
        return s.replaceAll("^'+|'+$", "").strip();
    }

    /** At most {@code max} UTF-16 units, never half of a character outside the BMP. */
    static String cut(String s, int max) {
        if (s.length() <= max) return s;
        int end = max;
        if (Character.isLowSurrogate(s.charAt(end)) && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }
}
