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
 * Sums are cached by filter; the atoms never change. A filter looks only at the atoms its most selective constraint
 * admits (an index per dimension), then tests each of them in full: a table of 650 rows sums thousands of cells.
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
            for (Atom a : matching(k)) m = m.plus(a.shown());
            return m;
        });
    }

    /** The exact sum as entered (the checker compares control totals with it). */
    public BigDecimal exact(Filter f) {
        BigDecimal s = BigDecimal.ZERO;
        for (Atom a : matching(f)) s = s.add(a.exact());
        return s;
    }

    /** Whether the file gives any amount so selected (a zero counts): what decides whether a sentence is printed. */
    public boolean has(Filter f) {
        return !matching(f).isEmpty();
    }

    public List<Atom> select(Filter f) {
        return Collections.unmodifiableList(matching(f));
    }

    /** The distinct values one dimension takes among the selected amounts, sorted. */
    public List<String> values(Dim d, Filter f) {
        TreeSet<String> out = new TreeSet<>();
        for (Atom a : matching(f)) {
            String v = a.get(d);
            if (v != null) out.add(v);
        }
        return List.copyOf(out);
    }

    // ---- index ----------------------------------------------------------------------------------

    /** Per exact dimension: value to the ascending positions of the atoms that have it. */
    private final Map<Dim, Map<String, int[]>> byValue = new ConcurrentHashMap<>();
    /** Per prefix dimension: the positions of the atoms that have a value, ordered by value, then position. */
    private final Map<Dim, int[]> byCode = new ConcurrentHashMap<>();

    /** The selected atoms, in the order of {@link #atoms()}. */
    private List<Atom> matching(Filter f) {
        int[] candidates = candidates(f);
        List<Atom> out = new ArrayList<>();
        if (candidates == null) {
            for (Atom a : atoms) if (f.matches(a)) out.add(a);
        } else {
            for (int i : candidates) if (f.matches(atoms.get(i))) out.add(atoms.get(i));
        }
        return out;
    }

    /** Ascending positions of the atoms the filter's most selective constraint admits; null for all of them. */
    private int[] candidates(Filter f) {
        int[] best = null;
        boolean measure = false;
        for (Filter.Constraint c : f.parts()) {
            if (c.dim() == Dim.MEASURE) measure = true;
            if (c.negate()) continue;
            int[] cand = c.dim().byPrefix() ? byPrefix(c.dim(), c.values()) : byValue(c.dim(), c.values());
            if (best == null || cand.length < best.length) best = cand;
        }
        if (!measure) { // no measure named means 支出
            int[] spend = byValue(Dim.MEASURE, java.util.Set.of(org.budgetpdf.model.Measure.SPEND.label()));
            if (best == null || spend.length < best.length) best = spend;
        }
        return best;
    }

    private int[] byValue(Dim d, java.util.Set<String> values) {
        Map<String, int[]> index = byValue.computeIfAbsent(d, k -> {
            Map<String, List<Integer>> lists = new java.util.HashMap<>();
            for (int i = 0; i < atoms.size(); i++) {
                String v = atoms.get(i).get(k);
                if (v != null) lists.computeIfAbsent(v, x -> new ArrayList<>()).add(i);
            }
            Map<String, int[]> m = new java.util.HashMap<>();
            lists.forEach((v, l) -> m.put(v, l.stream().mapToInt(Integer::intValue).toArray()));
            return m;
        });
        if (values.size() == 1) return index.getOrDefault(values.iterator().next(), new int[0]);
        java.util.BitSet bits = new java.util.BitSet(atoms.size());
        for (String v : values) for (int i : index.getOrDefault(v, new int[0])) bits.set(i);
        return bits.stream().toArray();
    }

    private int[] byPrefix(Dim d, java.util.Set<String> prefixes) {
        int[] order = byCode.computeIfAbsent(d, k -> java.util.stream.IntStream.range(0, atoms.size())
                .filter(i -> atoms.get(i).get(k) != null).boxed()
                .sorted(java.util.Comparator.comparing((Integer i) -> atoms.get(i).get(k)).thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray());
        java.util.BitSet bits = new java.util.BitSet(atoms.size());
        for (String p : prefixes) {
            int lo = 0;
            int hi = order.length;
            while (lo < hi) { // first code >= p
                int mid = (lo + hi) >>> 1;
                if (atoms.get(order[mid]).get(d).compareTo(p) < 0) lo = mid + 1;
                else hi = mid;
            }
            for (int k = lo; k < order.length && atoms.get(order[k]).get(d).startsWith(p); k++) bits.set(order[k]);
        }
        return bits.stream().toArray();
    }
}
