package org.budgetpdf.layout;

import java.util.List;

/**
 * A table ready to print: header cells with their spans, body rows of formatted cells, the notes. Made by
 * {@link TableEngine}; the common FreeMarker macro only writes it out.
 *
 * @param meta   the line above the table: [left, centre, right]
 * @param widths column widths in % (empty: automatic)
 * @param empty  every amount is zero: the layout's 空表说明 is printed when the file gives the table's data at all
 * @param given  the file has amounts of what the table shows (no 三公 section: the 三公 table is blank, and its note,
 *               which would claim there are none, is not printed)
 */
public record TableView(String id, String number, String title, List<String> meta, boolean landscape, boolean compact,
                        List<String> widths, List<List<HeadCell>> header, List<Row> rows, boolean empty, boolean given,
                        String emptyNote, String note) {

    public record HeadCell(String text, int colspan, int rowspan) {
    }

    /** {@code kind}: total, dept, unit, class, kuan, item, plain (the CSS class of the row). */
    public record Row(String kind, List<Cell> cells) {
    }

    /**
     * {@code style}: num (amount), code (centred) or text; a name cell may add sub (a 其中 row, indented) or sub-next
     * (a part listed after a 其中 row, aligned after its "其中："); then — in tables of several sides, whose sides may
     * differ in one row — the kind of the cell's own side (total, class …).
     */
    public record Cell(String text, String style, int colspan) {
    }
}
