package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;
import java.util.Map;

/**
 * 国有资产占用: what is not an amount (amounts such as 资产总额 are {@link Fact}s of {@link Measure#ASSETS}). Every
 * component is null / empty when the file does not give it.
 *
 * @param asOf        截止日期 as written
 * @param vehicles    vehicles by kind, in file order; empty when only a total ({@code vehicleTotal}) is given;
 *                    {@code vehicleKindPos} where each kind is written
 * @param equipment   counts of equipment by kind as written (单价50万元以上通用设备 …), in file order
 */
public record Assets(String asOf, Map<String, Integer> vehicles, Map<String, SourcePos> vehicleKindPos,
                     Integer vehicleTotal, String otherCarsNote,
                     Map<String, Integer> equipment, BigDecimal floorArea, BigDecimal officeArea,
                     String changeReason, SourcePos pos, SourcePos vehiclesPos) {

    /** Total vehicles: the sum of the kinds, or the total as given; null when neither is given. */
    public Integer cars() {
        if (!vehicles.isEmpty()) return vehicles.values().stream().mapToInt(Integer::intValue).sum();
        return vehicleTotal;
    }
}
