package org.budgetpdf.compute;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.Unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document after {@link Realize}: the file, its catalog edition, every amount as printed, and the named figures of
 * the department and of each unit. The checker and every template read these; nothing is summed anywhere else.
 */
public final class Realized {
    private final Disclosure doc;
    private final Catalog catalog;
    private final Cube cube;
    private final Figures dept;
    private final Map<String, Figures> units = new LinkedHashMap<>();

    Realized(Disclosure doc, Catalog catalog, Cube cube) {
        this.doc = doc;
        this.catalog = catalog;
        this.cube = cube;
        this.dept = new Figures(this, null);
        for (Unit u : doc.units()) units.putIfAbsent(u.code(), new Figures(this, u));
    }

    public Disclosure doc() {
        return doc;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Cube cube() {
        return cube;
    }

    /** The department's figures. */
    public Figures dept() {
        return dept;
    }

    /** Each unit's figures, in the file's order (some layouts repeat the tables and the text per unit). */
    public List<Figures> units() {
        return List.copyOf(units.values());
    }

    public Figures unit(String code) {
        return units.get(code);
    }
}
