package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;

/** An amount under one 部门预算支出经济分类 款. */
public record EconAmount(String econCode, BigDecimal amount, SourcePos pos) {
}
