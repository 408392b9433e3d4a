package org.budgetpdf.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.RectPropertySet;
import org.xhtmlrenderer.layout.Layer;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.layout.SharedContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What must stay together across a page break, marked before layout so that Flying Saucer keeps it together in its
 * one pass, for any layout:
 * <ul>
 *   <li>a title (heading, a table's number, title or caption, a label ending in a colon) stays with what follows it
 *       ({@code page-break-after: avoid});</li>
 *   <li>the last section of a part (its heading and what follows it up to the part's end), when it is short, is not
 *       broken: a few lines carried over would leave the part's last page nearly empty;</li>
 *   <li>a table's header rows written in its body (rows of th cells only, before any other) become its thead, which
 *       layout repeats on every page the table continues on.</li>
 * </ul>
 * What still goes wrong is fixed by {@link Refit} after layout.
 */
final class Keeps {
    private Keeps() {
    }

    /** The end of a part up to this share of a page is kept whole (moved, it leaves at most this much blank). */
    private static final double SHORT_SECTION = 0.5;

    static void mark(SharedContext sc, LayoutContext ctx, TextMeasure measure, Document doc) {
        ctx.setPageName(null);
        int width = Layer.createPageBox(ctx, "right").getContentWidth(ctx);
        int height = Layer.createPageBox(ctx, "right").getContentHeight(ctx);
        titles(doc.getDocumentElement());
        headers(doc.getDocumentElement());
        List<Element> flow = new ArrayList<>();
        flowBlocks(doc.getDocumentElement(), flow);
        // parts: runs of blocks between forced page breaks; tables pages are their own
        int start = 0;
        for (int i = 0; i <= flow.size(); i++) {
            boolean end = i == flow.size() || i > start && breaksBefore(sc, flow.get(i));
            if (!end) continue;
            lastSection(flow.subList(start, i), sc, ctx, measure, width, height);
            start = i;
        }
    }

    private static void titles(Element e) {
        if (PageFlow.isTitle(e)) {
            addStyle(e, "page-break-after", "avoid");
            return;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) titles(c);
    }

    private static void headers(Element e) {
        if (e.getLocalName().equals("table")) {
            header(e);
            return;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) headers(c);
    }

    /** Moves the leading rows of th cells of a table without a thead into one. */
    private static void header(Element table) {
        Element body = null;
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            if (c.getLocalName().equals("thead")) return;
            if (c.getLocalName().equals("tbody") || c.getLocalName().equals("tr")) {
                body = c.getLocalName().equals("tr") ? table : c;
                break;
            }
        }
        if (body == null) return;
        List<Element> heads = new ArrayList<>();
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element row)) continue;
            if (!row.getLocalName().equals("tr") || !allHeaderCells(row)) break;
            heads.add(row);
        }
        if (heads.isEmpty() || heads.size() == rowCount(body)) return;
        Element thead = table.getOwnerDocument().createElementNS(table.getNamespaceURI(), "thead");
        Node at = body == table ? heads.get(0) : body;
        table.insertBefore(thead, at);
        for (Element row : heads) thead.appendChild(row);
    }

    private static boolean allHeaderCells(Element row) {
        boolean any = false;
        for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            if (!c.getLocalName().equals("th")) return false;
            any = true;
        }
        return any;
    }

    private static int rowCount(Element body) {
        int n = 0;
        for (Node c = body.getFirstChild(); c != null; c = c.getNextSibling()) if (c instanceof Element e && e.getLocalName().equals("tr")) n++;
        return n;
    }

    /** The blocks of the body in order, descending into containers of blocks (a part's div, a section's div). */
    private static void flowBlocks(Element e, List<Element> out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            String name = c.getLocalName();
            if (name.equals("head") || name.equals("style") || name.equals("script")) continue;
            if (isContainer(c)) flowBlocks(c, out);
            else out.add(c);
        }
    }

    /** A div or body holding blocks (not a table page: its tables are the fitter's). */
    private static boolean isContainer(Element e) {
        String name = e.getLocalName();
        if (!(name.equals("body") || name.equals("div") || name.equals("section") || name.equals("html"))) return false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && isBlock(c.getLocalName())) return true;
        }
        return false;
    }

    private static boolean isBlock(String name) {
        return switch (name) {
            case "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section" -> true;
            default -> false;
        };
    }

    private static boolean breaksBefore(SharedContext sc, Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (sc.getStyle(el).isForcePageBreakBefore()) return true;
            if (n.getPreviousSibling() != null && hasElementBefore(n)) break; // only the first block of a container
        }
        return false;
    }

    private static boolean hasElementBefore(Node n) {
        for (Node p = n.getPreviousSibling(); p != null; p = p.getPreviousSibling()) if (p instanceof Element) return true;
        return false;
    }

    /**
     * Keeps the end of a part whole when it is short: from the earliest heading after which what remains of the part
     * fits in {@link #SHORT_SECTION} of a page, to the part's end, when those blocks are siblings (they are wrapped in
     * a div that does not break inside).
     */
    private static void lastSection(List<Element> part, SharedContext sc, LayoutContext ctx, TextMeasure m, int width, int height) {
        int from = -1;
        int total = 0;
        int marginAbove = 0; // the top margin of the block below, collapsing with the bottom margin of this one
        for (int i = part.size() - 1; i >= 0; i--) {
            Element e = part.get(i);
            if (e.getLocalName().equals("table") && TableFitter.hasClass(e, "grid")) break; // tables are the fitter's
            CalculatedStyle st = sc.getStyle(e);
            RectPropertySet margin = st.getMarginRect(width, ctx);
            total += height(e, st, ctx, m, width) + Math.max((int) margin.bottom(), marginAbove);
            marginAbove = (int) margin.top();
            if (total + marginAbove > SHORT_SECTION * height) break;
            if (e.getLocalName().matches("h[1-6]")) from = i;
        }
        if (from < 0 || from == part.size() - 1) return;
        List<Element> section = part.subList(from, part.size());
        Node parent = section.get(0).getParentNode();
        for (Element e : section) if (e.getParentNode() != parent) return;
        Element wrap = section.get(0).getOwnerDocument().createElementNS(section.get(0).getNamespaceURI(), "div");
        wrap.setAttribute("class", "kept-section");
        wrap.setAttribute("style", "page-break-inside: avoid");
        parent.insertBefore(wrap, section.get(0));
        for (Element e : List.copyOf(section)) wrap.appendChild(e);
    }

    /** A block's height at the page's width without its margins: its lines (the first one indented) and padding. */
    private static int height(Element e, CalculatedStyle st, LayoutContext ctx, TextMeasure m, int width) {
        String text = e.getTextContent().strip();
        int indent = (int) Math.max(0, st.getFloatPropertyProportionalWidth(
                org.xhtmlrenderer.css.constants.CSSName.TEXT_INDENT, width, ctx));
        int lines = text.isEmpty() ? 0 : m.lines(st.getFSFont(ctx), text, width - m.hpad(st), indent);
        return (int) Math.ceil(lines * st.getLineHeight(ctx)) + m.vpad(st);
    }

    private static void addStyle(Element e, String property, String value) {
        Map<String, String> style = TableFitter.styleMap(e.getAttribute("style"));
        style.putIfAbsent(property, value);
        e.setAttribute("style", TableFitter.styleText(style));
    }
}
