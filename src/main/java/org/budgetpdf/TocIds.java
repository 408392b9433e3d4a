package org.budgetpdf;

import java.util.ArrayList;
import java.util.List;

/** The element ids of the headings the table of contents points to (see templates/budget.ftlh). */
public final class TocIds {
    public static final List<String> ALL;

    static {
        List<String> ids = new ArrayList<>(List.of("p1", "p1-1", "p1-2", "p2"));
        for (int i = 1; i <= 9; i++) ids.add("s" + i);
        ids.add("p3");
        ids.add("annex");
        for (int i = 1; i <= 12; i++) ids.add(String.format("t%02d", i));
        ALL = List.copyOf(ids);
    }

    private TocIds() {
    }
}
