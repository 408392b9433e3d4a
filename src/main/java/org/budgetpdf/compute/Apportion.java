package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.util.List;

/**
 * Rounds amounts kept at full precision (e.g. entered in 元) to the printed 0.01 万元 so that the printed parts add
 * up to a given printed total: the largest-remainder method, as {@link Shares} does for percentages. Every total a
 * document prints is then the sum of the printed parts, never a separately rounded figure.
 */
public final class Apportion {
    private Apportion() {
    }

    /** The parts rounded against their own total rounded half up. */
    public static List<Money> of(List<BigDecimal> parts) {
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return of(parts, Money.of(sum));
    }

    /**
     * The parts rounded so they add to {@code target}: each part is floored to 0.01, then the cents still missing go
     * one each to the largest remainders (ties to the earlier part); only non-zero parts receive or give a cent.
     */
    public static List<Money> of(List<BigDecimal> parts, Money target) {
        return Rounding.apportion(parts, target.value(), 2).stream().map(Money::of).toList();
    }

    public static Money sum(List<Money> ms) {
        Money s = Money.ZERO;
        for (Money m : ms) s = s.plus(m);
        return s;
    }
}
