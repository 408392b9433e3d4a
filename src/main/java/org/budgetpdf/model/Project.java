package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;
import java.util.List;

/**
 * @param listedUnitName unit name as the project table prints it (e.g. "…局本级"); defaults to the unit's name
 * @param transferName   short name under 专项转移支付; empty when the project is not one
 */
public record Project(String code, String name, String unitCode, String listedUnitName, ProjectType type,
                      List<ProjectLine> lines, String transferName, List<Indicator> indicators, SourcePos pos) {

    public BigDecimal total() {
        return lines.stream().map(ProjectLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isTransfer() {
        return !transferName.isEmpty();
    }
}
