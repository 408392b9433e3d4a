package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.util.List;
import java.util.Map;

/**
 * Control totals from the finance bureau's 批复 (预算) or the finance system's 控制数 (决算), entered so a typo in a
 * line is caught. {@code totals} by key as written; {@code units} and {@code classes} in file order; {@code date} the
 * 批复日期 (日期:) or null, written at {@code datePos}.
 */
public record Approved(Map<String, Amount> totals, List<Keyed> units, List<Keyed> classes, java.time.LocalDate date,
                       SourcePos datePos) {
    /** One total keyed by a code; {@code codePos} is where the code is written. */
    public record Keyed(String code, SourcePos codePos, Amount total) {
    }
}
