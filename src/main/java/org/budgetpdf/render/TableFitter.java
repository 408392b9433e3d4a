package org.budgetpdf.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.css.style.derived.RectPropertySet;
import org.xhtmlrenderer.layout.Layer;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.PageBox;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits every table of class {@code grid} to its page before the document is laid out, for any layout, from the text
 * of its cells measured in the fonts they are set in (the same fonts and line breaking the layout uses):
 * <ol>
 *   <li><b>Widths by need.</b> Each column gets its natural width (its longest text on one line) when the table allows,
 *       else its narrowest acceptable width (figures and codes whole; names no narrower than a few characters) plus a
 *       share of the rest in proportion to what it lacks. A column whose body is blank shrinks to its header, set in up
 *       to four lines. The layout's 宽 are not used.</li>
 *   <li><b>Orientation.</b> A table on its own page is set portrait when it fits the portrait width at its narrowest
 *       acceptable widths, landscape otherwise, whatever the layout declared.</li>
 *   <li><b>One page when it nearly is.</b> A table that overflows its page by a little is tightened as a whole — cell
 *       padding, then line height, then the table's font by half points, never below 7 pt — until it fits.</li>
 *   <li><b>An even split.</b> A table that needs several pages breaks so that its last page holds at least a third of a
 *       page, never a handful of rows under a repeated header.</li>
 * </ol>
 * The page a table starts on is known before layout (a table of the annex starts a page); so are its rows' heights,
 * from the lines each cell's text takes at its column's width. What only layout shows is left to {@link Refit}.
 */
final class TableFitter {
    /** The smallest font a table is set in when tightened. */
    static final float MIN_FONT_PT = 7f;
    /** A continuation holds at least this share of a page. */
    static final double MIN_LAST_PAGE = 1.0 / 3;
    /** A table this much taller than its page (or less) is tightened to fit rather than split. */
    private static final double TIGHTEN_UP_TO = 1.15;
    /** Names and other text columns are not set narrower than this many characters (unless the text is shorter). */
    private static final int COMFORT_CHARS = 6;
    /** A header cell (or a blank column's header) wraps to at most this many lines. */
    private static final int HEADER_LINES = 4;

    private final SharedContext sc;
    private final LayoutContext ctx;
    private final ChineseLineBreaking breaking;
    private final float dotsPerPoint;

    private TableFitter(ITextRenderer renderer, ChineseLineBreaking breaking) {
        this.sc = renderer.getSharedContext();
        this.ctx = sc.newLayoutContextInstance(new ITextFontContext());
        this.breaking = breaking;
        this.dotsPerPoint = renderer.getDotsPerPoint();
    }

    /** Fits the tables of the document set on {@code renderer} (after setDocument, before layout). */
    static void fit(ITextRenderer renderer, Document doc, ChineseLineBreaking breaking) {
        TableFitter f = new TableFitter(renderer, breaking);
        List<Element> tables = new ArrayList<>();
        collect(doc.getDocumentElement(), tables);
        for (Element t : tables) f.table(t);
    }

    private static void collect(Element e, List<Element> out) {
        if (e.getLocalName() != null && e.getLocalName().equals("table") && hasClass(e, "grid")) out.add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) collect(c, out);
    }

    // ---- the grid ----------------------------------------------------------------------------------------------

    /** A cell of the table: where it sits, its element, its text. */
    private record Cell(Element e, int row, int col, int rowspan, int colspan, boolean head, String text, boolean number) {
    }

    /** The cells, by rows; {@code head} rows first; rows of one {@code tbody.group} kept together ({@code group}). */
    private record Grid(List<Cell> cells, int rows, int cols, int headRows, List<Element> rowElements, int[] group) {
    }

    private static Grid grid(Element table) {
        List<Element> rows = new ArrayList<>();
        List<Boolean> headRow = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        int g = 0;
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element sec)) continue;
            String name = sec.getLocalName();
            if (name.equals("thead") || name.equals("tbody") || name.equals("tfoot")) {
                boolean grouped = hasClass(sec, "group");
                for (Node r = sec.getFirstChild(); r != null; r = r.getNextSibling()) {
                    if (r instanceof Element tr && tr.getLocalName().equals("tr")) {
                        rows.add(tr);
                        headRow.add(name.equals("thead"));
                        groups.add(grouped ? g : -1 - rows.size());
                    }
                }
                g++;
            } else if (name.equals("tr")) {
                rows.add(sec);
                headRow.add(false);
                groups.add(-1 - rows.size());
            }
        }
        List<Cell> cells = new ArrayList<>();
        List<BitSet> taken = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) taken.add(new BitSet());
        int cols = 0;
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Node n = rows.get(r).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element td) || !(td.getLocalName().equals("td") || td.getLocalName().equals("th"))) continue;
                while (taken.get(r).get(c)) c++;
                int rs = Math.max(1, intAttr(td, "rowspan"));
                int cs = Math.max(1, intAttr(td, "colspan"));
                for (int k = r; k < Math.min(rows.size(), r + rs); k++) taken.get(k).set(c, c + cs);
                String text = td.getTextContent().strip().replaceAll("\\s+", " ");
                boolean number = hasClass(td, "num") || hasClass(td, "code");
                cells.add(new Cell(td, r, c, rs, cs, headRow.get(r) || td.getLocalName().equals("th"), text, number));
                c += cs;
                cols = Math.max(cols, c);
            }
        }
        int headRows = 0;
        while (headRows < headRow.size() && headRow.get(headRows)) headRows++;
        int[] group = groups.stream().mapToInt(Integer::intValue).toArray();
        return new Grid(cells, rows.size(), cols, headRows, rows, group);
    }

    private static int intAttr(Element e, String name) {
        try {
            return e.hasAttribute(name) ? Integer.parseInt(e.getAttribute(name).strip()) : 1;
        } catch (NumberFormatException x) {
            return 1;
        }
    }

    static boolean hasClass(Element e, String cls) {
        for (String c : e.getAttribute("class").split("\\s+")) if (c.equals(cls)) return true;
        return false;
    }

    // ---- one table -------------------------------------------------------------------------------------------

    private void table(Element table) {
        Grid grid = grid(table);
        if (grid.cols() == 0 || grid.rows() == 0) return;
        Element page = tablePage(table);
        // orientation: portrait when the table fits the portrait width at its narrowest acceptable widths
        if (page != null) {
            setClass(page, "landscape", false);
            restyle(page);
            boolean portrait = fits(table, grid, "");
            setClass(page, "landscape", !portrait);
            restyle(page);
        }
        String pageName = page != null && hasClass(page, "landscape") ? "land" : "";
        Layout lay = widths(table, grid, pageName);
        setWidths(table, grid, lay.widths());
        if (page == null || !firstInPage(table, page)) return; // its page position is known only for a table on its own page
        // one page when it nearly is: tighten the whole table step by step
        Pages p = paginate(table, grid, lay.widths(), pageName, page);
        for (int level = 1; p.count() > 1 && p.needed() <= TIGHTEN_UP_TO * p.capacity() && level <= 8; level++) {
            if (!tighten(table, level)) break;
            restyle(table);
            lay = widths(table, grid, pageName);
            setWidths(table, grid, lay.widths());
            p = paginate(table, grid, lay.widths(), pageName, page);
        }
        if (p.count() > 1 && p.lastFill() < MIN_LAST_PAGE) balance(table, grid, lay.widths(), pageName, page, p);
    }

    /** The div.table-page a table sits in (directly, or under its wrappers), or null for a table inside the text. */
    private static Element tablePage(Element table) {
        for (Node n = table.getParentNode(); n instanceof Element e; n = e.getParentNode()) {
            if (hasClass(e, "table-page")) return e;
            if (e.getLocalName().equals("body")) return null;
        }
        return null;
    }

    /** Whether the table is the first table of its page div (those after it start wherever it ends). */
    private static boolean firstInPage(Element table, Element page) {
        List<Element> tables = new ArrayList<>();
        collect(page, tables);
        return !tables.isEmpty() && tables.get(0) == table;
    }

    private void setClass(Element e, String cls, boolean on) {
        List<String> classes = new ArrayList<>(List.of(e.getAttribute("class").strip().split("\\s+")));
        classes.removeIf(c -> c.isEmpty() || c.equals(cls));
        if (on) classes.add(cls);
        e.setAttribute("class", String.join(" ", classes));
    }

    /** Computes the styles of a subtree again after its attributes changed, parents before children. */
    private void restyle(Element e) {
        sc.getStyle(e, true);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) restyle(c);
    }

    // ---- widths -----------------------------------------------------------------------------------------------

    private record Layout(int[] widths, boolean fits) {
    }

    private boolean fits(Element table, Grid grid, String pageName) {
        return widths(table, grid, pageName).fits();
    }

    /** Column widths in dots for the page's content width: natural when it allows, else narrowest plus shares. */
    private Layout widths(Element table, Grid grid, String pageName) {
        int avail = contentWidth(pageName);
        int n = grid.cols();
        int[] natural = new int[n];
        int[] min = new int[n];
        boolean[] blank = new boolean[n];
        java.util.Arrays.fill(blank, true);
        for (Cell c : grid.cells()) if (!c.head() && c.colspan() == 1 && !c.text().isEmpty()) blank[c.col()] = false;
        for (Cell c : grid.cells()) {
            if (c.colspan() != 1) continue;
            CalculatedStyle st = sc.getStyle(c.e());
            FSFont font = st.getFSFont(ctx);
            int pad = hpad(st);
            int one = width(font, c.text());
            int nat;
            int low;
            if (c.head()) {
                nat = wrapWidth(font, c.text(), 2);
                low = wrapWidth(font, c.text(), HEADER_LINES);
            } else if (c.number() || c.text().isEmpty()) {
                nat = low = one;
            } else {
                nat = one;
                low = Math.min(one, Math.max(longestToken(font, c.text()), width(font, "国".repeat(COMFORT_CHARS))));
            }
            if (blank[c.col()] && !c.head()) continue;
            natural[c.col()] = Math.max(natural[c.col()], nat + pad);
            min[c.col()] = Math.max(min[c.col()], low + pad);
        }
        for (int i = 0; i < n; i++) if (blank[i]) natural[i] = min[i];
        long sumNat = sum(natural);
        long sumMin = sum(min);
        int[] w = new int[n];
        if (sumNat <= avail) {
            // room to spare: give it where text is long (never to blank columns, whose header is all they hold)
            long open = 0;
            for (int i = 0; i < n; i++) if (!blank[i]) open += natural[i];
            for (int i = 0; i < n; i++) w[i] = natural[i] + (int) (blank[i] || open == 0 ? 0 : (avail - sumNat) * natural[i] / open);
        } else if (sumMin <= avail) {
            long lack = sumNat - sumMin;
            for (int i = 0; i < n; i++) w[i] = min[i] + (int) (lack == 0 ? 0 : (avail - sumMin) * (natural[i] - min[i]) / lack);
        } else {
            for (int i = 0; i < n; i++) w[i] = (int) (sumMin == 0 ? avail / n : (long) avail * min[i] / sumMin);
        }
        // a cell spanning columns gets at least its narrowest width, taken from its columns' spare
        for (Cell c : grid.cells()) {
            if (c.colspan() == 1 || c.text().isEmpty()) continue;
            CalculatedStyle st = sc.getStyle(c.e());
            int need = (c.head() ? wrapWidth(st.getFSFont(ctx), c.text(), 2) : width(st.getFSFont(ctx), c.text())) + hpad(st);
            int have = 0;
            for (int i = c.col(); i < c.col() + c.colspan() && i < n; i++) have += w[i];
            if (have >= need) continue;
            int extra = need - have;
            int donors = 0;
            for (int i = 0; i < n; i++) if (i < c.col() || i >= c.col() + c.colspan()) donors += Math.max(0, w[i] - min[i]);
            if (donors < extra) continue;
            for (int i = 0; i < n; i++) {
                if (i >= c.col() && i < c.col() + c.colspan()) w[i] += extra / c.colspan();
                else w[i] -= (int) ((long) extra * Math.max(0, w[i] - min[i]) / donors);
            }
        }
        return new Layout(w, sumMin <= avail);
    }

    private static long sum(int[] a) {
        long s = 0;
        for (int x : a) s += x;
        return s;
    }

    private int hpad(CalculatedStyle st) {
        RectPropertySet p = st.getPaddingRect(0, ctx);
        BorderPropertySet b = st.getBorder(ctx);
        return (int) Math.ceil(p.left() + p.right() + b.left() + b.right());
    }

    private int vpad(CalculatedStyle st) {
        RectPropertySet p = st.getPaddingRect(0, ctx);
        BorderPropertySet b = st.getBorder(ctx);
        return (int) Math.ceil(p.top() + p.bottom() + (b.top() + b.bottom()) / 2);
    }

    int width(FSFont font, String s) {
        return s.isEmpty() ? 0 : ctx.getTextRenderer().getWidth(ctx.getFontContext(), font, s);
    }

    /** The widest run of text that cannot be broken (a figure, a Latin word, two characters kept together). */
    private int longestToken(FSFont font, String text) {
        BitSet ok = breaking.opportunities(text);
        int best = 0;
        int from = 0;
        for (int p = ok.nextSetBit(1); ; p = ok.nextSetBit(p + 1)) {
            int to = p < 0 ? text.length() : p;
            best = Math.max(best, width(font, text.substring(from, to).strip()));
            if (p < 0) break;
            from = p;
        }
        return best;
    }

    /** The narrowest width at which the text takes at most {@code lines} lines. */
    private int wrapWidth(FSFont font, String text, int lines) {
        int one = width(font, text);
        int lo = Math.max(longestToken(font, text), 1);
        if (lines <= 1 || lo >= one) return one;
        int hi = one;
        while (lo < hi) { // binary search on the width; lines() is monotonic in it
            int mid = (lo + hi) >>> 1;
            if (lines(font, text, mid) <= lines) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** Lines the text takes in {@code width} dots with the layout's line breaking (greedy, as Flying Saucer sets it). */
    int lines(FSFont font, String text, int width) {
        if (text.isEmpty()) return 1;
        BitSet ok = breaking.opportunities(text);
        int lines = 1;
        int start = 0;
        int lastFit = -1;
        for (int p = ok.nextSetBit(1); ; p = ok.nextSetBit(p + 1)) {
            int end = p < 0 ? text.length() : p;
            if (width(font, text.substring(start, end).stripTrailing()) > width) {
                if (lastFit > start) {
                    start = lastFit;
                    lines++;
                    lastFit = -1;
                    // the segment that did not fit starts the new line; see whether it fits there
                    if (width(font, text.substring(start, end).stripTrailing()) > width && end < text.length()) {
                        // an unbreakable run wider than the column: it overflows, one line of its own
                        start = end;
                        lines++;
                    }
                } else {
                    start = end;
                    if (end < text.length()) lines++;
                }
            }
            lastFit = end;
            if (p < 0) break;
        }
        return lines;
    }

    private void setWidths(Element table, Grid grid, int[] w) {
        Element colgroup = null;
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("colgroup")) colgroup = e;
        }
        Document d = table.getOwnerDocument();
        if (colgroup == null) {
            colgroup = d.createElementNS(table.getNamespaceURI(), "colgroup");
            table.insertBefore(colgroup, table.getFirstChild());
        }
        while (colgroup.getFirstChild() != null) colgroup.removeChild(colgroup.getFirstChild());
        long total = sum(w);
        for (int x : w) {
            Element col = d.createElementNS(table.getNamespaceURI(), "col");
            col.setAttribute("style", String.format(Locale.ROOT, "width:%.3f%%", total == 0 ? 0 : 100.0 * x / total));
            colgroup.appendChild(col);
        }
        sc.getStyle(colgroup, true);
        for (Node n = colgroup.getFirstChild(); n != null; n = n.getNextSibling()) sc.getStyle((Element) n, true);
    }

    // ---- pages ------------------------------------------------------------------------------------------------

    private int contentWidth(String pageName) {
        return pageBox(pageName).getContentWidth(ctx);
    }

    private PageBox pageBox(String pageName) {
        ctx.setPageName(pageName.isEmpty() ? null : pageName);
        return Layer.createPageBox(ctx, "right");
    }

    /**
     * How the table falls on pages: pages used, the height of each row unit (a row or a kept-together group), the
     * height the body would need on one page and what the first page holds, and how full the last page is.
     */
    private record Pages(int count, double lastFill, int needed, int capacity, int[] breaks) {
    }

    private Pages paginate(Element table, Grid grid, int[] w, String pageName, Element page) {
        PageBox box = pageBox(pageName);
        int pageH = box.getContentHeight(ctx);
        int[] rowH = rowHeights(grid, w);
        int head = 0;
        for (int r = 0; r < grid.headRows(); r++) head += rowH[r];
        int top = above(table, page, box.getContentWidth(ctx));
        int y = top + head;
        int count = 1;
        int needed = 0;
        List<Integer> breaks = new ArrayList<>();
        for (int r = grid.headRows(); r < grid.rows(); ) {
            int end = r + 1;
            while (end < grid.rows() && grid.group()[end] == grid.group()[r] && grid.group()[r] >= 0) end++;
            int h = 0;
            for (int k = r; k < end; k++) h += rowH[k];
            needed += h;
            if (y + h > pageH && y > head) {
                count++;
                y = head;
                breaks.add(r);
            }
            y += h;
            r = end;
        }
        return new Pages(count, (double) y / pageH, top + head + needed, pageH, breaks.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Row heights in dots: the most lines of a cell at its width, times the line height, plus padding. */
    private int[] rowHeights(Grid grid, int[] w) {
        int[] h = new int[grid.rows()];
        for (Cell c : grid.cells()) {
            CalculatedStyle st = sc.getStyle(c.e());
            FSFont font = st.getFSFont(ctx);
            int width = -hpad(st);
            for (int i = c.col(); i < c.col() + c.colspan() && i < w.length; i++) width += w[i];
            int lines = lines(font, c.text(), Math.max(1, width));
            int need = (int) Math.ceil(lines * st.getLineHeight(ctx)) + vpad(st);
            if (c.rowspan() == 1) {
                h[c.row()] = Math.max(h[c.row()], need);
            } else {
                int have = 0;
                for (int k = c.row(); k < Math.min(grid.rows(), c.row() + c.rowspan()); k++) have += h[k];
                int last = Math.min(grid.rows(), c.row() + c.rowspan()) - 1;
                if (need > have) h[last] += need - have;
            }
        }
        return h;
    }

    /** The height of what precedes the table in its page div (the table number, the title, the line above it). */
    private int above(Element table, Element page, int width) {
        int y = 0;
        int lastMargin = 0;
        for (Node n = page.getFirstChild(); n != null && n != table && !contains(n, table); n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            CalculatedStyle st = sc.getStyle(e);
            RectPropertySet m = st.getMarginRect(width, ctx);
            int lines = lines(st.getFSFont(ctx), e.getTextContent().strip(), width);
            y += Math.max(lastMargin, (int) m.top()) + (int) Math.ceil(lines * st.getLineHeight(ctx)) + vpad(st);
            lastMargin = (int) m.bottom();
        }
        return y + lastMargin;
    }

    private static boolean contains(Node a, Node b) {
        for (Node n = b; n != null; n = n.getParentNode()) if (n == a) return true;
        return false;
    }

    // ---- tightening and splitting -------------------------------------------------------------------------------

    /**
     * One step tighter, for the whole table: 1 less padding, 2 less line height, then half a point less font each
     * step; false when the font is already at {@link #MIN_FONT_PT}.
     */
    private boolean tighten(Element table, int level) {
        Map<String, String> style = styleMap(table.getAttribute("style"));
        if (level == 1) {
            setClass(table, "tight", true);
        } else if (level == 2) {
            style.put("line-height", "1.12");
        } else {
            float pt = sc.getStyle(table).getFont(ctx).size() / dotsPerPoint;
            float next = (float) (Math.floor(pt * 2 - 0.01) / 2);
            if (next < MIN_FONT_PT) return false;
            style.put("font-size", String.format(Locale.ROOT, "%.1fpt", next));
        }
        table.setAttribute("style", styleText(style));
        return true;
    }

    /** Breaks the table earlier so that its last page holds at least a third of a page. */
    private void balance(Element table, Grid grid, int[] w, String pageName, Element page, Pages p) {
        int[] rowH = rowHeights(grid, w);
        int pageH = pageBox(pageName).getContentHeight(ctx);
        int head = 0;
        for (int r = 0; r < grid.headRows(); r++) head += rowH[r];
        int lastBreak = p.breaks()[p.breaks().length - 1];
        int tail = (int) Math.round(p.lastFill() * pageH) - head;
        // move whole row units from the end of the page before, until the last page is a third full
        int r = lastBreak;
        int firstOfPrev = p.breaks().length >= 2 ? p.breaks()[p.breaks().length - 2] : grid.headRows();
        while (r > firstOfPrev + 1 && head + tail < MIN_LAST_PAGE * pageH) {
            int start = r - 1;
            while (start > firstOfPrev && grid.group()[start] >= 0 && grid.group()[start - 1] == grid.group()[start]) start--;
            for (int k = start; k < r; k++) tail += rowH[k];
            r = start;
        }
        if (r == lastBreak) return;
        Element row = grid.rowElements().get(r);
        Node parent = row.getParentNode();
        Element target = parent instanceof Element tb && hasClass(tb, "group") ? tb : row;
        Map<String, String> style = styleMap(target.getAttribute("style"));
        style.put("page-break-before", "always");
        target.setAttribute("style", styleText(style));
        sc.getStyle(target, true);
    }

    static Map<String, String> styleMap(String css) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : css.split(";")) {
            int i = part.indexOf(':');
            if (i > 0) m.put(part.substring(0, i).strip(), part.substring(i + 1).strip());
        }
        return m;
    }

    static String styleText(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append(": ").append(v));
        return sb.toString();
    }
}
