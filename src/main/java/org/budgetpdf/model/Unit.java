package org.budgetpdf.model;

import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.diag.SourcePos;

/** A budget unit (预算单位): the department's own office or a subordinate institution. */
public record Unit(String code, String name, UnitType type, SourcePos pos) {
}
