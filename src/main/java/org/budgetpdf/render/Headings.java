package org.budgetpdf.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.RectPropertySet;
import org.xhtmlrenderer.layout.Layer;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.render.FSFont;

import java.util.List;
import java.util.Set;

/**
 * Headings and table titles that take two lines or more are set in lines of even length before layout, so that none
 * ends with a word or two under a full line ("…医疗保障局2025年度部门预算情况 / 说明" becomes two halves). The breaks
 * are those of {@link ChineseLineBreaking}: names kept whole, no bracket or closing mark out of place.
 */
final class Headings {
    private Headings() {
    }

    private static final Set<String> TAGS = Set.of("h1", "h2", "h3", "h4");
    private static final Set<String> CLASSES = Set.of("table-title", "table-caption");

    /** Balances the headings of the document (after the tables are fitted: a landscape page is wider). */
    static void balance(SharedContext sc, LayoutContext ctx, TextMeasure measure, Document doc) {
        int portrait = width(ctx, "");
        int landscape = width(ctx, "land");
        walk(doc.getDocumentElement(), false, sc, ctx, measure, portrait, landscape);
    }

    private static int width(LayoutContext ctx, String pageName) {
        ctx.setPageName(pageName.isEmpty() ? null : pageName);
        return Layer.createPageBox(ctx, "right").getContentWidth(ctx);
    }

    private static void walk(Element e, boolean land, SharedContext sc, LayoutContext ctx, TextMeasure m, int portrait, int landscape) {
        land |= TableFitter.hasClass(e, "landscape");
        if (isHeading(e)) {
            balance(e, land ? landscape : portrait, sc, ctx, m);
            return;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) walk(c, land, sc, ctx, m, portrait, landscape);
        }
    }

    private static boolean isHeading(Element e) {
        if (TAGS.contains(e.getLocalName())) return true;
        for (String c : e.getAttribute("class").split("\\s+")) if (CLASSES.contains(c)) return true;
        return false;
    }

    private static void balance(Element e, int pageWidth, SharedContext sc, LayoutContext ctx, TextMeasure m) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.TEXT_NODE) return; // markup inside: set as written
        }
        String text = e.getTextContent().strip();
        if (text.isEmpty()) return;
        CalculatedStyle st = sc.getStyle(e);
        RectPropertySet margin = st.getMarginRect(pageWidth, ctx);
        int width = pageWidth - (int) Math.ceil(margin.left() + margin.right()) - m.hpad(st)
                - (int) Math.ceil(Math.max(0, st.getFloatPropertyProportionalWidth(org.xhtmlrenderer.css.constants.CSSName.TEXT_INDENT, pageWidth, ctx)));
        FSFont font = st.getFSFont(ctx);
        List<String> lines = m.breakLines(font, text, width);
        if (lines.size() < 2) return;
        int last = chars(lines.get(lines.size() - 1));
        int before = chars(lines.get(lines.size() - 2));
        if (last * 2 >= before) return;
        List<String> even = m.breakLines(font, text, m.wrapWidth(font, text, lines.size()));
        if (even.size() != lines.size()) return;
        while (e.getFirstChild() != null) e.removeChild(e.getFirstChild());
        for (int i = 0; i < even.size(); i++) {
            if (i > 0) e.appendChild(e.getOwnerDocument().createElementNS(e.getNamespaceURI(), "br"));
            e.appendChild(e.getOwnerDocument().createTextNode(even.get(i)));
        }
    }

    private static int chars(String s) {
        return Boxes.chars(s);
    }
}
