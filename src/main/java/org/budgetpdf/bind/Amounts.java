package org.budgetpdf.bind;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Parses amounts from the YAML scalar's text, never through double. */
final class Amounts {
    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private Amounts() {
    }

    /** @return the value, or null when the text is not a decimal number */
    static BigDecimal parse(String text) {
        String t = text.strip();
        if (GROUPED.matcher(t).matches()) t = t.replace(",", "");
        if (!PLAIN.matcher(t).matches()) return null;
        return new BigDecimal(t);
    }
}
