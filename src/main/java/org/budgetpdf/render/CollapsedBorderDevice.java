package org.budgetpdf.render;

import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.parser.FSColor;
import org.xhtmlrenderer.css.parser.FSRGBColor;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.css.style.derived.FSLinearGradient;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.BorderPainter;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.render.TextDecoration;

import java.awt.BasicStroke;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Paints collapsed table borders ({@code border-collapse: collapse}) as a few rectangles per table
 * line instead of one filled trapezoid per cell side.
 *
 * <p>Flying Saucer paints every side of every cell on its own (so each inner line twice, once for
 * each of the two cells), as a trapezoid whose ends are cut diagonally where the neighbouring
 * sides of the same cell meet it: about 10,000 four-point paths in a 24-page budget. Here the
 * sides are recorded instead, as long as Flying Saucer asks for nothing else; the first call of
 * any other kind (text, background, clip, transform, colour, page end...) paints the recorded run
 * first, so the painting order is unchanged. A table paints all its collapsed borders in one such
 * run.
 *
 * <p>When every side painted in a run is solid, opaque and of one colour, the run is painted as
 * the sides' full bands: each band is the side's trapezoid plus its two corner triangles, which the
 * cell's adjacent sides cover anyway in the same colour, so the union (what is black on the page)
 * is the same set of points as the trapezoids', whatever the widths. Bands of one kind of side
 * (tops, bottoms, lefts, rights) that lie on one line and touch are merged into one, and each kind
 * is one fill: four fills per table and page, one four-point subpath per line. Anything else
 * (dashed, dotted, double, inset... sides, mixed colours, transparency, rounded corners, a corner
 * whose other side is missing or different, a rotated transform) makes the whole run go through
 * Flying Saucer's own painter, in the original order, with the same output as without this class.
 */
class CollapsedBorderDevice extends ITextOutputDevice {
    private final boolean mergeBorders;
    private final List<Side> pending = new ArrayList<>();
    private float pageHeight;

    /** One call of {@link #paintCollapsedBorder}; {@code bounds} is a copy. */
    private record Side(RenderingContext c, BorderPropertySet border, Rectangle bounds, int side) {
    }

    /**
     * The band of one cell side in device units: {@code across} is the thickness range, {@code along}
     * the length; {@code side} is a {@link BorderPainter} side.
     */
    private record Band(int side, int across0, int across1, int along0, int along1) {
        boolean horizontal() {
            return side == BorderPainter.TOP || side == BorderPainter.BOTTOM;
        }
    }

    private static final Comparator<Band> BAND_ORDER = Comparator.comparingInt(Band::side)
            .thenComparingInt(Band::across0).thenComparingInt(Band::across1)
            .thenComparingInt(Band::along0).thenComparingInt(Band::along1);

    CollapsedBorderDevice(float dotsPerPoint, boolean mergeBorders) {
        super(dotsPerPoint);
        this.mergeBorders = mergeBorders;
    }

    @Override
    public void paintCollapsedBorder(RenderingContext c, BorderPropertySet border, Rectangle bounds, int side) {
        if (!mergeBorders) {
            super.paintCollapsedBorder(c, border, bounds, side);
            return;
        }
        pending.add(new Side(c, border, new Rectangle(bounds), side));
    }

    /** Paints the recorded sides, if any: merged when {@link #mergeableColor} allows, else as Flying Saucer does. */
    protected final void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Side> run = new ArrayList<>(pending);
        pending.clear(); // before painting: the painter's own calls come back through flush()
        FSRGBColor color = mergeableColor(run);
        beginDecoration();
        try {
            if (color == null) {
                for (Side s : run) {
                    super.paintCollapsedBorder(s.c(), s.border(), s.bounds(), s.side());
                }
            } else {
                paintMerged(run, color);
            }
        } finally {
            endDecoration();
        }
    }

    /** Called around the painting of recorded borders: a tagged PDF marks them as artifacts. */
    protected void beginDecoration() {
    }

    protected void endDecoration() {
    }

    /** The page's content, without painting the recorded sides first. */
    protected final PdfContentByte contentByte() {
        return super.getCurrentPage();
    }

    /** The writer, without painting the recorded sides first. */
    protected final PdfWriter pdfWriter() {
        return super.getWriter();
    }

    // ---- deciding ---------------------------------------------------------------------------

    /**
     * The one colour of a run that may be painted as merged bands, or null when it must go through
     * Flying Saucer's painter (also when it paints nothing at all).
     */
    private FSRGBColor mergeableColor(List<Side> run) {
        AffineTransform t = super.getTransform();
        if (t.getShearX() != 0 || t.getShearY() != 0) {
            return null;
        }
        Map<BorderPropertySet, List<Side>> byBorder = new IdentityHashMap<>();
        for (Side s : run) {
            byBorder.computeIfAbsent(s.border(), k -> new ArrayList<>()).add(s);
        }
        FSRGBColor color = null;
        for (Side s : run) {
            BorderPropertySet b = s.border();
            if (!painted(b, s.side())) {
                continue; // BorderPainter paints nothing for it either
            }
            if (b.hasBorderRadius() || style(b, s.side()) != IdentValue.SOLID
                    || !(color(b, s.side()) instanceof FSRGBColor rgb) || rgb.getAlpha() != 1f
                    || !integral(b.top()) || !integral(b.right()) || !integral(b.bottom()) || !integral(b.left())) {
                return null;
            }
            if (color == null) {
                color = rgb;
            } else if (!color.equals(rgb)) {
                return null;
            }
            boolean horizontal = s.side() == BorderPainter.TOP || s.side() == BorderPainter.BOTTOM;
            // A side shorter than its neighbours' widths: keep Flying Saucer's shape. One between that and their sum (a
            // cell cut down to its border line by pagination, as Flying Saucer 10 paints a row split across pages) is a
            // trapezoid that crosses itself; with the cell's other sides it still covers the cell's rectangle, as the
            // bands do.
            if (horizontal ? s.bounds().width < Math.max(b.left(), b.right()) : s.bounds().height < Math.max(b.top(), b.bottom())) {
                return null;
            }
            int[] adjacent = horizontal
                    ? new int[] {BorderPainter.LEFT, BorderPainter.RIGHT}
                    : new int[] {BorderPainter.TOP, BorderPainter.BOTTOM};
            for (int a : adjacent) {
                // The corner triangle left by this side's trapezoid belongs to the adjacent side: the band
                // may cover it only if that side paints it in the same colour, in this run.
                if (width(b, a) > 0 && !(painted(b, a) && style(b, a) == IdentValue.SOLID
                        && rgb.equals(color(b, a)) && inRun(byBorder.get(b), s.bounds(), a))) {
                    return null;
                }
            }
        }
        return color;
    }

    private static boolean inRun(List<Side> sameBorder, Rectangle bounds, int side) {
        for (Side s : sameBorder) {
            if (s.side() == side && s.bounds().equals(bounds)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link BorderPainter#paint} paints this side at all. */
    private static boolean painted(BorderPropertySet b, int side) {
        boolean none = switch (side) {
            case BorderPainter.TOP -> b.noTop();
            case BorderPainter.RIGHT -> b.noRight();
            case BorderPainter.BOTTOM -> b.noBottom();
            default -> b.noLeft();
        };
        return !none && color(b, side) != FSRGBColor.TRANSPARENT; // identity, as BorderPainter compares
    }

    private static IdentValue style(BorderPropertySet b, int side) {
        return switch (side) {
            case BorderPainter.TOP -> b.topStyle();
            case BorderPainter.RIGHT -> b.rightStyle();
            case BorderPainter.BOTTOM -> b.bottomStyle();
            default -> b.leftStyle();
        };
    }

    private static FSColor color(BorderPropertySet b, int side) {
        return switch (side) {
            case BorderPainter.TOP -> b.topColor();
            case BorderPainter.RIGHT -> b.rightColor();
            case BorderPainter.BOTTOM -> b.bottomColor();
            default -> b.leftColor();
        };
    }

    private static float width(BorderPropertySet b, int side) {
        return switch (side) {
            case BorderPainter.TOP -> b.top();
            case BorderPainter.RIGHT -> b.right();
            case BorderPainter.BOTTOM -> b.bottom();
            default -> b.left();
        };
    }

    private static boolean integral(float f) {
        return f >= 0 && f == (int) f;
    }

    // ---- painting ---------------------------------------------------------------------------

    /**
     * Fills the run's bands, one fill per kind of side (top, bottom, left, right), merging the bands
     * of a kind that lie on one line and touch.
     *
     * <p>Why four fills and not one: Flying Saucer paints an inner line twice (the bottom of the cell
     * above and the top of the cell below; the right of one cell and the left of the next), and where
     * a line's edge falls inside a pixel, an anti-aliasing viewer darkens that pixel once per fill.
     * Within one kind of side the cells do not overlap along a line, so each kind is one fill and the
     * lines keep the weight they had on screen.
     */
    private void paintMerged(List<Side> run, FSRGBColor color) {
        List<Band> bands = new ArrayList<>();
        for (Side s : run) {
            if (painted(s.border(), s.side())) {
                bands.add(band(s));
            }
        }
        bands.sort(BAND_ORDER);
        List<Band> merged = new ArrayList<>();
        for (Band b : bands) {
            Band last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.side() == b.side() && last.across0() == b.across0()
                    && last.across1() == b.across1() && b.along0() <= last.along1()) {
                if (b.along1() > last.along1()) {
                    merged.set(merged.size() - 1,
                            new Band(b.side(), b.across0(), b.across1(), last.along0(), b.along1()));
                }
            } else {
                merged.add(b);
            }
        }

        merged = matchCorners(merged, run);

        // The state BorderPainter leaves behind (stroke, colour, fill colour), set through the device so
        // that its own record of the content stream's state stays true. Filling an empty path sets the
        // fill colour and writes nothing else.
        super.setStroke(new BasicStroke(1f));
        super.setColor(color);
        super.fill(new Path2D.Float());

        PdfContentByte cb = super.getCurrentPage();
        AffineTransform t = super.getTransform();
        for (int from = 0; from < merged.size(); ) {
            int to = from + 1;
            while (to < merged.size() && merged.get(to).side() == merged.get(from).side()) {
                to++;
            }
            if (to - from == 1) {
                // poppler (like Acrobat, by poppler's account) snaps a fill that is one lone rectangle to
                // whole pixels, which it does not do to the trapezoids: give it two subpaths, halves that
                // meet without a seam.
                Band b = merged.get(from);
                int mid = (b.along0() + b.along1()) / 2;
                rectangle(cb, t, new Band(b.side(), b.across0(), b.across1(), b.along0(), mid));
                rectangle(cb, t, new Band(b.side(), b.across0(), b.across1(), mid, b.along1()));
            } else {
                for (int i = from; i < to; i++) {
                    rectangle(cb, t, merged.get(i));
                }
            }
            cb.fill();
            from = to;
        }
    }

    /** The corner square of a cell whose top left corner is at device position (x, y). */
    private record Square(int x, int y) {
    }

    private static final Comparator<Square> SQUARE_ORDER = Comparator.comparingInt(Square::y).thenComparingInt(Square::x);

    /**
     * Gives each corner square as many fills as Flying Saucer gave it. There, every cell covers each of
     * its corner squares once (two triangles, from its two sides that meet there), so a square is
     * painted once per cell that meets at it: four times where two lines cross, but only once at a
     * table's corner and twice where a line meets the table's edge. The four fills paint the square
     * once per kind of band that covers it, one time too many at the end of a line; the band that ends
     * there gives the square up. Only for a run in which every cell has four sides of one width, where
     * the cells' corner squares coincide; otherwise the bands are left as they are (a line's end is then
     * a shade darker in an anti-aliased view, and the same when printed).
     */
    private static List<Band> matchCorners(List<Band> merged, List<Side> run) {
        int size = -1;
        Map<Rectangle, Integer> sidesOfCell = new LinkedHashMap<>();
        for (Side s : run) {
            BorderPropertySet b = s.border();
            int w = (int) b.top();
            if (w <= 0 || b.right() != w || b.bottom() != w || b.left() != w || (size != -1 && w != size)
                    || !painted(b, s.side())) {
                return merged;
            }
            size = w;
            sidesOfCell.merge(s.bounds(), s.side(), (a, c) -> a | c);
        }
        Map<Square, Integer> cells = new TreeMap<>(SQUARE_ORDER);
        for (Map.Entry<Rectangle, Integer> cell : sidesOfCell.entrySet()) {
            if (cell.getValue() != BorderPainter.ALL) {
                return merged;
            }
            Rectangle r = cell.getKey();
            int right = r.x + r.width - size;
            int bottom = r.y + r.height - size;
            for (Square q : List.of(new Square(r.x, r.y), new Square(right, r.y),
                    new Square(r.x, bottom), new Square(right, bottom))) {
                cells.merge(q, 1, Integer::sum);
            }
        }
        List<Band> bands = new ArrayList<>(merged);
        for (Map.Entry<Square, Integer> corner : cells.entrySet()) {
            Square q = corner.getKey();
            int excess = -corner.getValue();
            for (Band b : bands) {
                if (covers(b, q, size)) {
                    excess++;
                }
            }
            // A line that ends gives up its end square before the line it meets: the latter keeps its
            // length, and the content stream repeats the numbers it already has.
            for (int k = 0; k < 2 * bands.size() && excess > 0; k++) {
                int i = k % bands.size();
                Band b = bands.get(i);
                if (b.horizontal() != (k >= bands.size())) {
                    continue;
                }
                int across = b.horizontal() ? q.y() : q.x();
                int along = b.horizontal() ? q.x() : q.y();
                if (b.across0() != across || !covers(b, q, size)) {
                    continue;
                }
                if (b.along0() == along) {
                    bands.set(i, new Band(b.side(), b.across0(), b.across1(), along + size, b.along1()));
                } else if (b.along1() == along + size) {
                    bands.set(i, new Band(b.side(), b.across0(), b.across1(), b.along0(), along));
                } else {
                    continue; // the square lies inside this band, not at its end
                }
                excess--;
            }
        }
        bands.removeIf(b -> b.along0() >= b.along1());
        return bands;
    }

    private static boolean covers(Band b, Square q, int size) {
        int across = b.horizontal() ? q.y() : q.x();
        int along = b.horizontal() ? q.x() : q.y();
        return b.across0() == across && b.across1() == across + size && b.along0() <= along && along + size <= b.along1();
    }

    /** The side's trapezoid together with its corner triangles: the full band along the side of {@code bounds}. */
    private static Band band(Side s) {
        Rectangle r = s.bounds();
        BorderPropertySet b = s.border();
        return switch (s.side()) {
            case BorderPainter.TOP -> new Band(s.side(), r.y, r.y + (int) b.top(), r.x, r.x + r.width);
            case BorderPainter.BOTTOM -> new Band(s.side(), r.y + r.height - (int) b.bottom(), r.y + r.height, r.x, r.x + r.width);
            case BorderPainter.LEFT -> new Band(s.side(), r.x, r.x + (int) b.left(), r.y, r.y + r.height);
            default -> new Band(s.side(), r.x + r.width - (int) b.right(), r.x + r.width, r.y, r.y + r.height);
        };
    }

    private void rectangle(PdfContentByte cb, AffineTransform t, Band b) {
        float[] p = b.horizontal()
                ? new float[] {b.along0(), b.across0(), b.along1(), b.across1()}
                : new float[] {b.across0(), b.along0(), b.across1(), b.along1()};
        // In floats, as ITextOutputDevice turns the trapezoids' corners into page coordinates: OpenPDF then
        // prints the band's edges exactly as it printed the trapezoids' outer edges.
        t.transform(p, 0, p, 0, 2);
        float x0 = Math.min(p[0], p[2]);
        float x1 = Math.max(p[0], p[2]);
        float y0 = pageHeight - Math.max(p[1], p[3]);
        float y1 = pageHeight - Math.min(p[1], p[3]);
        // Corners, not "x y w h re": a viewer computes y + h itself, and an edge that falls on one of its
        // anti-aliasing sample lines then lands on either side of it, a pixel row darker or lighter
        // than the trapezoids' edge. The fill closes the path.
        cb.moveTo(x0, y1);
        cb.lineTo(x1, y1);
        cb.lineTo(x1, y0);
        cb.lineTo(x0, y0);
    }

    // ---- everything else paints the recorded sides first -------------------------------------

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        flush();
        super.initializePage(currentPage, height);
        pageHeight = height;
    }

    @Override
    public void finishPage() {
        flush();
        super.finishPage();
    }

    @Override
    public PdfContentByte getCurrentPage() {
        flush();
        return super.getCurrentPage();
    }

    @Override
    public PdfWriter getWriter() {
        flush();
        return super.getWriter();
    }

    @Override
    public AffineTransform getTransform() {
        flush();
        return super.getTransform();
    }

    @Override
    public void finish(RenderingContext c, Box root) {
        flush();
        super.finish(c, root);
    }

    @Override
    public void drawText(RenderingContext c, InlineText inlineText) {
        flush();
        super.drawText(c, inlineText);
    }

    @Override
    public void drawSelection(RenderingContext c, InlineText inlineText) {
        flush();
        super.drawSelection(c, inlineText);
    }

    @Override
    public void drawTextDecoration(RenderingContext c, LineBox lineBox) {
        flush();
        super.drawTextDecoration(c, lineBox);
    }

    @Override
    public void drawTextDecoration(RenderingContext c, InlineLayoutBox iB, TextDecoration decoration) {
        flush();
        super.drawTextDecoration(c, iB, decoration);
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        flush();
        super.drawString(s, x, y, info);
    }

    @Override
    public void paintBorder(RenderingContext c, Box box) {
        flush();
        super.paintBorder(c, box);
    }

    @Override
    public void paintBorder(RenderingContext c, CalculatedStyle style, Rectangle edge, int sides) {
        flush();
        super.paintBorder(c, style, edge, sides);
    }

    @Override
    public void paintBackground(RenderingContext c, Box box) {
        flush();
        super.paintBackground(c, box);
    }

    @Override
    public void paintBackground(RenderingContext c, CalculatedStyle style, Rectangle bounds,
                                Rectangle bgImageContainer, BorderPropertySet border) {
        flush();
        super.paintBackground(c, style, bounds, bgImageContainer, border);
    }

    @Override
    public void paintReplacedElement(RenderingContext c, BlockBox box) {
        flush();
        super.paintReplacedElement(c, box);
    }

    @Override
    public void drawDebugOutline(RenderingContext c, Box box, FSColor color) {
        flush();
        super.drawDebugOutline(c, box, color);
    }

    @Override
    public void setFont(ITextFSFont font) {
        flush();
        super.setFont(font);
    }

    @Override
    public void setColor(FSColor color) {
        flush();
        super.setColor(color);
    }

    @Override
    public void setOpacity(float opacity) {
        flush();
        super.setOpacity(opacity);
    }

    @Override
    public void drawRect(int x, int y, int width, int height) {
        flush();
        super.drawRect(x, y, width, height);
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        flush();
        super.drawOval(x, y, width, height);
    }

    @Override
    protected void drawLine(int x1, int y1, int x2, int y2) {
        flush();
        super.drawLine(x1, y1, x2, y2);
    }

    @Override
    public void drawBorderLine(Shape bounds, int side, int lineWidth, boolean solid) {
        flush();
        super.drawBorderLine(bounds, side, lineWidth, solid);
    }

    @Override
    public void drawImage(FSImage image, int x, int y) {
        flush();
        super.drawImage(image, x, y);
    }

    @Override
    public void drawLinearGradient(FSLinearGradient gradient, int x, int y, int width, int height) {
        flush();
        super.drawLinearGradient(gradient, x, y, width, height);
    }

    @Override
    public void draw(Shape s) {
        flush();
        super.draw(s);
    }

    @Override
    public void fill(Shape s) {
        flush();
        super.fill(s);
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        flush();
        super.fillRect(x, y, width, height);
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        flush();
        super.fillOval(x, y, width, height);
    }

    @Override
    public void clip(Shape s) {
        flush();
        super.clip(s);
    }

    @Override
    public Shape getClip() {
        flush();
        return super.getClip();
    }

    @Override
    public void setClip(Shape s) {
        flush();
        super.setClip(s);
    }

    @Override
    public void translate(double tx, double ty) {
        flush();
        super.translate(tx, ty);
    }

    @Override
    public void setStroke(Stroke s) {
        flush();
        super.setStroke(s);
    }

    @Override
    public Stroke getStroke() {
        flush();
        return super.getStroke();
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        flush();
        super.setRenderingHint(key, value);
    }
}
