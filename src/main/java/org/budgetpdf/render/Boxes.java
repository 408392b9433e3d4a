package org.budgetpdf.render;

import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.newtable.TableSectionBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

import java.util.ArrayList;
import java.util.List;

/** Reading Flying Saucer's laid-out box tree: pages, table body rows, lines and the text on them. */
final class Boxes {
    private final List<PageBox> pages;

    Boxes(List<PageBox> pages) {
        this.pages = pages;
    }

    PageBox page(int index) {
        return pages.get(index);
    }

    /** 0-based page holding the absolute y. */
    int pageOf(int y) {
        int lo = 0;
        int hi = pages.size() - 1;
        while (lo < hi) { // the first page whose bottom is below y; pages are in order
            int mid = (lo + hi) >>> 1;
            if (y < pages.get(mid).getBottom()) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** Where a block's content starts: its first line, since its top margin can sit on the previous page. */
    int startPage(Box box) {
        Box line = firstLine(box);
        return pageOf((line != null ? line : box).getAbsY());
    }

    static Box firstLine(Box box) {
        if (box instanceof LineBox) return box;
        for (int i = 0; i < box.getChildCount(); i++) {
            Box found = firstLine(box.getChild(i));
            if (found != null) return found;
        }
        return null;
    }

    static boolean isHeader(TableSectionBox section) {
        return section.getElement() != null && "thead".equals(section.getElement().getNodeName());
    }

    /** The rows of a table outside its header, in order. */
    static List<TableRowBox> bodyRows(TableBox table) {
        List<TableRowBox> rows = new ArrayList<>();
        for (int i = 0; i < table.getChildCount(); i++) {
            if (!(table.getChild(i) instanceof TableSectionBox section) || isHeader(section)) continue;
            for (int j = 0; j < section.getChildCount(); j++) {
                if (section.getChild(j) instanceof TableRowBox row) rows.add(row);
            }
        }
        return rows;
    }

    static List<LineBox> lines(Box box) {
        List<LineBox> out = new ArrayList<>();
        lines(box, out);
        return out;
    }

    private static void lines(Box box, List<LineBox> out) {
        if (box instanceof LineBox l) {
            out.add(l);
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) lines(box.getChild(i), out);
    }

    /** A run of text on a line, at its absolute x. */
    record Piece(int x, int width, String text) {
    }

    static List<Piece> pieces(LineBox line) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < line.getChildCount(); i++) {
            if (line.getChild(i) instanceof InlineLayoutBox ilb) inline(ilb, out);
        }
        return out;
    }

    private static void inline(InlineLayoutBox ilb, List<Piece> out) {
        for (Object o : ilb.getInlineChildren()) {
            if (o instanceof InlineText t && !t.isEmpty()) {
                out.add(new Piece(ilb.getAbsX() + t.getX(), t.getWidth(), t.getSubstring()));
            } else if (o instanceof InlineLayoutBox nested) {
                inline(nested, out);
            }
        }
    }

    /** Left and right of a line's visible text, absolute; null when it shows none. */
    record Extent(int left, int right) {
        int width() {
            return right - left;
        }
    }

    static Extent extent(LineBox line) {
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        for (Piece p : pieces(line)) {
            if (p.text().isBlank()) continue;
            left = Math.min(left, p.x());
            right = Math.max(right, p.x() + p.width());
        }
        return right < left ? null : new Extent(left, right);
    }

    static String text(LineBox line) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces(line)) sb.append(p.text());
        return sb.toString().strip();
    }

    /** Characters (code points) of a text, ignoring spaces. */
    static int chars(String s) {
        String t = s.replaceAll("\\s", "");
        return t.codePointCount(0, t.length());
    }
}
