package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares of one breakdown, rounded by the largest-remainder method so the printed percentages add to
 * exactly 100.00% (a reader can never find a 0.01 gap). Ties go to the earlier part.
 */
public final class Shares {
    private static final BigDecimal HUNDREDTHS = BigDecimal.valueOf(10000); // 100% in units of 0.01%

    private Shares() {
    }

    public static List<Pct> of(List<BigDecimal> parts) {
        BigDecimal total = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Pct> out = new ArrayList<>();
        if (total.signum() == 0) {
            parts.forEach(p -> out.add(new Pct(BigDecimal.ZERO)));
            return out;
        }
        int n = parts.size();
        long[] floors = new long[n];
        BigDecimal[] remainders = new BigDecimal[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = parts.get(i).multiply(HUNDREDTHS).divide(total, 12, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            floors[i] = floor.longValueExact();
            remainders[i] = exact.subtract(floor);
            allocated += floors[i];
        }
        long left = 10000 - allocated;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) floors[order.get(k % n)]++;
        for (int i = 0; i < n; i++) out.add(new Pct(BigDecimal.valueOf(floors[i], 2)));
        return out;
    }
}
