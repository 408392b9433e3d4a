package org.budgetpdf.layout;

import org.budgetpdf.compute.Money;

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

    /** The 空表说明 as printed under the table: only when every amount is zero and the file gives the table's data. */
    public String printedEmptyNote() {
        return empty && given ? emptyNote : "";
    }

    public record HeadCell(String text, int colspan, int rowspan) {
    }

    /** {@code kind}: total, dept, unit, class, kuan, item, plain (the CSS class of the row). */
    public record Row(String kind, List<Cell> cells) {
    }

    /**
     * {@code style}: num (amount), code (centred) or text; a name cell may add sub (a 其中 row, indented) or sub-next
     * (a part listed after a 其中 row, aligned after its "其中："); then — in tables of several sides, whose sides may
     * differ in one row — the kind of the cell's own side (total, class …). {@code amount}: the amount the cell prints
     * ({@code text} is its {@link Money#table()} form), null when it prints none (blank, a 缺项 mark, a name): the
     * workbook writes the same figure as a number.
     */
    public record Cell(String text, String style, int colspan, Money amount) {
        public Cell(String text, String style, int colspan) {
            this(text, style, colspan, null);
        }

        /** An amount cell printing {@code text}: the amount travels with it only when {@code text} is that amount. */
        public static Cell amount(String text, Money m, String style, int colspan) {
            return new Cell(text, style, colspan, text.equals(m.table()) ? m : null);
        }
    }
}
