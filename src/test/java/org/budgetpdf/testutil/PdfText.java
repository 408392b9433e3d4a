package org.budgetpdf.testutil;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.Area;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text of a PDF as a reader sees it, for tests.
 *
 * <p>Why not a plain {@link PDFTextStripper}: Flying Saucer paints each page through a clip set
 * to the page's content box and may write, clipped away and invisible, copies of table rows and
 * lines of the neighbouring pages into this page's margins (stack-notes "Layout traps"); a plain
 * stripper returns them. Here every glyph is tested against the clipping path in force when it
 * was shown, and kept only if its em box intersects it. That needs no knowledge of the page
 * margins, and keeps visible text in the margins (running headers, page-number footers).
 * {@code PdfRenderer} already drops such copies; this also holds for PDFs made without it.
 */
public final class PdfText {
    private PdfText() {
    }

    private static final Pattern SUBSET_TAG = Pattern.compile("^[A-Z]{6}\\+.+");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");

    /** Per page (index 0 = page 1), the visible text. */
    public static List<String> pageTexts(PDDocument doc) {
        return pageTexts(doc, true);
    }

    /** Per page, all text including clipped-away glyphs (what Ctrl+F and pdftotext see). */
    public static List<String> rawPageTexts(PDDocument doc) {
        return pageTexts(doc, false);
    }

    private static List<String> pageTexts(PDDocument doc, boolean visibleOnly) {
        try {
            PDFTextStripper stripper = visibleOnly ? new VisibleTextStripper() : new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First page (1-based) whose visible text contains {@code text}, whitespace ignored; 0 if none. */
    public static int pageOf(PDDocument doc, String text) {
        return pageOf(pageTexts(doc), text);
    }

    /** As {@link #pageOf(PDDocument, String)} on texts already extracted (extraction is the slow part). */
    public static int pageOf(List<String> pages, String text) {
        String needle = squeeze(text);
        for (int i = 0; i < pages.size(); i++) {
            if (squeeze(pages.get(i)).contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** {@code s} without any whitespace (including NBSP and the ideographic space). */
    public static String squeeze(String s) {
        return WHITESPACE.matcher(s).replaceAll("");
    }

    /**
     * Keeps a glyph only if its em box meets the clipping path in force when it is shown.
     * PDFTextStripper does not process path and clipping operators at all (its clip stays the
     * crop box), so this stripper tracks them itself: paths are built in device space, curves
     * reduced to their end points (enough for the rectangular clips Flying Saucer writes), and
     * a W / W* clip is applied at the path-ending operator, as the PDF specification says.
     */
    private static final class VisibleTextStripper extends PDFTextStripper {
        private final GeneralPath path = new GeneralPath();
        private int pendingClipRule = -1;

        VisibleTextStripper() {
            operator("m", a -> moveTo(a[0], a[1]));
            operator("l", a -> lineTo(a[0], a[1]));
            operator("c", a -> lineTo(a[4], a[5]));
            operator("v", a -> lineTo(a[2], a[3]));
            operator("y", a -> lineTo(a[2], a[3]));
            operator("h", a -> closePath());
            operator("re", a -> {
                moveTo(a[0], a[1]);
                lineTo(a[0] + a[2], a[1]);
                lineTo(a[0] + a[2], a[1] + a[3]);
                lineTo(a[0], a[1] + a[3]);
                closePath();
            });
            operator("W", a -> pendingClipRule = Path2D.WIND_NON_ZERO);
            operator("W*", a -> pendingClipRule = Path2D.WIND_EVEN_ODD);
            for (String op : List.of("n", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*")) {
                operator(op, a -> endPath());
            }
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            Area clip = getGraphicsState().getCurrentClippingPath();
            Matrix m = text.getTextMatrix();   // text rendering matrix: glyph space -> device space
            float size = text.getFontSizeInPt();
            double x = m.getTranslateX();
            double y = m.getTranslateY();      // baseline, y up
            double w = Math.max(text.getWidthDirAdj(), 0.1);
            if (clip.intersects(x, y - 0.12 * size, w, size)) {
                super.processTextPosition(text);
            }
        }

        private interface Op {
            void run(float[] operands);
        }

        private void operator(String name, Op op) {
            addOperator(new OperatorProcessor(this) {
                @Override
                public void process(Operator operator, List<COSBase> operands) {
                    float[] a = new float[operands.size()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = operands.get(i) instanceof COSNumber n ? n.floatValue() : 0f;
                    }
                    op.run(a);
                }

                @Override
                public String getName() {
                    return name;
                }
            });
        }

        private Point2D device(float x, float y) {
            return getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
        }

        private void moveTo(float x, float y) {
            Point2D p = device(x, y);
            path.moveTo(p.getX(), p.getY());
        }

        private void lineTo(float x, float y) {
            if (path.getCurrentPoint() == null) {
                moveTo(x, y);
                return;
            }
            Point2D p = device(x, y);
            path.lineTo(p.getX(), p.getY());
        }

        private void closePath() {
            if (path.getCurrentPoint() != null) {
                path.closePath();
            }
        }

        private void endPath() {
            if (pendingClipRule >= 0) {
                path.setWindingRule(pendingClipRule);
                getGraphicsState().intersectClippingPath(new Area(path));
                pendingClipRule = -1;
            }
            path.reset();
        }
    }

    /** A font used on a page. {@code embedded}: a font program is present in the descriptor. */
    public record FontUse(int page, String resourceName, String baseFont, String subtype,
                          boolean embedded, boolean subset) {
        public boolean embeddedSubset() {
            return embedded && subset;
        }
    }

    /**
     * Every font in every page's resources (and in form XObjects on the page), each Type0 font
     * followed by its descendant CID font.
     */
    public static List<FontUse> fonts(PDDocument doc) {
        List<FontUse> result = new ArrayList<>();
        try {
            int pageNo = 0;
            for (PDPage page : doc.getPages()) {
                pageNo++;
                collectFonts(pageNo, page.getResources(), result, new HashSet<>());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static void collectFonts(int page, PDResources res, List<FontUse> out, Set<Object> seen)
            throws IOException {
        if (res == null || !seen.add(res.getCOSObject())) {
            return;
        }
        for (COSName name : res.getFontNames()) {
            PDFont font = res.getFont(name);
            out.add(use(page, name.getName(), font.getName(), font.getSubType(), font.getFontDescriptor()));
            if (font instanceof PDType0Font t0) {
                PDCIDFont d = t0.getDescendantFont();
                out.add(use(page, name.getName() + "/descendant", d.getName(), d.getCOSObject().getNameAsString(COSName.SUBTYPE), d.getFontDescriptor()));
            }
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(page, form.getResources(), out, seen);
            }
        }
    }

    private static FontUse use(int page, String resName, String baseFont, String subtype, PDFontDescriptor fd) {
        boolean embedded = fd != null
                && (fd.getFontFile() != null || fd.getFontFile2() != null || fd.getFontFile3() != null);
        boolean subset = baseFont != null && SUBSET_TAG.matcher(baseFont).matches();
        return new FontUse(page, resName, baseFont, subtype, embedded, subset);
    }
}
