package org.budgetpdf.check;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.model.BudgetDoc;

import java.util.List;

/** Runs every rule, in order, over a bound document. Rules append diagnostics; none throws. */
public final class Checker {
    private final List<Rule> rules;

    public Checker(Catalog catalog) {
        this.rules = Rules.all(catalog);
    }

    public void check(BudgetDoc doc, Diagnostics diags) {
        for (Rule r : rules) r.check(doc, diags);
    }
}
