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

    /**
     * Rules that compare sums ({@link Rules.FigureRule}) run only when binding reported no error, so one
     * mistyped amount yields one message, not a cascade of wrong totals.
     */
    public void check(BudgetDoc doc, Diagnostics diags) {
        boolean figuresComplete = !diags.hasErrors();
        for (Rule r : rules) {
            if (figuresComplete || !(r instanceof Rules.FigureRule)) r.check(doc, diags);
        }
    }
}
