package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sums by {@link Col}, with the derived 基本/人员/公用/项目 subtotals. */
public final class Split {
    private final Map<Col, BigDecimal> by = new EnumMap<>(Col.class);

    Split add(Col c, BigDecimal amount) {
        by.merge(c, amount, BigDecimal::add);
        return this;
    }

    public Money get(Col c) {
        return Money.of(by.getOrDefault(c, BigDecimal.ZERO));
    }

    public Money basic() {
        return get(Col.WAGES).plus(get(Col.FAMILY)).plus(get(Col.GOODS)).plus(get(Col.CAPITAL));
    }

    public Money personnel() {
        return get(Col.WAGES).plus(get(Col.FAMILY));
    }

    public Money publicUse() {
        return get(Col.GOODS).plus(get(Col.CAPITAL));
    }

    public Money project() {
        return get(Col.OPERATING).plus(get(Col.SPECIFIC));
    }

    public Money total() {
        return basic().plus(project());
    }

    /** Columns of tables 03/05/09 in print order. */
    public List<Money> cells() {
        return List.of(total(), basic(), get(Col.WAGES), get(Col.FAMILY), get(Col.GOODS), get(Col.CAPITAL),
                project(), get(Col.OPERATING), get(Col.SPECIFIC));
    }
}
