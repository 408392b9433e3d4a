package org.budgetpdf.model;

/** Control totals from the finance bureau's 批复, entered once so a typo in a line is caught. Null when absent. */
public record Approved(Amount total, Amount basic, Amount project) {
}
