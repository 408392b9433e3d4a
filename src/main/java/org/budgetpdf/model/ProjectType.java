package org.budgetpdf.model;

public enum ProjectType implements Labeled {
    OPERATING("其他运转类"),
    SPECIFIC("特定目标类");

    private final String label;

    ProjectType(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}
