package org.budgetpdf.compute;

import org.budgetpdf.model.Fact;

import java.math.BigDecimal;

/**
 * A {@link Fact} as the document prints it: its value rounded once to 0.01 万元 ({@link Realize}), and the
 * dimensions derived from the catalog and the file (the 政府经济分类 款, the project's type, the unit's type).
 */
public record Atom(Fact fact, Money shown, String govEcon, String projectType, String unitType) {

    public BigDecimal exact() {
        return fact.value();
    }

    /** The value of one dimension, as {@link Filter} compares it; null when the amount has none. */
    public String get(Dim d) {
        return switch (d) {
            case MEASURE -> fact.measure().label();
            case FUND -> fact.fund() == null ? null : fact.fund().label();
            case NATURE -> fact.nature() == null ? null : fact.nature().label();
            case FUNCTION -> fact.function();
            case ECON -> fact.econ();
            case GOV_ECON -> govEcon;
            case UNIT -> fact.unit();
            case UNIT_TYPE -> unitType;
            case PROJECT -> fact.project();
            case PROJECT_TYPE -> projectType;
            case ITEM -> fact.item();
        };
    }
}
