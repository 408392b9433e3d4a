package org.budgetpdf.render;

import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfBorderArray;
import org.openpdf.text.pdf.PdfBorderDictionary;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.css.style.derived.FSLinearGradient;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableSectionBox;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.render.TextDecoration;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

import java.awt.Rectangle;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Marks everything painted for a tagged PDF (PDF/UA): text as marked content of its element in the
 * {@link StructureTree}, and all else as artifacts: backgrounds, borders and table lines, text decorations, the
 * page numbers in the page margins, and a table head repeated on a continuation page. Link annotations are made
 * here (not by Flying Saucer) so that each is tied to its Link element (OBJR, StructParent) and carries its text
 * as /Contents.
 *
 * <p>Every painting call ends up inside exactly one marked section: the high-level calls open the section they
 * need, and any drawing primitive reached outside one (list markers, a replaced element's parts...) opens an
 * artifact. Consecutive calls of the same kind share one section, so a paragraph's lines are one sequence.
 * Sections are closed at clip changes (Flying Saucer restores the graphics state there) and at the page's end.
 */
class TaggingDevice extends CollapsedBorderDevice {
    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName FOOTER = new PdfName("Footer");
    private static final PdfDictionary PAGE_NUMBER = artifact(PAGINATION, FOOTER);
    private static final PdfDictionary REPEATED = artifact(PAGINATION, null);

    /** Gives Flying Saucer no link while painting, so that it makes no annotation of its own ({@link #link}). */
    static final class Links extends XhtmlNamespaceHandler {
        private boolean painting;

        @Override
        public String getLinkUri(Element e) {
            return painting ? null : super.getLinkUri(e);
        }
    }

    private record PendingLink(PdfStructureElement link, PdfAnnotation annotation, PdfIndirectReference page) {
    }

    private final org.w3c.dom.Document dom;
    private final Links links;
    private final float dotsPerPoint;
    private StructureTree tree;
    /** The open section: a structure element, an artifact's properties (or {@link #PLAIN}), or null. */
    private Object open;
    /** An artifact without properties: decoration. */
    private static final Object PLAIN = new Object();
    private final Set<String> linkAreas = new HashSet<>();
    private final List<PendingLink> pendingLinks = new ArrayList<>();

    /** @param dom the document to tag, null for an untagged PDF; {@code links} the namespace handler given to it */
    TaggingDevice(float dotsPerPoint, boolean mergeBorders, org.w3c.dom.Document dom, Links links) {
        super(dotsPerPoint, mergeBorders);
        this.dotsPerPoint = dotsPerPoint;
        this.dom = dom;
        this.links = links;
    }

    private boolean tagged() {
        return dom != null;
    }

    private StructureTree tree() {
        if (tree == null) tree = new StructureTree(pdfWriter(), dom);
        return tree;
    }

    private static PdfDictionary artifact(PdfName type, PdfName subtype) {
        PdfDictionary d = new PdfDictionary();
        d.put(PdfName.TYPE, type);
        if (subtype != null) d.put(PdfName.SUBTYPE, subtype);
        return d;
    }

    // ---- sections ---------------------------------------------------------------------------------------------
    //
    // Sections open lazily, when something is painted: a call that paints nothing (a box without background, the
    // usual case) leaves the open section as it is, so the lines of a paragraph stay one sequence.

    /** What is being painted: a structure element, an artifact's properties (or {@link #PLAIN}); null: decoration. */
    private Object want;
    /** Depth of decoration calls (backgrounds, borders...): what they paint is an artifact. */
    private int decorating;

    private void close() {
        if (open != null) {
            contentByte().endMarkedContentSequence();
            open = null;
        }
    }

    /** Opens the section what is about to be painted belongs to, unless it is open. */
    private void mark() {
        if (!tagged()) return;
        Object kind = decorating > 0 || want == null ? PLAIN : want;
        if (open == kind) return;
        close();
        if (kind instanceof PdfStructureElement s) {
            contentByte().beginMarkedContentSequence(s);
        } else {
            contentByte().beginMarkedContentSequence(ARTIFACT, kind == PLAIN ? null : (PdfDictionary) kind, true);
        }
        open = kind;
    }

    @Override
    protected void beginDecoration() {
        decorating++;
        mark(); // the recorded borders are painted straight onto the page
    }

    @Override
    protected void endDecoration() {
        decorating--;
    }

    // ---- text ---------------------------------------------------------------------------------------------------

    @Override
    public void drawText(RenderingContext c, InlineText inlineText) {
        if (!tagged()) {
            super.drawText(c, inlineText);
            return;
        }
        flush();
        Object before = want;
        want = target(c, inlineText);
        try {
            super.drawText(c, inlineText);
        } finally {
            want = before;
        }
    }

    /** The structure element a piece of text belongs to, or the artifact it is. */
    private Object target(RenderingContext c, InlineText text) {
        Element element = null;
        for (Box b = text.getParent(); b != null; b = b.getParent()) {
            if (b instanceof TableBox t && t.isMarginAreaRoot()) return PAGE_NUMBER;
            // Flying Saucer moves a paginated table's head to the top of each continuation page before painting it
            if (b instanceof TableSectionBox s && s.isHeader() && s.isCapturedOriginalAbsY() && s.getAbsY() != s.getOriginalAbsY()) {
                return REPEATED;
            }
            if (element == null) element = b.getElement();
        }
        return element == null ? PAGE_NUMBER : tree().contentOf(element);
    }

    // ---- decoration -------------------------------------------------------------------------------------------

    private void decorate(Runnable paint) {
        decorating++;
        try {
            paint.run();
        } finally {
            decorating--;
        }
    }

    @Override
    public void paintBackground(RenderingContext c, Box box) {
        decorate(() -> super.paintBackground(c, box));
        if (tagged()) link(c, box);
    }

    @Override
    public void paintBackground(RenderingContext c, CalculatedStyle style, Rectangle bounds, Rectangle bgImageContainer,
                                BorderPropertySet border) {
        decorate(() -> super.paintBackground(c, style, bounds, bgImageContainer, border));
    }

    @Override
    public void paintBorder(RenderingContext c, Box box) {
        decorate(() -> super.paintBorder(c, box));
    }

    @Override
    public void paintBorder(RenderingContext c, CalculatedStyle style, Rectangle edge, int sides) {
        decorate(() -> super.paintBorder(c, style, edge, sides));
    }

    @Override
    public void drawTextDecoration(RenderingContext c, LineBox lineBox) {
        decorate(() -> super.drawTextDecoration(c, lineBox));
    }

    @Override
    public void drawTextDecoration(RenderingContext c, InlineLayoutBox iB, TextDecoration decoration) {
        decorate(() -> super.drawTextDecoration(c, iB, decoration));
    }

    @Override
    public void paintReplacedElement(RenderingContext c, BlockBox box) {
        if (!tagged()) {
            super.paintReplacedElement(c, box);
            return;
        }
        flush();
        Element e = box.getElement();
        PdfStructureElement figure = e == null ? null : tree().figureOf(e);
        Object before = want;
        want = figure != null ? figure : PLAIN;
        try {
            super.paintReplacedElement(c, box);
        } finally {
            want = before;
        }
    }

    // ---- primitives: everything painted goes through one of these --------------------------------------------

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        flush();
        mark();
        super.drawString(s, x, y, info);
    }

    @Override
    public void fill(Shape s) {
        flush();
        mark();
        super.fill(s);
    }

    @Override
    public void draw(Shape s) {
        flush();
        mark();
        super.draw(s);
    }

    @Override
    public void drawImage(FSImage image, int x, int y) {
        flush();
        mark();
        super.drawImage(image, x, y);
    }

    @Override
    public void drawLinearGradient(FSLinearGradient gradient, int x, int y, int width, int height) {
        flush();
        mark();
        super.drawLinearGradient(gradient, x, y, width, height);
    }

    // Flying Saucer restores and saves the graphics state to change the clip: close the section first so that
    // marked content and q/Q stay nested.
    @Override
    public void clip(Shape s) {
        flush();
        close();
        super.clip(s);
    }

    @Override
    public void setClip(Shape s) {
        flush();
        close();
        super.setClip(s);
    }

    // ---- pages ----------------------------------------------------------------------------------------------------

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        super.initializePage(currentPage, height);
        if (links != null) links.painting = true; // layout is done: from here on links are this class's
        linkAreas.clear();
    }

    @Override
    public void finishPage() {
        flush();
        close();
        attachLinks(false);
        super.finishPage();
    }

    @Override
    public void finish(RenderingContext c, Box root) {
        flush();
        close();
        attachLinks(true);
        super.finish(c, root);
    }

    // ---- links ----------------------------------------------------------------------------------------------------

    /** A link annotation for an {@code <a href>} box, tied to its Link element; one per element and page. */
    private void link(RenderingContext c, Box box) {
        Element a = box.getElement();
        if (a == null || !"a".equalsIgnoreCase(a.getLocalName() != null ? a.getLocalName() : a.getNodeName())) return;
        String href = a.getAttribute("href").strip();
        if (href.isEmpty()) return;
        org.openpdf.text.Rectangle area = area(c, box);
        if (!linkAreas.add(area.getLeft() + ":" + area.getBottom() + ":" + area.getRight() + ":" + area.getTop())) return;
        PdfAction action;
        if (href.startsWith("#")) {
            Box target = getSharedContext().getBoxById(href.substring(1));
            PdfDestination dest = target == null ? null : destination(c, target);
            if (dest == null) return;
            action = new PdfAction();
            action.put(PdfName.S, PdfName.GOTO);
            action.put(PdfName.D, dest);
        } else {
            action = new PdfAction(href);
        }
        PdfWriter writer = pdfWriter();
        PdfAnnotation annot = new PdfAnnotation(writer, area.getLeft(), area.getBottom(), area.getRight(), area.getTop(), action);
        annot.put(PdfName.SUBTYPE, PdfName.LINK);
        annot.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
        annot.setBorderStyle(new PdfBorderDictionary(0.0f, 0));
        annot.setBorder(new PdfBorderArray(0.0f, 0.0f, 0));
        String text = a.getTextContent().strip().replaceAll("\\s+", " ");
        annot.put(PdfName.CONTENTS, new PdfString(text.isEmpty() ? href : text, PdfObject.TEXT_UNICODE));
        PdfStructureElement link = tree().linkOf(a);
        if (link != null) {
            int key = writer.getStructureTreeRoot().addExistingObject(link.getReference());
            annot.put(PdfName.STRUCTPARENT, new PdfNumber(key));
            pendingLinks.add(new PendingLink(link, annot, writer.getCurrentPage()));
        }
        writer.addAnnotation(annot);
    }

    /** The union of the boxes of the link's element that lie beside this one (a link broken over lines). */
    private org.openpdf.text.Rectangle area(RenderingContext c, Box box) {
        Box first = box;
        while (first.getPreviousSibling() != null && first.getPreviousSibling().getElement() == box.getElement()) {
            first = first.getPreviousSibling();
        }
        org.openpdf.text.Rectangle r = createLocalTargetArea(c, first);
        for (Box b = first.getNextSibling(); b != null && b.getElement() == box.getElement(); b = b.getNextSibling()) {
            org.openpdf.text.Rectangle o = createLocalTargetArea(c, b);
            r = new org.openpdf.text.Rectangle(Math.min(r.getLeft(), o.getLeft()), Math.min(r.getBottom(), o.getBottom()),
                    Math.max(r.getRight(), o.getRight()), Math.max(r.getTop(), o.getTop()));
        }
        return r;
    }

    /** Where a link to {@code target} goes: the top of the box on its page, as Flying Saucer places it. */
    private PdfDestination destination(RenderingContext c, Box target) {
        int y = target instanceof InlineLayoutBox ib ? ib.getAbsY() + ib.getBaseline() : target.getAbsY();
        PageBox page = c.getRootLayer().getPage(c, y);
        if (page == null) return null;
        int fromTop = page.getMarginBorderPadding(c, CalculatedStyle.Edge.TOP)
                + (int) (target.getAbsY() + target.getMargin(c).top() - page.getTop());
        PdfDestination d = new PdfDestination(PdfDestination.XYZ, 0, page.getHeight(c) / dotsPerPoint - fromTop / dotsPerPoint, 0);
        d.addPage(pdfWriter().getPageReference(page.getPageNo() + 1));
        return d;
    }

    /**
     * Adds each annotation to its Link element's kids (OBJR) once the link's text is there: OpenPDF adds further
     * marked content only to an element whose first kid is marked content.
     */
    private void attachLinks(boolean last) {
        for (var it = pendingLinks.iterator(); it.hasNext(); ) {
            PendingLink p = it.next();
            PdfObject k = p.link().get(PdfName.K);
            if (k == null && !last) continue;
            PdfDictionary objr = new PdfDictionary(PdfName.OBJR);
            objr.put(PdfName.OBJ, p.annotation().getIndirectReference());
            objr.put(PdfName.PG, p.page());
            PdfArray kids;
            if (k instanceof PdfArray arr) {
                kids = arr;
            } else {
                kids = new PdfArray();
                if (k != null) kids.add(k);
                p.link().put(PdfName.K, kids);
            }
            kids.add(objr);
            it.remove();
        }
    }
}
