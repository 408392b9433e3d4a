package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.util.List;

/**
 * A project's description; its amounts are {@link Fact}s carrying {@link #id()}.
 *
 * @param listedUnitName unit name as the project table prints it (e.g. "…局本级"); empty: the unit's name
 * @param type           项目类型 as written (vocabulary of the catalog edition)
 * @param transferName   short name under 专项转移支付; empty when the project is not one
 * @param content        项目内容; empty when not given
 * @param goals          绩效目标 sentences; empty when not given
 */
public record Project(String id, String code, String name, String unitCode, String listedUnitName, String type,
                      SourcePos typePos, String transferName, String content, List<String> goals,
                      List<Indicator> indicators, SourcePos pos) {

    public boolean isTransfer() {
        return !transferName.isEmpty();
    }
}
