package org.budgetpdf.model;

/** The level of government the department belongs to; the glossary names it ("区级财政当年拨付的资金"). */
public enum GovLevel implements Labeled {
    PROVINCE("省级"),
    CITY("市级"),
    DISTRICT("区级"),
    COUNTY("县级");

    private final String label;

    GovLevel(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}
