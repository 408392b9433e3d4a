package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

/**
 * A performance indicator: 一级/二级/三级指标 with its target value.
 * For project indicators level1 is the category (成本指标, 产出指标, 效益指标, 满意度指标).
 * {@code pos} is where the value is written (for the checker's messages).
 */
public record Indicator(String level1, String level2, String name, String value, String note, SourcePos pos) {
}
