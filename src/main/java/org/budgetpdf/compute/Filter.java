package org.budgetpdf.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which amounts a figure adds up: a conjunction of constraints, each one dimension and the values it may take (codes
 * by prefix). No {@link Dim#MEASURE} constraint means {@code 支出}. Immutable; equal filters select the same amounts,
 * so sums are cached by filter.
 */
public record Filter(List<Constraint> parts) {
    public static final Filter ALL = new Filter(List.of());

    public Filter {
        parts = List.copyOf(parts);
    }

    /** One dimension restricted to some values; {@code negate} selects everything else. */
    public record Constraint(Dim dim, Set<String> values, boolean negate) {
        public Constraint {
            values = Set.copyOf(values);
        }

        boolean matches(String v) {
            boolean in = false;
            if (v != null) {
                if (dim.byPrefix()) {
                    for (String p : values) in |= v.startsWith(p);
                } else {
                    in = values.contains(v);
                }
            }
            return in != negate;
        }
    }

    public static Filter of(Dim dim, String... values) {
        return ALL.and(dim, values);
    }

    public Filter and(Dim dim, String... values) {
        List<Constraint> p = new ArrayList<>(parts);
        p.add(new Constraint(dim, Set.of(values), false));
        return new Filter(p);
    }

    public Filter and(Dim dim, Set<String> values) {
        List<Constraint> p = new ArrayList<>(parts);
        p.add(new Constraint(dim, values, false));
        return new Filter(p);
    }

    public Filter andNot(Dim dim, Set<String> values) {
        List<Constraint> p = new ArrayList<>(parts);
        p.add(new Constraint(dim, values, true));
        return new Filter(p);
    }

    public Filter and(Filter other) {
        if (other.parts.isEmpty()) return this;
        if (parts.isEmpty()) return other;
        List<Constraint> p = new ArrayList<>(parts);
        p.addAll(other.parts);
        return new Filter(p);
    }

    /**
     * The filter with the economic codes written as group names (人员经费 …) replaced by the codes of the catalog
     * edition's group; a name that is no group and no code is kept and matches nothing.
     */
    public Filter resolve(org.budgetpdf.catalog.Catalog catalog) {
        boolean named = parts.stream().anyMatch(c -> (c.dim() == Dim.ECON) && c.values().stream().anyMatch(v -> !v.matches("\\d+")));
        if (!named) return this;
        List<Constraint> p = new ArrayList<>();
        for (Constraint c : parts) {
            if (c.dim() != Dim.ECON) {
                p.add(c);
                continue;
            }
            java.util.Set<String> vs = new java.util.LinkedHashSet<>();
            for (String v : c.values()) {
                if (v.matches("\\d+")) vs.add(v);
                else vs.addAll(catalog.group(v).isEmpty() ? List.of(v) : catalog.group(v));
            }
            p.add(new Constraint(c.dim(), vs, c.negate()));
        }
        return new Filter(p);
    }

    public boolean constrains(Dim dim) {
        return parts.stream().anyMatch(c -> c.dim() == dim);
    }

    boolean matches(Atom a) {
        boolean measure = false;
        for (Constraint c : parts) {
            if (c.dim() == Dim.MEASURE) measure = true;
            if (!c.matches(a.get(c.dim()))) return false;
        }
        return measure || a.fact().measure() == org.budgetpdf.model.Measure.SPEND;
    }
}
