package org.budgetpdf.compute;

import java.util.List;

/**
 * A table body as the reader sees it: rows of ready-formatted cells. Headers and widths live in the
 * templates; everything here is computed.
 */
public record Grid(List<Row> rows) {

    public boolean isEmpty() {
        return rows.stream().allMatch(r -> r.kind().equals("total") || r.kind().equals("dept"))
                && rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::num).allMatch(c -> c.text().isEmpty()
                || c.text().equals("0.00"));
    }

    /** kind: total, dept, unit, class, kuan, item, plain — the template styles rows by it. */
    public record Row(String kind, List<Cell> cells) {
    }

    /** style: num (right-aligned amount), code (centred classification code) or text. */
    public record Cell(String text, String style, int span) {
        public static Cell plain(String t) {
            return new Cell(t, "text", 1);
        }

        public static Cell code(String t) {
            return new Cell(t, "code", 1);
        }

        /** Zero shows blank, except in total rows where it shows 0.00. */
        public static Cell money(Money m, boolean total) {
            return new Cell(total ? m.table() : m.cell(), "num", 1);
        }

        public boolean num() {
            return style.equals("num");
        }
    }
}
