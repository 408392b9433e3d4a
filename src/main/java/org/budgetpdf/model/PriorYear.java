package org.budgetpdf.model;

/** Last year's budget figures the explanations compare with. */
public record PriorYear(Amount total, Amount generalBudget, Amount govFund, Amount stateCapital,
                        ThreePublic threePublic, Amount runningCost) {
}
