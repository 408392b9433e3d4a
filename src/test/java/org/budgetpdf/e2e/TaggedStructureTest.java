package org.budgetpdf.e2e;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.budgetpdf.testutil.BuiltPdf;
import org.budgetpdf.testutil.PdfText;
import org.budgetpdf.testutil.Tagged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tagged PDF of the 2025 budget sample, read back: its structure follows the document (the XHTML it was made
 * from is the reference), text is marked content of its element, and what is not content is an artifact.
 */
class TaggedStructureTest {
    static BuiltPdf pdf;
    static Tagged tagged;
    static org.w3c.dom.Document xhtml;
    static List<PDStructureElement> elements;

    @BeforeAll
    static void build() throws Exception {
        pdf = BuiltPdf.of("data/xinxiang-weibin-2025-budget.yaml");
        tagged = new Tagged(pdf.doc);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        xhtml = f.newDocumentBuilder().parse(new ByteArrayInputStream(pdf.built.xhtml().getBytes(StandardCharsets.UTF_8)));
        elements = Tagged.elements(pdf.doc.getDocumentCatalog().getStructureTreeRoot());
    }

    @AfterAll
    static void close() throws Exception {
        pdf.close();
    }

    private static List<PDStructureElement> of(String type) {
        return elements.stream().filter(e -> type.equals(e.getStructureType())).toList();
    }

    private static List<Element> html(String tag) {
        NodeList nl = xhtml.getElementsByTagNameNS("*", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) out.add((Element) nl.item(i));
        return out;
    }

    private static Element table(Element cell) {
        org.w3c.dom.Node n = cell.getParentNode();
        while (!"table".equals(n.getLocalName())) n = n.getParentNode();
        return (Element) n;
    }

    private static String squeeze(String s) {
        return PdfText.squeeze(s);
    }

    @Test
    void oneDocumentElementHoldsEverything() {
        PDStructureTreeRoot root = pdf.doc.getDocumentCatalog().getStructureTreeRoot();
        assertEquals(1, root.getKids().size());
        assertEquals("Document", ((PDStructureElement) root.getKids().get(0)).getStructureType());
    }

    @Test
    void headingsAreTheDocumentsHeadingsWithTheirText() {
        for (String level : List.of("h1", "h2", "h3")) {
            List<String> expected = html(level).stream().map(e -> squeeze(e.getTextContent())).toList();
            List<String> actual = of(level.toUpperCase()).stream().map(e -> squeeze(tagged.text(e))).toList();
            assertEquals(expected, actual, level);
        }
        assertTrue(of("H1").stream().map(tagged::text).anyMatch(t -> t.startsWith("第一部分")), "the parts are H1");
    }

    @Test
    void theTableOfContentsIsTocWithOneLinkedEntryPerLine() throws Exception {
        List<PDStructureElement> toc = of("TOC");
        assertEquals(1, toc.size());
        List<Element> lines = html("li");
        List<PDStructureElement> items = of("TOCI");
        assertEquals(lines.size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            PDStructureElement link = (PDStructureElement) items.get(i).getKids().get(0);
            assertEquals("Link", link.getStructureType());
            String title = squeeze(lines.get(i).getTextContent());
            assertTrue(squeeze(tagged.text(link)).startsWith(title), tagged.text(link) + " / " + title); // then leader and page
            PDObjectReference objr = (PDObjectReference) link.getKids().stream().filter(k -> k instanceof PDObjectReference)
                    .findFirst().orElseThrow(() -> new AssertionError("no OBJR under " + title));
            PDAnnotationLink annot = (PDAnnotationLink) objr.getReferencedObject();
            assertEquals(title, squeeze(annot.getContents()), "the annotation's alternate description");
            // the annotation finds its Link element through the parent tree
            int key = annot.getStructParent();
            Object parent = pdf.doc.getDocumentCatalog().getStructureTreeRoot().getParentTree().getValue(key);
            assertEquals(link.getCOSObject(), ((org.apache.pdfbox.pdmodel.common.COSObjectable) parent).getCOSObject());
        }
        for (PDPage page : pdf.doc.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                assertTrue(a.getStructParent() >= 0, "every annotation is in the structure tree");
            }
            if (!page.getAnnotations().isEmpty()) assertEquals(COSName.S, page.getCOSObject().getCOSName(COSName.getPDFName("Tabs")));
        }
    }

    @Test
    void tablesHaveHeaderCellsWithScopeAndSpans() {
        long dataTables = html("table").stream().filter(t -> t.getElementsByTagNameNS("*", "th").getLength() > 0).count();
        assertEquals(dataTables, of("Table").size(), "a table with th is a Table; the unit line's table is not");
        assertEquals(html("th").size(), of("TH").size());
        long cells = html("td").stream().filter(td -> table(td).getElementsByTagNameNS("*", "th").getLength() > 0).count();
        // Refit cuts a rowspan that crosses a page into one cell per page (README 版面检查): one more TD each
        long cut = of("TD").stream().filter(td -> td.getCOSObject().getDictionaryObject(COSName.A) instanceof COSDictionary a
                && a.containsKey(COSName.getPDFName("RowSpan"))).count();
        assertTrue(of("TD").size() >= cells && of("TD").size() <= cells + cut,
                "every cell of a data table, empty ones too: " + of("TD").size() + " TD for " + cells + " td");
        int columnHeads = 0;
        for (PDStructureElement th : of("TH")) {
            COSDictionary a = (COSDictionary) th.getCOSObject().getDictionaryObject(COSName.A);
            assertNotNull(a, "TH attributes");
            assertEquals("Table", a.getNameAsString(COSName.O));
            String scope = a.getNameAsString(COSName.getPDFName("Scope"));
            assertTrue(scope.equals("Column") || scope.equals("Row"), scope);
            if (scope.equals("Column")) columnHeads++;
        }
        assertEquals(html("th").stream().filter(th -> "thead".equals(th.getParentNode().getParentNode().getLocalName())).count(),
                columnHeads, "head cells of thead are column headers, the others row headers");
        int spans = 0;
        for (Element th : html("th")) {
            if (th.hasAttribute("colspan") || th.hasAttribute("rowspan")) spans++;
        }
        long tagged = of("TH").stream().map(th -> (COSDictionary) th.getCOSObject().getDictionaryObject(COSName.A))
                .filter(a -> a.containsKey(COSName.getPDFName("ColSpan")) || a.containsKey(COSName.getPDFName("RowSpan"))).count();
        assertEquals(spans, tagged, "ColSpan and RowSpan as in the XHTML");
        assertEquals(html("thead").size(), of("THead").size());
        for (PDStructureElement table : of("Table")) {
            for (Object k : table.getKids()) {
                assertTrue(List.of("THead", "TBody", "TFoot", "TR").contains(((PDStructureElement) k).getStructureType()));
            }
        }
    }

    @Test
    void allTextIsMarkedAndAllPaintingOfLinesIsArtifact() {
        for (int i = 0; i < tagged.unmarkedText.size(); i++) {
            assertEquals(0, tagged.unmarkedText.get(i), "text outside marked content on page " + (i + 1));
            assertEquals(0, tagged.paintedOutsideArtifacts.get(i), "lines or fills outside artifacts on page " + (i + 1));
        }
    }

    @Test
    void pageNumbersAndRepeatedTableHeadsAreArtifacts() {
        for (int p = 2; p <= pdf.doc.getNumberOfPages(); p++) {
            String artifacts = squeeze(tagged.artifactText.get(p - 1));
            assertTrue(artifacts.contains("—" + p + "—"), "page number of page " + p + " is an artifact: " + artifacts);
            for (Map.Entry<Integer, String> mc : tagged.mcidText.get(p - 1).entrySet()) {
                assertTrue(!squeeze(mc.getValue()).equals("—" + p + "—"), "the page number is no content");
            }
        }
        // a table continued on the next page: its head is painted again there, as an artifact (which tables are
        // continued depends on how they fit; the document has at least one)
        java.util.Set<String> heads = new java.util.LinkedHashSet<>();
        for (Element table : html("table")) {
            if (table.getElementsByTagNameNS("*", "th").getLength() > 0) {
                heads.add(squeeze(table.getElementsByTagNameNS("*", "th").item(0).getTextContent()));
            }
        }
        int repeated = 0;
        for (String head : heads) {
            for (int p = 1; p <= pdf.doc.getNumberOfPages(); p++) {
                if (!squeeze(tagged.artifactText.get(p - 1)).contains(head)) continue;
                repeated++;
                assertTrue(tagged.mcidText.get(p - 1).values().stream().noneMatch(t -> squeeze(t).equals(head)), "page " + p);
            }
        }
        assertTrue(repeated > 0, "some table's head (one of " + heads + ") is repeated on a continuation page");
    }

    /** Sanity of the reading helper itself: the structure's text is the page text. */
    @Test
    void theStructureHoldsTheVisibleText() {
        String structure = squeeze(tagged.text((PDStructureElement) pdf.doc.getDocumentCatalog().getStructureTreeRoot().getKids().get(0)));
        String visible = squeeze(pdf.text(1, pdf.doc.getNumberOfPages()));
        for (String probe : List.of("新乡市卫滨区医疗保障局", "收支总体情况表", "名词解释")) {
            assertTrue(structure.contains(probe) && visible.contains(probe), probe);
        }
        assertTrue(structure.length() > visible.length() * 0.8, structure.length() + " of " + visible.length());
    }

}
