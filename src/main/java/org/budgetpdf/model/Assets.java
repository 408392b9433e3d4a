package org.budgetpdf.model;

/**
 * 国有资产占用 at the end of the previous year.
 * @param priorTotal total one year earlier, for the growth rate; null when unknown
 */
public record Assets(Amount total, Amount fixed, Amount intangible, Amount priorTotal, String changeReason,
                     int officialCars, int lawEnforcementCars, int specialCars, int otherCars, String otherCarsNote,
                     int generalEquipmentOver50, int specialEquipmentOver100) {

    public int cars() {
        return officialCars + lawEnforcementCars + specialCars + otherCars;
    }
}
