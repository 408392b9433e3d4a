package com.lowagie.text.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The font read on demand answers exactly as OpenPDF's eager reading, and its subsets differ only in hmtx. */
class CompactSubsetFontTest {
    private static final String TEXT = "新乡市卫滨区医疗保障局 2025 年部门预算：收支总计 1,740.73 万元（增长 3.5%）";

    static Stream<Path> fonts() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("fonts"))) {
            return s.filter(p -> p.toString().endsWith(".ttf")).sorted().toList().stream();
        }
    }

    private static TrueTypeFontUnicode eager(Path f) throws Exception {
        return (TrueTypeFontUnicode) BaseFont.createFont(f.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                Files.readAllBytes(f), null);
    }

    private static CompactSubsetFont lazy(Path f) throws Exception {
        return new CompactSubsetFont(f.toString(), ByteBuffer.wrap(Files.readAllBytes(f)));
    }

    @ParameterizedTest
    @MethodSource("fonts")
    void everyCharacterHasTheGlyphAndWidthOpenPdfReads(Path f) throws Exception {
        TrueTypeFontUnicode eager = eager(f);
        CompactSubsetFont lazy = lazy(f);
        for (int c = 0; c <= 0x10FFFF; c = c == 0x3FFFF ? 0xE0000 : c + 1) {
            int[] expected = eager.getMetricsTT(c);
            int[] actual = lazy.getMetricsTT(c);
            if (expected != null || actual != null) assertArrayEquals(expected, actual, "U+" + Integer.toHexString(c));
        }
        // the whole-map views read every entry, as OpenPDF's maps hold them
        assertEquals(eager.cmap31.keySet(), lazy.cmap31.keySet());
        assertEquals(eager.cmap31.size(), lazy.cmap31.size());
        assertEquals(eager.cmapExt == null ? 0 : eager.cmapExt.size(), lazy.cmapExt == null ? 0 : lazy.cmapExt.size());
        for (Map.Entry<Integer, int[]> e : eager.cmap31.entrySet()) {
            assertArrayEquals(e.getValue(), lazy.cmap31.get(e.getKey()));
        }
    }

    @ParameterizedTest
    @MethodSource("fonts")
    void namesMetricsBoxesAndInverseMapAsOpenPdf(Path f) throws Exception {
        TrueTypeFontUnicode eager = eager(f);
        CompactSubsetFont lazy = lazy(f);
        assertEquals(eager.getPostscriptFontName(), lazy.getPostscriptFontName());
        assertTrue(Arrays.deepEquals(eager.getFamilyFontName(), lazy.getFamilyFontName()));
        assertTrue(Arrays.deepEquals(eager.getFullFontName(), lazy.getFullFontName()));
        assertTrue(Arrays.deepEquals(eager.getAllNameEntries(), lazy.getAllNameEntries()));
        for (int key = BaseFont.ASCENT; key <= BaseFont.SUBSCRIPT_OFFSET; key++) {
            assertEquals(eager.getFontDescriptor(key, 10f), lazy.getFontDescriptor(key, 10f), "descriptor " + key);
        }
        assertEquals(eager.getWidthPoint(TEXT, 9f), lazy.getWidthPoint(TEXT, 9f));
        for (int c : (TEXT + "x\u0000\uFFFF").codePoints().toArray()) {
            assertArrayEquals(eager.getCharBBox(c), lazy.getCharBBox(c), "box of U+" + Integer.toHexString(c));
        }
        for (int c : TEXT.codePoints().toArray()) {
            int glyph = eager.getMetricsTT(c)[0];
            Integer code = lazy.getCharacterCode(glyph);
            assertNotNull(code);
            assertEquals(glyph, lazy.getMetricsTT(code)[0], "glyph " + glyph + " maps back to a character that has it");
        }
        assertNull(lazy.getMetricsTT(0x10FFFF));
    }

    /** Each table of a TrueType file: tag to bytes. */
    private static Map<String, byte[]> tables(byte[] font) {
        ByteBuffer b = ByteBuffer.wrap(font);
        Map<String, byte[]> m = new HashMap<>();
        for (int k = 0; k < (b.getShort(4) & 0xFFFF); k++) {
            int at = 12 + 16 * k;
            byte[] tag = Arrays.copyOfRange(font, at, at + 4);
            int offset = b.getInt(at + 8);
            m.put(new String(tag, java.nio.charset.StandardCharsets.ISO_8859_1), Arrays.copyOfRange(font, offset, offset + b.getInt(at + 12)));
        }
        return m;
    }

    private static byte[] embedded(BaseFont font) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(TEXT, new Font(font, 12)));
        doc.close();
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            PDPage page = pdf.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont f = page.getResources().getFont(name);
                if (f instanceof PDType0Font t0) {
                    return t0.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray();
                }
            }
        }
        throw new AssertionError("no embedded Type0 font");
    }

    @Test
    void theSubsetIsOpenPdfsOwnExceptForTheMetricsOfGlyphsNotDrawn() throws Exception {
        Path f = fonts().findFirst().orElseThrow();
        TrueTypeFontUnicode eager = eager(f);
        Map<String, byte[]> expected = tables(embedded(eager));
        Map<String, byte[]> actual = tables(embedded(lazy(f)));
        assertEquals(expected.keySet(), actual.keySet());
        for (String tag : expected.keySet()) {
            if (!tag.equals("hmtx")) assertArrayEquals(expected.get(tag), actual.get(tag), tag);
        }
        byte[] hmtxFull = expected.get("hmtx");
        byte[] hmtx = actual.get("hmtx");
        assertEquals(hmtxFull.length, hmtx.length);
        int drawn = eager.getMetricsTT('卫')[0];
        int notDrawn = eager.getMetricsTT('龙')[0];
        int longMetrics = eager.hhea.numberOfHMetrics;
        assertTrue(drawn < longMetrics && notDrawn < longMetrics, "both glyphs have a full hmtx entry in this font");
        assertArrayEquals(Arrays.copyOfRange(hmtxFull, 4 * drawn, 4 * drawn + 4), Arrays.copyOfRange(hmtx, 4 * drawn, 4 * drawn + 4));
        assertFalse(Arrays.equals(new byte[4], Arrays.copyOfRange(hmtxFull, 4 * notDrawn, 4 * notDrawn + 4)));
        assertArrayEquals(new byte[4], Arrays.copyOfRange(hmtx, 4 * notDrawn, 4 * notDrawn + 4), "an undrawn glyph's metrics are zero");
    }
}
