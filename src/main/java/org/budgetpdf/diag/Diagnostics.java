package org.budgetpdf.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics of one run; every stage appends, nobody throws. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private final List<Diagnostic> suppressed = new ArrayList<>();

    public void error(String code, SourcePos pos, String message, String hint) {
        items.add(new Diagnostic(code, Severity.ERROR, pos, message, hint));
    }

    public void warning(String code, SourcePos pos, String message, String hint) {
        items.add(new Diagnostic(code, Severity.WARNING, pos, message, hint));
    }

    /** A warning about {@code span} characters of text from {@code pos}. */
    public void warning(String code, SourcePos pos, int span, String message, String hint) {
        items.add(new Diagnostic(code, Severity.WARNING, pos, message, hint, span));
    }

    /** An error about {@code span} characters of text from {@code pos}. */
    public void error(String code, SourcePos pos, int span, String message, String hint) {
        items.add(new Diagnostic(code, Severity.ERROR, pos, message, hint, span));
    }

    public void add(Diagnostic d) {
        items.add(d);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return items.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return items.size() - errorCount();
    }

    /** Sorted by file, line, column: the order a reader fixes them in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Diagnostic.ORDER);
        return List.copyOf(copy);
    }

    /**
     * One diagnostic per code for a value written once and used many times through YAML aliases ({@code &a} … {@code *a}):
     * the binder reads it once per use, the clerk fixes it once.
     *
     * @param uses the places of values used more than once, with their number of uses
     */
    public void collapseAliases(java.util.Map<SourcePos, Integer> uses) {
        if (uses.isEmpty()) return;
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : items) {
            Integer n = uses.get(d.pos());
            if (n == null) {
                kept.add(d);
            } else if (seen.add(d.code() + "|" + d.severity())) {
                kept.add(new Diagnostic(d.code(), d.severity(), d.pos(),
                        d.message() + "（这个值用“&”定义，在文件中用“*”引用了 " + (n - 1) + " 次，只报一次）", d.hint()));
            }
        }
        items.clear();
        items.addAll(kept);
    }

    /** Takes the warnings {@code which} accepts out of the report (the data file explains them); errors stay. */
    public List<Diagnostic> suppress(java.util.function.Predicate<Diagnostic> which) {
        List<Diagnostic> out = withdraw(which);
        suppressed.addAll(out);
        return out;
    }

    /**
     * Takes the warnings {@code which} accepts out of the report for now, without counting them as explained: the
     * data file says a section is still to be reviewed (待核对), and its warnings wait until it is. Errors stay.
     */
    public List<Diagnostic> withdraw(java.util.function.Predicate<Diagnostic> which) {
        List<Diagnostic> out = new ArrayList<>();
        items.removeIf(d -> {
            boolean take = !d.isError() && which.test(d);
            if (take) out.add(d);
            return take;
        });
        return out;
    }

    /** How many warnings the data file explained (说明:). */
    public int suppressedCount() {
        return suppressed.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
