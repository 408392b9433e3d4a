package org.budgetpdf.testutil;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workbook written by {@code build --xlsx}, read back with POI as a spreadsheet program would: cells as displayed
 * (their number format applied), the header rows as the rows the sheet repeats on every printed page, the body
 * after them.
 */
public final class Workbooks {
    /** An amount as the tables print it: 1,740.73, 980.00, -1.31. */
    public static final Pattern AMOUNT = Pattern.compile("(?<![\\d,.])-?\\d{1,3}(?:,\\d{3})*\\.\\d{2}(?![\\d%])");
    private static final DataFormatter SHOWN = new DataFormatter(Locale.ROOT);

    private Workbooks() {
    }

    public static Workbook open(Path file) throws IOException {
        return WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    public static Workbook open(byte[] bytes) throws IOException {
        return WorkbookFactory.create(new ByteArrayInputStream(bytes));
    }

    /** What the cell shows ("" for no cell). */
    public static String shown(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        Cell c = r == null ? null : r.getCell(col);
        return c == null ? "" : SHOWN.formatCellValue(c);
    }

    public static Cell cell(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    public static boolean blank(Cell c) {
        return c == null || c.getCellType() == CellType.BLANK;
    }

    /** The header rows: those the sheet repeats on every printed page. */
    public static CellRangeAddress header(Sheet s) {
        CellRangeAddress h = s.getRepeatingRows();
        if (h == null) throw new AssertionError(s.getSheetName() + ": no header rows repeated on printed pages");
        return h;
    }

    public static int bodyStart(Sheet s) {
        return header(s).getLastRow() + 1;
    }

    /** The text of the rows above the header, squeezed: 表号, title, the 单位 line. */
    public static String above(Sheet s) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < header(s).getFirstRow(); r++) {
            Row row = s.getRow(r);
            if (row != null) for (Cell c : row) sb.append(SHOWN.formatCellValue(c));
        }
        return PdfText.squeeze(sb.toString());
    }

    /** The texts of the rows above the header, cell by cell. */
    public static List<String> aboveCells(Sheet s) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < header(s).getFirstRow(); r++) {
            Row row = s.getRow(r);
            if (row == null) continue;
            for (Cell c : row) if (!SHOWN.formatCellValue(c).isEmpty()) out.add(SHOWN.formatCellValue(c));
        }
        return out;
    }

    /** The merged region starting at the cell, or null. */
    public static CellRangeAddress mergedAt(Sheet s, int row, int col) {
        for (CellRangeAddress m : s.getMergedRegions()) if (m.getFirstRow() == row && m.getFirstColumn() == col) return m;
        return null;
    }

    /** Every number of the body (rows after the header), row by row, as displayed. */
    public static List<String> bodyAmounts(Sheet s) {
        List<String> out = new ArrayList<>();
        for (int r = bodyStart(s); r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row == null) continue;
            for (Cell c : row) if (c.getCellType() == CellType.NUMERIC) out.add(SHOWN.formatCellValue(c));
        }
        return out;
    }

    /** The amounts in a text, in order. */
    public static List<String> amounts(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The body row with a cell showing exactly {@code text} (first found), or -1. */
    public static int rowWith(Sheet s, String text) {
        for (int r = bodyStart(s); r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row == null) continue;
            for (Cell c : row) if (SHOWN.formatCellValue(c).strip().equals(text)) return r;
        }
        return -1;
    }

    /** The cell right of the body cell showing exactly {@code label} (a side's amount beside its name); null: none. */
    public static Cell rightOf(Sheet s, String label) {
        int row = rowWith(s, label);
        if (row < 0) throw new AssertionError(s.getSheetName() + ": no row “" + label + "”");
        for (Cell c : s.getRow(row)) {
            if (SHOWN.formatCellValue(c).strip().equals(label)) {
                return s.getRow(row).getCell(c.getColumnIndex() + 1);
            }
        }
        throw new AssertionError(label);
    }

    public static String shown(Sheet s, Cell c) {
        return c == null ? "" : SHOWN.formatCellValue(c);
    }

    /** The numbers of a row as displayed, left to right. */
    public static List<String> rowAmounts(Sheet s, int row) {
        List<String> out = new ArrayList<>();
        for (Cell c : s.getRow(row)) if (c.getCellType() == CellType.NUMERIC) out.add(SHOWN.formatCellValue(c));
        return out;
    }
}
