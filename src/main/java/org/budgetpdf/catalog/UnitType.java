package org.budgetpdf.catalog;

import java.util.Optional;

/** Kind of budget unit; decides how a 部门经济分类 款 maps to a 政府经济分类 款. */
public enum UnitType {
    ADMIN("行政"),
    /** 参照公务员法管理的事业单位: uses the 行政 mapping. */
    CIVIL_SERVANT_MANAGED("参公"),
    INSTITUTION("事业");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label used for this type in econ_map.csv (参公 shares the 行政 rows). */
    String mappingLabel() {
        return this == CIVIL_SERVANT_MANAGED ? ADMIN.label : label;
    }

    /** Accepts the short label ("行政") and the long form ("行政单位", "参公单位"). */
    public static Optional<UnitType> fromLabel(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        if (t.endsWith("单位")) t = t.substring(0, t.length() - 2);
        for (UnitType u : values()) {
            if (u.label.equals(t)) return Optional.of(u);
        }
        return Optional.empty();
    }
}
