package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Largest-remainder rounding: rounds non-negative parts to {@code scale} decimals so that they add up
 * to exactly {@code target}. Each part moves by less than one unit of the last place; ties go to the
 * earlier part. Used for shares (target 100.00%) and for amounts entered in 元 and shown in 万元
 * (target = the rounded grand total), so a printed total always equals the sum of its printed parts.
 */
public final class Rounding {
    private Rounding() {
    }

    public static List<BigDecimal> apportion(List<BigDecimal> exact, BigDecimal target, int scale) {
        int n = exact.size();
        List<BigDecimal> out = new ArrayList<>(n);
        if (n == 0) return out;
        BigDecimal[] floors = new BigDecimal[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            floors[i] = exact.get(i).setScale(scale, RoundingMode.FLOOR);
            remainders[i] = exact.get(i).subtract(floors[i]);
            allocated = allocated.add(floors[i]);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        long left = target.setScale(scale, RoundingMode.HALF_UP).subtract(allocated).divide(unit, 0, RoundingMode.UNNECESSARY)
                .longValueExact();
        // Only non-zero parts receive or give a unit: a blank cell stays blank.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) if (exact.get(i).signum() != 0) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        if (left < 0) java.util.Collections.reverse(order);
        for (long k = 0; k < Math.abs(left) && !order.isEmpty(); k++) {
            int i = order.get((int) (k % order.size()));
            floors[i] = left > 0 ? floors[i].add(unit) : floors[i].subtract(unit);
        }
        for (BigDecimal f : floors) out.add(f);
        return out;
    }

    /** Rounds each part to {@code scale} decimals keeping their sum equal to the rounded exact sum. */
    public static List<BigDecimal> keepingSum(List<BigDecimal> exact, int scale) {
        BigDecimal sum = exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return apportion(exact, sum.setScale(scale, RoundingMode.HALF_UP), scale);
    }
}
