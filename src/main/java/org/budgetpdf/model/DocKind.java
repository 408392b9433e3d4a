package org.budgetpdf.model;

public enum DocKind implements Labeled {
    BUDGET("部门预算"),
    FINAL_ACCOUNTS("部门决算");

    private final String label;

    DocKind(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}
