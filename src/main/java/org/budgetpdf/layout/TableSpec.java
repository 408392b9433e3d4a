package org.budgetpdf.layout;

import org.budgetpdf.compute.Filter;
import org.budgetpdf.diag.SourcePos;

import java.util.List;
import java.util.Map;

/**
 * One table as a layout declares it (tables.yaml): header, the figure each column shows, the row axis, the filter,
 * the orientation and the notes. Header and body are both made from this one declaration by {@link TableEngine}.
 *
 * @param meta      the line above the table: left, centre and right text with {placeholders}
 * @param filter    what the whole table adds up (取)
 * @param sides     one side, or several printed side by side (收入 | 支出); rows of the sides are zipped
 * @param footer    rows across all sides after the body (e.g. 人员经费合计 … 公用经费合计 …)
 * @param columnNos 栏次 row: "" none, "金额" numbers the amount columns, "全部" every column after the first,
 *                  "数字" every column from 1 without the word 栏次
 * @param zeros     "0.00" everywhere when {@code true}; else blank except in 合计 rows, and there too under a column
 *                  of blank cells when the file writes no amount (not even a 0) for the cell
 * @param claim     the named figure the table's grand total is (合计: 一般公共预算), checked; "" when none
 * @param missing   what a cell prints when the file does not give the item it shows (缺项: "—"); "" prints blank
 */
public record TableSpec(String key, String id, String number, String title, List<String> meta, boolean landscape,
                        boolean compact, Filter filter, List<Side> sides, List<FooterRow> footer, String columnNos,
                        boolean zeros, String emptyNote, String note, String claim, SourcePos claimPos, String missing,
                        SourcePos pos) {

    /** A column: a group (children), a label column (show) or an amount column (filter). */
    public record Column(String title, String show, Filter filter, String width, List<Column> children, SourcePos pos) {
        public boolean isGroup() {
            return !children.isEmpty();
        }

        public boolean isAmount() {
            return children.isEmpty() && show.isEmpty();
        }
    }

    /**
     * One side of a table: its title over its columns (spanning {@code titleSpan} sides), its body rows and the rows
     * aligned at the bottom.
     */
    public record Side(String title, int titleSpan, List<Column> columns, List<RowSpec> rows, List<RowSpec> tail,
                       boolean lineNos) {
    }

    /**
     * A row source. {@code by} empty: one fixed row ({@code label}, {@code filter}); otherwise an axis of
     * {@link TableEngine#AXES}. {@code options} holds the axis's settings as written; {@code sub} the axis nested
     * under each of its rows (下), or null.
     */
    public record RowSpec(String by, String label, Filter filter, String style, Map<String, Object> options,
                          RowSpec sub, SourcePos pos) {
        public String option(String key, String fallback) {
            Object v = options.get(key);
            return v == null ? fallback : String.valueOf(v);
        }

        @SuppressWarnings("unchecked")
        public List<String> list(String key) {
            Object v = options.get(key);
            if (v == null) return List.of();
            if (v instanceof List<?> l) return (List<String>) l;
            return List.of(String.valueOf(v));
        }
    }

    /** A footer row: cells with text or a filter, each spanning some columns. */
    public record FooterRow(List<FooterCell> cells, String style) {
    }

    public record FooterCell(String text, Filter filter, int span) {
    }
}
