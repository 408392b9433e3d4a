package org.budgetpdf.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.budgetpdf.testutil.PdfText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfRendererTest {
    private static final Set<String> IDS = Set.of("toc", "p1", "p1-1", "p2", "p3");
    private static final Map<String, Integer> EXPECTED_PAGES = Map.of("toc", 1, "p1", 2, "p1-1", 2, "p2", 3, "p3", 6);
    private static final String BASE = Path.of(".").toUri().toString();

    private static FontSet fonts;
    private static RenderResult result;

    @BeforeAll
    static void render() throws IOException {
        fonts = FontSet.load(RenderFixture.FONTS);
        result = new PdfRenderer(fonts).render(RenderFixture.xhtml(), BASE, RenderFixture.META, IDS);
        // For a look with pdftoppm; the build does not depend on it.
        Files.write(Path.of("target", "render-fixture.pdf"), result.pdf());
    }

    @Test
    void fontSetLoadsEveryFace() {
        assertEquals(List.of(), fonts.problems());
        assertEquals(4, fonts.faces().size());
        assertEquals(Set.of("Noto Sans SC", "Noto Serif SC"), fonts.familyNames());
    }

    @Test
    void fontSetReportsFilesThatFailToLoad() throws IOException {
        Path dir = Files.createTempDirectory("fonts");
        Files.writeString(dir.resolve("Broken.ttf"), "not a font");
        Files.writeString(dir.resolve("readme.txt"), "ignored");
        FontSet set = FontSet.load(dir);
        assertEquals(List.of(), set.faces());
        assertEquals(1, set.problems().size(), set.problems().toString());
        assertEquals("Broken.ttf", set.problems().get(0).file().getFileName().toString());
    }

    @Test
    void pagesAndPageSizes() throws IOException {
        assertEquals(6, result.pages());
        try (PDDocument doc = load(result.pdf())) {
            assertEquals(6, doc.getNumberOfPages());
            for (int i = 0; i < 6; i++) {
                PDRectangle box = doc.getPage(i).getMediaBox();
                boolean landscape = i == 5;
                assertEquals(landscape ? 842 : 595, box.getWidth(), 1, "width of page " + (i + 1));
                assertEquals(landscape ? 595 : 842, box.getHeight(), 1, "height of page " + (i + 1));
            }
        }
    }

    @Test
    void everyFontIsEmbeddedAndSubset() throws IOException {
        try (PDDocument doc = load(result.pdf())) {
            List<PdfText.FontUse> uses = PdfText.fonts(doc);
            assertFalse(uses.isEmpty());
            for (PdfText.FontUse use : uses) {
                assertTrue(use.embeddedSubset(), use.toString());
            }
            Set<String> names = new TreeSet<>();
            uses.forEach(u -> names.add(u.baseFont().substring(7)));
            assertEquals(Set.of("NotoSansSC-Bold", "NotoSerifSC-Regular"), names);
        }
    }

    @Test
    void chineseTextLandsOnTheExpectedPages() throws IOException {
        try (PDDocument doc = load(result.pdf())) {
            assertEquals(2, PdfText.pageOf(doc, "贯彻执行国家有关财政、税收方面的方针政策和法律法规"));
            assertEquals(3, PdfText.pageOf(doc, "第001项 一般公共服务支出"));
            assertEquals(5, PdfText.pageOf(doc, "第075项 一般公共服务支出"));
            assertEquals(6, PdfText.pageOf(doc, "某某市财政局（本级）"));
            List<String> pages = PdfText.pageTexts(doc);
            for (int p = 3; p <= 5; p++) {
                assertTrue(pages.get(p - 1).contains("2025年预算数"), "thead repeated on page " + p);
            }
        }
    }

    @Test
    void tocNumbersMatchLayoutAndText() throws IOException {
        assertEquals(EXPECTED_PAGES, result.idPages());
        try (PDDocument doc = load(result.pdf())) {
            String toc = PdfText.pageTexts(doc).get(0);
            Map<String, Integer> printed = new LinkedHashMap<>();
            Matcher m = Pattern.compile("(第.部分 \\S+|一、主要职能)[ .]*(\\d+)").matcher(toc);
            while (m.find()) {
                printed.put(m.group(1), Integer.parseInt(m.group(2)));
            }
            assertEquals(Map.of("第一部分 部门概况", 2, "一、主要职能", 2, "第二部分 收支预算表", 3, "第三部分 横排表", 6),
                    printed, toc);
        }
    }

    @Test
    void noClippedCopiesOfRowsOnNeighbouringPages() throws IOException {
        byte[] plain = new PdfRenderer(fonts, false).render(RenderFixture.xhtml(), BASE, RenderFixture.META);
        try (PDDocument fixed = load(result.pdf()); PDDocument unfixed = load(plain)) {
            List<String> fixedRaw = PdfText.rawPageTexts(fixed);
            List<String> plainRaw = PdfText.rawPageTexts(unfixed);
            List<String> plainVisible = PdfText.pageTexts(unfixed);
            int copies = 0;
            for (int i = 1; i <= RenderFixture.TABLE_ROWS; i++) {
                String cell = "第%03d项".formatted(i);
                assertEquals(1, pagesContaining(fixedRaw, cell), cell + " in the published PDF");
                assertEquals(1, pagesContaining(plainVisible, cell), cell + " as PdfText sees plain FS output");
                copies += pagesContaining(plainRaw, cell) - 1;
            }
            // If this fails, Flying Saucer stopped writing clipped copies: the filter may go.
            assertTrue(copies > 0, "plain Flying Saucer output no longer has clipped copies");
        }
    }

    @Test
    void infoDictionaryLanguageAndViewerPreferences() throws IOException {
        try (PDDocument doc = load(result.pdf())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            PdfMeta meta = RenderFixture.META;
            assertEquals(meta.title(), info.getTitle());
            assertEquals(meta.author(), info.getAuthor());
            assertEquals(meta.subject(), info.getSubject());
            assertEquals(meta.keywords(), info.getKeywords());
            ZonedDateTime midnight = meta.creationDate().atStartOfDay(ZoneOffset.ofHours(8));
            assertEquals(midnight.toInstant(), info.getCreationDate().toInstant());
            assertEquals(midnight.toInstant(), info.getModificationDate().toInstant());
            assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
            assertEquals("UseOutlines", doc.getDocumentCatalog().getPageMode().stringValue());
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
        }
    }

    @Test
    void metaWinsOverTheXhtmlHead() throws IOException {
        PdfMeta other = new PdfMeta("另一个标题", "", "", "", "zh-CN", RenderFixture.META.creationDate());
        byte[] pdf = new PdfRenderer(fonts).render(RenderFixture.xhtml(), BASE, other);
        try (PDDocument doc = load(pdf)) {
            assertEquals("另一个标题", doc.getDocumentInformation().getTitle());
            assertEquals(null, doc.getDocumentInformation().getAuthor());
        }
    }

    @Test
    void bookmarksPointAtTheirPages() throws IOException {
        try (PDDocument doc = load(result.pdf())) {
            List<String> outline = new ArrayList<>();
            collectOutline(doc, doc.getDocumentCatalog().getDocumentOutline(), "", outline);
            assertEquals(List.of("目录 -> 1", "第一部分 部门概况 -> 2", "  一、主要职能 -> 2",
                    "第二部分 收支预算表 -> 3", "第三部分 横排表 -> 6"), outline);
        }
    }

    @Test
    void sameInputSameBytes() throws IOException {
        PdfRenderer renderer = new PdfRenderer(fonts);
        byte[] again = renderer.render(RenderFixture.xhtml(), BASE, RenderFixture.META);
        assertArrayEquals(result.pdf(), again, "second render, same fonts");
        // Fresh font objects, as in a new process: their subset tags must come out the same.
        byte[] reloaded = new PdfRenderer(FontSet.load(RenderFixture.FONTS))
                .render(RenderFixture.xhtml(), BASE, RenderFixture.META);
        assertArrayEquals(result.pdf(), reloaded, "render with fonts reloaded from disk");
    }

    @Test
    void parallelRendersSharingFontsGiveTheSameBytes() throws Exception {
        PdfRenderer renderer = new PdfRenderer(fonts);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> renderer.render(RenderFixture.xhtml(), BASE, RenderFixture.META)));
            }
            for (Future<byte[]> run : runs) {
                assertArrayEquals(result.pdf(), run.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void differentInputDifferentId() {
        byte[] other = new PdfRenderer(fonts).render(RenderFixture.xhtml().replace("第075项", "第七十五项"), BASE,
                RenderFixture.META);
        assertFalse(Arrays.equals(trailerId(result.pdf()), trailerId(other)));
    }

    @Test
    void malformedXhtmlIsReportedWithItsLine() {
        PdfRenderer.RenderException e = assertThrows(PdfRenderer.RenderException.class, () ->
                new PdfRenderer(fonts).render("<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<body><p>未闭合</body></html>",
                        BASE, RenderFixture.META));
        assertTrue(e.getMessage().contains("第 2 行") && e.getMessage().contains("元素 <p> 没有对应的结束标记"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNotReadAndDtdsNotFetched() throws IOException {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "绝密内容");
        String body = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head>"
                + "<body style=\"font-family: 'Noto Serif SC'\"><p>前%s后</p></body></html>";
        // An external entity is left unexpanded; a public DTD is not fetched (no network here).
        String withEntity = "<!DOCTYPE html [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n" + body.formatted("&x;");
        String withDtd = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
                + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n" + body.formatted("");
        for (String xhtml : List.of(withEntity, withDtd)) {
            byte[] pdf = new PdfRenderer(fonts).render(xhtml, BASE, RenderFixture.META);
            try (PDDocument doc = load(pdf)) {
                assertEquals("前后", PdfText.squeeze(PdfText.rawPageTexts(doc).get(0)));
            }
        }
        // Without the DTD, HTML entities are undefined: templates must write &#160; or the character.
        PdfRenderer.RenderException e = assertThrows(PdfRenderer.RenderException.class, () ->
                new PdfRenderer(fonts).render(body.formatted("&nbsp;"), BASE, RenderFixture.META));
        assertTrue(e.getMessage().contains("nbsp"), e.getMessage());
    }

    @Test
    void unknownFontFamilyIsAnError() {
        String xhtml = """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
                <body style="font-family: 'No Such Font'"><p>预算</p></body></html>
                """;
        PdfRenderer.RenderException e = assertThrows(PdfRenderer.RenderException.class,
                () -> new PdfRenderer(fonts).render(xhtml, BASE, RenderFixture.META));
        assertTrue(e.getMessage().contains("No Such Font") && e.getMessage().contains("不能嵌入"), e.getMessage());
    }

    // ---- helpers ----

    /**
     * A document's fonts hold the characters of its text and style sheets; a character that only layout makes
     * (text-transform: é becomes É) is found missing while painting, and the document is laid out again with it.
     */
    @Test
    void aCharacterMadeByLayoutIsDrawnToo() throws IOException {
        String xhtml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><title>t</title>
                <style>body { font-family: 'Noto Serif SC'; } .up { text-transform: uppercase; }</style></head>
                <body><p class="up">façade é</p><p>预算</p></body></html>
                """;
        BitSet chars = PdfRenderer.characters(parse(xhtml), List.of());
        assertFalse(chars.get('É') || chars.get('Ç'), "not in the text");
        byte[] pdf = new PdfRenderer(fonts).render(xhtml, BASE, RenderFixture.META);
        try (PDDocument doc = load(pdf)) {
            assertTrue(PdfText.squeeze(PdfText.pageTexts(doc).get(0)).contains("FAÇADEÉ"), PdfText.pageTexts(doc).get(0));
        }
    }

    private static org.w3c.dom.Document parse(String xhtml) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xhtml.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PDDocument load(byte[] pdf) throws IOException {
        return Loader.loadPDF(pdf);
    }

    private static int pagesContaining(List<String> pages, String text) {
        int n = 0;
        for (String p : pages) {
            if (PdfText.squeeze(p).contains(PdfText.squeeze(text))) {
                n++;
            }
        }
        return n;
    }

    private static void collectOutline(PDDocument doc, PDOutlineNode node, String indent, List<String> out)
            throws IOException {
        for (PDOutlineItem item : node.children()) {
            PDPage page = item.findDestinationPage(doc);
            assertNotNull(page, item.getTitle());
            out.add(indent + item.getTitle() + " -> " + (doc.getPages().indexOf(page) + 1));
            collectOutline(doc, item, indent + "  ", out);
        }
    }

    private static byte[] trailerId(byte[] pdf) {
        String s = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("/ID [<");
        return s.substring(at, at + 72).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
