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
    /** A table's text set smaller or wrapped this round. */
    private boolean resized;
    /** Style changes made this round (page breaks, line heights, sizes). */
    private int moved;

    private Refit(ITextRenderer renderer) {
        this.boxes = new Boxes(renderer.getRootBox().getLayer().getPages());
        this.ctx = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
        this.dotsPerPoint = renderer.getDotsPerPoint();
    }

    /** Adjusts the document laid out by {@code renderer}; true when it changed and must be laid out again. */
    static boolean adjust(ITextRenderer renderer) {
        Refit r = new Refit(renderer);
        r.walk(renderer.getRootBox());
        // where pages end depends on the tables above: a table set smaller or wrapped moves every page after it, so
        // the pages wait for the next layout; a rowspan cut where a page breaks leaves the breaks where they are
        if (!r.resized) r.pages(new PageFlow(renderer.getRootBox().getLayer().getPages(), r.boxes, r.ctx, renderer.getRootBox()));
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
        int before = moved;
        for (Element title : flow.strandedTitles()) addStyle(title, "page-break-before: always");
        if (moved > before) return;
        shortSplits(flow);
        if (moved > before) return;
        for (int page = 1; page < flow.pages.size(); page++) {
            if (!flow.nearEmptyContinuation(page)) continue;
            int first = flow.first(page);
            PageFlow.Mark m = flow.marks.get(first);
            if (m.row()) {
                tableTail(flow, first);
            } else {
                textTail(flow, page);
            }
        }
    }

    /**
     * A table that would fit on one page, split across two with a stub of at most {@value #STUB_ROWS} rows on one of
     * them because it starts low on the first: it goes to the next page whole, with its title. One that starts in the upper half of its page is left to split (moving it would
     * leave half a page blank); {@link #tableTail} then evens a short continuation.
     */
    private static final int STUB_ROWS = 3;

    private void shortSplits(PageFlow flow) {
        List<PageFlow.Mark> marks = flow.marks;
        for (int i = 1; i < marks.size(); i++) {
            PageFlow.Mark m = marks.get(i), prev = marks.get(i - 1);
            if (!m.row() || !prev.row() || prev.block() != m.block() || prev.page() == m.page()) continue;
            int start = i - 1;
            while (start > 0 && marks.get(start - 1).row() && marks.get(start - 1).block() == m.block()) start--;
            int end = i;
            while (end + 1 < marks.size() && marks.get(end + 1).row() && marks.get(end + 1).block() == m.block()) end++;
            if (marks.get(start).page() != prev.page() || marks.get(end).page() != m.page()) continue; // longer than two pages
            if (i - start > STUB_ROWS && end - i + 1 > STUB_ROWS) continue; // split into two real parts: fine
            // the table's title: a title within the few lines above its first row, on the same page
            int title = flow.titleAbove(start, 3);
            int top = title < 0 ? start : title;
            if (top == flow.first(prev.page()) || flow.topShare(top) < 0.5) continue;
            int rows = 0;
            for (int k = start; k <= end; k++) rows += marks.get(k).bottom() - marks.get(k).top();
            int whole = rows + (marks.get(start).top() - marks.get(top).top());
            if (whole > 0.95 * boxes.page(m.page()).getContentHeight(ctx)) continue;
            Element move = top == start ? m.block() : marks.get(top).block();
            addStyle(move, "page-break-before: always");
            i = end;
        }
    }

    /** A part may be set this much tighter (its line heights) to take back the few lines it spills. */
    private static final double TIGHTEN_TEXT = 0.10;

    /**
     * A part whose last few lines spill onto a page of their own: set a little tighter when that takes them back,
     * else broken earlier, at a paragraph (with its title, if one stands right above it), so that the last page holds
     * at least {@link TableFitter#MIN_LAST_PAGE} of a page.
     */
    private void textTail(PageFlow flow, int page) {
        int first = flow.first(page);
        int contentH = boxes.page(page).getContentHeight(ctx);
        int need = 0;
        for (int i = first; i < flow.marks.size() && flow.marks.get(i).page() == page; i++) {
            need = flow.marks.get(i).bottom() - flow.marks.get(first).top();
        }
        Element part = flow.partOf(flow.marks.get(first).block());
        List<PageFlow.Mark> lines = new java.util.ArrayList<>();
        int textH = 0;
        for (PageFlow.Mark mk : flow.marks) {
            if (mk.page() < page && !mk.row() && inside(mk.block(), part)) {
                lines.add(mk);
                textH += mk.bottom() - mk.top();
            }
        }
        int lineH = flow.marks.get(first).bottom() - flow.marks.get(first).top();
        int want = need + lineH / 2; // and half a line for rounding
        boolean tightened = false;
        for (PageFlow.Mark mk : lines) tightened |= mk.block() != null && mk.block().getAttribute("style").contains("line-height");
        if (textH > 0 && want <= TIGHTEN_TEXT * textH && !tightened) {
            double r = 1 - (double) want / textH;
            java.util.Set<Element> blocks = new java.util.LinkedHashSet<>();
            for (PageFlow.Mark mk : lines) blocks.add(mk.block());
            for (int i = first; i < flow.marks.size() && flow.marks.get(i).page() == page; i++) blocks.add(flow.marks.get(i).block());
            for (Element b : blocks) {
                float lh = b == null ? 0 : ctx.getSharedContext().getStyle(b).getLineHeight(ctx);
                if (lh > 0) addStyle(b, String.format(java.util.Locale.ROOT, "line-height: %.2fpt", lh * r / dotsPerPoint));
            }
            return;
        }
        // break earlier: whole blocks from the page before, as few as fill the last page enough
        int fill = need;
        int k = first;
        while (k > 0 && flow.marks.get(k - 1).page() == page - 1 && fill < TableFitter.MIN_LAST_PAGE * contentH) {
            k--;
            fill += flow.marks.get(k).bottom() - flow.marks.get(k).top();
        }
        // to the start of that block, and the titles right above it
        while (k > 0 && flow.marks.get(k - 1).block() == flow.marks.get(k).block()) k--;
        while (k > 0 && flow.marks.get(k - 1).title() && flow.marks.get(k - 1).page() == flow.marks.get(k).page()) k--;
        if (k > 0 && flow.marks.get(k).page() == page - 1 && flow.first(page - 1) < k) {
            addStyle(flow.marks.get(k).block(), "page-break-before: always");
        }
    }

    private static boolean inside(Node n, Element e) {
        for (; n != null; n = n.getParentNode()) if (n == e) return true;
        return false;
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

    /**
     * A table whose text overflows a cell is set smaller, as a whole, at the size at which its widest overflow fits; a
     * cell whose text would need a size below {@link TableFitter#MIN_FONT_PT} wraps instead.
     */
    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("[-+−]?[\\d,.]+%?");

    private void shrinkOverflowing(TableBox table) {
        double ratio = 1;
        for (TableRowBox row : Boxes.bodyRows(table)) {
            for (int c = 0; c < row.getChildCount(); c++) {
                if (!(row.getChild(c) instanceof TableCellBox cell) || cell.getElement() == null) continue;
                Rectangle content = cell.getContentAreaEdge(cell.getAbsX(), cell.getAbsY(), ctx);
                for (LineBox line : Boxes.lines(cell)) {
                    Boxes.Extent x = Boxes.extent(line);
                    if (x == null || x.width() <= content.width) continue;
                    double r = (double) content.width / x.width();
                    float pt = table.getStyle().getFont(ctx).size() / dotsPerPoint;
                    if (pt * r < TableFitter.MIN_FONT_PT || TableFitter.stepDown(pt) < 0) {
                        // text wraps; a figure is never broken: it stays too wide, and the lint reports it
                        if (!FIGURE.matcher(Boxes.text(line)).matches()) {
                            addStyle(cell.getElement(), "white-space: normal; word-wrap: break-word");
                            resized = true;
                        }
                    } else {
                        ratio = Math.min(ratio, r);
                    }
                }
            }
        }
        if (ratio >= 1) return;
        float pt = table.getStyle().getFont(ctx).size() / dotsPerPoint;
        float next = (float) Math.max(TableFitter.MIN_FONT_PT, Math.floor(pt * ratio * 2) / 2);
        if (next > pt - 0.25) next = TableFitter.stepDown(pt); // a hair too wide still takes a step
        if (next > 0) {
            addStyle(table.getElement(), String.format(java.util.Locale.ROOT, "font-size: %.1fpt", next));
            resized = true;
        }
    }

    private void addStyle(Element e, String css) {
        if (e == null) return;
        String style = e.getAttribute("style");
        e.setAttribute("style", (style.isEmpty() ? "" : style + "; ") + css);
        changed = true;
        moved++;
    }
}
