package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A percentage with two decimals: "7.45%". */
public record Pct(BigDecimal value) {
    public Pct {
        value = value.setScale(2, RoundingMode.HALF_UP);
    }

    /** part / whole × 100, rounded half up; zero when whole is zero. */
    public static Pct ratio(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) return new Pct(BigDecimal.ZERO);
        return new Pct(part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP));
    }

    public String text() {
        return value.toPlainString() + "%";
    }

    @Override
    public String toString() {
        return text();
    }
}
