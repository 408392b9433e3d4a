package org.budgetpdf.render;

import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.newtable.TableSectionBox;
import org.xhtmlrenderer.render.Box;

/**
 * Works around a Flying Saucer 10.3 painting bug in paginated tables ({@code -fs-table-paginate: paginate}): on a
 * continuation page, a header cell with {@code rowspan} (a two-level table head) is clipped to start below the
 * repeated head (TableCellBox.adjustBoundsToAvoidTheadOverlap, meant for body cells), so it loses its background
 * and borders. The clipping only happens for rows that have a page-break record (ContentLimitContainer); a head row
 * never breaks across pages and does not need one, so it is removed after layout, through the public setter.
 */
final class HeaderRows {
    private HeaderRows() {
    }

    /** Removes the page-break records of every table head row under {@code box}. */
    static void unclip(Box box) {
        if (box instanceof TableSectionBox section && section.isHeader()) {
            for (int i = 0; i < section.getChildCount(); i++) {
                if (section.getChild(i) instanceof TableRowBox row) row.setContentLimitContainer(null);
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            unclip(box.getChild(i));
        }
    }
}
