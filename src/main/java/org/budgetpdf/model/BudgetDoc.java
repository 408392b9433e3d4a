package org.budgetpdf.model;

import java.time.LocalDate;
import java.util.List;

/** One 部门预算 data file, bound and typed; knows nothing about tables or wording. */
public record BudgetDoc(String file, DocKind kind, int year, int catalogYear, LocalDate publishDate,
                        Department department, List<Unit> units, List<BasicLine> basicLines,
                        List<Project> projects, ThreePublic threePublic, RunningCost runningCost,
                        Procurement procurement, Assets assets, Performance performance, PriorYear prior,
                        Reasons reasons, Approved approved) implements Disclosure {

    public Unit unit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst().orElse(null);
    }
}
