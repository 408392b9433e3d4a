package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;

/** One 功能分类 × 经济分类 × fund slice of a project. */
public record ProjectLine(String functionCode, String econCode, Fund fund, BigDecimal amount, SourcePos pos) {
}
