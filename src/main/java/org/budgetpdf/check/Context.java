package org.budgetpdf.check;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.catalog.Catalogs;
import org.budgetpdf.compute.Cube;
import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.model.Disclosure;

/**
 * What a rule reads: the bound file, its realized figures (the same the templates print), the catalog edition, the
 * layout it will be printed in (null when none could be chosen), the source tree (for presence of data items) and the
 * run's catalog editions (for other files of the folder, which may be of another year).
 */
public record Context(Disclosure doc, Realized realized, Layout layout, SourceFile source, Catalogs catalogs) {
    public Catalog catalog() {
        return realized.catalog();
    }

    public Cube cube() {
        return realized.cube();
    }

    public Figures dept() {
        return realized.dept();
    }
}
