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
 * What only layout can see, fixed in the document before it is laid out again, for any table of any
 * template (the templates need not know where pages end or how wide a figure prints):
 * <ul>
 * <li>a cell spanning rows that a page break cuts is split in two and its label repeated on the new
 *     page, instead of the continued rows hanging under a blank 一级/二级 column;</li>
 * <li>a table whose last page would carry fewer than {@link LayoutLint#MIN_CONTINUATION_ROWS} body
 *     rows breaks earlier, so that its total never stands alone;</li>
 * <li>a column whose widest figure does not fit is set in a smaller size (the whole column, so its
 *     figures stay alike); text far too wide for its cell may wrap instead;</li>
 * <li>a heading or header cell that would leave one or two characters on its last line is broken
 *     into lines of even length.</li>
 * </ul>
 */
final class Refit {
    /** A column is not set smaller than this share of its size; text that needs more wraps. */
    private static final int MIN_PERCENT = 65;

    private final Boxes boxes;
    private final LayoutContext ctx;
    private boolean changed;

    private Refit(ITextRenderer renderer) {
        this.boxes = new Boxes(renderer.getRootBox().getLayer().getPages());
        this.ctx = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
    }

    /** Adjusts the document laid out by {@code renderer}; true when it changed and must be laid out again. */
    static boolean adjust(ITextRenderer renderer) {
        Refit r = new Refit(renderer);
        r.walk(renderer.getRootBox());
        return r.changed;
    }

    private void walk(Box box) {
        if (box instanceof TableBox t) {
            List<TableRowBox> rows = Boxes.bodyRows(t);
            if (!rows.isEmpty() && !splitSpans(rows)) keepTail(t, rows);
            fitColumns(t);
        }
        Element e = box.getElement();
        if (e != null && !(box instanceof LineBox) && LayoutLint.HEADINGS.contains(e.getNodeName())) balance(box, e);
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

    /** Moves the last rows of a table onto its last page together when that page would hold too few. */
    private void keepTail(TableBox table, List<TableRowBox> rows) {
        int n = rows.size();
        int min = LayoutLint.MIN_CONTINUATION_ROWS;
        int lastPage = boxes.pageOf(rows.get(n - 1).getAbsY());
        if (boxes.pageOf(rows.get(0).getAbsY()) == lastPage) return;
        int onLast = 0;
        int height = 0;
        while (onLast < n && boxes.pageOf(rows.get(n - 1 - onLast).getAbsY()) == lastPage) {
            height += rows.get(n - 1 - onLast).getHeight();
            onLast++;
        }
        if (!LayoutLint.shortFragment(onLast, height, boxes.page(lastPage).getContentHeight(ctx))) return;
        if (n - min >= 1) {
            addStyle(rows.get(n - min).getElement(), "page-break-before: always");
        } else {
            addStyle(table.getElement(), "page-break-inside: avoid"); // too small to split at all
        }
    }

    // ---- widths --------------------------------------------------------------------------------

    /** Sets each column whose text overflows its cells in a size at which its widest text fits. */
    private void fitColumns(TableBox table) {
        Map<Integer, Integer> percent = new LinkedHashMap<>();
        for (TableRowBox row : Boxes.bodyRows(table)) {
            for (int c = 0; c < row.getChildCount(); c++) {
                if (!(row.getChild(c) instanceof TableCellBox cell) || cell.getElement() == null) continue;
                Rectangle content = cell.getContentAreaEdge(cell.getAbsX(), cell.getAbsY(), ctx);
                int widest = 0;
                for (LineBox line : Boxes.lines(cell)) widest = Math.max(widest, width(line));
                if (widest <= content.width) continue;
                int p = (int) Math.floor(100.0 * content.width / widest / 5) * 5;
                if (p >= MIN_PERCENT && cell.getStyle().getColSpan() == 1) {
                    percent.merge(cell.getCol(), p, Math::min);
                } else {
                    addStyle(cell.getElement(), "white-space: normal; word-wrap: break-word");
                }
            }
        }
        if (percent.isEmpty()) return;
        for (TableRowBox row : Boxes.bodyRows(table)) {
            for (int c = 0; c < row.getChildCount(); c++) {
                if (row.getChild(c) instanceof TableCellBox cell && cell.getElement() != null
                        && cell.getStyle().getColSpan() == 1 && percent.containsKey(cell.getCol())) {
                    addStyle(cell.getElement(), "font-size: " + percent.get(cell.getCol()) + "%");
                }
            }
        }
    }

    private static int width(LineBox line) {
        Boxes.Extent x = Boxes.extent(line);
        return x == null ? 0 : x.width();
    }

    // ---- short last lines ----------------------------------------------------------------------

    /** Rewrites a text-only heading or header cell as the same number of lines, of even length. */
    private void balance(Box box, Element e) {
        List<LineBox> lines = Boxes.lines(box);
        if (!LayoutLint.shortLastLine(lines)) return;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.TEXT_NODE) return; // markup inside: leave it as it is
        }
        String text = e.getTextContent().strip();
        int n = text.codePointCount(0, text.length());
        int k = lines.size();
        while (e.getFirstChild() != null) e.removeChild(e.getFirstChild());
        // k lines as even as possible: the first n % k hold one character more
        int at = 0;
        for (int i = 0; i < k && at < n; i++) {
            int len = n / k + (i < n % k ? 1 : 0);
            int from = text.offsetByCodePoints(0, at);
            int to = text.offsetByCodePoints(0, at + len);
            if (i > 0) e.appendChild(e.getOwnerDocument().createElementNS(e.getNamespaceURI(), "br"));
            e.appendChild(e.getOwnerDocument().createTextNode(text.substring(from, to)));
            at += len;
        }
        changed = true;
    }

    private void addStyle(Element e, String css) {
        if (e == null) return;
        String style = e.getAttribute("style");
        e.setAttribute("style", (style.isEmpty() ? "" : style + "; ") + css);
        changed = true;
    }
}
