package org.budgetpdf.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collapsed table borders are painted as a few merged bands per line (see {@link CollapsedBorderDevice}):
 * far fewer paths, the same picture; and whatever cannot be merged exactly is painted as Flying Saucer
 * paints it, byte for byte.
 */
class CollapsedBorderDeviceTest {
    private static final String BASE = Path.of(".").toUri().toString();

    private static FontSet fonts;

    @BeforeAll
    static void loadFonts() throws IOException {
        fonts = FontSet.load(RenderFixture.FONTS);
    }

    private static byte[] render(String xhtml, boolean mergeBorders) {
        return new PdfRenderer(fonts, true, false, mergeBorders).render(xhtml, BASE, RenderFixture.META);
    }

    /**
     * One table of two header rows (grey: the borders must still be painted after the backgrounds) and
     * {@code rows} body rows of 4 cells, then {@code extraRow}; {@code css} comes last.
     */
    private static String table(String css, int rows, String extraRow) {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            body.append(RenderFixture.row(i)).append('\n');
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
                <head><title>边框</title>
                <style>
                @page { size: A4; margin: 20mm 15mm; }
                body { font-family: 'Noto Serif SC'; font-size: 10pt; }
                table { border-collapse: collapse; width: 100%; }
                th, td { border: 0.6pt solid #000; padding: 2pt 4pt; }
                th { background: #f0f0f0; }
                @CSS@
                </style></head>
                <body>
                <table>
                  <thead><tr><th colspan="2">项　目</th><th colspan="2">金额（万元）</th></tr>
                    <tr><th>科目编码</th><th>科目名称</th><th>预算数</th><th>执行数</th></tr></thead>
                  <tbody>
                @ROWS@
                @EXTRA@
                  </tbody>
                </table>
                </body></html>
                """.replace("@CSS@", css).replace("@ROWS@", body).replace("@EXTRA@", extraRow);
    }

    /** Fill operators ({@code f}, {@code f*}, {@code F}) in the content stream of each page. */
    private static List<Integer> fillsPerPage(byte[] pdf) throws IOException {
        List<Integer> result = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                int fills = 0;
                for (Object token : new PDFStreamParser(page).parse()) {
                    if (token instanceof Operator op && List.of("f", "f*", "F").contains(op.getName())) {
                        fills++;
                    }
                }
                result.add(fills);
            }
        }
        return result;
    }

    private static int sum(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Pixels of the two PDFs' pages, rendered at 150 dpi without anti-aliasing, that differ: where
     * the two paint different sets of points. (Anti-aliased, viewers differ in how they treat a lone
     * four-point path; without it a pixel is black when its centre is inside the painted area.)
     */
    private static int differingPixels(byte[] a, byte[] b) throws IOException {
        RenderingHints aliased = new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        aliased.put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        int differing = 0;
        try (PDDocument da = Loader.loadPDF(a); PDDocument db = Loader.loadPDF(b)) {
            assertEquals(da.getNumberOfPages(), db.getNumberOfPages());
            PDFRenderer ra = new PDFRenderer(da);
            PDFRenderer rb = new PDFRenderer(db);
            ra.setRenderingHints(aliased);
            rb.setRenderingHints(aliased);
            for (int p = 0; p < da.getNumberOfPages(); p++) {
                BufferedImage ia = ra.renderImageWithDPI(p, 150, ImageType.GRAY);
                BufferedImage ib = rb.renderImageWithDPI(p, 150, ImageType.GRAY);
                for (int y = 0; y < ia.getHeight(); y++) {
                    for (int x = 0; x < ia.getWidth(); x++) {
                        if (ia.getRaster().getSample(x, y, 0) != ib.getRaster().getSample(x, y, 0)) {
                            differing++;
                        }
                    }
                }
            }
        }
        return differing;
    }

    @Test
    void aSolidGridIsAFewFillsPerTableAndLooksTheSame() throws IOException {
        String xhtml = table("", 60, "");
        byte[] merged = render(xhtml, true);
        byte[] plain = render(xhtml, false);
        List<Integer> mergedFills = fillsPerPage(merged);
        List<Integer> plainFills = fillsPerPage(plain);
        // Flying Saucer: four trapezoids per cell, 62 rows of 4 cells, besides the 6 header backgrounds.
        assertTrue(sum(plainFills) > 900, () -> "plain Flying Saucer fills: " + plainFills);
        // Merged: four fills (tops, bottoms, lefts, rights) per table and page, besides the backgrounds.
        for (int fills : mergedFills) {
            assertTrue(fills <= 4 + 6, () -> "fills per page, merged: " + mergedFills);
        }
        assertTrue(merged.length < plain.length * 0.8, () -> merged.length + " B merged against " + plain.length + " B");
        int differing = differingPixels(merged, plain);
        assertTrue(differing == 0, () -> differing + " pixels differ");
    }

    @Test
    void theBudgetFixtureKeepsItsLookWithAFractionOfThePaths() throws IOException {
        byte[] merged = new PdfRenderer(fonts).render(RenderFixture.xhtml(), BASE, RenderFixture.META);
        byte[] plain = new PdfRenderer(fonts, true, true, false).render(RenderFixture.xhtml(), BASE, RenderFixture.META);
        int mergedFills = sum(fillsPerPage(merged));
        int plainFills = sum(fillsPerPage(plain));
        assertTrue(mergedFills * 20 < plainFills, () -> mergedFills + " fills merged against " + plainFills);
        int differing = differingPixels(merged, plain);
        assertTrue(differing == 0, () -> differing + " pixels differ");
    }

    @Test
    void aThickFrameAroundThinLinesIsMergedToo() throws IOException {
        // Widths differ where the frame meets the grid; one colour, so the union is still exact.
        String xhtml = table("table { border: 2pt solid #000; }", 20, "");
        byte[] merged = render(xhtml, true);
        byte[] plain = render(xhtml, false);
        assertTrue(sum(fillsPerPage(merged)) * 10 < sum(fillsPerPage(plain)));
        int differing = differingPixels(merged, plain);
        assertTrue(differing == 0, () -> differing + " pixels differ");
    }

    @Test
    void oddBordersArePaintedAsFlyingSaucerPaintsThem() {
        List<String> odd = List.of(
                "th, td { border-style: dashed; }",
                "th, td { border-style: dotted; }",
                "th, td { border: 3pt double #000; }",
                "th, td { border-style: inset; }",
                "td { border-left: 0.6pt dashed #000; }",         // one dashed side per cell
                "td.num { border-color: #c00; }",                 // two colours in one table
                "th, td { border-color: rgba(0, 0, 0, 0.5); }");  // not opaque
        for (String css : odd) {
            String xhtml = table(css, 12, "<tr><td>合计</td><td></td><td class=\"num\">1.00</td><td class=\"num\">2.00</td></tr>");
            assertArrayEquals(render(xhtml, false), render(xhtml, true), css);
        }
    }

    @Test
    void sameInputSameBytes() {
        String xhtml = table("table { border: 2pt solid #000; }", 40, "");
        assertArrayEquals(render(xhtml, true), render(xhtml, true));
    }
}
