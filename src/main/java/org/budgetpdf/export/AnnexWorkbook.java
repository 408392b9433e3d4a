package org.budgetpdf.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetpdf.layout.TableView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document's tables as one workbook ({@code build --xlsx}): a sheet per table, set from the same {@link TableView}s
 * as the PDF. Above the grid the 表号, the title and the line with the unit and the 填报单位 as printed; the header
 * rows with the PDF's merged cells, frozen and repeated on every printed page; amounts as numbers formatted
 * {@code #,##0.00} from the amounts the PDF prints (a cell printed blank stays blank), names and codes as text; the
 * notes under the table. The same tables give the same bytes: the dates are the document's publication date.
 */
public final class AnnexWorkbook {
    /** What the workbook's properties say: the document's title and author, and its publication date. */
    public record Info(String title, String author, LocalDate date) {
    }

    static final String AMOUNT_FORMAT = "#,##0.00";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Widths in characters of the default font (a CJK character counts two). */
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;
    /** A header cell narrower than its text wraps rather than widening the column beyond this. */
    private static final int HEAD_WIDTH = 14;
    private static final float LINE = 13.5f;

    private AnnexWorkbook() {
    }

    public static byte[] write(List<TableView> tables, Info info) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            SheetNames names = new SheetNames();
            for (TableView t : tables) new Sheet(wb.createSheet(names.next(sheetName(t))), t, styles).write();
            if (tables.isEmpty()) {
                XSSFSheet s = wb.createSheet("说明");
                s.createRow(0).createCell(0).setCellValue("本文档没有在版式 tables.yaml 中声明的表格。");
                s.setColumnWidth(0, 60 * 256);
            }
            var core = wb.getProperties().getCoreProperties();
            Optional<Date> day = Optional.of(Date.from(info.date().atStartOfDay(ZONE).toInstant()));
            core.setCreated(day);
            core.setModified(day);
            core.setTitle(info.title());
            core.setCreator(info.author().isEmpty() ? null : info.author());
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            wb.write(out);
            return StableZip.rewrite(out.toByteArray(), info.date().atStartOfDay());
        }
    }

    /** "预算01表 2025年部门收支总体情况表"; the sheet name is made valid and unique from it. */
    static String sheetName(TableView t) {
        return (t.number() + " " + t.title()).strip();
    }

    /** One table laid out on its sheet. */
    private static final class Sheet {
        private final XSSFSheet sheet;
        private final TableView t;
        private final Styles styles;
        private final int cols;
        /** Column widths in characters. */
        private final int[] widths;
        private int next;

        Sheet(XSSFSheet sheet, TableView t, Styles styles) {
            this.sheet = sheet;
            this.t = t;
            this.styles = styles;
            int n = Math.max(1, headerGrid(t.header()).width);
            for (TableView.Row r : t.rows()) n = Math.max(n, r.cells().stream().mapToInt(TableView.Cell::colspan).sum());
            this.cols = n;
            this.widths = widths(t, n);
        }

        void write() {
            for (int c = 0; c < cols; c++) sheet.setColumnWidth(c, Math.min(255 * 256, widths[c] * 256 + 512));
            if (!t.number().isEmpty()) line(t.number(), Kind.NUMBER, LINE + 2);
            line(t.title(), Kind.TITLE, 24);
            meta();
            int headStart = next;
            header();
            int bodyStart = next;
            for (TableView.Row r : t.rows()) body(r);
            notes();
            if (bodyStart > headStart) {
                sheet.createFreezePane(0, bodyStart);
                sheet.setRepeatingRows(new CellRangeAddress(headStart, bodyStart - 1, -1, -1));
            }
            // codes and names are text on purpose (2101101, "01"): no green triangles on them
            sheet.addIgnoredErrors(new CellRangeAddress(0, next - 1, 0, cols - 1), IgnoredErrorType.NUMBER_STORED_AS_TEXT);
            sheet.setFitToPage(true);
            sheet.setHorizontallyCenter(true);
            PrintSetup ps = sheet.getPrintSetup();
            ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
            ps.setLandscape(t.landscape());
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0);
        }

        /** A line across the table (表号, title, a note): one merged cell. */
        private void line(String text, Kind kind, float height) {
            Row row = sheet.createRow(next);
            Cell c = row.createCell(0);
            c.setCellValue(text);
            c.setCellStyle(styles.of(kind, false, 0));
            for (int k = 1; k < cols; k++) row.createCell(k).setCellStyle(styles.of(kind, false, 0));
            if (cols > 1) sheet.addMergedRegion(new CellRangeAddress(next, next, 0, cols - 1));
            int lines = kind == Kind.NOTE ? lines(text, span(0, cols)) : 1;
            row.setHeightInPoints(Math.max(height, lines * LINE + 3));
            next++;
        }

        /** The line above the grid as the PDF sets it: left (部门名称 / 填报单位), centre when given, right (单位). */
        private void meta() {
            List<String> m = t.meta();
            if (m.stream().allMatch(String::isEmpty)) return;
            Row row = sheet.createRow(next);
            row.setHeightInPoints(LINE + 3);
            boolean centre = !m.get(1).isEmpty();
            int right = cols - Math.max(1, cols / (centre ? 3 : 4));
            int middle = centre ? Math.max(1, Math.min(right - 1, cols / 3)) : right;
            if (right <= 0 || centre && middle >= right) { // too few columns for three parts: one cell with all of it
                metaPart(row, String.join("　", m.stream().filter(s -> !s.isEmpty()).toList()), Kind.META_LEFT, 0, cols);
            } else {
                metaPart(row, m.get(0), Kind.META_LEFT, 0, middle);
                if (centre) metaPart(row, m.get(1), Kind.META_CENTRE, middle, right);
                metaPart(row, m.get(2), Kind.META_RIGHT, right, cols);
            }
            next++;
        }

        private void metaPart(Row row, String text, Kind kind, int from, int to) {
            Cell c = row.createCell(from);
            c.setCellValue(text);
            c.setCellStyle(styles.of(kind, false, 0));
            if (to - from > 1) sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), from, to - 1));
        }

        /** The header rows with the PDF's row and column spans. */
        private void header() {
            HeaderGrid g = headerGrid(t.header());
            int first = next;
            float[] heights = new float[t.header().size()];
            for (int i = 0; i < t.header().size(); i++) {
                Row row = sheet.createRow(first + i);
                for (int c = 0; c < cols; c++) row.createCell(c).setCellStyle(styles.of(Kind.HEAD, true, 0));
            }
            for (Placed p : g.cells) {
                TableView.HeadCell h = p.cell;
                sheet.getRow(first + p.row).getCell(p.col).setCellValue(h.text());
                if (h.colspan() > 1 || h.rowspan() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(first + p.row, first + p.row + h.rowspan() - 1, p.col, p.col + h.colspan() - 1));
                }
                float perRow = lines(h.text(), span(p.col, p.col + h.colspan())) * LINE / h.rowspan();
                for (int k = p.row; k < p.row + h.rowspan(); k++) heights[k] = Math.max(heights[k], perRow);
            }
            for (int i = 0; i < heights.length; i++) sheet.getRow(first + i).setHeightInPoints(Math.max(LINE, heights[i]) + 4);
            next += t.header().size();
        }

        private void body(TableView.Row r) {
            Row row = sheet.createRow(next);
            boolean rowBold = bold(r.kind());
            int col = 0;
            int lines = 1;
            for (TableView.Cell cell : r.cells()) {
                String[] style = cell.style().split(" ");
                boolean bold = rowBold || style.length > 1 && bold(style[style.length - 1]);
                int indent = cell.style().contains("sub-next") ? 3 : cell.style().contains("sub") ? 1 : 0;
                Cell c = row.createCell(col);
                if (cell.amount() != null) {
                    c.setCellValue(cell.amount().value().doubleValue());
                    c.setCellStyle(styles.of(Kind.NUM, bold, 0));
                } else if (style[0].equals("num")) {
                    // blank as in the PDF, or the layout's mark for an item the file does not give ("—")
                    if (!cell.text().isEmpty()) c.setCellValue(cell.text());
                    c.setCellStyle(styles.of(Kind.MARK, bold, 0));
                } else {
                    if (!cell.text().isEmpty()) c.setCellValue(cell.text());
                    c.setCellStyle(styles.of(style[0].equals("code") ? Kind.CODE : Kind.TEXT, bold, indent));
                    lines = Math.max(lines, lines(cell.text(), span(col, col + cell.colspan()) - indent * 2));
                }
                for (int k = col + 1; k < col + cell.colspan(); k++) row.createCell(k).setCellStyle(c.getCellStyle());
                if (cell.colspan() > 1) sheet.addMergedRegion(new CellRangeAddress(next, next, col, col + cell.colspan() - 1));
                col += cell.colspan();
            }
            for (; col < cols; col++) row.createCell(col).setCellStyle(styles.of(Kind.TEXT, rowBold, 0));
            row.setHeightInPoints(lines * LINE + 3);
            next++;
        }

        private void notes() {
            for (String note : List.of(t.note(), t.printedEmptyNote())) if (!note.isEmpty()) line(note, Kind.NOTE, LINE);
        }

        private int span(int from, int to) {
            int w = 0;
            for (int c = from; c < Math.min(to, cols); c++) w += widths[c] + 2;
            return Math.max(1, w - 2);
        }
    }

    private static boolean bold(String kind) {
        return switch (kind) {
            case "total", "dept", "class", "unit", "kuan" -> true;
            default -> false;
        };
    }

    /** Column widths from the cells of one column: body text and amounts, and header cells of that column alone. */
    private static int[] widths(TableView t, int cols) {
        int[] w = new int[cols];
        java.util.Arrays.fill(w, MIN_WIDTH);
        for (Placed p : headerGrid(t.header()).cells) {
            if (p.cell.colspan() == 1) w[p.col] = Math.max(w[p.col], Math.min(HEAD_WIDTH, units(p.cell.text())));
        }
        for (TableView.Row r : t.rows()) {
            int col = 0;
            for (TableView.Cell c : r.cells()) {
                if (c.colspan() == 1 && col < cols) {
                    int indent = c.style().contains("sub-next") ? 6 : c.style().contains("sub") ? 2 : 0;
                    w[col] = Math.max(w[col], Math.min(MAX_WIDTH, units(c.text()) + indent));
                }
                col += c.colspan();
            }
        }
        return w;
    }

    /** Display width in characters of the default font: a CJK (full-width) character counts two. */
    static int units(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += cp >= 0x1100 && (cp <= 0x115f || cp >= 0x2e80) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }

    /** Lines {@code text} takes in a cell {@code width} characters wide. */
    private static int lines(String text, int width) {
        if (text.isEmpty()) return 1;
        return Math.max(1, (units(text) + Math.max(1, width) - 1) / Math.max(1, width));
    }

    private record Placed(TableView.HeadCell cell, int row, int col) {
    }

    private record HeaderGrid(List<Placed> cells, int width) {
    }

    /** Where each header cell stands once the spans above it are taken, as an HTML table places them. */
    private static HeaderGrid headerGrid(List<List<TableView.HeadCell>> header) {
        List<Placed> out = new ArrayList<>();
        Map<Long, Boolean> taken = new HashMap<>();
        int width = 0;
        for (int r = 0; r < header.size(); r++) {
            int c = 0;
            for (TableView.HeadCell h : header.get(r)) {
                while (taken.containsKey(key(r, c))) c++;
                out.add(new Placed(h, r, c));
                for (int i = r; i < r + h.rowspan(); i++) for (int j = c; j < c + h.colspan(); j++) taken.put(key(i, j), true);
                c += h.colspan();
                width = Math.max(width, c);
            }
        }
        return new HeaderGrid(out, width);
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | col;
    }

    /** The kinds of cell the sheets use: alignment, bordered (in the grid), wrapped, and the cells' number format. */
    private enum Kind {
        NUMBER(HorizontalAlignment.RIGHT, false, false, null),
        TITLE(HorizontalAlignment.CENTER, false, false, null),
        META_LEFT(HorizontalAlignment.LEFT, false, false, null),
        META_CENTRE(HorizontalAlignment.CENTER, false, false, null),
        META_RIGHT(HorizontalAlignment.RIGHT, false, false, null),
        HEAD(HorizontalAlignment.CENTER, true, true, "@"),
        TEXT(HorizontalAlignment.LEFT, true, true, "@"),
        CODE(HorizontalAlignment.CENTER, true, false, "@"),
        NUM(HorizontalAlignment.RIGHT, true, false, AMOUNT_FORMAT),
        /** An amount cell without an amount: blank, or the layout's 缺项 mark. */
        MARK(HorizontalAlignment.RIGHT, true, false, "@"),
        NOTE(HorizontalAlignment.LEFT, false, true, null);

        final HorizontalAlignment align;
        final boolean grid;
        final boolean wrap;
        final String format;

        Kind(HorizontalAlignment align, boolean grid, boolean wrap, String format) {
            this.align = align;
            this.grid = grid;
            this.wrap = wrap;
            this.format = format;
        }
    }

    /** One style per kind, boldness and indent, made in the order first used (so the styles part is the same every time). */
    private static final class Styles {
        private final XSSFWorkbook wb;
        private final Map<String, CellStyle> made = new HashMap<>();
        private final XSSFFont body;
        private final XSSFFont bodyBold;
        private final XSSFFont head;
        private final XSSFFont title;

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            // the default font (index 0) sets Excel's width unit; 宋体 as Chinese budget workbooks use
            body = wb.getFontAt(0);
            body.setFontName("宋体");
            body.setFontHeightInPoints((short) 10);
            bodyBold = font("宋体", 10, true);
            head = font("黑体", 10, false);
            title = font("黑体", 15, false);
        }

        private XSSFFont font(String name, int size, boolean bold) {
            XSSFFont f = wb.createFont();
            f.setFontName(name);
            f.setFontHeightInPoints((short) size);
            f.setBold(bold);
            return f;
        }

        CellStyle of(Kind kind, boolean bold, int indent) {
            return made.computeIfAbsent(kind + "/" + bold + "/" + indent, k -> make(kind, bold, indent));
        }

        private CellStyle make(Kind kind, boolean bold, int indent) {
            XSSFCellStyle s = wb.createCellStyle();
            s.setFont(kind == Kind.TITLE ? title : kind == Kind.HEAD || kind == Kind.NUMBER ? head : bold ? bodyBold : body);
            s.setAlignment(kind.align);
            s.setVerticalAlignment(kind == Kind.NOTE ? VerticalAlignment.TOP : VerticalAlignment.CENTER);
            s.setWrapText(kind.wrap);
            s.setIndention((short) indent);
            if (kind.format != null) s.setDataFormat(wb.createDataFormat().getFormat(kind.format));
            if (kind.grid) grid(s);
            if (kind == Kind.HEAD) {
                s.setFillForegroundColor(new XSSFColor(new byte[]{(byte) 0xf0, (byte) 0xf0, (byte) 0xf0}, null));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return s;
        }

        private static void grid(XSSFCellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
    }
}
