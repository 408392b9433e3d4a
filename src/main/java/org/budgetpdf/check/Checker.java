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
        check(ctx, diags, d -> { });
    }

    /**
     * The rules in order, with {@code beforeExplained} run just before the one that takes explained warnings out
     * (X04): what the pipeline finds after the rules (the template run on the data, W-UNUSED) can be explained too.
     */
    public void check(Context ctx, Diagnostics diags, java.util.function.Consumer<Diagnostics> beforeExplained) {
        boolean figuresComplete = !diags.hasErrors();
        boolean hooked = false;
        for (Rule r : rules) {
            if (r.id().equals(EXPLAINED)) {
                beforeExplained.accept(diags);
                hooked = true;
            }
            if (!r.kinds().contains(ctx.doc().kind())) continue;
            if (r.comparesSums() && !figuresComplete) continue;
            r.check().run(ctx, diags);
        }
        if (!hooked) beforeExplained.accept(diags);
    }

    /** The rule that applies the file's 说明 (explained warnings): it runs last. */
    static final String EXPLAINED = "X04";
}
