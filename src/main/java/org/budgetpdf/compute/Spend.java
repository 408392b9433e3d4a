package org.budgetpdf.compute;

import org.budgetpdf.model.Fund;

import java.math.BigDecimal;

/**
 * The atom every table is summed from: one amount of one unit under one 功能分类项, 经济分类款, fund and
 * column. {@code project} is the project name, empty for 基本支出.
 */
record Spend(String unit, String function, String econ, Fund fund, Col col, String project, BigDecimal amount) {
}
