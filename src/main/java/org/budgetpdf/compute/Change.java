package org.budgetpdf.compute;

import java.math.BigDecimal;

/**
 * A year-on-year change, phrased the way every disclosure phrases it:
 * "比2024年减少72.13万元，下降3.98%", "与2024年持平", and no percentage when last year was 0.
 */
public record Change(Money current, Money prior, int priorYear) {

    public Money delta() {
        return current.minus(prior);
    }

    public Money magnitude() {
        return new Money(delta().value().abs());
    }

    /** Percentage of the change; null when last year was zero (no rate can be given). */
    public Pct rate() {
        if (prior.isZero()) return null;
        return Pct.ratio(delta().value().abs(), prior.value());
    }

    public boolean unchanged() {
        return delta().isZero();
    }

    public boolean increased() {
        return delta().value().signum() > 0;
    }

    /** The direction word alone: 增加 / 减少 / 持平. */
    public String direction() {
        return unchanged() ? "持平" : increased() ? "增加" : "减少";
    }

    /** E.g. "比2024年减少72.13万元，下降3.98%". */
    public String sentence() {
        if (unchanged()) return "与" + priorYear + "年持平";
        return "比" + priorYear + "年" + amountPhrase();
    }

    /** The change without its reference year: "增加512.14万元，增长177.21%", or "持平". */
    public String amountPhrase() {
        if (unchanged()) return "持平";
        StringBuilder sb = new StringBuilder(increased() ? "增加" : "减少").append(magnitude().text()).append("万元");
        Pct r = rate();
        if (r != null) sb.append("，").append(increased() ? "增长" : "下降").append(r.text());
        return sb.toString();
    }

    public static Change of(BigDecimal current, BigDecimal prior, int priorYear) {
        return new Change(Money.of(current), Money.of(prior), priorYear);
    }
}
