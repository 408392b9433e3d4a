package org.budgetpdf.render;

import org.w3c.dom.Element;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableCellBox;
import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.newtable.TableSectionBox;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks at the laid-out pages the way a careful reviewer does and lists what a department would be embarrassed to
 * publish: text drawn across a cell border or off the page; a page that carries a few lines or rows continued from a
 * full page (measured as issue 16 measures it on the PDF: its text ends above 35% of the page, the page before below
 * 80%, and it opens with no title); a rowspan group cut by a page break; a character alone on a line after a longer
 * one, in any block; a title left at the foot of a page; one row set in two font sizes; a table continued without its
 * header; a page mostly blank although no part ends there. Works on Flying Saucer's box tree after layout, before the
 * PDF is written.
 */
public final class LayoutLint {

    public enum Check {
        CELL_OVERFLOW("文字超出单元格"),
        PAGE_OVERFLOW("内容超出版心"),
        NEAR_EMPTY("续页几乎是空的"),
        SPLIT_GROUP("合并单元格被分页拆开"),
        SINGLE_CHARACTER("一个字单独成行"),
        STRANDED_TITLE("标题留在页末"),
        MIXED_SIZES("同一行字号不同"),
        NO_HEADER("续页没有表头"),
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

    /** A page that is not the end of a part is filled to at least this share of its height. */
    static final double MIN_FILL = 0.40;

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
        lint.flow(new PageFlow(lint.pages, lint.boxes, lint.ctx, renderer.getRootBox()));
        lint.findings.sort((a, b) -> a.page() != b.page() ? Integer.compare(a.page(), b.page()) : a.check().compareTo(b.check()));
        return List.copyOf(lint.findings);
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
        if (box instanceof BlockBox b && b.getChildrenContentType() == BlockBox.ContentType.INLINE) singleCharacter(b);
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
        Set<Integer> rowPages = new TreeSet<>();
        for (TableRowBox row : rows) {
            int page = boxes.pageOf(row.getAbsY());
            note(page, row.getAbsY() + row.getHeight());
            rowPages.add(page);
            sizes(table, row, page);
        }
        // a table continued on another page repeats its header: layout repeats a thead, not header rows in the body
        if (rowPages.size() > 1 && !hasHead(table) && !rows.isEmpty() && headerRow(rows.get(0))) {
            int first = rowPages.iterator().next();
            for (int page : rowPages) {
                if (page != first) add(Check.NO_HEADER, page, "“" + caption(table) + "”从上一页接续，表头没有重复");
            }
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

    private static boolean hasHead(TableBox table) {
        for (int i = 0; i < table.getChildCount(); i++) {
            if (table.getChild(i) instanceof TableSectionBox s && Boxes.isHeader(s) && s.getChildCount() > 0) return true;
        }
        return false;
    }

    /** A row of header cells only (th). */
    static boolean headerRow(TableRowBox row) {
        if (row.getChildCount() == 0) return false;
        for (int c = 0; c < row.getChildCount(); c++) {
            if (!(row.getChild(c) instanceof TableCellBox cell) || cell.getElement() == null
                    || !cell.getElement().getNodeName().equals("th")) return false;
        }
        return true;
    }

    /** One row, one font size: the size each cell with text is set in. */
    private void sizes(TableBox table, TableRowBox row, int page) {
        Set<Float> seen = new TreeSet<>();
        for (int c = 0; c < row.getChildCount(); c++) {
            if (!(row.getChild(c) instanceof TableCellBox cell)) continue;
            for (LineBox line : Boxes.lines(cell)) {
                for (int i = 0; i < line.getChildCount(); i++) {
                    if (line.getChild(i) instanceof org.xhtmlrenderer.render.InlineLayoutBox ilb && !Boxes.text(line).isEmpty()) {
                        seen.add(Math.round(ilb.getStyle().getFont(ctx).size() / dotsPerPoint * 10) / 10f);
                    }
                }
            }
        }
        if (seen.size() > 1) {
            add(Check.MIXED_SIZES, page, "“" + caption(table) + "”中“" + text(row) + "”一行用了 "
                    + String.join("、", seen.stream().map(f -> String.format(Locale.ROOT, "%.1fpt", f)).toList()));
        }
    }

    /**
     * A line that holds one character (closing punctuation aside) after a line of two or more, in a block of text: a
     * word broken to leave its last character alone ("满意度指/标").
     */
    private void singleCharacter(BlockBox block) {
        List<LineBox> lines = new ArrayList<>();
        for (int i = 0; i < block.getChildCount(); i++) if (block.getChild(i) instanceof LineBox l) lines.add(l);
        if (lines.size() < 2) return;
        List<String> texts = lines.stream().map(Boxes::text).toList();
        for (int i = 1; i < texts.size(); i++) {
            if (ChineseLineBreaking.orphan(texts.subList(i - 1, i + 1))) {
                add(Check.SINGLE_CHARACTER, boxes.pageOf(lines.get(i).getAbsY()), "“" + String.join("", texts) + "”的第 " + (i + 1)
                        + " 行只有“" + texts.get(i) + "”");
                return;
            }
        }
    }

    /** What a reader sees page by page: nearly empty continuations and titles left at the foot of a page. */
    private void flow(PageFlow flow) {
        for (int page = 1; page < pages.size(); page++) {
            if (flow.nearEmptyContinuation(page)) {
                PageFlow.Mark m = flow.marks.get(flow.first(page));
                String what = m.row() ? "“" + caption((TableBox) tableOf(m.box())) + "”" : "上一页的文字";
                add(Check.NEAR_EMPTY, page, what + "接续到这一页，文字止于页高的 " + Math.round(flow.bottomShare(page) * 100)
                        + "%，上一页是满的");
            }
        }
        for (Element title : flow.strandedTitles()) {
            int i = flow.firstOf(title);
            add(Check.STRANDED_TITLE, flow.marks.get(i).page(), "“" + title.getTextContent().strip() + "”在页末，它所标题的内容在下一页");
        }
    }

    private static Box tableOf(Box b) {
        while (b != null && !(b instanceof TableBox)) b = b.getParent();
        return b;
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
