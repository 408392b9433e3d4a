package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Shares of one breakdown, rounded by the largest-remainder method so the printed percentages add to
 * exactly 100.00% (a reader can never find a 0.01 gap). Ties go to the earlier part.
 */
public final class Shares {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Shares() {
    }

    public static List<Pct> of(List<BigDecimal> parts) {
        BigDecimal total = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Pct> out = new ArrayList<>();
        if (total.signum() == 0) {
            parts.forEach(p -> out.add(new Pct(BigDecimal.ZERO)));
            return out;
        }
        List<BigDecimal> exact = parts.stream()
                .map(p -> p.multiply(HUNDRED).divide(total, 12, RoundingMode.HALF_EVEN)).toList();
        Rounding.apportion(exact, HUNDRED, 2).forEach(v -> out.add(new Pct(v)));
        return out;
    }
}
