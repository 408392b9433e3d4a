package org.budgetpdf.render;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.newtable.TableSectionBox;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The laid-out document as a reader goes through it: every line of text outside tables and every table row, in order,
 * with the page it is on. What a reader judges (a page nearly empty after a full one, a title left at the foot of a
 * page, a page that starts mid-paragraph) is read from this, by {@link Refit} to fix it and by {@link LayoutLint} to
 * report what is left.
 */
final class PageFlow {
    /** A line of text or a table row: its page (0-based), its top and bottom, and the block it belongs to. */
    record Mark(int page, int top, int bottom, Box box, Element block, boolean row, boolean title) {
    }

    /** Elements whose text titles what follows them: it must not end a page. */
    private static final Set<String> TITLE_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TITLE_CLASSES = Set.of("table-title", "table-caption", "table-no");

    final List<PageBox> pages;
    final List<Mark> marks = new ArrayList<>();
    private final Boxes boxes;
    private final LayoutContext ctx;

    PageFlow(List<PageBox> pages, Boxes boxes, LayoutContext ctx, Box root) {
        this.pages = pages;
        this.boxes = boxes;
        this.ctx = ctx;
        walk(root, null);
        bottom = new int[pages.size()];
        first = new int[pages.size()];
        java.util.Arrays.fill(bottom, -1);
        java.util.Arrays.fill(first, -1);
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            bottom[m.page()] = Math.max(bottom[m.page()], m.bottom());
            if (first[m.page()] < 0) first[m.page()] = i;
        }
    }

    /** Per page: the lowest bottom of its marks, and its first mark (-1 for none). */
    private final int[] bottom;
    private final int[] first;

    private void walk(Box box, Element block) {
        if (box instanceof BlockBox b && b.getElement() != null) block = b.getElement();
        if (box instanceof TableBox t) {
            for (int i = 0; i < t.getChildCount(); i++) {
                if (!(t.getChild(i) instanceof TableSectionBox s) || Boxes.isHeader(s)) continue;
                for (int j = 0; j < s.getChildCount(); j++) {
                    if (s.getChild(j) instanceof TableRowBox r && r.getHeight() > 0) {
                        marks.add(new Mark(boxes.pageOf(r.getAbsY()), r.getAbsY(), r.getAbsY() + r.getHeight(), r,
                                t.getElement(), true, false));
                    }
                }
            }
            return;
        }
        if (box instanceof LineBox line) {
            if (!Boxes.text(line).isEmpty()) {
                marks.add(new Mark(boxes.pageOf(line.getAbsY()), line.getAbsY(), line.getAbsY() + line.getHeight(), line,
                        block, false, isTitle(block)));
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) walk(box.getChild(i), block);
    }

    /** A heading, a table's number, title or caption, or a short label ending in a colon ("机构设置："). */
    static boolean isTitle(Element e) {
        if (e == null) return false;
        if (TITLE_TAGS.contains(e.getLocalName())) return true;
        for (String c : e.getAttribute("class").split("\\s+")) if (TITLE_CLASSES.contains(c)) return true;
        String text = e.getTextContent().strip();
        return e.getLocalName().equals("p") && !text.isEmpty() && text.codePointCount(0, text.length()) <= 20
                && (text.endsWith("：") || text.endsWith(":"));
    }

    /** Where the text on a page ends, as a share of the page's height (margins included), as a reader measures it. */
    double bottomShare(int page) {
        if (bottom[page] < 0) return 0;
        PageBox p = pages.get(page);
        double fromTop = p.getMargin(ctx).top() + Math.min(bottom[page], p.getBottom()) - p.getTop();
        return fromTop / p.getHeight(ctx);
    }

    /** The first mark on a page, or -1. */
    int first(int page) {
        return first[page];
    }

    /**
     * A page that carries a few lines or rows continued from a full page before it (the measure of issue 16): its text
     * ends above 35% of its height, the page before ends below 80%, and it does not open with a title.
     */
    boolean nearEmptyContinuation(int page) {
        if (page == 0) return false;
        int first = first(page);
        if (first < 0 || marks.get(first).title() && !(endsPart(page) && continuesPart(page))) return false;
        return bottomShare(page) < 0.35 && bottomShare(page - 1) > 0.80;
    }

    /**
     * Whether a page is the last of its part (the next starts another, or there is none): a short last section alone
     * on it, title and all, is as near-empty to a reader as a continuation.
     */
    private boolean endsPart(int page) {
        if (page + 1 >= pages.size() || first(page + 1) < 0) return true;
        return partOf(marks.get(first(page)).block()) != partOf(marks.get(first(page + 1)).block());
    }

    /** Whether a page goes on with the part of the page before it (no part starts at its top). */
    private boolean continuesPart(int page) {
        int first = first(page);
        if (first <= 0) return false;
        return partOf(marks.get(first - 1).block()) == partOf(marks.get(first).block());
    }

    /** The part an element belongs to: its nearest ancestor that starts a page, or the body. */
    Element partOf(Element e) {
        Element last = e;
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            last = el;
            if (ctx.getSharedContext().getStyle(el).isForcePageBreakBefore()) return el;
            if (el.getLocalName().equals("body")) return el;
        }
        return last;
    }

    /**
     * The titles that end their page with what they title on the next page, each as the element to move: the first
     * of a run of titles (a part heading over a section heading over a table's number and title).
     */
    List<Element> strandedTitles() {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i + 1 < marks.size(); i++) {
            Mark m = marks.get(i);
            Mark next = marks.get(i + 1);
            if (!m.title() || next.block() == m.block() || next.page() <= m.page()) continue;
            int j = runStart(i);
            if (j == first(m.page())) continue; // the page holds nothing else: moving it gains nothing
            out.add(marks.get(j).block());
        }
        return out;
    }

    /**
     * The title of what starts at mark i: the first of the run of titles (a section heading over a table's number and
     * title) among the {@code within} lines right above it on its page; -1 when there is none.
     */
    int titleAbove(int i, int within) {
        int page = marks.get(i).page();
        for (int k = i - 1; k >= 0 && i - k <= within && marks.get(k).page() == page; k--) {
            if (marks.get(k).title()) return runStart(k);
        }
        return -1;
    }

    /** The first of the run of titles on one page that ends with title mark k. */
    private int runStart(int k) {
        while (k > 0 && marks.get(k - 1).title() && marks.get(k - 1).page() == marks.get(k).page()) k--;
        return k;
    }

    /** The share of its page's content height above mark i's top. */
    double topShare(int i) {
        Mark m = marks.get(i);
        PageBox p = pages.get(m.page());
        return (double) (m.top() - p.getTop()) / p.getContentHeight(ctx);
    }

    /** Index of the first mark of an element's lines (the element or a block inside it), or -1. */
    int firstOf(Element e) {
        for (int i = 0; i < marks.size(); i++) if (inside(marks.get(i).block(), e)) return i;
        return -1;
    }

    private static boolean inside(Node n, Element e) {
        for (; n != null; n = n.getParentNode()) if (n == e) return true;
        return false;
    }
}
