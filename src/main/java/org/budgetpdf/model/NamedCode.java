package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

/**
 * A classification code the data file names itself, {@code {编码: 2130101, 名称: 行政运行}}: a code the shipped catalog
 * may not hold. The name is printed as given; the checker says when the code is not in the catalog (W-CODE-LOCAL).
 *
 * @param kind 功能 (支出功能分类) or 经济 (部门预算支出经济分类)
 */
public record NamedCode(String kind, String code, String name, SourcePos pos) {
    public static final String FUNCTION = "功能";
    public static final String ECON = "经济";
}
