package org.budgetpdf.compute;

import org.budgetpdf.model.Fund;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.budgetpdf.model.Fund.*;

/** Sums by {@link Fund}, with the groupings the income-side tables print. */
public final class Funds {
    private final Map<Fund, BigDecimal> by = new EnumMap<>(Fund.class);

    Funds add(Fund f, BigDecimal amount) {
        by.merge(f, amount, BigDecimal::add);
        return this;
    }

    public Money get(Fund f) {
        return Money.of(by.getOrDefault(f, BigDecimal.ZERO));
    }

    private Money sum(Fund... fs) {
        Money m = Money.ZERO;
        for (Fund f : fs) m = m.plus(get(f));
        return m;
    }

    public Money general() {
        return sum(APPROPRIATION, GENERAL_OTHER);
    }

    public Money appropriation() {
        return get(APPROPRIATION);
    }

    /** 财政拨款 in the wide sense of table 04: 一般公共预算 + 政府性基金 + 国有资本经营 (this year). */
    public Money fiscal() {
        return sum(APPROPRIATION, GENERAL_OTHER, GOV_FUND, STATE_CAPITAL);
    }

    public Money carryFiscal() {
        return sum(CARRY_GENERAL, CARRY_GOV_FUND, CARRY_STATE_CAPITAL);
    }

    public Money current() {
        return sum(APPROPRIATION, GENERAL_OTHER, GOV_FUND, STATE_CAPITAL, SPECIAL_ACCOUNT, BUSINESS_INCOME,
                OPERATING_INCOME, SUPERIOR_SUBSIDY, SUBSIDIARY_REMIT, OTHER_INCOME);
    }

    public Money carry() {
        return sum(CARRY_GENERAL, CARRY_GOV_FUND, CARRY_STATE_CAPITAL, CARRY_SPECIAL, CARRY_UNIT);
    }

    public Money total() {
        return current().plus(carry());
    }

    /** 单位资金 of table 10: everything that is neither 财政拨款 nor 财政专户. */
    public Money unitFunds() {
        return sum(BUSINESS_INCOME, OPERATING_INCOME, SUPERIOR_SUBSIDY, SUBSIDIARY_REMIT, OTHER_INCOME, CARRY_UNIT);
    }

    /** 政府预算资金 of tables 11/12. */
    public Money government() {
        return fiscal().plus(carryFiscal());
    }

    /** Table 02 columns. */
    public List<Money> incomeCells() {
        return List.of(total(), current(), general(), appropriation(), get(GOV_FUND), get(STATE_CAPITAL),
                get(SPECIAL_ACCOUNT), get(BUSINESS_INCOME), get(OPERATING_INCOME), get(SUPERIOR_SUBSIDY),
                get(SUBSIDIARY_REMIT), get(OTHER_INCOME), carry(), get(CARRY_GENERAL), get(CARRY_GOV_FUND),
                get(CARRY_STATE_CAPITAL), get(CARRY_SPECIAL), get(CARRY_UNIT));
    }

    /** Table 07 columns. */
    public List<Money> econCells() {
        return List.of(total(), general(), appropriation(), get(GOV_FUND), get(STATE_CAPITAL), carry(),
                get(SPECIAL_ACCOUNT), get(BUSINESS_INCOME), get(SUPERIOR_SUBSIDY), get(SUBSIDIARY_REMIT),
                get(OPERATING_INCOME), get(OTHER_INCOME));
    }

    /** Table 04 expenditure columns. */
    public List<Money> fiscalCells() {
        return List.of(fiscal(), general(), appropriation(), get(GOV_FUND), get(STATE_CAPITAL));
    }

    /** Table 10 columns. */
    public List<Money> projectCells() {
        return List.of(total(), general(), get(GOV_FUND), get(STATE_CAPITAL), get(CARRY_GENERAL),
                get(CARRY_GOV_FUND), get(CARRY_STATE_CAPITAL), get(SPECIAL_ACCOUNT), unitFunds());
    }

    /** Tables 11/12: 资金总额, 政府预算资金, 财政专户管理资金, 单位资金. */
    public List<Money> sourceCells() {
        return List.of(total(), government(), get(SPECIAL_ACCOUNT).plus(get(CARRY_SPECIAL)), unitFunds());
    }
}
