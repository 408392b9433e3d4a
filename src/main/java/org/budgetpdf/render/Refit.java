package org.budgetpdf.render;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableCellBox;
import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.LineBox;

import java.awt.Rectangle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What only layout can see, fixed in the document before it is laid out again, for any table of any template. The
 * table fitter ({@link TableFitter}) decides before layout what it can: widths, orientation, tightening and page
 * breaks of the tables that start a page. What remains depends on where text falls on pages:
 * <ul>
 * <li>a cell spanning rows that a page break cuts is split in two and its label repeated on the new page, instead of
 *     the continued rows hanging under a blank 一级/二级 column;</li>
 * <li>a table continued onto a page that it leaves nearly empty breaks earlier, so that its last page holds at least
 *     {@link TableFitter#MIN_LAST_PAGE} of a page;</li>
 * <li>a paragraph continued for a few lines onto a page that the next part leaves nearly empty takes its section's
 *     heading with it to that page;</li>
 * <li>a heading, a table's title or a label ("机构设置：") left at the foot of a page goes to the next, with what it
 *     titles;</li>
 * <li>a table whose text still overflows a cell is set half a point smaller, the whole table (never below
 *     {@link TableFitter#MIN_FONT_PT}).</li>
 * </ul>
 */
final class Refit {
    private final Boxes boxes;
    private final LayoutContext ctx;
    private final float dotsPerPoint;
    private boolean changed;

    private Refit(ITextRenderer renderer) {
        this.boxes = new Boxes(renderer.getRootBox().getLayer().getPages());
        this.ctx = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
        this.dotsPerPoint = renderer.getDotsPerPoint();
    }

    /** Adjusts the document laid out by {@code renderer}; true when it changed and must be laid out again. */
    static boolean adjust(ITextRenderer renderer) {
        Refit r = new Refit(renderer);
        r.walk(renderer.getRootBox());
        // where pages end depends on the tables above: settle those first
        if (!r.changed) r.pages(new PageFlow(renderer.getRootBox().getLayer().getPages(), r.boxes, r.ctx, renderer.getRootBox()));
        return r.changed;
    }

    private void walk(Box box) {
        if (box instanceof TableBox t) {
            List<TableRowBox> rows = Boxes.bodyRows(t);
            if (!rows.isEmpty()) splitSpans(rows);
            shrinkOverflowing(t);
        }
        for (int i = 0; i < box.getChildCount(); i++) walk(box.getChild(i));
    }

    // ---- page breaks in tables -----------------------------------------------------------------

    /** Cuts every rowspan that crosses pages at the first row of each new page. */
    private boolean splitSpans(List<TableRowBox> rows) {
        boolean any = false;
        for (int r = 0; r < rows.size(); r++) {
            TableRowBox row = rows.get(r);
            for (int c = 0; c < row.getChildCount(); c++) {
                if (!(row.getChild(c) instanceof TableCellBox cell) || cell.getElement() == null) continue;
                int span = cell.getStyle().getRowSpan();
                int end = Math.min(rows.size(), r + span); // exclusive
                List<Integer> starts = new java.util.ArrayList<>();
                for (int k = r + 1; k < end; k++) {
                    if (boxes.pageOf(rows.get(k).getAbsY()) != boxes.pageOf(rows.get(k - 1).getAbsY())
                            && rows.get(k).getElement() != null) starts.add(k);
                }
                if (starts.isEmpty()) continue;
                Element original = cell.getElement();
                original.setAttribute("rowspan", Integer.toString(starts.get(0) - r));
                for (int i = 0; i < starts.size(); i++) {
                    int from = starts.get(i);
                    int to = i + 1 < starts.size() ? starts.get(i + 1) : end;
                    Element copy = (Element) original.cloneNode(true);
                    copy.setAttribute("rowspan", Integer.toString(to - from));
                    insertAtColumn(rows.get(from), copy, cell.getCol());
                }
                any = changed = true;
            }
        }
        return any;
    }

    /** Inserts {@code cell} into {@code row}'s element before the first cell of a later column. */
    private static void insertAtColumn(TableRowBox row, Element cell, int col) {
        Node before = null;
        for (int i = 0; i < row.getChildCount(); i++) {
            if (row.getChild(i) instanceof TableCellBox c && c.getCol() > col && c.getElement() != null) {
                before = c.getElement();
                break;
            }
        }
        row.getElement().insertBefore(cell, before);
    }

    // ---- pages --------------------------------------------------------------------------------

    /** Near-empty continuations and stranded titles, read as a reader sees the pages. */
    private void pages(PageFlow flow) {
        for (Element title : flow.strandedTitles()) addStyle(title, "page-break-before: always");
        if (changed) return;
        for (int page = 1; page < flow.pages.size(); page++) {
            if (!flow.nearEmptyContinuation(page)) continue;
            int first = flow.first(page);
            PageFlow.Mark m = flow.marks.get(first);
            if (m.row()) {
                tableTail(flow, first);
            } else {
                // the paragraph's section heading goes to the new page, when that leaves the page before half full
                int start = flow.firstOf(m.block());
                Element title = start < 0 ? null : flow.titleBefore(start);
                if (title != null && flow.topShare(flow.firstOf(title)) >= 0.5) addStyle(title, "page-break-before: always");
            }
        }
    }

    /** Breaks a table earlier, at a row no cell spans across, so that its continuation holds enough of the page. */
    private void tableTail(PageFlow flow, int first) {
        PageFlow.Mark m = flow.marks.get(first);
        int page = m.page();
        int contentH = boxes.page(page).getContentHeight(ctx);
        int fill = 0;
        for (int i = first; i < flow.marks.size() && flow.marks.get(i).page() == page; i++) fill = flow.marks.get(i).bottom() - m.top();
        int k = first;
        while (k - 1 >= 0 && flow.marks.get(k - 1).row() && flow.marks.get(k - 1).block() == m.block()
                && flow.marks.get(k - 1).page() == page - 1 && fill < TableFitter.MIN_LAST_PAGE * contentH) {
            k--;
            fill += flow.marks.get(k).bottom() - flow.marks.get(k).top();
        }
        // never the whole page before, and at a row that no cell spans into
        while (k < first && (k == 0 || flow.marks.get(k - 1).page() < page - 1 || spannedInto((TableRowBox) flow.marks.get(k).box()))) k++;
        if (k < first) addStyle(flow.marks.get(k).box().getElement(), "page-break-before: always");
    }

    /** Whether a cell of an earlier row spans into this row. */
    private static boolean spannedInto(TableRowBox row) {
        Box section = row.getParent();
        int index = -1;
        for (int i = 0; i < section.getChildCount(); i++) if (section.getChild(i) == row) index = i;
        for (int i = 0; i < index; i++) {
            if (!(section.getChild(i) instanceof TableRowBox before)) continue;
            for (int c = 0; c < before.getChildCount(); c++) {
                if (before.getChild(c) instanceof TableCellBox cell && i + cell.getStyle().getRowSpan() > index) return true;
            }
        }
        return false;
    }

    // ---- text too wide ---------------------------------------------------------------------------

    /** A table whose text overflows a cell is set half a point smaller, the whole table, down to the smallest size. */
    private void shrinkOverflowing(TableBox table) {
        for (TableRowBox row : Boxes.bodyRows(table)) {
            for (int c = 0; c < row.getChildCount(); c++) {
                if (!(row.getChild(c) instanceof TableCellBox cell) || cell.getElement() == null) continue;
                Rectangle content = cell.getContentAreaEdge(cell.getAbsX(), cell.getAbsY(), ctx);
                for (LineBox line : Boxes.lines(cell)) {
                    Boxes.Extent x = Boxes.extent(line);
                    if (x == null || x.width() <= content.width) continue;
                    float pt = table.getStyle().getFont(ctx).size / dotsPerPoint;
                    float next = (float) (Math.floor(pt * 2 - 0.01) / 2);
                    if (next < TableFitter.MIN_FONT_PT) return;
                    addStyle(table.getElement(), String.format(java.util.Locale.ROOT, "font-size: %.1fpt", next));
                    return;
                }
            }
        }
    }

    private void addStyle(Element e, String css) {
        if (e == null) return;
        String style = e.getAttribute("style");
        e.setAttribute("style", (style.isEmpty() ? "" : style + "; ") + css);
        changed = true;
    }
}
