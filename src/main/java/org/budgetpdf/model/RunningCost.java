package org.budgetpdf.model;

/**
 * 机关运行经费 as approved. {@code amount} is null when not entered: it is then the 公用经费 of the
 * 行政/参公 units' 基本支出.
 */
public record RunningCost(Amount amount, String usage) {
}
