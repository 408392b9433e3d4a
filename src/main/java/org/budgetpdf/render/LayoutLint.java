package org.budgetpdf.render;

import org.w3c.dom.Element;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableCellBox;
import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Looks at the laid-out pages the way a careful reviewer does and lists what a department would be
 * embarrassed to publish: text drawn across a cell border or off the page, a table continued onto a
 * page for one or two rows, a rowspan group cut by a page break, a heading or header cell whose
 * last line holds one or two characters, and a page mostly blank although no part ends there.
 * Works on Flying Saucer's box tree after layout, before the PDF is written.
 */
public final class LayoutLint {

    public enum Check {
        CELL_OVERFLOW("文字超出单元格"),
        PAGE_OVERFLOW("内容超出版心"),
        SHORT_CONTINUATION("表格续页行数过少"),
        SPLIT_GROUP("合并单元格被分页拆开"),
        SHORT_LAST_LINE("标题或表头末行只有一两个字"),
        BLANK_PAGE("页面大半空白");

        public final String label;

        Check(String label) {
            this.label = label;
        }
    }

    /**
     * One problem, on a 1-based page, described in {@code detail}; {@code text} is the printed text it concerns (the
     * text of the line that overflows; empty for the other checks), so that it can be traced back to the data.
     */
    public record Finding(Check check, int page, String detail, String text) {
        public Finding(Check check, int page, String detail) {
            this(check, page, detail, "");
        }

        /** Text drawn across a cell's border or off the page: the page is damaged, not merely untidy. */
        public boolean damage() {
            return check == Check.CELL_OVERFLOW || check == Check.PAGE_OVERFLOW;
        }

        @Override
        public String toString() {
            return "第 " + page + " 页：" + check.label + "：" + detail;
        }
    }

    /** A continuation of a table holds at least this many body rows (or fills {@link #MIN_FILL} of the page). */
    static final int MIN_CONTINUATION_ROWS = 3;
    /** A page that is not the end of a part is filled to at least this share of its height. */
    static final double MIN_FILL = 0.40;
    /** Heading and header-cell elements whose last line must not be left with one or two characters. */
    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "th");

    private final List<PageBox> pages;
    private final Boxes boxes;
    private final LayoutContext ctx;
    private final float dotsPerPoint;
    private final float tolerance;
    private final List<Finding> findings = new ArrayList<>();
    /** Per page: the lowest content bottom seen. */
    private final int[] bottom;
    /** Pages on which a forced page break starts new content. */
    private final Set<Integer> forcedStarts = new TreeSet<>();

    private LayoutLint(ITextRenderer renderer) {
        this.pages = renderer.getRootBox().getLayer().getPages();
        this.boxes = new Boxes(pages);
        this.ctx = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
        this.dotsPerPoint = renderer.getDotsPerPoint();
        this.tolerance = dotsPerPoint * 0.3f; // a third of a point: rounding, not overflow
        this.bottom = new int[pages.size()];
    }

    /** The problems on the pages laid out by {@code renderer}; empty when the pages are fit to publish. */
    public static List<Finding> inspect(ITextRenderer renderer) {
        LayoutLint lint = new LayoutLint(renderer);
        lint.walk(renderer.getRootBox(), null);
        lint.blankPages();
        lint.findings.sort((a, b) -> a.page() != b.page() ? Integer.compare(a.page(), b.page()) : a.check().compareTo(b.check()));
        return List.copyOf(lint.findings);
    }

    /**
     * A wrapped heading whose last line holds one or two characters while the line before holds at
     * least two more: an orphan. (Four characters set two and two in a narrow column are fine.)
     */
    static boolean shortLastLine(List<LineBox> lines) {
        if (lines.size() < 2) return false;
        int last = Boxes.chars(Boxes.text(lines.get(lines.size() - 1)));
        int before = Boxes.chars(Boxes.text(lines.get(lines.size() - 2)));
        return last > 0 && last <= 2 && before >= last + 2;
    }

    /** A table's part on a page that carries almost nothing: few rows, and not rows so tall that two fill the page. */
    static boolean shortFragment(int rows, int height, int pageHeight) {
        return rows < MIN_CONTINUATION_ROWS && height < MIN_FILL * pageHeight;
    }

    // ---- the walk ------------------------------------------------------------------------------

    private void walk(Box box, TableCellBox cell) {
        if (box instanceof BlockBox b && b.getStyle() != null) {
            if (b.getStyle().isForcePageBreakBefore()) forcedStarts.add(boxes.startPage(b));
            if (b.getStyle().isForcePageBreakAfter()) forcedStarts.add(boxes.pageOf(b.getAbsY() + b.getHeight() - 1) + 1);
            // a block of text (not a container of blocks) fills its page down to its bottom
            if (b.getChildrenContentType() == BlockBox.ContentType.INLINE) note(boxes.pageOf(b.getAbsY()), b.getAbsY() + b.getHeight());
        }
        if (box instanceof TableBox t) table(t);
        if (box instanceof TableCellBox c) cell = c;
        Element e = box.getElement();
        if (e != null && !(box instanceof LineBox) && HEADINGS.contains(e.getNodeName())) {
            List<LineBox> lines = Boxes.lines(box);
            if (shortLastLine(lines)) {
                LineBox last = lines.get(lines.size() - 1);
                add(Check.SHORT_LAST_LINE, boxes.pageOf(last.getAbsY()), "“" + e.getTextContent().strip() + "”末行只有“" + Boxes.text(last) + "”");
            }
        }
        if (box instanceof LineBox line) {
            line(line, cell);
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) walk(box.getChild(i), cell);
    }

    /** Text of a line against its cell's padding box and the page's content area. */
    private void line(LineBox line, TableCellBox cell) {
        int page = boxes.pageOf(line.getAbsY());
        note(page, line.getAbsY() + line.getHeight());
        Boxes.Extent x = Boxes.extent(line);
        if (x == null) return;
        int left = x.left();
        int right = x.right();
        String text = Boxes.text(line);
        // quoted in messages: a line of two thousand characters is named by its start
        String shown = text.codePointCount(0, text.length()) > 40 ? text.substring(0, text.offsetByCodePoints(0, 40)) + "…" : text;
        if (cell != null) {
            Rectangle pad = cell.getPaddingEdge(cell.getAbsX(), cell.getAbsY(), ctx);
            if (left < pad.x - tolerance || right > pad.x + pad.width + tolerance) {
                findings.add(new Finding(Check.CELL_OVERFLOW, page + 1, "“" + shown + "”宽 " + pt(right - left) + "，单元格宽 "
                        + pt(pad.width), text));
            }
        }
        int width = pages.get(page).getContentWidth(ctx);
        if (left < -tolerance || right > width + tolerance) {
            findings.add(new Finding(Check.PAGE_OVERFLOW, page + 1, "“" + shown + "”伸出版心 " + pt(Math.max(-left, right - width)), text));
        }
    }

    // ---- tables --------------------------------------------------------------------------------

    private void table(TableBox table) {
        List<TableRowBox> rows = Boxes.bodyRows(table);
        Map<Integer, Integer> rowsByPage = new TreeMap<>();
        Map<Integer, Integer> heightByPage = new TreeMap<>();
        for (TableRowBox row : rows) {
            int page = boxes.pageOf(row.getAbsY());
            note(page, row.getAbsY() + row.getHeight());
            rowsByPage.merge(page, 1, Integer::sum);
            heightByPage.merge(page, row.getHeight(), Integer::sum);
        }
        if (rowsByPage.size() > 1) {
            int first = rowsByPage.keySet().iterator().next();
            rowsByPage.forEach((page, n) -> {
                if (page != first && shortFragment(n, heightByPage.get(page), pages.get(page).getContentHeight(ctx))) {
                    add(Check.SHORT_CONTINUATION, page, "“" + caption(table) + "”续页只有 " + n + " 行");
                }
            });
        }
        // A cell spanning rows must end on the page where it starts.
        for (int r = 0; r < rows.size(); r++) {
            TableRowBox row = rows.get(r);
            for (int c = 0; c < row.getChildCount(); c++) {
                if (!(row.getChild(c) instanceof TableCellBox cell) || cell.getStyle().getRowSpan() <= 1) continue;
                int span = cell.getStyle().getRowSpan();
                int from = boxes.pageOf(row.getAbsY());
                int to = boxes.pageOf(rows.get(Math.min(rows.size() - 1, r + span - 1)).getAbsY());
                if (from != to) {
                    add(Check.SPLIT_GROUP, to, "“" + caption(table) + "”中“" + text(cell) + "”跨 " + span
                            + " 行，从第 " + (from + 1) + " 页延到第 " + (to + 1) + " 页");
                }
            }
        }
    }

    /** The table's title: the nearest preceding element with class table-title, else its first words. */
    private static String caption(TableBox table) {
        Element e = table.getElement();
        for (org.w3c.dom.Node n = e; n != null; n = n.getParentNode()) {
            for (org.w3c.dom.Node s = n.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
                if (s instanceof Element el && el.getAttribute("class").contains("table-title")) return el.getTextContent().strip();
            }
        }
        String t = e.getTextContent().strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }

    private static String text(Box box) {
        return box.getElement() == null ? "" : box.getElement().getTextContent().strip();
    }

    // ---- pages ---------------------------------------------------------------------------------

    private void blankPages() {
        for (int i = 0; i + 1 < pages.size(); i++) {
            PageBox p = pages.get(i);
            boolean partEnd = forcedStarts.contains(i + 1) || p.getWidth(ctx) != pages.get(i + 1).getWidth(ctx);
            if (partEnd) continue;
            double fill = (double) (bottom[i] - p.getTop()) / p.getContentHeight(ctx);
            if (fill < MIN_FILL) {
                add(Check.BLANK_PAGE, i, "只用了 " + Math.round(fill * 100) + "% 的高度，下一页不是新的部分");
            }
        }
    }

    private void note(int page, int y) {
        if (page >= 0 && page < bottom.length) bottom[page] = Math.max(bottom[page], Math.min(y, pages.get(page).getBottom()));
    }

    private void add(Check check, int page, String detail) {
        findings.add(new Finding(check, page + 1, detail));
    }

    private String pt(int dots) {
        return String.format(Locale.ROOT, "%.1fpt", dots / dotsPerPoint);
    }
}
