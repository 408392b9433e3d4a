package org.budgetpdf.model;

/** 基本支出 or 项目支出. */
public enum Nature implements Labeled {
    BASIC("基本"),
    PROJECT("项目");

    private final String label;

    Nature(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}
