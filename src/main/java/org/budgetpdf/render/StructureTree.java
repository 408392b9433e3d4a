package org.budgetpdf.render;

import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The structure tree of a tagged PDF, made from the XHTML before anything is painted, so that its order is the
 * document's: Document, then per element H1–H6, P, L/LI/LBody, TOC/TOCI (a list inside {@code .toc}), Table with
 * THead/TBody/TFoot, TR and TH (Scope) / TD (ColSpan, RowSpan), Caption, Link, Figure (with the image's alt text).
 * Elements without a role of their own (div, span, body...) are transparent; one that holds text directly
 * becomes a P. A table without any th is a layout table (the unit and 填报单位 line): its cells are paragraphs.
 *
 * <p>OpenPDF keeps an element's kids either all structure elements or all marked content. An element that holds
 * both text and elements with a role (a paragraph with a link) gets a Span for its text, placed where its first
 * text is.
 */
final class StructureTree {
    private static final PdfName COLSPAN = new PdfName("ColSpan");
    private static final PdfName ROWSPAN = new PdfName("RowSpan");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final PdfName ROW = new PdfName("Row");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> BLOCKS = Set.of("div", "section", "article", "header", "footer", "main", "aside",
            "nav", "center", "address", "dd", "dt", "figcaption", "pre");

    private final PdfStructureElement document;
    /** The element marked content of each DOM element goes to (its own, its LBody, or its text Span). */
    private final Map<Element, PdfStructureElement> content = new IdentityHashMap<>();
    /** Each DOM element's own structure element. */
    private final Map<Element, PdfStructureElement> own = new IdentityHashMap<>();
    private final Map<PdfStructureElement, PdfStructureElement> textSpans = new HashMap<>();

    StructureTree(PdfWriter writer, org.w3c.dom.Document dom) {
        document = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
        Element body = child(dom.getDocumentElement(), "body");
        if (body != null) build(body, document, false, false);
    }

    /** The structure element text of {@code e} (or of its nearest ancestor with one) is marked as. */
    PdfStructureElement contentOf(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            PdfStructureElement s = content.get(el);
            if (s != null) return usable(s);
        }
        return usable(document);
    }

    /** The Figure element of an {@code <img>}, or null (an image with alt="" is decoration). */
    PdfStructureElement figureOf(Element img) {
        PdfStructureElement s = own.get(img);
        return s != null && PdfName.FIGURE.equals(s.get(PdfName.S)) ? s : null;
    }

    /** The Link element of an {@code <a href>}, or null. */
    PdfStructureElement linkOf(Element a) {
        PdfStructureElement s = own.get(a);
        return s != null && PdfName.LINK.equals(s.get(PdfName.S)) ? s : null;
    }

    /**
     * {@code s}, or a Span under it when it already has kids: OpenPDF refuses marked content beside structure
     * elements. The Span is made once and appended.
     */
    private PdfStructureElement usable(PdfStructureElement s) {
        PdfObject k = s.get(PdfName.K);
        if (k instanceof PdfArray a && !a.isEmpty() && a.getPdfObject(0) instanceof PdfStructureElement) {
            return textSpans.computeIfAbsent(s, p -> new PdfStructureElement(p, PdfName.SPAN));
        }
        return s;
    }

    private void build(Element e, PdfStructureElement parent, boolean inToc, boolean layoutTable) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        name = name.toLowerCase(Locale.ROOT);
        if (name.equals("head") || name.equals("bookmarks") || name.equals("script") || name.equals("style")) return;
        boolean toc = inToc || hasClass(e, "toc");
        boolean layout = name.equals("table") ? !hasDescendant(e, "th") : layoutTable;
        PdfName role = role(e, name, toc, layout);
        PdfStructureElement here = parent;
        if (role != null) {
            if (directText(e) && hasRoleKids(e, toc, layout) && !role.equals(PdfName.LI) && !role.equals(PdfName.TOCI)) {
                // text and elements side by side: the text goes into a Span made where the text starts
                here = new PdfStructureElement(parent, role);
                own.put(e, here);
                buildMixed(e, here, toc, layout);
                return;
            }
            here = new PdfStructureElement(parent, role);
            own.put(e, here);
            attributes(e, name, here);
            if (role.equals(PdfName.LI)) {
                PdfStructureElement body = new PdfStructureElement(here, PdfName.LBODY);
                content.put(e, body);
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element ce) build(ce, body, toc, layout);
                }
                return;
            }
            content.put(e, here);
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) build(ce, here, toc, layout);
        }
    }

    private void buildMixed(Element e, PdfStructureElement here, boolean toc, boolean layout) {
        PdfStructureElement span = null;
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE && !c.getNodeValue().isBlank() && span == null) {
                span = new PdfStructureElement(here, PdfName.SPAN);
                textSpans.put(here, span);
                content.put(e, span);
            } else if (c instanceof Element ce) {
                build(ce, here, toc, layout);
            }
        }
    }

    private PdfName role(Element e, String name, boolean toc, boolean layout) {
        if (HEADINGS.contains(name)) return new PdfName(name.toUpperCase(Locale.ROOT));
        switch (name) {
            case "p":
                return PdfName.P;
            case "ul":
            case "ol":
                return toc ? PdfName.TOC : PdfName.L;
            case "li":
                return toc ? PdfName.TOCI : PdfName.LI;
            case "a":
                return e.hasAttribute("href") ? PdfName.LINK : null;
            case "img":
                return e.hasAttribute("alt") && e.getAttribute("alt").isBlank() ? null : PdfName.FIGURE;
            case "caption":
                return PdfName.CAPTION;
            case "table":
                return layout ? null : PdfName.TABLE;
            case "thead":
                return layout ? null : PdfName.THEAD;
            case "tbody":
                return layout ? null : PdfName.TBODY;
            case "tfoot":
                return layout ? null : PdfName.TFOOT;
            case "tr":
                return layout ? null : PdfName.TABLEROW;
            case "th":
                return layout ? (directText(e) ? PdfName.P : null) : PdfName.TH;
            case "td":
                return layout ? (directText(e) ? PdfName.P : null) : PdfName.TD;
            case "blockquote":
                return PdfName.BLOCKQUOTE;
            default:
                // a block holding text is a paragraph; inline elements (span, b, sup...) belong to their block's
                return BLOCKS.contains(name) && directText(e) ? PdfName.P : null;
        }
    }

    private void attributes(Element e, String name, PdfStructureElement s) {
        if (name.equals("img")) {
            s.put(PdfName.ALT, new PdfString(e.getAttribute("alt"), PdfObject.TEXT_UNICODE));
            return;
        }
        if (!name.equals("th") && !name.equals("td")) return;
        PdfDictionary a = new PdfDictionary();
        int colspan = span(e.getAttribute("colspan"));
        int rowspan = span(e.getAttribute("rowspan"));
        if (colspan > 1) a.put(COLSPAN, new PdfNumber(colspan));
        if (rowspan > 1) a.put(ROWSPAN, new PdfNumber(rowspan));
        if (name.equals("th")) {
            Node section = e.getParentNode() == null ? null : e.getParentNode().getParentNode();
            boolean head = section != null && "thead".equalsIgnoreCase(section.getNodeName());
            a.put(SCOPE, head ? COLUMN : scope(e));
        }
        if (a.size() > 0) {
            a.put(PdfName.O, PdfName.TABLE);
            s.put(PdfName.A, a);
        }
    }

    /** A header cell outside thead: its scope attribute, by default a row header. */
    private static PdfName scope(Element th) {
        return th.getAttribute("scope").toLowerCase(Locale.ROOT).startsWith("col") ? COLUMN : ROW;
    }

    private static int span(String v) {
        try {
            return v.isBlank() ? 1 : Integer.parseInt(v.strip());
        } catch (NumberFormatException ex) {
            return 1;
        }
    }

    private boolean hasRoleKids(Element e, boolean toc, boolean layout) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                String n = (ce.getLocalName() != null ? ce.getLocalName() : ce.getNodeName()).toLowerCase(Locale.ROOT);
                if (role(ce, n, toc, layout) != null || hasRoleKids(ce, toc, layout)) return true;
            }
        }
        return false;
    }

    private static boolean directText(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if ((c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) && !c.getNodeValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasClass(Element e, String cls) {
        for (String c : e.getAttribute("class").split("\\s+")) {
            if (c.equals(cls)) return true;
        }
        return false;
    }

    private static boolean hasDescendant(Element e, String name) {
        return e.getElementsByTagName(name).getLength() > 0
                || e.getElementsByTagNameNS("*", name).getLength() > 0;
    }

    private static Element child(Element e, String name) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && name.equalsIgnoreCase(ce.getLocalName() != null ? ce.getLocalName() : ce.getNodeName())) {
                return ce;
            }
        }
        return null;
    }
}
