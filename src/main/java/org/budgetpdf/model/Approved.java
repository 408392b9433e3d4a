package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.util.List;

/**
 * Control totals from the finance bureau's 批复, entered once so a typo in a line is caught. Null when absent;
 * each total is null when not written, {@code units} empty when no 单位 totals are given.
 *
 * @param income      收入总计 (= 支出总计 in a 预算: income is spending summed by fund)
 * @param threePublic “三公”经费合计
 * @param runningCost 机关运行经费
 * @param units       each unit's total, in file order
 */
public record Approved(Amount total, Amount basic, Amount project, Amount income, Amount threePublic,
                       Amount runningCost, List<UnitTotal> units) {
    /** One unit's approved total; {@code codePos} is where the unit code is written. */
    public record UnitTotal(String code, SourcePos codePos, Amount total) {
    }
}
