package org.budgetpdf;

import java.util.ArrayList;
import java.util.List;

/** The element ids of the headings the table of contents points to (templates/budget.ftlh, final.ftlh). */
public final class TocIds {
    public static final List<String> ALL;
    /** 部门决算: parts, the 公开01–09 tables, the thirteen 说明 sections and the 自评表. */
    public static final List<String> FINAL;

    static {
        List<String> ids = new ArrayList<>(List.of("p1", "p1-1", "p1-2", "p2"));
        for (int i = 1; i <= 9; i++) ids.add("s" + i);
        ids.add("p3");
        ids.add("annex");
        for (int i = 1; i <= 12; i++) ids.add(String.format("t%02d", i));
        ALL = List.copyOf(ids);
        List<String> f = new ArrayList<>(List.of("p1", "p1-1", "p1-2", "p1-3", "p2"));
        for (int i = 1; i <= 9; i++) f.add(String.format("t%02d", i));
        f.add("p3");
        for (int i = 1; i <= 13; i++) f.add("s" + i);
        f.add("selfeval");
        f.add("p4");
        FINAL = List.copyOf(f);
    }

    private TocIds() {
    }
}
