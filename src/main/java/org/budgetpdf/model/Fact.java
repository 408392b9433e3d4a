package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;

/**
 * One amount the clerk entered, with every dimension it has (null where it has none): the unit, the 支出功能分类项,
 * the 部门经济分类 (款, or 类 when the file gives only the class), the fund, 基本/项目, the project (its
 * {@link Project#id()}), and for single figures the item (“因公出国”, “资产总额”…). {@code projectType}: the 项目类型 of
 * project money the file gives only as a total (项目支出 blocks, no listed project); a listed project's money takes its
 * project's type. Values are in 万元 at full precision; rounding to what is printed happens once, in compute.
 */
public record Fact(Measure measure, String unit, String function, String econ, Fund fund, Nature nature,
                   String project, String item, BigDecimal value, SourcePos pos, String projectType) {

    public Fact(Measure measure, String unit, String function, String econ, Fund fund, Nature nature, String project,
                String item, BigDecimal value, SourcePos pos) {
        this(measure, unit, function, econ, fund, nature, project, item, value, pos, null);
    }

    public static Fact item(Measure m, String item, BigDecimal value, SourcePos pos) {
        return new Fact(m, null, null, null, null, null, null, item, value, pos);
    }

    public Fact withValue(BigDecimal v) {
        return new Fact(measure, unit, function, econ, fund, nature, project, item, v, pos, projectType);
    }

    public Fact withUnit(String u) {
        return new Fact(measure, u, function, econ, fund, nature, project, item, value, pos, projectType);
    }
}
