package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

/**
 * A performance indicator: 一级 / 二级 (empty when the document prints none) / 三级 name and its value, with the
 * optional 绩效指标描述, 指标值确定依据 and 指标值说明. {@code pos} is where the value is written.
 */
public record Indicator(String level1, String level2, String name, String value, String description, String basis,
                        String note, SourcePos pos) {
}
