package org.budgetpdf.model;

/**
 * What an entered amount measures. A 部门预算 has the budget ({@link #SPEND}); a 部门决算 the actual spending, its
 * income, the 年初预算 and the carry-overs. Single figures (三公, 政府采购, 资产, 上年…) are amounts too, told apart by
 * their {@link Fact#item()}.
 */
public enum Measure implements Labeled {
    /** 预算: the budget; 决算: the actual spending (支出决算). */
    SPEND("支出"),
    /** 决算 only: 本年收入 (by 功能分类项). */
    INCOME("收入"),
    /** 决算 only: 年初预算 (by 功能分类项). */
    INITIAL_BUDGET("年初预算"),
    /** 决算 only: 年初结转和结余. */
    OPENING("年初结转"),
    /** 决算 only: 年末结转和结余. */
    CLOSING("年末结转"),
    /** 决算 only: 一般公共预算财政拨款基本支出 by 部门经济分类款 (公开06), a second breakdown of the same money. */
    ECON("经济分类"),
    /** "三公"经费: the document's own figure (预算 or 决算), item = the part. */
    SANGONG("三公"),
    /** 决算 only: the 三公 budget of the year. */
    SANGONG_BUDGET("三公预算"),
    PROCUREMENT("政府采购"),
    ASSETS("资产"),
    /** 机关运行经费 as entered: item 金额, or by 部门经济分类款 (econ set). */
    RUNNING_COST("机关运行经费"),
    /** Last year's figures, item = what they are. */
    PRIOR("上年"),
    /** Other single amounts (绩效 evaluation amounts…). */
    OTHER("其他");

    private final String label;

    Measure(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}
