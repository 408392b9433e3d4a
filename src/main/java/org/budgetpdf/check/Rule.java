package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.model.BudgetDoc;

/** One consistency rule; its codes and reasons are listed in docs/diagnostics.md. */
@FunctionalInterface
public interface Rule {
    void check(BudgetDoc doc, Diagnostics diags);
}
