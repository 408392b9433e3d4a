package org.budgetpdf.compute;

import org.budgetpdf.model.Labeled;

import java.util.Optional;

/** The dimensions an amount can be selected by, with the names table declarations use for them. */
public enum Dim implements Labeled {
    MEASURE("数据"),
    FUND("资金"),
    NATURE("性质"),
    /** 支出功能分类: 类/款/项 prefixes. */
    FUNCTION("功能"),
    /** 部门预算支出经济分类: 类/款 prefixes. */
    ECON("经济"),
    /** 政府预算支出经济分类, derived from the 部门 款 and the unit's type. */
    GOV_ECON("政府经济"),
    UNIT("单位"),
    UNIT_TYPE("单位类型"),
    PROJECT("项目"),
    PROJECT_TYPE("项目类型"),
    ITEM("细目");

    private final String label;

    Dim(String label) { this.label = label; }

    @Override
    public String label() { return label; }

    /** Codes match by prefix (210 selects 2101501); every other dimension by equality. */
    public boolean byPrefix() {
        return this == FUNCTION || this == ECON || this == GOV_ECON;
    }

    public static Optional<Dim> of(String label) {
        return Labeled.byLabel(Dim.class, label);
    }
}
