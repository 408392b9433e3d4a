package org.budgetpdf.render;

import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.parser.FSColor;
import org.xhtmlrenderer.css.parser.FSRGBColor;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.render.BorderPainter;

import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The collapsed borders of a table as a few long lines. Flying Saucer paints each side of each cell as its own
 * filled trapezoid (mitred at the corners): a 24-page budget has 10,000 of them, most of its content stream. When a
 * cell's border is solid and of one colour, each side is the band it covers, without the mitre: side by side the
 * trapezoids of a grid cover exactly the bands' union, corners included. Bands on one line (same colour, same
 * thickness, same position) that touch or overlap are painted as one rectangle.
 *
 * <p>The device keeps the bands while Flying Saucer paints a run of collapsed borders and hands them over
 * ({@link #flush}) before anything else is drawn or the clip changes, so the painting order is unchanged. Borders
 * of any other kind (dashed, double, rounded, translucent, mixed colours) are not taken.
 */
final class BorderBands {
    private record Line(boolean horizontal, float at, float thickness, FSColor color) {
    }

    /** Intervals along each line, in the order the lines were first met: {start, end} pairs. */
    private final Map<Line, List<float[]>> lines = new LinkedHashMap<>();

    /**
     * Takes one side of a cell's collapsed border, as Flying Saucer would paint it ({@code bounds} is the cell's
     * border box widened by half the borders); false when it is not a plain band and must be painted as usual.
     */
    boolean add(BorderPropertySet border, Rectangle bounds, int side) {
        if (!plain(border)) return false;
        FSColor color;
        float width;
        boolean present;
        switch (side) {
            case BorderPainter.TOP -> { color = border.topColor(); width = border.top(); present = !border.noTop(); }
            case BorderPainter.BOTTOM -> { color = border.bottomColor(); width = border.bottom(); present = !border.noBottom(); }
            case BorderPainter.LEFT -> { color = border.leftColor(); width = border.left(); present = !border.noLeft(); }
            case BorderPainter.RIGHT -> { color = border.rightColor(); width = border.right(); present = !border.noRight(); }
            default -> { return false; }
        }
        if (!present || color == FSRGBColor.TRANSPARENT) return true; // Flying Saucer paints nothing either
        switch (side) {
            case BorderPainter.TOP -> band(true, bounds.y, width, color, bounds.x, bounds.x + bounds.width);
            case BorderPainter.BOTTOM -> band(true, bounds.y + bounds.height - width, width, color, bounds.x, bounds.x + bounds.width);
            case BorderPainter.LEFT -> band(false, bounds.x, width, color, bounds.y, bounds.y + bounds.height);
            default -> band(false, bounds.x + bounds.width - width, width, color, bounds.y, bounds.y + bounds.height);
        }
        return true;
    }

    /** Solid, square-cornered, opaque, and every side that is drawn in one colour: its bands then cover what it covers. */
    private static boolean plain(BorderPropertySet b) {
        if (b.hasBorderRadius()) return false;
        FSColor color = null;
        IdentValue[] styles = {b.topStyle(), b.rightStyle(), b.bottomStyle(), b.leftStyle()};
        FSColor[] colors = {b.topColor(), b.rightColor(), b.bottomColor(), b.leftColor()};
        boolean[] none = {b.noTop(), b.noRight(), b.noBottom(), b.noLeft()};
        for (int i = 0; i < 4; i++) {
            if (none[i]) continue;
            // opaque only: bands overlap at the corners, where a translucent colour would show darker
            if (styles[i] != IdentValue.SOLID || !(colors[i] instanceof FSRGBColor rgb) || rgb.getAlpha() < 1f) return false;
            if (color == null) color = colors[i];
            else if (!color.equals(colors[i])) return false;
        }
        return true;
    }

    private void band(boolean horizontal, float at, float thickness, FSColor color, float from, float to) {
        lines.computeIfAbsent(new Line(horizontal, at, thickness, color), k -> new ArrayList<>()).add(new float[] {from, to});
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Hands each merged band to {@code paint} (its colour and rectangle, in device units) and forgets them. */
    void flush(BiConsumer<FSColor, Rectangle2D> paint) {
        if (lines.isEmpty()) return;
        List<Map.Entry<Line, List<float[]>>> all = new ArrayList<>(lines.entrySet());
        lines.clear();
        for (Map.Entry<Line, List<float[]>> e : all) {
            Line l = e.getKey();
            List<float[]> parts = e.getValue();
            parts.sort((a, b) -> a[0] != b[0] ? Float.compare(a[0], b[0]) : Float.compare(a[1], b[1]));
            float from = parts.get(0)[0];
            float to = parts.get(0)[1];
            for (int i = 1; i <= parts.size(); i++) {
                if (i < parts.size() && parts.get(i)[0] <= to) {
                    to = Math.max(to, parts.get(i)[1]);
                    continue;
                }
                paint.accept(l.color(), l.horizontal() ? new Rectangle2D.Float(from, l.at(), to - from, l.thickness())
                        : new Rectangle2D.Float(l.at(), from, l.thickness(), to - from));
                if (i < parts.size()) {
                    from = parts.get(i)[0];
                    to = parts.get(i)[1];
                }
            }
        }
    }
}
