package org.budgetpdf.layout;

import java.util.List;

/**
 * A table ready to print: header cells with their spans, body rows of formatted cells, the notes. Made by
 * {@link TableEngine}; the common FreeMarker macro only writes it out.
 *
 * @param meta   the line above the table: [left, centre, right]
 * @param widths column widths in % (empty: automatic)
 * @param empty  every amount is zero: the layout's 空表说明 is printed
 */
public record TableView(String id, String number, String title, List<String> meta, boolean landscape, boolean compact,
                        List<String> widths, List<List<HeadCell>> header, List<Row> rows, boolean empty,
                        String emptyNote, String note) {

    public record HeadCell(String text, int colspan, int rowspan) {
    }

    /** {@code kind}: total, dept, unit, class, kuan, item, plain (the CSS class of the row). */
    public record Row(String kind, List<Cell> cells) {
    }

    /** {@code style}: num (amount), code (centred) or text. */
    public record Cell(String text, String style, int colspan) {
    }
}
