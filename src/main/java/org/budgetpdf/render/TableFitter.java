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
    /** A continuation holds at least this share of a page (a third, and a margin for what the estimate misses). */
    static final double MIN_LAST_PAGE = 0.4;
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

    private final TextMeasure measure;

    private TableFitter(ITextRenderer renderer, TextMeasure measure) {
        this.sc = renderer.getSharedContext();
        this.ctx = measure.ctx();
        this.breaking = measure.breaking();
        this.dotsPerPoint = renderer.getDotsPerPoint();
        this.measure = measure;
    }

    /**
     * Fits the tables of the document set on {@code renderer} (after setDocument, before layout). {@code fresh} sets
     * the document on the renderer again: Flying Saucer does not restyle what depends on a class changed after the
     * styles were computed (a table under a page div that is no longer landscape keeps its landscape font), so the
     * orientation is decided first, each time on fresh styles; after that the fitter changes style attributes only.
     */
    static void fit(ITextRenderer renderer, Document doc, TextMeasure measure, Runnable fresh) {
        List<Element> tables = new ArrayList<>();
        collect(doc.getDocumentElement(), tables);
        // the tables of one page div are set together: one orientation, then placed one after another
        Map<Element, List<Element>> byPage = new LinkedHashMap<>();
        for (Element t : tables) byPage.computeIfAbsent(tablePage(t), k -> new ArrayList<>()).add(t);
        byPage.remove(null);
        // orientation: measured on portrait styles, the declared landscape removed first
        boolean anyLandscape = false;
        for (Element page : byPage.keySet()) {
            if (hasClass(page, "landscape")) {
                setClass(page, "landscape", false);
                anyLandscape = true;
            }
        }
        if (anyLandscape) fresh.run();
        TableFitter f = new TableFitter(renderer, measure);
        boolean anyChanged = false;
        for (Map.Entry<Element, List<Element>> e : byPage.entrySet()) {
            boolean portrait = true;
            for (List<Element> set : joined(e.getValue())) portrait &= f.strictMin(set) <= f.contentWidth("");
            if (!portrait) {
                setClass(e.getKey(), "landscape", true);
                anyChanged = true;
            }
        }
        if (anyChanged) fresh.run();
        f = new TableFitter(renderer, measure); // the styles it read are gone
        List<Element> inText = new ArrayList<>();
        for (Element t : tables) if (tablePage(t) == null) inText.add(t);
        for (List<Element> joined : joined(inText)) f.fitWidths(joined, "");
        for (Map.Entry<Element, List<Element>> e : byPage.entrySet()) f.page(e.getKey(), e.getValue());
    }

    /**
     * Tables set one under the other as one (a form and its indicator table, declared with the same column widths)
     * keep their columns aligned: they are measured together.
     */
    private static List<List<Element>> joined(List<Element> tables) {
        List<List<Element>> out = new ArrayList<>();
        for (Element t : tables) {
            List<Element> last = out.isEmpty() ? null : out.get(out.size() - 1);
            String cols = declaredColumns(t);
            if (last != null && !cols.isEmpty() && cols.equals(declaredColumns(last.get(last.size() - 1)))
                    && nextTable(last.get(last.size() - 1)) == t) {
                last.add(t);
            } else {
                out.add(new ArrayList<>(List.of(t)));
            }
        }
        return out;
    }

    /** The widths the layout declared for the columns, as written ("" when it declared none). */
    private static String declaredColumns(Element table) {
        StringBuilder sb = new StringBuilder();
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element cg && cg.getLocalName().equals("colgroup")) {
                for (Node c = cg.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element col) sb.append(col.getAttribute("style")).append(col.getAttribute("width")).append('|');
                }
            }
        }
        return sb.toString();
    }

    /** The element after the table, skipping white space, when it is a grid table. */
    private static Element nextTable(Element table) {
        for (Node n = table.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return e.getLocalName().equals("table") && hasClass(e, "grid") ? e : null;
            if (!n.getTextContent().isBlank()) return null;
        }
        return null;
    }

    private static void collect(Element e, List<Element> out) {
        if (e.getLocalName() != null && e.getLocalName().equals("table") && hasClass(e, "grid")) out.add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) collect(c, out);
    }

    // ---- the grid ----------------------------------------------------------------------------------------------

    /** A cell of the table: where it sits, its element, its text. */
    private record Cell(Element e, int row, int col, int rowspan, int colspan, boolean head, String text, boolean number) {
    }

    /**
     * The cells, by rows; {@code head} rows first; rows of one {@code tbody.group} kept together ({@code group}); the
     * row spans of the body cells starting in each row ({@code spans}).
     */
    private record Grid(List<Cell> cells, int rows, int cols, int headRows, List<Element> rowElements, int[] group,
                        List<List<Integer>> spans) {
    }

    private final Map<Element, Grid> grids = new java.util.HashMap<>();

    /** The table's grid, read once: the fitter changes its cells' style, not its structure, until {@link #settle}. */
    private Grid grid(Element table) {
        return grids.computeIfAbsent(table, TableFitter::readGrid);
    }

    private static Grid readGrid(Element table) {
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
        List<List<Integer>> spans = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) spans.add(new ArrayList<>());
        for (Cell c : cells) if (c.rowspan() > 1 && !c.head()) spans.get(c.row()).add(c.rowspan());
        return new Grid(cells, rows.size(), cols, headRows, rows, group, spans);
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

    // ---- one page div ------------------------------------------------------------------------------------------

    /**
     * A div.table-page: it starts a page. Portrait when every table in it fits the portrait width at its narrowest
     * acceptable widths, landscape otherwise; then its blocks are placed one after another as layout will place them,
     * each table tightened or broken as it falls.
     */
    private void page(Element page, List<Element> tables) {
        String pageName = hasClass(page, "landscape") ? "land" : "";
        for (List<Element> set : joined(tables)) fitWidths(set, pageName);
        flow(page, pageName);
    }

    /** Gives the tables their widths; too wide even at the loosest level, they are set smaller first, as a whole. */
    private void fitWidths(List<Element> set, String pageName) {
        while (!widths(set, pageName).fits() && smaller(set)) {
            for (Element t : set) restyle(t);
        }
        setWidths(set, pageName);
    }

    /**
     * The next half point below a size (a size read back from layout is in dots and may be a hair off: 7.0125pt is
     * 7pt); -1 below {@link #MIN_FONT_PT}.
     */
    static float stepDown(float pt) {
        double at = Math.round(pt * 20) / 20.0;
        float next = (float) (Math.ceil(at * 2) / 2 - 0.5);
        return next < MIN_FONT_PT - 0.001 ? -1 : next;
    }

    /** Sets the tables half a point smaller; false when they are at the smallest size already. */
    private boolean smaller(List<Element> set) {
        float next = stepDown(sc.getStyle(set.get(0)).getFont(ctx).size() / dotsPerPoint);
        if (next < 0) return false;
        for (Element t : set) {
            Map<String, String> style = styleMap(t.getAttribute("style"));
            style.put("font-size", String.format(Locale.ROOT, "%.1fpt", next));
            t.setAttribute("style", styleText(style));
        }
        return true;
    }

    /** Places the blocks of the page div from the top of a page: text blocks by their lines, tables row by row. */
    private void flow(Element page, String pageName) {
        PageBox box = pageBox(pageName);
        int pageH = box.getContentHeight(ctx);
        int width = box.getContentWidth(ctx);
        List<Element> blocks = new ArrayList<>();
        blocks(page, blocks);
        int y = 0;
        int captionFrom = 0; // the blocks since the last table: a table's number, title and unit line go with it
        int captionY = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Element b = blocks.get(i);
            if (!isGrid(b)) {
                if (i == captionFrom) captionY = y;
                int h = blockHeight(b, width);
                y = y + h > pageH && y > 0 ? h : y + h;
                continue;
            }
            int after = 0; // notes under the table, up to the next table
            for (int k = i + 1; k < blocks.size() && !isGrid(blocks.get(k)); k++) after += blockHeight(blocks.get(k), width);
            int captionH = captionFrom < i ? y - captionY : 0;
            if (captionH < 0) captionH = y; // the caption itself went over a page
            y = placeTable(b, y, captionH, captionFrom < i ? blocks.get(captionFrom) : b, after, pageName, pageH);
            captionFrom = i + 1;
        }
    }

    /** The blocks of the div in order: its children, and the children of a wrapper that holds a table. */
    private static void blocks(Element e, List<Element> out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            List<Element> inner = new ArrayList<>();
            collect(c, inner);
            if (!isGrid(c) && !inner.isEmpty()) blocks(c, out);
            else out.add(c);
        }
    }

    private static boolean isGrid(Element e) {
        return e.getLocalName().equals("table") && hasClass(e, "grid");
    }

    /**
     * Places a table whose caption starts at {@code y - captionH} on the current page: the whole table (caption
     * included) moves to a new page when it would fit there but not here, or when only its header and a row or two
     * would stay here; it is tightened when it overflows its page a little; its last page is made to hold a third of
     * a page. Returns where the table ends on its last page.
     */
    private int placeTable(Element table, int y, int captionH, Element captionStart, int after, String pageName, int pageH) {
        Grid grid = grid(table);
        if (grid.rows() == 0 || grid.cols() == 0) return y;
        int[] w = columnWidths(table);
        java.util.TreeSet<Integer> forced = new java.util.TreeSet<>();
        Pages p = paginate(grid, w, y, after, pageH, forced);
        if (y > captionH) {
            boolean wholeFitsFresh = captionH + p.bodyAndHead() + after <= pageH;
            boolean strandedStart = p.firstPageUnits() < Math.min(3, p.units());
            if (p.count() > 1 && (wholeFitsFresh || strandedStart)) {
                breakBefore(captionStart);
                y = captionH;
                p = paginate(grid, w, y, after, pageH, forced);
            }
        }
        for (int level = 1; p.count() > 1 && p.needed() <= TIGHTEN_UP_TO * pageH && level <= 8; level++) {
            if (!tighten(table, level)) break;
            restyle(table);
            setWidths(List.of(table), pageName);
            w = columnWidths(table);
            p = paginate(grid, w, y, after, pageH, forced);
        }
        if (p.count() > 1 && p.lastFill() < MIN_LAST_PAGE * pageH) {
            int at = balance(grid, w, after, pageH, p);
            if (at >= 0) {
                forced.add(at);
                p = paginate(grid, w, y, after, pageH, forced);
            }
        }
        settle(grid, w, pageH, p);
        return p.endY();
    }

    /**
     * Makes layout break where the plan does: a page break is forced before each unit of several rows that starts a
     * page (layout alone would break inside it), and a cell spanning rows across a break is cut there, its label
     * repeated on the new page.
     */
    private void settle(Grid grid, int[] w, int pageH, Pages p) {
        int[] rowH = rowHeights(grid, w);
        for (int b : p.breaks()) {
            if (b >= grid.rows()) continue;
            int end = unitEnd(grid, b, rowH, pageH);
            boolean groupBody = grid.group()[b] >= 0; // a tbody.group: layout keeps it whole itself
            if (p.forced().contains(b) || end > b + 1 && !groupBody) breakBefore(rowOrGroup(grid, b));
        }
        for (Cell c : grid.cells()) {
            if (c.rowspan() <= 1 || c.head()) continue;
            List<Integer> cuts = new ArrayList<>();
            for (int b : p.breaks()) if (b > c.row() && b < c.row() + c.rowspan()) cuts.add(b);
            if (cuts.isEmpty()) continue;
            int end = Math.min(grid.rows(), c.row() + c.rowspan());
            c.e().setAttribute("rowspan", Integer.toString(cuts.get(0) - c.row()));
            for (int i = 0; i < cuts.size(); i++) {
                int from = cuts.get(i);
                int to = i + 1 < cuts.size() ? cuts.get(i + 1) : end;
                Element copy = (Element) c.e().cloneNode(true);
                copy.setAttribute("rowspan", Integer.toString(to - from));
                Element row = grid.rowElements().get(from);
                row.insertBefore(copy, firstCellAfter(grid, from, c.col()));
            }
        }
    }

    /** The element of the first cell that starts in row r at a column after {@code col}, or null (append). */
    private static Element firstCellAfter(Grid grid, int r, int col) {
        Element best = null;
        int bestCol = Integer.MAX_VALUE;
        for (Cell c : grid.cells()) {
            if (c.row() == r && c.col() > col && c.col() < bestCol) {
                best = c.e();
                bestCol = c.col();
            }
        }
        return best;
    }

    private static Element rowOrGroup(Grid grid, int r) {
        Element row = grid.rowElements().get(r);
        return row.getParentNode() instanceof Element tb && hasClass(tb, "group") && tb.getFirstChild() != null
                && firstRow(tb) == row ? tb : row;
    }

    private static Element firstRow(Element tbody) {
        for (Node n = tbody.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("tr")) return e;
        }
        return null;
    }

    private void breakBefore(Element e) {
        Map<String, String> style = styleMap(e.getAttribute("style"));
        style.put("page-break-before", "always");
        e.setAttribute("style", styleText(style));
        sc.getStyle(e, true); // a page break changes no cell's look
    }

    /** Height of a block of text at the page's width: its lines, padding and margins. */
    private int blockHeight(Element e, int width) {
        CalculatedStyle st = sc.getStyle(e);
        RectPropertySet m = st.getMarginRect(width, ctx);
        String text = e.getTextContent().strip();
        int lines = text.isEmpty() ? 0 : measure.lines(st.getFSFont(ctx), text, width - measure.hpad(st));
        return (int) Math.ceil(m.top() + m.bottom() + lines * st.getLineHeight(ctx)) + measure.vpad(st);
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

    private static void setClass(Element e, String cls, boolean on) {
        List<String> classes = new ArrayList<>(List.of(e.getAttribute("class").strip().split("\\s+")));
        classes.removeIf(c -> c.isEmpty() || c.equals(cls));
        if (on) classes.add(cls);
        e.setAttribute("class", String.join(" ", classes));
    }

    /**
     * Computes the style of an element again after its attributes changed. The cells of its table are computed again
     * when next read ({@link #look}), with the section and row above them.
     */
    private void restyle(Element e) {
        sc.getStyle(e, true);
        for (Node n = e; n instanceof Element t; n = t.getParentNode()) {
            if (t.getLocalName().equals("table")) looks.remove(t);
        }
        if (e.getLocalName().equals("table")) {
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element t) looks.remove(t);
        }
    }

    /** What the fitter reads of a cell's computed style. */
    private record Look(FSFont font, int hpad, int vpad, float lineHeight, RectPropertySet padding) {
    }

    /** Per table, the looks of its cells by what CSS can tell apart; see {@link #look}. */
    private final Map<Element, Map<String, Look>> looks = new java.util.IdentityHashMap<>();

    /**
     * A cell's font, padding and line height, computed once for the cells of a table that the usual selectors cannot
     * tell apart: the same section, the same row and cell attributes, first or last among their siblings or neither.
     * (A layout that sets a font by :nth-child gets a width measured with its neighbours' font; a cell that overflows
     * is mended by {@link Refit}.) Matching every cell's selectors was most of the fitter's time, and layout matches
     * them all again anyway.
     */
    private Look look(Element cell) {
        Element row = (Element) cell.getParentNode();
        Node section = row.getParentNode();
        Node up = section;
        while (up instanceof Element t && !t.getLocalName().equals("table")) up = t.getParentNode();
        Node table = up;
        String key = section.getNodeName() + '|' + attrs(row) + '|' + edge(row) + '|' + attrs(cell) + '|' + edge(cell);
        return looks.computeIfAbsent((Element) table, t -> new java.util.HashMap<>()).computeIfAbsent(key, k -> {
            // from the table down: what was computed before the table last changed is stale
            if (section instanceof Element sec && sec != table) sc.getStyle(sec, true);
            sc.getStyle(row, true);
            CalculatedStyle st = sc.getStyle(cell, true);
            return new Look(st.getFSFont(ctx), measure.hpad(st), measure.vpad(st), st.getLineHeight(ctx), st.getPaddingRect(0, ctx));
        });
    }

    private static String attrs(Element e) {
        StringBuilder sb = new StringBuilder(e.getLocalName());
        org.w3c.dom.NamedNodeMap a = e.getAttributes();
        for (int i = 0; i < a.getLength(); i++) sb.append(' ').append(a.item(i).getNodeName()).append('=').append(a.item(i).getNodeValue());
        return sb.toString();
    }

    /** First or last among its element siblings (:first-child, :last-child). */
    private static String edge(Element e) {
        Node prev = e.getPreviousSibling(), next = e.getNextSibling();
        while (prev != null && !(prev instanceof Element)) prev = prev.getPreviousSibling();
        while (next != null && !(next instanceof Element)) next = next.getNextSibling();
        return (prev == null ? "F" : "") + (next == null ? "L" : "");
    }

    // ---- widths -----------------------------------------------------------------------------------------------

    /** Column widths, whether the narrowest acceptable ones fit, and their sum. */
    private record Layout(int[] widths, boolean fits, long minSum) {
    }

    /** The widths given to each table, in dots. */
    private final Map<Element, int[]> given = new java.util.HashMap<>();

    private int[] columnWidths(Element table) {
        return given.get(table);
    }

    /** Measures the tables of a set together and gives each the same column widths. */
    private void setWidths(List<Element> set, String pageName) {
        Layout lay = widths(set, pageName);
        for (Element t : set) {
            setWidths(t, lay.widths());
            given.put(t, lay.widths());
        }
    }

    /** What each column needs: its natural width, its narrowest acceptable width, and whether its body is blank. */
    private record Needs(int[] natural, int[] min, boolean[] blank) {
    }

    /**
     * The needs of the columns of a table or of tables set as one, at a level of strictness: 0 keeps words of three
     * characters whole, headers within four lines and names at least six characters wide; 1 lets headers take six
     * lines and names four characters; 2 asks only that nothing unbreakable is cut.
     */
    private Needs needs(List<Cell> cells, int n, int level) {
        int[] natural = new int[n];
        int[] min = new int[n];
        boolean[] blank = new boolean[n];
        java.util.Arrays.fill(blank, true);
        for (Cell c : cells) if (!c.head() && c.colspan() == 1 && !c.text().isEmpty()) blank[c.col()] = false;
        for (Cell c : cells) {
            if (c.colspan() != 1) continue;
            Look look = look(c.e());
            FSFont font = look.font();
            int pad = look.hpad();
            int one = measure.width(font, c.text());
            int nat;
            int low;
            if (c.number() || c.text().isEmpty()) {
                nat = low = one;
            } else if (level == 0 && c.text().codePointCount(0, c.text().length()) < 4) {
                nat = low = one; // a word of three characters or fewer is not broken ("合计", "决算数")
            } else if (c.head()) {
                nat = measure.wrapWidth(font, c.text(), 2);
                low = level == 2 ? measure.longestToken(font, c.text()) : measure.wrapWidth(font, c.text(), level == 0 ? HEADER_LINES : 6);
            } else {
                nat = one;
                int comfort = level == 0 ? COMFORT_CHARS : level == 1 ? 4 : 0;
                low = Math.min(one, Math.max(measure.longestToken(font, c.text()), measure.width(font, "国".repeat(comfort))));
            }
            if (blank[c.col()] && !c.head()) continue;
            natural[c.col()] = Math.max(natural[c.col()], nat + pad);
            min[c.col()] = Math.max(min[c.col()], low + pad);
        }
        for (int i = 0; i < n; i++) if (blank[i]) natural[i] = min[i];
        return new Needs(natural, min, blank);
    }

    private List<Cell> cellsOf(List<Element> set) {
        List<Cell> cells = new ArrayList<>();
        for (Element t : set) cells.addAll(grid(t).cells());
        return cells;
    }

    private int colsOf(List<Element> set) {
        int cols = 0;
        for (Element t : set) cols = Math.max(cols, grid(t).cols());
        return cols;
    }

    /** The narrowest the tables can be set at the strictest level. */
    private long strictMin(List<Element> set) {
        return sum(needs(cellsOf(set), colsOf(set), 0).min());
    }

    /**
     * Column widths in dots for the page's content width, for one table or tables set as one: natural when it allows,
     * else narrowest plus shares, at the strictest level that fits.
     */
    private Layout widths(List<Element> set, String pageName) {
        List<Cell> cells = cellsOf(set);
        int n = colsOf(set);
        Grid grid = new Grid(cells, 0, n, 0, List.of(), new int[0], List.of());
        Element table = set.get(0);
        int avail = contentWidth(pageName);
        Needs needs = null;
        for (int level = 0; level <= 2; level++) {
            needs = needs(cells, n, level);
            if (sum(needs.min()) <= avail) break;
        }
        int[] natural = needs.natural();
        int[] min = needs.min();
        boolean[] blank = needs.blank();
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
            // too wide at the smallest size: every column its narrowest but the widest, which give up what is missing
            // (a figure too long for any column overflows its own cell, and the page lint names its line of data)
            w = min.clone();
            for (long over = sumMin - avail; over > 0; ) {
                int widest = 0;
                for (int i = 1; i < n; i++) if (w[i] > w[widest]) widest = i;
                int second = 0;
                for (int i = 0; i < n; i++) if (i != widest && w[i] > second) second = w[i];
                int take = (int) Math.min(over, Math.max(1, w[widest] - second));
                w[widest] -= take;
                over -= take;
            }
        }
        // a cell spanning columns gets at least its narrowest width, taken from its columns' spare
        for (Cell c : grid.cells()) {
            if (c.colspan() == 1 || c.text().isEmpty()) continue;
            Look look = look(c.e());
            int need = (c.head() ? measure.wrapWidth(look.font(), c.text(), 2) : measure.width(look.font(), c.text())) + look.hpad();
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
        // rounding in the shares above may leave a few dots over: take them from the column with most to spare
        for (long over = sum(w) - avail; over > 0; ) {
            int best = 0;
            for (int i = 1; i < n; i++) if (w[i] - min[i] > w[best] - min[best]) best = i;
            int take = (int) Math.min(over, Math.max(1, w[best] - min[best]));
            w[best] -= take;
            over -= take;
        }
        return new Layout(w, sumMin <= avail, sumMin);
    }

    private static long sum(int[] a) {
        long s = 0;
        for (int x : a) s += x;
        return s;
    }

    private void setWidths(Element table, int[] w) {
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
        // absolute widths, rounded down: Flying Saucer truncates percentages to whole ones and spreads what is left
        // evenly, which takes from the narrow columns what the fitter gave them; the few dots over go to every column
        for (int x : w) {
            Element col = d.createElementNS(table.getNamespaceURI(), "col");
            col.setAttribute("style", String.format(Locale.ROOT, "width:%.3fpt", Math.floor(x / dotsPerPoint * 1000) / 1000));
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
     * How a table falls on pages from {@code y} on its first page: pages used, where the pages break (the first body
     * row of each new page; the row count when only what follows the table goes over), how much of its page the last
     * page holds, the height it needs on one page from {@code y}, and the row units on its first page.
     */
    private record Pages(int count, int lastFill, int needed, int bodyAndHead, int[] breaks, int firstPageUnits,
                         int units, int endY, java.util.Set<Integer> forced) {
    }

    /** Plans the table's pages as layout will make them, with a break before each row in {@code forced}. */
    private Pages paginate(Grid grid, int[] w, int y0, int after, int pageH, java.util.Set<Integer> forced) {
        int[] rowH = rowHeights(grid, w);
        int head = 0;
        for (int r = 0; r < grid.headRows(); r++) head += rowH[r];
        int y = y0 + head;
        int count = 1;
        int body = 0;
        int units = 0;
        int firstPageUnits = 0;
        List<Integer> breaks = new ArrayList<>();
        for (int r = grid.headRows(); r < grid.rows(); ) {
            int end = unitEnd(grid, r, rowH, pageH);
            int h = 0;
            for (int k = r; k < end; k++) h += rowH[k];
            body += h;
            if (y > head && (y + h > pageH || forced.contains(r))) {
                count++;
                y = head;
                breaks.add(r);
            }
            y += h;
            units++;
            if (count == 1) firstPageUnits++;
            r = end;
        }
        int endY = y;
        if (after > 0 && y + after > pageH) {
            count++;
            breaks.add(grid.rows());
            y = 0;
        }
        y += after;
        return new Pages(count, y, y0 + head + body + after, head + body,
                breaks.stream().mapToInt(Integer::intValue).toArray(), firstPageUnits, units, endY, java.util.Set.copyOf(forced));
    }

    /**
     * The end (exclusive) of the unit of rows starting at r that stay on one page: the rows of its tbody.group, and
     * the rows a cell spans, unless those are taller than half a page (such a cell is cut where the page breaks).
     */
    private static int unitEnd(Grid grid, int r, int[] rowH, int pageH) {
        int reach = r + 1;
        for (int k = r; k < reach; k++) {
            int g = grid.group()[k];
            if (g >= 0) {
                int e = k + 1;
                while (e < grid.rows() && grid.group()[e] == g) e++;
                reach = Math.max(reach, e);
            }
            for (int span : grid.spans().get(k)) {
                int to = Math.min(grid.rows(), k + span);
                int h = 0;
                for (int i = k; i < to; i++) h += rowH[i];
                if (h <= pageH / 2) reach = Math.max(reach, to);
            }
        }
        return reach;
    }

    /** Row heights in dots: the most lines of a cell at its width, times the line height, plus padding. */
    private Grid heightsOf;
    private int[] heightsFor;
    private int[] heights;

    /** Row heights in dots, for the last grid and widths asked (asked again and again while one table is placed). */
    private int[] rowHeights(Grid grid, int[] w) {
        if (grid != heightsOf || w != heightsFor) {
            heights = measureRows(grid, w);
            heightsOf = grid;
            heightsFor = w;
        }
        return heights;
    }

    private int[] measureRows(Grid grid, int[] w) {
        int[] h = new int[grid.rows()];
        for (Cell c : grid.cells()) {
            Look look = look(c.e());
            int width = -look.hpad();
            for (int i = c.col(); i < c.col() + c.colspan() && i < w.length; i++) width += w[i];
            int lines = measure.lines(look.font(), c.text(), Math.max(1, width));
            int need = (int) Math.ceil(lines * look.lineHeight()) + look.vpad();
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
            // half the cell padding above and below (style attributes: a class would not restyle the cells)
            for (Cell c : grid(table).cells()) {
                RectPropertySet pad = look(c.e()).padding();
                Map<String, String> cs = styleMap(c.e().getAttribute("style"));
                cs.put("padding-top", String.format(Locale.ROOT, "%.2fpt", pad.top() / 2 / dotsPerPoint));
                cs.put("padding-bottom", String.format(Locale.ROOT, "%.2fpt", pad.bottom() / 2 / dotsPerPoint));
                c.e().setAttribute("style", styleText(cs));
            }
            return true;
        } else if (level == 2) {
            style.put("line-height", "1.12");
        } else {
            float next = stepDown(sc.getStyle(table).getFont(ctx).size() / dotsPerPoint);
            if (next < 0) return false;
            style.put("font-size", String.format(Locale.ROOT, "%.1fpt", next));
        }
        table.setAttribute("style", styleText(style));
        return true;
    }

    /**
     * Where to break the table earlier so that its last page holds at least {@link #MIN_LAST_PAGE} of a page: whole row
     * units move from the page before, as few as reach it, never all of that page's; -1 when nothing can move.
     */
    private int balance(Grid grid, int[] w, int after, int pageH, Pages p) {
        int[] rowH = rowHeights(grid, w);
        int head = 0;
        for (int r = 0; r < grid.headRows(); r++) head += rowH[r];
        int[] breaks = p.breaks();
        int lastBreak = breaks[breaks.length - 1];
        int prevStart = breaks.length >= 2 ? breaks[breaks.length - 2] : grid.headRows();
        // the unit starts on the page before, in order
        List<Integer> starts = new ArrayList<>();
        for (int r = prevStart; r < lastBreak; r = unitEnd(grid, r, rowH, pageH)) starts.add(r);
        int r = lastBreak;
        int fill = (r < grid.rows() ? head : 0) + after;
        for (int k = r; k < grid.rows(); k++) fill += rowH[k];
        for (int i = starts.size() - 1; i >= 1 && fill < MIN_LAST_PAGE * pageH; i--) {
            if (r == grid.rows()) fill += head; // the rows bring their header with them
            for (int k = starts.get(i); k < r; k++) fill += rowH[k];
            r = starts.get(i);
        }
        return r == lastBreak || r >= grid.rows() ? -1 : r;
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
