package org.budgetpdf.render;

import org.budgetpdf.diag.Steps;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.css.value.FontSpecification;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * XHTML to PDF with Flying Saucer. Configure once, render many times: each call builds its own
 * {@link ITextRenderer}; only the {@link FontSet} is shared.
 *
 * <p>Same input, same bytes: subset tags are drawn from a generator seeded by the input, the
 * dates come from {@link PdfMeta#creationDate()}, and the trailer /ID is a hash of the file.
 */
public final class PdfRenderer {

    /** Rendering failed: malformed XHTML or a Flying Saucer / OpenPDF error. */
    public static final class RenderException extends RuntimeException {
        public RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The sRGB profile of PDF/A's output intent: icc-profiles-free's sRGB.icc (zlib licence, see sRGB.LICENSE). */
    private static final java.awt.color.ICC_Profile SRGB;

    static {
        try (var in = PdfRenderer.class.getResourceAsStream("sRGB.icc")) {
            SRGB = java.awt.color.ICC_Profile.getInstance(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FontSet fonts;
    private final boolean dropClippedText;
    private final boolean refit;
    private final boolean mergeBorders;
    private final boolean tagged;

    public PdfRenderer(FontSet fonts) {
        this(fonts, true);
    }

    /** {@code dropClippedText = false} renders as plain Flying Saucer does; for tests. */
    PdfRenderer(FontSet fonts, boolean dropClippedText) {
        this(fonts, dropClippedText, true);
    }

    /** {@code refit = false} keeps the first layout as it is (no table fitting, no Refit), so tests can see what {@link LayoutLint} finds in it. */
    PdfRenderer(FontSet fonts, boolean dropClippedText, boolean refit) {
        this(fonts, dropClippedText, refit, true);
    }

    /** {@code mergeBorders = false} paints collapsed table borders as Flying Saucer does (see {@link CollapsedBorderDevice}); for tests. */
    PdfRenderer(FontSet fonts, boolean dropClippedText, boolean refit, boolean mergeBorders) {
        this(fonts, dropClippedText, refit, mergeBorders, true);
    }

    /** {@code tagged = false} writes no structure tree (see {@link TaggingDevice}); for tests. */
    PdfRenderer(FontSet fonts, boolean dropClippedText, boolean refit, boolean mergeBorders, boolean tagged) {
        this.fonts = fonts;
        this.dropClippedText = dropClippedText;
        this.refit = refit;
        this.mergeBorders = mergeBorders;
        this.tagged = tagged;
    }

    /** Renders {@code xhtml}; relative URLs in it (CSS, images) resolve against {@code baseUri}. */
    public byte[] render(String xhtml, String baseUri, PdfMeta meta) {
        return render(xhtml, baseUri, meta, Set.of()).pdf();
    }

    /**
     * Renders {@code xhtml} and reports the page on which each of {@code idsToLocate} starts
     * (the page of the element's first line, or of its top when it has no line), as found by
     * layout, so that a caller can check the numbers printed in a table of contents.
     */
    public RenderResult render(String xhtml, String baseUri, PdfMeta meta, Set<String> idsToLocate) {
        Document doc = Steps.time("解析 XHTML", () -> parse(xhtml));
        List<Path> roots = roots(baseUri);
        BitSet chars = characters(doc, roots);
        try {
            return render(xhtml, doc, baseUri, meta, idsToLocate, roots, chars, true);
        } catch (IOException e) {
            throw new RenderException("读取字体时出错：" + e.getMessage(), e);
        }
    }

    private RenderResult render(String xhtml, Document doc, String baseUri, PdfMeta meta, Set<String> idsToLocate,
                                List<Path> roots, BitSet chars, boolean firstTry) throws IOException {
        DocumentFonts docFonts = Steps.time("字体子集", () -> DocumentFonts.of(fonts, chars));
        DocumentFonts.Resolver resolver = docFonts.resolver();
        // the tables are fitted once, before the first layout; a second try (a character layout made) starts from
        // the document as fitted and refitted
        ITextRenderer renderer = layout(doc, baseUri, meta, resolver, roots, firstTry);
        // What only layout shows (a cut rowspan, a stranded total, a figure wider than its column, a one-character
        // last line) is fixed in the document, which is then laid out again; see Refit.
        for (int round = 0; refit && round < MAX_REFIT_ROUNDS && refitted(renderer); round++) {
            renderer = null; // the last layout's boxes go before the next layout is made: one box tree in memory, not two
            resolver = docFonts.resolver();
            renderer = layout(doc, baseUri, meta, resolver, roots, false);
        }

        HeaderRows.unclip(renderer.getRootBox());
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
        Map<String, Integer> idPages = locate(renderer, pages, idsToLocate);
        ITextRenderer laidOut = renderer;
        List<LayoutLint.Finding> lint = Steps.time("版面检查", () -> LayoutLint.inspect(laidOut));

        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        byte[] seed = sha256(xhtml.getBytes(StandardCharsets.UTF_8));
        // The subset tag is drawn from the font's own generator when the PDF is closed; the fonts are this document's.
        List<DocumentFonts.Entry> faces = docFonts.entries();
        for (int i = 0; i < faces.size(); i++) {
            faces.get(i).font().setSecureRandom(new SeededRandom(seed, i));
        }
        try {
            Steps.time("写 PDF", () -> {
                laidOut.createPDF(out);
                return null;
            });
        } catch (RuntimeException e) { // OpenPDF's DocumentException is unchecked
            if (e instanceof LayoutRefusedRuntime) throw e;
            throw new RenderException("写 PDF 时出错（OpenPDF 的英文原文：" + e.getMessage() + "）", e);
        }
        // background images are read while painting, after layout
        refuse((LayoutUserAgent) laidOut.getSharedContext().getUserAgentCallback(), roots);
        // A family Flying Saucer could not find among fonts/ would be drawn with a PDF base font: not embedded, no Chinese.
        if (!resolver.unknownFamilies().isEmpty()) {
            throw new RenderException("样式表用了 fonts/ 中没有的字体（" + String.join("；", resolver.unknownFamilies())
                    + "），这样的字体不能嵌入 PDF，也没有汉字；font-family 只能写 fonts/ 中字体的族名："
                    + String.join("、", fonts.familyNames()), null);
        }
        // A character the document's fonts lack that the font file has (generated by CSS in a way characters() did
        // not foresee): lay out again with it.
        BitSet lacking = ((PdfOutputDevice) laidOut.getOutputDevice()).lacking(docFonts);
        if (!lacking.isEmpty()) {
            if (!firstTry) {
                throw new RenderException("字体子集缺少字符 " + lacking.stream().mapToObj(c -> "U+" + Integer.toHexString(c).toUpperCase())
                        .toList() + "（程序内部错误）", null);
            }
            BitSet more = (BitSet) chars.clone();
            more.or(lacking);
            return render(xhtml, doc, baseUri, meta, idsToLocate, roots, more, false);
        }
        return new RenderResult(withContentId(out.toByteArray()), pages.size(), idPages, lint);
    }

    /**
     * Every character the document can show: its text and attribute values, the layout's style sheets (generated
     * content) and what counters, list markers and leaders draw. The document's fonts are made for these.
     */
    static BitSet characters(Document doc, List<Path> roots) {
        BitSet chars = new BitSet();
        chars.set(0x20, 0x7F);
        "\u00A0\u00B7\u2013\u2014\u2022\u2026\u25A0\u25A1\u25AA\u25CB\u25CF\u25E6\u3000\u3001\u3002〇一二三四五六七八九十百千万"
                .codePoints().forEach(chars::set);
        collect(doc, chars);
        for (Path dir : roots.subList(0, Math.min(2, roots.size()))) {
            try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
                for (Path css : s.filter(p -> p.toString().endsWith(".css")).toList()) {
                    java.nio.file.Files.readString(css, StandardCharsets.UTF_8).codePoints().forEach(chars::set);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // an unreadable style sheet is the layout loader's to report
            }
        }
        return chars;
    }

    private static void collect(org.w3c.dom.Node node, BitSet chars) {
        if (node.getNodeType() == org.w3c.dom.Node.TEXT_NODE || node.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
            node.getNodeValue().codePoints().forEach(chars::set);
        }
        org.w3c.dom.NamedNodeMap attrs = node.getAttributes();
        if (attrs != null) {
            for (int i = 0; i < attrs.getLength(); i++) attrs.item(i).getNodeValue().codePoints().forEach(chars::set);
        }
        for (org.w3c.dom.Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) collect(c, chars);
    }

    /** Each round fixes what the last layout showed; three settle every document we have. */
    private static final int MAX_REFIT_ROUNDS = 8;

    /**
     * Lays the document out. The first time ({@code fit}), the tables are fitted to their pages before layout (see
     * {@link TableFitter}); the rounds after only lay out again what {@link Refit} changed.
     */
    private ITextRenderer layout(Document doc, String baseUri, PdfMeta meta, DocumentFonts.Resolver resolver, List<Path> roots,
                                 boolean fit) {
        TaggingDevice.Links links = tagged ? new TaggingDevice.Links() : null;
        PdfOutputDevice device = new PdfOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT, dropClippedText, mergeBorders,
                tagged ? doc : null, links);
        LayoutUserAgent agent = new LayoutUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, roots);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, agent, resolver);
        renderer.setListener(new MetaListener(meta, tagged));
        ChineseLineBreaking breaking = new ChineseLineBreaking(List.of(meta.author()));
        Runnable fresh = () -> {
            if (links != null) renderer.setDocument(doc, baseUri, links);
            else renderer.setDocument(doc, baseUri);
            renderer.getSharedContext().setLineBreakingStrategy(breaking);
        };
        fresh.run();
        if (fit && refit) {
            Steps.time("表格排版", () -> {
                TextMeasure measure = new TextMeasure(renderer.getSharedContext()
                        .newLayoutContextInstance(new ITextFontContext()), breaking);
                TableFitter.fit(renderer, doc, measure, fresh);
                Headings.balance(renderer.getSharedContext(), measure.ctx(), measure, doc);
                Keeps.mark(renderer.getSharedContext(), measure.ctx(), measure, doc);
                // the fitted document starts afresh: Flying Saucer's cached styles do not all follow what changed
                fresh.run();
                return null;
            });
        }
        Steps.time("排版", () -> {
            renderer.layout();
            return null;
        });
        refuse(agent, roots);
        return renderer;
    }

    /**
     * What a document may read: the layout's folder ({@code baseUri}), templates/common beside it, and the fonts
     * folder. Nothing else, and nothing on the network ({@link LayoutUserAgent}).
     */
    private List<Path> roots(String baseUri) {
        List<Path> roots = new java.util.ArrayList<>();
        org.budgetpdf.layout.TemplateGuard.pathOf(baseUri).ifPresent(base -> {
            roots.add(base);
            if (base.getParent() != null) roots.add(base.resolveSibling("common"));
        });
        if (fonts.dir() != null) roots.add(fonts.dir());
        return roots;
    }

    /** Fails the render when the layout asked for a resource it may not read, naming where the layout asks for it. */
    private static void refuse(LayoutUserAgent agent, List<Path> roots) {
        if (agent.refused().isEmpty()) return;
        Map.Entry<String, String> first = agent.refused().entrySet().iterator().next();
        List<Path> folders = roots.size() >= 2 ? roots.subList(0, 2) : roots;
        org.budgetpdf.diag.SourcePos pos = org.budgetpdf.layout.TemplateGuard.find(folders, first.getKey())
                .map(p -> new org.budgetpdf.diag.SourcePos(shown(roots.get(0), p.file()), p.line(), p.col())).orElse(null);
        String more = agent.refused().size() > 1 ? "（另有 " + (agent.refused().size() - 1) + " 处）" : "";
        throw new LayoutRefusedRuntime(new LayoutRefused(pos, first.getValue() + more
                + (pos == null ? "（它不直接写在模板里，多半由数据或 ${…} 拼成）" : ""), org.budgetpdf.layout.TemplateGuard.RESOURCE_HINT));
    }

    /** templates/&lt;layout&gt;/file for a file in the layout's folder or templates/common. */
    private static String shown(Path layout, Path file) {
        Path templates = layout.toAbsolutePath().normalize().getParent();
        Path f = file.toAbsolutePath().normalize();
        return templates != null && f.startsWith(templates)
                ? "templates/" + templates.relativize(f).toString().replace('\\', '/') : f.toString();
    }

    /** Carries a {@link LayoutRefused} out of Flying Saucer's callbacks and this class's unchecked API. */
    public static final class LayoutRefusedRuntime extends RuntimeException {
        public LayoutRefusedRuntime(LayoutRefused cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static boolean refitted(ITextRenderer renderer) {
        return Steps.time("版面改正", () -> Refit.adjust(renderer));
    }

    // ---- XHTML parsing ------------------------------------------------------------------------

    /** Parses without network or file access: no DTD loading, no external entities. */
    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("模板不能引用外部实体 " + systemId);
            });
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make the document unusable
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new RenderException("模板生成的 XHTML 第 " + e.getLineNumber() + " 行第 " + e.getColumnNumber() + " 列格式不对："
                    + TemplateMessages.xml(e.getMessage()), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new RenderException("模板生成的 XHTML 无法解析：" + TemplateMessages.xml(e.getMessage()), e);
        }
    }

    // ---- page of ids --------------------------------------------------------------------------

    private static Map<String, Integer> locate(ITextRenderer renderer, List<PageBox> pages, Set<String> ids) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String id : ids) {
            Box box = renderer.getSharedContext().getBoxById(id);
            if (box == null) {
                continue;
            }
            // A block's top can sit on the previous page when its first line was pushed on.
            Box line = firstLine(box);
            int y = (line != null ? line : box).getAbsY();
            for (PageBox page : pages) {
                if (y >= page.getTop() && y < page.getBottom()) {
                    result.put(id, page.getPageNo() + 1);
                    break;
                }
            }
        }
        return result;
    }

    private static Box firstLine(Box box) {
        if (box instanceof LineBox) {
            return box;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            Box found = firstLine(box.getChild(i));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    // ---- document-level settings --------------------------------------------------------------

    private static final class MetaListener extends DefaultPDFCreationListener {
        private final PdfMeta meta;
        private final boolean tagged;

        MetaListener(PdfMeta meta, boolean tagged) {
            this.meta = meta;
            this.tagged = tagged;
        }

        @Override
        public void preOpen(ITextRenderer renderer) {
            PdfWriter writer = renderer.getWriter();
            // PDF 1.7 (ISO 32000-1), on which PDF/UA-1 and PDF/A-2 are built; OpenPDF 3 would write 2.0
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            if (meta.archival()) writer.setPDFXConformance(PdfWriter.PDFA2U);
            writer.setFullCompression();
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(meta.language()));
            if (tagged) {
                writer.setTagged();
                writer.setTabs(PdfName.S); // annotations in structure order (PDF/UA)
            }
        }

        @Override
        public void preWrite(ITextRenderer renderer, int pageCount) {
            if (meta.archival()) { // the document is open now: the profile can be written
                try {
                    renderer.getWriter().setOutputIntents("sRGB IEC61966-2.1", null, "http://www.color.org",
                            "sRGB IEC61966-2.1", SRGB);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            // Flying Saucer fills Info from <title>/<meta>; PdfMeta is the reference, so overwrite.
            PdfDictionary info = renderer.getWriter().getInfo();
            putText(info, PdfName.TITLE, meta.title());
            putText(info, PdfName.AUTHOR, meta.author());
            putText(info, PdfName.SUBJECT, meta.subject());
            putText(info, PdfName.KEYWORDS, meta.keywords());
            Calendar day = new GregorianCalendar(TimeZone.getTimeZone(ZONE));
            day.clear();
            day.set(meta.creationDate().getYear(), meta.creationDate().getMonthValue() - 1,
                    meta.creationDate().getDayOfMonth(), 0, 0, 0);
            info.put(PdfName.CREATIONDATE, new PdfDate(day));
            info.put(PdfName.MODDATE, new PdfDate(day));
            // XMP says the same as Info (PDF/A checks it) and names PDF/UA-1 (and PDF/A-2u)
            if (tagged || meta.archival()) {
                String offset = ZONE.getRules().getOffset(meta.creationDate().atStartOfDay()).getId();
                renderer.getWriter().setXmpMetadata(Xmp.packet(meta, text(info, PdfName.PRODUCER), text(info, PdfName.CREATOR),
                        meta.creationDate(), offset.equals("Z") ? "+00:00" : offset, meta.archival()));
            }
        }

        private static String text(PdfDictionary info, PdfName key) {
            PdfObject o = info.get(key);
            return o instanceof PdfString s ? s.toUnicodeString() : "";
        }

        private static void putText(PdfDictionary info, PdfName key, String value) {
            if (value.isEmpty()) {
                info.remove(key);
            } else {
                info.put(key, new PdfString(value, PdfObject.TEXT_UNICODE));
            }
        }
    }

    // ---- clipped copies ---------------------------------------------------------------------

    /**
     * Flying Saucer paints each page by painting the whole document through a clip set to the
     * page's content box. Its box collector admits any block or table row whose bounds touch the
     * page (a paragraph whose top margin is still on this page while its first line went on to
     * the next, a row whose collapsed border reaches into the next page) and then paints all of
     * its lines, leaving it to the clip to hide what lies outside. That text is invisible, yet
     * text extraction and a reader's search find it. This device drops any string whose em box
     * lies wholly outside the current clip; visible output is unchanged. Collapsed table borders
     * are painted by {@link CollapsedBorderDevice}.
     */
    private static final class PdfOutputDevice extends TaggingDevice {
        private final boolean dropClippedText;
        private ITextFSFont font;
        PdfOutputDevice(float dotsPerPoint, boolean dropClippedText, boolean mergeBorders, Document dom, Links links) {
            super(dotsPerPoint, mergeBorders, dom, links);
            this.dropClippedText = dropClippedText;
        }

        @Override
        public void setFont(ITextFSFont f) {
            super.setFont(f);
            font = f;
        }

        /** The full-share justification of the text being drawn, and how far right it moves; see {@link #drawText}. */
        private JustificationInfo fullShare;
        private float shift;

        /**
         * Justifies Chinese prose across the whole line. Flying Saucer 9.13–10.3 spreads only a fifth of a justified
         * line's spare width between characters when the line has no spaces (LineBox.justify; fixed upstream in
         * 10.5), so a line of Chinese ends short of the margin. Such a line is drawn with the whole spare width
         * between its characters, each run moved right by what the characters before it on the line add.
         */
        @Override
        public void drawText(RenderingContext c, InlineText text) {
            InlineLayoutBox box = text.getParent();
            JustificationInfo info = box.getStyle().isTextJustify() && box.getLineBox() != null
                    ? box.getLineBox().getJustificationInfo() : null;
            if (info == null || info.spaceAdjust() != 0 || info.nonSpaceAdjust() <= 0) {
                super.drawText(c, text);
                return;
            }
            float full = info.nonSpaceAdjust() / JUSTIFY_NON_SPACE_SHARE;
            int before = nonSpacesBefore(box.getLineBox(), text);
            fullShare = new JustificationInfo(full, 0);
            shift = (full - info.nonSpaceAdjust()) * before;
            try {
                super.drawText(c, text);
            } finally {
                fullShare = null;
                shift = 0;
            }
        }

        /** Flying Saucer's share of a line's spare width given to the gaps between characters (LineBox). */
        private static final float JUSTIFY_NON_SPACE_SHARE = 0.20f;

        /** Characters other than spaces on the line before {@code target}, counted as Flying Saucer counts them. */
        private static int nonSpacesBefore(LineBox line, InlineText target) {
            int[] count = {0};
            for (int i = 0; i < line.getChildCount(); i++) {
                if (line.getChild(i) instanceof InlineLayoutBox b && countUntil(b, target, count)) break;
            }
            return count[0];
        }

        private static boolean countUntil(InlineLayoutBox box, InlineText target, int[] count) {
            for (Object o : box.getInlineChildren()) {
                if (o == target) return true;
                if (o instanceof InlineText t) {
                    org.xhtmlrenderer.render.CharCounts cc = new org.xhtmlrenderer.render.CharCounts();
                    t.countJustifiableChars(cc);
                    count[0] += cc.getNonSpaceCount();
                } else if (o instanceof InlineLayoutBox b && countUntil(b, target, count)) {
                    return true;
                }
            }
            return false;
        }

        /** Characters drawn with a font that lacks them, by font. */
        private final Map<BaseFont, BitSet> lacking = new java.util.IdentityHashMap<>();

        @Override
        public void drawString(String s, float x, float y, JustificationInfo info) {
            if (fullShare != null && info != null) {
                info = fullShare;
                x += shift;
            }
            if (dropClippedText && font != null && outsideClip(s, x, y)) {
                return;
            }
            if (font != null) {
                BaseFont bf = font.getFontDescription().getFont();
                s.codePoints().forEach(c -> {
                    if (!bf.charExists(c) && !Glyphs.invisible(c)) lacking.computeIfAbsent(bf, k -> new BitSet()).set(c);
                });
            }
            super.drawString(s, x, y, info);
        }

        /** Characters drawn that a document's font lacks although its face has them. */
        BitSet lacking(DocumentFonts fonts) {
            BitSet result = new BitSet();
            lacking.forEach((bf, chars) -> {
                DocumentFonts.Entry e = fonts.entryOf(bf);
                if (e != null) chars.stream().filter(e.face()::canDisplay).forEach(result::set);
            });
            return result;
        }

        private boolean outsideClip(String s, float x, float y) {
            Rectangle2D clip = clipBounds();
            if (clip == null) {
                return false;
            }
            BaseFont bf = font.getFontDescription().getFont();
            float size = font.getSize2D();
            // Typographic ascent/descent: for CJK fonts the ideographic em box (0.88/-0.12 em).
            float ascent = bf.getFontDescriptor(BaseFont.ASCENT, size);
            float descent = bf.getFontDescriptor(BaseFont.DESCENT, size);
            float top = y - ascent;
            float height = Math.max(ascent - descent, 1f);
            // The copies sit above or below the page's clip: decide on the vertical extent first and
            // measure the string's width only when that is not enough.
            if (top + height <= clip.getMinY() || top >= clip.getMaxY()) {
                return true;
            }
            float width = Math.max(bf.getWidthPoint(s, size), 1f);
            return x + width <= clip.getMinX() || x >= clip.getMaxX();
        }

        // Bounds of the current clip, cached until the clip changes: getClip() builds a new shape per call.
        // Flying Saucer's clips are rectangles, for which the bounds are exact; for any other shape they
        // only keep more text, never less.
        private Rectangle2D clipBounds;
        private boolean clipKnown;

        private Rectangle2D clipBounds() {
            if (!clipKnown) {
                Shape c = getClip();
                clipBounds = c == null ? null : c.getBounds2D();
                clipKnown = true;
            }
            return clipBounds;
        }

        @Override
        public void clip(Shape s) {
            super.clip(s);
            clipKnown = false;
        }

        @Override
        public void setClip(Shape s) {
            super.setClip(s);
            clipKnown = false;
        }

        @Override
        public void translate(double tx, double ty) {
            super.translate(tx, ty);
            clipKnown = false;
        }

        @Override
        public void initializePage(org.openpdf.text.pdf.PdfContentByte page, float height) {
            super.initializePage(page, height);
            clipKnown = false;
        }

        @Override
        public void finishPage() {
            super.finishPage();
            clipKnown = false;
        }
    }

    // ---- determinism --------------------------------------------------------------------------

    /** A SecureRandom whose output is a SHA-256 counter stream over (seed, index): same input, same tags. */
    private static final class SeededRandom extends SecureRandom {
        SeededRandom(byte[] seed, int index) {
            super(new CounterSpi(seed, index), null);
        }
    }

    private static final class CounterSpi extends SecureRandomSpi {
        private final byte[] seed;
        private final int index;
        private long counter;

        CounterSpi(byte[] seed, int index) {
            this.seed = seed.clone();
            this.index = index;
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
            // reseeding would defeat the purpose
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            int filled = 0;
            while (filled < bytes.length) {
                MessageDigest md = sha256Digest();
                md.update(seed);
                md.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
                for (int shift = 56; shift >= 0; shift -= 8) {
                    md.update((byte) (counter >>> shift));
                }
                counter++;
                byte[] block = md.digest();
                int n = Math.min(block.length, bytes.length - filled);
                System.arraycopy(block, 0, bytes, filled, n);
                filled += n;
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] b = new byte[numBytes];
            engineNextBytes(b);
            return b;
        }
    }

    private static final byte[] ID_MARK = "/ID [<".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Replaces the two 32-digit hex strings of the last trailer /ID with an MD5 of the rest of
     * the file, in place (a large PDF is not copied once more). Same length, so no xref offset moves.
     */
    static byte[] withContentId(byte[] pdf) {
        int at = lastIndexOf(pdf, ID_MARK);
        int first = at + ID_MARK.length;          // <first 32 hex><second 32 hex>
        int second = first + 32 + 2;
        if (at < 0 || second + 33 > pdf.length || pdf[first + 32] != '>' || pdf[second - 1] != '<'
                || pdf[second + 32] != '>') {
            throw new IllegalStateException("no trailer /ID [<32 hex><32 hex>] found in the PDF");
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(pdf, 0, first);
        md.update(pdf, second + 32, pdf.length - (second + 32));
        byte[] hex = HexFormat.of().withUpperCase().formatHex(md.digest()).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(hex, 0, pdf, first, 32);
        System.arraycopy(hex, 0, pdf, second, 32);
        return pdf;
    }

    private static int lastIndexOf(byte[] data, byte[] mark) {
        outer:
        for (int i = data.length - mark.length; i >= 0; i--) {
            for (int j = 0; j < mark.length; j++) {
                if (data[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] sha256(byte[] data) {
        return sha256Digest().digest(data);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
