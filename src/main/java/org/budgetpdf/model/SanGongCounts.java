package org.budgetpdf.model;

/**
 * The counts a 部门决算 gives beside the 三公 amounts (rules.md §1.6); each null when not given.
 */
public record SanGongCounts(Integer abroadGroups, Integer abroadPersons, Integer carsBought, Integer carsHeld,
                            Integer foreignGroups, Integer foreignPersons, Integer domesticGroups,
                            Integer domesticPersons, org.budgetpdf.diag.SourcePos carsHeldPos) {
    public static final SanGongCounts NONE = new SanGongCounts(null, null, null, null, null, null, null, null,
            org.budgetpdf.diag.SourcePos.NONE);
}
