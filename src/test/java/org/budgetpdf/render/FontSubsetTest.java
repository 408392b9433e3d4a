package org.budgetpdf.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document's font ({@link FontSubset}) draws and measures exactly as OpenPDF's reading of the whole file, and the
 * font program it embeds is OpenPDF's own subset except for the metrics of glyphs not drawn.
 */
class FontSubsetTest {
    private static final String TEXT = "新乡市卫滨区医疗保障局 2025 年部门预算：收支总计 1,740.73 万元（增长 3.5%）";
    private static BitSet chars;

    @BeforeAll
    static void chars() {
        chars = new BitSet();
        TEXT.codePoints().forEach(chars::set);
        chars.set(0x20, 0x7F); // as PdfRenderer.characters: ASCII always
    }

    static Stream<Path> fonts() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("fonts"))) {
            return s.filter(p -> p.toString().endsWith(".ttf")).sorted().toList().stream();
        }
    }

    private static BaseFont whole(Path f) throws Exception {
        return BaseFont.createFont(f.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, Files.readAllBytes(f), null);
    }

    private static FontSubset subset(Path f) throws Exception {
        String name = f.toAbsolutePath().toString();
        return FontSubset.of(name, Sfnt.open(name, ByteBuffer.wrap(Files.readAllBytes(f))));
    }

    @ParameterizedTest
    @MethodSource("fonts")
    void theDocumentsFontHasTheGlyphWidthAndNamesOpenPdfReadsFromTheFile(Path f) throws Exception {
        BaseFont whole = whole(f);
        FontSubset s = subset(f);
        BaseFont doc = s.create(s.image(chars));
        for (int c = 0; c <= 0x10FFFF; c = c == 0x3FFFF ? 0xE0000 : c + 1) {
            String u = "U+" + Integer.toHexString(c);
            assertEquals(whole.charExists(c), s.glyph(c) > 0, u + " in the file's cmap");
            assertEquals(whole.charExists(c) && chars.get(c), doc.charExists(c), u + ": the document's characters only");
            if (doc.charExists(c)) assertEquals(whole.getWidth(c), doc.getWidth(c), "width of " + u);
        }
        assertEquals(whole.getPostscriptFontName(), doc.getPostscriptFontName());
        assertTrue(Arrays.deepEquals(whole.getFamilyFontName(), doc.getFamilyFontName()));
        for (int key = BaseFont.ASCENT; key <= BaseFont.SUBSCRIPT_OFFSET; key++) {
            assertEquals(whole.getFontDescriptor(key, 10f), doc.getFontDescriptor(key, 10f), "descriptor " + key);
        }
        assertEquals(whole.getWidthPoint(TEXT, 9f), doc.getWidthPoint(TEXT, 9f));
        assertArrayEquals(whole.getCharBBox('x'), doc.getCharBBox('x'), "Flying Saucer measures strike-through with 'x'");
        assertFalse(doc.charExists('龙'), "a character the document does not have");
    }

    @ParameterizedTest
    @MethodSource("fonts")
    void namesStyleAndDecorationsAreWhatFlyingSaucerReads(Path f) throws Exception {
        BaseFont whole = whole(f);
        FontSubset s = subset(f);
        assertEquals(new java.util.TreeSet<>(org.xhtmlrenderer.pdf.TrueTypeUtil.getFamilyNames(whole)), s.familyNames());
        org.xhtmlrenderer.pdf.FontDescription d = org.xhtmlrenderer.pdf.TrueTypeUtil.extractDescription(
                f.toString(), Files.readAllBytes(f), whole, false, null, null);
        org.xhtmlrenderer.pdf.FontDescription.Decorations ours = s.decorations();
        assertEquals(d.getStyle(), s.style());
        assertEquals(d.getWeight(), ours.weight());
        assertEquals(d.getYStrikeoutSize(), ours.yStrikeoutSize());
        assertEquals(d.getYStrikeoutPosition(), ours.yStrikeoutPosition());
        assertEquals(d.getUnderlinePosition(), ours.underlinePosition());
        assertEquals(d.getUnderlineThickness(), ours.underlineThickness());
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
                if (f instanceof PDType0Font t0) return t0.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray();
            }
        }
        throw new AssertionError("no embedded Type0 font");
    }

    /** The outline and the metrics of a glyph in a font file: its glyf bytes and its hmtx advance and side bearing. */
    private static String glyph(Map<String, byte[]> font, int gid) {
        ByteBuffer head = ByteBuffer.wrap(font.get("head"));
        ByteBuffer loca = ByteBuffer.wrap(font.get("loca"));
        boolean shortLoca = head.getShort(50) == 0;
        int from = shortLoca ? 2 * (loca.getShort(2 * gid) & 0xFFFF) : loca.getInt(4 * gid);
        int to = shortLoca ? 2 * (loca.getShort(2 * gid + 2) & 0xFFFF) : loca.getInt(4 * gid + 4);
        int longMetrics = ByteBuffer.wrap(font.get("hhea")).getShort(34) & 0xFFFF;
        ByteBuffer hmtx = ByteBuffer.wrap(font.get("hmtx"));
        int advance = hmtx.getShort(4 * Math.min(gid, longMetrics - 1)) & 0xFFFF;
        int lsb = gid < longMetrics ? hmtx.getShort(4 * gid + 2) : hmtx.getShort(4 * longMetrics + 2 * (gid - longMetrics));
        return HexFormat.of().formatHex(Arrays.copyOfRange(font.get("glyf"), from, to)) + " advance " + advance + " lsb " + lsb;
    }

    @Test
    void theEmbeddedFontDrawsEachCharacterWithTheFilesOutlineAndMetrics() throws Exception {
        for (Path f : fonts().toList()) {
            Map<String, byte[]> file = tables(Files.readAllBytes(f));
            BaseFont whole = whole(f);
            FontSubset s = subset(f);
            byte[] image = s.image(chars);
            BaseFont doc = s.create(image);
            FontSubset inImage = FontSubset.of("image.ttf", Sfnt.open("image.ttf", ByteBuffer.wrap(image)));
            Map<String, byte[]> embedded = tables(embedded(doc));
            assertTrue(ByteBuffer.wrap(embedded.get("maxp")).getShort(4) < 2000, "a document's glyphs, not the file's 30,000");
            for (int c : TEXT.codePoints().distinct().toArray()) {
                if (Character.isWhitespace(c)) continue;
                int fileGid = s.glyph(c);
                int docGid = inImage.glyph(c); // OpenPDF keeps the glyph ids of the font it is given
                String u = f.getFileName() + " U+" + Integer.toHexString(c);
                assertTrue(fileGid > 0 && whole.charExists(c), u);
                if (isSimple(file, fileGid)) assertEquals(glyph(file, fileGid), glyph(embedded, docGid), u);
            }
        }
    }

    private static boolean isSimple(Map<String, byte[]> font, int gid) {
        String g = glyph(font, gid);
        return g.startsWith(" ") || !g.startsWith("ffff"); // empty or numberOfContours >= 0
    }

    @Test
    void aFontLoadsWithoutReadingTheWholeFile() throws Exception {
        long t0 = System.nanoTime();
        FontSet set = FontSet.load(Path.of("fonts"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of(), set.problems());
        assertEquals(4, set.faces().size());
        assertTrue(set.familyNames().containsAll(List.of("Noto Serif SC", "Noto Sans SC")), set.familyNames().toString());
        System.out.println("FontSet.load: " + ms + " ms for " + set.faces().size() + " faces");
    }
}
