package org.budgetpdf.compute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every amount of one document as printed, and the sums over them: each table cell, each figure of the text and each
 * sum the checker compares is {@code sum(filter)} here, so a printed total is always the sum of its printed parts.
 * Sums are cached by filter; the atoms never change.
 */
public final class Cube {
    private final List<Atom> atoms;
    private final Map<Filter, Money> shown = new ConcurrentHashMap<>();

    Cube(List<Atom> atoms) {
        this.atoms = List.copyOf(atoms);
    }

    public List<Atom> atoms() {
        return atoms;
    }

    /** The printed sum of the selected amounts. */
    public Money sum(Filter f) {
        return shown.computeIfAbsent(f, k -> {
            Money m = Money.ZERO;
            for (Atom a : atoms) if (k.matches(a)) m = m.plus(a.shown());
            return m;
        });
    }

    /** The exact sum as entered (the checker compares control totals with it). */
    public BigDecimal exact(Filter f) {
        BigDecimal s = BigDecimal.ZERO;
        for (Atom a : atoms) if (f.matches(a)) s = s.add(a.exact());
        return s;
    }

    /** Whether the file gives any amount so selected (a zero counts): what decides whether a sentence is printed. */
    public boolean has(Filter f) {
        for (Atom a : atoms) if (f.matches(a)) return true;
        return false;
    }

    public List<Atom> select(Filter f) {
        List<Atom> out = new ArrayList<>();
        for (Atom a : atoms) if (f.matches(a)) out.add(a);
        return Collections.unmodifiableList(out);
    }

    /** The distinct values one dimension takes among the selected amounts, sorted. */
    public List<String> values(Dim d, Filter f) {
        TreeSet<String> out = new TreeSet<>();
        for (Atom a : atoms) {
            String v = a.get(d);
            if (v != null && f.matches(a)) out.add(v);
        }
        return List.copyOf(out);
    }
}
