package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;
import java.util.List;

/**
 * 基本支出 of one unit under one 功能分类 项, broken down by 经济分类 款: the finest level the
 * finance system prints. Tables 03, 05, 06 and 07 are all sums of these and of project lines.
 */
public record BasicLine(String unitCode, String functionCode, String functionName, Fund fund,
                        List<EconAmount> econ, SourcePos pos, SourcePos functionPos) {

    public BigDecimal total() {
        return econ.stream().map(EconAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
