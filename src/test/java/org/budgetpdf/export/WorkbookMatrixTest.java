package org.budgetpdf.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.load.YamlLoader;
import org.budgetpdf.testutil.Matrix;
import org.budgetpdf.testutil.PdfText;
import org.budgetpdf.testutil.Workbooks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every layout (discovered, none named) × every data file of its kind: the workbook holds one sheet per declared table
 * the document prints, in the document's order, and each sheet is that table as the document sets it — compared
 * with the XHTML the PDF is rendered from: the 表号, title and 单位 line; the header with the same row and column spans
 * as merged cells; every body cell with the text the document prints, amounts as numbers formatted #,##0.00 with the
 * printed value, blank where the document is blank, codes and names as text; the notes; landscape where the
 * document turns the page.
 */
class WorkbookMatrixTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> eachPrintedTableIsItsSheet(@TempDir Path dir) throws Exception {
        Pipeline p = new Pipeline(HOME);
        return Matrix.cases(HOME).stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Path f = dir.resolve(c.layout().name() + "-" + c.file().getFileName());
            Files.writeString(f, c.yaml(), StandardCharsets.UTF_8);
            Diagnostics d = new Diagnostics();
            SourceFile src = new YamlLoader().load(f, f.getFileName().toString(), d);
            Pipeline.Checked checked = p.check(src, d);
            assertTrue(checked.ok(), () -> c + " must check clean: " + checked.diags().sorted());
            Document xhtml = parse(checked.xhtml());
            List<Element> tables = declaredTables(xhtml, c.layout().tables().values().stream().map(org.budgetpdf.layout.TableSpec::id).collect(java.util.stream.Collectors.toSet()));
            assertFalse(tables.isEmpty(), c + ": the document prints declared tables");
            try (Workbook wb = Workbooks.open(p.workbook(checked))) {
                assertEquals(tables.size(), wb.getNumberOfSheets(), c + ": one sheet per printed table");
                for (int i = 0; i < tables.size(); i++) sameTable(c + " sheet " + (i + 1), tables.get(i), wb.getSheetAt(i));
            }
        }));
    }

    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The block of each printed table whose anchor is a declared table's (of the department or of a unit), in order. */
    static List<Element> declaredTables(Document doc, Set<String> ids) {
        List<Element> out = new ArrayList<>();
        NodeList h2 = doc.getElementsByTagName("h2");
        for (int i = 0; i < h2.getLength(); i++) {
            Element h = (Element) h2.item(i);
            String id = h.getAttribute("id");
            if (!h.getAttribute("class").contains("table-title")) continue;
            if (ids.contains(id) || ids.contains(id.replaceFirst("^u[^-]+-", ""))) out.add((Element) h.getParentNode());
        }
        return out;
    }

    static List<Element> children(Element e, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = e.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element x = (Element) all.item(i);
            if (cls == null || List.of(x.getAttribute("class").split(" ")).contains(cls)) out.add(x);
        }
        return out;
    }

    static int span(Element e, String attr) {
        String v = e.getAttribute(attr);
        return v.isEmpty() ? 1 : Integer.parseInt(v);
    }

    static void sameTable(String at, Element block, Sheet s) {
        // above the grid: 表号, title, and the 单位 / 填报单位 line exactly as printed
        String above = Workbooks.above(s);
        for (Element p : children(block, "p", "table-no")) assertTrue(above.contains(PdfText.squeeze(p.getTextContent())), at + ": " + above);
        String title = children(block, "h2", "table-title").get(0).getTextContent();
        assertTrue(above.contains(PdfText.squeeze(title)), at + ": title " + title + " in " + above);
        for (Element meta : children(block, "table", "table-meta")) {
            for (Element td : children(meta, "td", null)) assertTrue(above.contains(PdfText.squeeze(td.getTextContent())), at + ": " + td.getTextContent());
        }
        Element grid = children(block, "table", "grid").get(0);
        assertEquals(block.getAttribute("class").contains("landscape"), s.getPrintSetup().getLandscape(), at + ": landscape as in the PDF");
        assertTrue(s.getFitToPage() && s.getPrintSetup().getFitWidth() == 1 && s.getPrintSetup().getFitHeight() == 0, at + ": fit to width");

        // the header: every th at its place, spans as merged regions, and no other merge in the header rows
        CellRangeAddress head = Workbooks.header(s);
        List<Element> headRows = children(children(grid, "thead", null).get(0), "tr", null);
        assertEquals(headRows.size(), head.getLastRow() - head.getFirstRow() + 1, at + ": header rows");
        assertEquals(head.getLastRow() + 1, s.getPaneInformation().getHorizontalSplitPosition(), at + ": header rows frozen");
        Set<String> merges = new HashSet<>();
        place(headRows, (th, r, c) -> {
            int row = head.getFirstRow() + r;
            assertEquals(th.getTextContent(), Workbooks.shown(s, row, c), at + ": header cell " + row + "," + c);
            if (span(th, "rowspan") > 1 || span(th, "colspan") > 1) {
                merges.add(new CellRangeAddress(row, row + span(th, "rowspan") - 1, c, c + span(th, "colspan") - 1).formatAsString());
            }
        });
        Set<String> sheetMerges = new HashSet<>();
        for (CellRangeAddress m : s.getMergedRegions()) {
            if (m.getFirstRow() >= head.getFirstRow() && m.getLastRow() <= head.getLastRow()) sheetMerges.add(m.formatAsString());
        }
        assertEquals(merges, sheetMerges, at + ": merged header cells as in the PDF");

        // the body, cell by cell
        List<Element> bodyRows = children(children(grid, "tbody", null).get(0), "tr", null);
        int first = head.getLastRow() + 1;
        for (int r = 0; r < bodyRows.size(); r++) {
            int row = first + r;
            int col = 0;
            for (Element td : children(bodyRows.get(r), "td", null)) {
                String where = at + " row " + (row + 1) + " col " + (col + 1);
                String text = td.getTextContent();
                Cell cell = Workbooks.cell(s, row, col);
                Set<String> cls = Set.of(td.getAttribute("class").split(" "));
                if (cls.contains("num") && Workbooks.AMOUNT.matcher(text).matches()) {
                    assertEquals(CellType.NUMERIC, cell.getCellType(), where + ": " + text + " is a number");
                    assertEquals("#,##0.00", cell.getCellStyle().getDataFormatString(), where);
                    assertEquals(new BigDecimal(text.replace(",", "")),
                            BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP), where);
                    assertEquals(text, Workbooks.shown(s, row, col), where);
                } else if (text.isEmpty()) {
                    assertTrue(Workbooks.blank(cell), where + ": blank in the PDF, blank here (not 0)");
                } else {
                    assertEquals(CellType.STRING, cell.getCellType(), where + ": “" + text + "” is text");
                    assertEquals(text, cell.getStringCellValue(), where);
                }
                int cs = span(td, "colspan");
                if (cs > 1) assertNotNull(Workbooks.mergedAt(s, row, col), where + ": spans " + cs + " columns");
                col += cs;
            }
        }
        // the notes under the table
        StringBuilder below = new StringBuilder();
        for (int r = first + bodyRows.size(); r <= s.getLastRowNum(); r++) {
            for (int c = 0; c < 3; c++) below.append(Workbooks.shown(s, r, c));
        }
        for (Element note : children(block, "p", "note")) {
            assertTrue(PdfText.squeeze(below.toString()).contains(PdfText.squeeze(note.getTextContent())), at + ": note " + note.getTextContent());
        }
    }

    interface Placement {
        void at(Element th, int row, int col);
    }

    /** Places header cells as an HTML table does: each after the cells that spans from rows above already take. */
    static void place(List<Element> rows, Placement p) {
        Map<String, Boolean> taken = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Element th : children(rows.get(r), "th", null)) {
                while (taken.containsKey(r + "," + c)) c++;
                p.at(th, r, c);
                for (int i = r; i < r + span(th, "rowspan"); i++) {
                    for (int j = c; j < c + span(th, "colspan"); j++) taken.put(i + "," + j, true);
                }
                c += span(th, "colspan");
            }
        }
    }
}
