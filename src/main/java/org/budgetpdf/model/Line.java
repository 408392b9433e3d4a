package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

/**
 * A block of the data file under one 功能分类项: a 基本支出 or 项目支出 block (unit × 项 × fund) or a 决算明细 line.
 * Its amounts are {@link Fact}s; the block itself is kept for what concerns the block (a duplicate, a name written
 * beside the code, the 决算's reason for differing from the 年初预算).
 *
 * @param givenName   功能科目名称 written beside the code; empty when not written
 * @param nature      基本 or 项目 for a budget block; null for a 决算明细 line (it holds both)
 * @param reason      决算: 差异原因; null when not written
 */
public record Line(String unit, String function, String givenName, Fund fund, Nature nature, SourcePos pos,
                   SourcePos functionPos, Reasons.Given reason) {
}
