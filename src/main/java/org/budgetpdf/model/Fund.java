package org.budgetpdf.model;

/**
 * Where the money of one line comes from. The income side of every table is the sum of the
 * spending lines by fund, so income is never typed in.
 */
public enum Fund implements Labeled {
    /** 一般公共预算 — 其中：财政拨款 (the default). */
    APPROPRIATION("财政拨款"),
    /** 一般公共预算 but not 本级财政拨款, e.g. 提前下达的上级转移支付. */
    GENERAL_OTHER("一般公共预算其他"),
    GOV_FUND("政府性基金"),
    STATE_CAPITAL("国有资本经营"),
    SPECIAL_ACCOUNT("财政专户"),
    BUSINESS_INCOME("事业收入"),
    OPERATING_INCOME("事业单位经营收入"),
    SUPERIOR_SUBSIDY("上级补助收入"),
    SUBSIDIARY_REMIT("附属单位上缴收入"),
    OTHER_INCOME("其他收入"),
    CARRY_GENERAL("上年结转一般公共预算"),
    CARRY_GOV_FUND("上年结转政府性基金"),
    CARRY_STATE_CAPITAL("上年结转国有资本经营"),
    CARRY_SPECIAL("上年结转财政专户"),
    CARRY_UNIT("上年结转单位资金");

    private final String label;

    Fund(String label) { this.label = label; }

    @Override
    public String label() { return label; }

    public boolean isCarryOver() {
        return name().startsWith("CARRY_");
    }

    public boolean isGeneralBudget() {
        return this == APPROPRIATION || this == GENERAL_OTHER;
    }
}
