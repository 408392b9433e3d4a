package org.budgetpdf.model;

import java.time.LocalDate;
import java.util.List;

/** A bound data file of either kind: what the pipeline needs before it picks the kind's checker, builder and template. */
public sealed interface Disclosure permits BudgetDoc, FinalDoc {
    String file();

    int year();

    int catalogYear();

    LocalDate publishDate();

    Department department();

    List<Unit> units();
}
