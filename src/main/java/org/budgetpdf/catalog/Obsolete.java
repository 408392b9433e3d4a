package org.budgetpdf.catalog;

/**
 * A code/name pair that is no longer valid in an edition of the catalog.
 *
 * @param kind        "function" or "econ_dept"
 * @param replacement what to use instead, as text ("210 卫生健康支出")
 * @param note        why it is obsolete, for messages
 */
public record Obsolete(String code, String name, String kind, String replacement, String note) {
    public static final String FUNCTION = "function";
    public static final String ECON_DEPT = "econ_dept";
}
