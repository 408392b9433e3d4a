package org.budgetpdf.model;

import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.diag.SourcePos;

/**
 * A budget unit (预算单位): the department's own office or a subordinate institution.
 * {@code grade} 单位规格 and {@code funding} 经费保障形式 are empty when not given; staff counts null.
 */
public record Unit(String code, String name, UnitType type, String grade, String funding, Integer staffQuota,
                   Integer staffActual, SourcePos pos) {
}
