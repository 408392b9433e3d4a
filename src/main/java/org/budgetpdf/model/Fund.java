package org.budgetpdf.model;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the money of one amount comes from. The income side of a 部门预算 table is the sum of the spending by fund,
 * so budget income is never typed in. {@link #GROUPS} are the national groupings that table columns and text use.
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
    /** 上年结转单位资金; in a 部门决算, every amount that is not 财政拨款 (非财政拨款). */
    CARRY_UNIT("上年结转单位资金");

    /** Named groups a table column or a sentence may use instead of single funds, in the order documented. */
    public static final Map<String, Set<Fund>> GROUPS;

    static {
        Map<String, Set<Fund>> g = new LinkedHashMap<>();
        g.put("一般公共预算", EnumSet.of(APPROPRIATION, GENERAL_OTHER));
        g.put("财政拨款收入", EnumSet.of(APPROPRIATION, GENERAL_OTHER, GOV_FUND, STATE_CAPITAL));
        g.put("本年收入", EnumSet.range(APPROPRIATION, OTHER_INCOME));
        g.put("上年结转", EnumSet.range(CARRY_GENERAL, CARRY_UNIT));
        g.put("财政拨款结转", EnumSet.of(CARRY_GENERAL, CARRY_GOV_FUND, CARRY_STATE_CAPITAL));
        g.put("财政性资金", EnumSet.of(APPROPRIATION, GENERAL_OTHER, GOV_FUND, STATE_CAPITAL, CARRY_GENERAL,
                CARRY_GOV_FUND, CARRY_STATE_CAPITAL));
        g.put("财政专户管理资金", EnumSet.of(SPECIAL_ACCOUNT, CARRY_SPECIAL));
        g.put("单位资金", EnumSet.of(BUSINESS_INCOME, OPERATING_INCOME, SUPERIOR_SUBSIDY, SUBSIDIARY_REMIT, OTHER_INCOME,
                CARRY_UNIT));
        g.put("其他资金", EnumSet.of(SPECIAL_ACCOUNT, BUSINESS_INCOME, OPERATING_INCOME, SUPERIOR_SUBSIDY,
                SUBSIDIARY_REMIT, OTHER_INCOME, CARRY_SPECIAL, CARRY_UNIT));
        g.put("非财政拨款", EnumSet.complementOf(EnumSet.of(APPROPRIATION, GENERAL_OTHER, GOV_FUND, STATE_CAPITAL,
                CARRY_GENERAL, CARRY_GOV_FUND, CARRY_STATE_CAPITAL)));
        GROUPS = java.util.Collections.unmodifiableMap(g);
    }

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

    /** A single fund's label or a group's name. */
    public static Optional<Set<Fund>> byName(String name) {
        Optional<Fund> one = Labeled.byLabel(Fund.class, name);
        if (one.isPresent()) return Optional.of(EnumSet.of(one.get()));
        return Optional.ofNullable(GROUPS.get(name));
    }
}
