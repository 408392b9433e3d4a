package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;

import java.util.List;

/** Runs the rules of {@link Rules#ALL} that apply to the document's kind, in order. Rules append; none throws. */
public final class Checker {
    private final List<Rule> rules;

    public Checker() {
        this(Rules.ALL);
    }

    /** With another rule list: tests remove one rule and see which fixture goes red. */
    public Checker(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public void check(Context ctx, Diagnostics diags) {
        boolean figuresComplete = !diags.hasErrors();
        for (Rule r : rules) {
            if (!r.kinds().contains(ctx.doc().kind())) continue;
            if (r.comparesSums() && !figuresComplete) continue;
            r.check().run(ctx, diags);
        }
    }
}
