package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** An amount in 万元 as the document shows it; formatting lives here so every table and sentence agrees. */
public record Money(BigDecimal value) implements Comparable<Money> {
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        value = value.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money of(BigDecimal v) {
        return new Money(v);
    }

    public static Money of(String v) {
        return new Money(new BigDecimal(v));
    }

    public Money plus(Money o) {
        return new Money(value.add(o.value));
    }

    public Money minus(Money o) {
        return new Money(value.subtract(o.value));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** Table form with thousands separators: "1,740.73". */
    public String table() {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.UNNECESSARY);
        return f.format(value);
    }

    /** Table cell: blank for zero, so wide tables show only what exists. */
    public String cell() {
        return isZero() ? "" : table();
    }

    /** Running-text form without separators: "1740.73". */
    public String text() {
        return value.toPlainString();
    }

    @Override
    public int compareTo(Money o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return table();
    }
}
