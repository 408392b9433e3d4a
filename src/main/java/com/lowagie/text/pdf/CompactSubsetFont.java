package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedded, subsetted TrueType font (Identity-H) that reads only what a document needs, and whose
 * subsets carry horizontal metrics only for the glyphs drawn. The PDF it writes is byte for byte the
 * one OpenPDF's own TrueTypeFontUnicode would write, except for the hmtx entries described below.
 *
 * <p><b>Reading on demand.</b> OpenPDF reads the whole file into memory, puts every cmap entry into a
 * HashMap, builds the inverse map and reads the bounding box of every glyph when a font is opened:
 * for a CJK font of 15 MB and 30,900 glyphs, most of a cold run's set-up time, though a document
 * draws a few hundred characters. Here the file stays where it is ({@link Sfnt}, usually a memory
 * map): opening copies the few small tables OpenPDF reads (names, metrics, cmap) into a small image;
 * the cmap (formats 4 and 12) is looked up per character on first use ({@link LazyCmap}); the inverse
 * map and glyph boxes are made when asked for. Symbol fonts and other cmap formats are read as OpenPDF
 * reads them, from the image.
 *
 * <p><b>Compact subsets.</b> OpenPDF's subsetter (TrueTypeFontSubSet) empties the outlines of unused
 * glyphs but copies the hmtx table whole: for a CJK font that is 123 KB, about 30 KB after Deflate,
 * in every subset, however few glyphs the document draws. PDF readers take widths from the font's
 * /W array, not from hmtx. The subsetter is given a source font holding only the glyphs drawn (with
 * the glyphs their composites use) and an hmtx whose other entries are zero, so the copy compresses
 * to almost nothing. Glyph ids, /W, outlines and therefore the look are unchanged.
 *
 * <p>It lives in OpenPDF's package because {@link TrueTypeFontUnicode} and its reading and writing
 * methods are package-private. One object must not write two PDFs at the same time (as for any
 * OpenPDF font: it keeps a file position and a subset-tag generator); the Sfnt is shared.
 */
public final class CompactSubsetFont extends TrueTypeFontUnicode {
    /** The tables OpenPDF reads when it opens a font (checkCff, getBaseFont, fillTables, readGlyphWidths, readCMaps...). */
    private static final List<String> OPENING = List.of("CFF ", "OS/2", "cmap", "head", "hhea", "hmtx", "kern", "maxp", "name", "post");
    /** The tables TrueTypeFontSubSet copies or reads. */
    private static final List<String> SUBSETTING = List.of("cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep");

    private final Sfnt file;
    /** loca's offset and entry size (2 or 4; 0 without loca). */
    private final int locaOffset;
    private final int locaLength;
    private final int locaEntry;
    // Set in process(), which OpenPDF's constructor calls before this class's constructor body runs:
    // these fields must have no initialisers, which would run afterwards and overwrite them.
    /** The small font OpenPDF reads at opening; LazyCmap reads the cmap from it. */
    private Sfnt opened;
    /** True when the cmaps are {@link LazyCmap}s. */
    private boolean lazy;

    /**
     * @param name the file path (with {@code ,N} for a face of a .ttc), as for BaseFont.createFont
     * @param data the whole font file, read-only; only the parts used are read
     */
    public CompactSubsetFont(String name, ByteBuffer data) throws IOException {
        this(name, Sfnt.open(name, data.duplicate()));
    }

    private CompactSubsetFont(String name, Sfnt file) throws IOException {
        super(name, IDENTITY_H, EMBEDDED, file.image(OPENING, Map.of()), false);
        this.file = file;
        // From here on, table positions are the file's: Flying Saucer reads OS/2 and post from the font file at
        // these offsets (TrueTypeFontUtil); OpenPDF no longer reads them once the font is open.
        tables = file.locations();
        int[] loca = file.table("loca");
        int[] headTable = file.table("head");
        locaOffset = loca == null ? 0 : loca[1];
        locaLength = loca == null ? 0 : loca[2];
        locaEntry = loca == null || headTable == null ? 0 : file.u16(headTable[1] + 50) == 0 ? 2 : 4;
    }

    /** What OpenPDF's process does, from the opening image (its directory is at 0), minus the eager reading. */
    @Override
    void process(byte[] ttfAfm, boolean preload) throws DocumentException, IOException {
        opened = Sfnt.open(fileName, ByteBuffer.wrap(ttfAfm));
        directoryOffset = 0;
        tables = opened.locations();
        rf = new RandomAccessFileOrArray(ttfAfm);
        try {
            checkCff();
            fontName = getBaseFont();
            fullName = getNames(4);
            familyName = getNames(1);
            allNameEntries = getAllNames();
            fillTables();
            readGlyphWidths();
            readCMaps();
            readKerning();
        } finally {
            rf.close();
        }
    }

    @Override
    void readCMaps() throws DocumentException, IOException {
        int[] cmap = tables.get("cmap");
        if (cmap == null) {
            throw new DocumentException("table cmap does not exist in " + fileName + style);
        }
        int base = cmap[0];
        int count = opened.u16(base + 2);
        int map31 = -1;
        int mapExt = -1;
        boolean symbol = false;
        for (int k = 0; k < count; k++) {
            int at = base + 4 + 8 * k;
            int platform = opened.u16(at);
            int specific = opened.u16(at + 2);
            int table = base + opened.s32(at + 4);
            if (platform == 3 && specific == 0) {
                symbol = true; // OpenPDF remaps a symbol font's codes
            } else if (platform == 3 && specific == 1) {
                map31 = table;
            } else if (platform == 3 && specific == 10) {
                mapExt = table;
            }
        }
        if (symbol || map31 < 0 || opened.u16(map31) != 4 || (mapExt >= 0 && opened.u16(mapExt) != 12 && opened.u16(mapExt) != 4)) {
            super.readCMaps();
            return;
        }
        fontSpecific = false;
        lazy = true;
        cmap31 = new LazyCmap(this, opened, map31);
        cmapExt = mapExt < 0 ? null : new LazyCmap(this, opened, mapExt);
    }

    /** The inverse cmap (glyph to character) is only needed for glyph-vector text; made on first use. */
    @Override
    protected Integer getCharacterCode(int code) {
        synchronized (this) {
            if (lazy && inverseCmap == null) {
                Map<Integer, int[]> map = cmapExt != null ? cmapExt : cmap31;
                Map<Integer, Integer> inverse = new HashMap<>();
                for (Map.Entry<Integer, int[]> e : map.entrySet()) {
                    inverse.put(e.getValue()[0], e.getKey());
                }
                inverseCmap = inverse;
            }
        }
        return super.getCharacterCode(code);
    }

    /** The glyph's box, read from glyf when asked (Flying Saucer asks for 'x' only). */
    @Override
    public int[] getCharBBox(int c) {
        int[] metrics = getMetricsTT(c);
        int[] glyf = file.table("glyf");
        if (metrics == null || glyf == null) {
            return null;
        }
        int[] range = glyphRange(metrics[0]);
        if (range == null || range[0] == range[1]) {
            return null;
        }
        int at = glyf[1] + range[0] + 2;
        int units = head.unitsPerEm;
        return new int[]{(short) file.u16(at) * 1000 / units, (short) file.u16(at + 2) * 1000 / units,
                (short) file.u16(at + 4) * 1000 / units, (short) file.u16(at + 6) * 1000 / units};
    }

    /** {start, end} of a glyph's data in glyf, from loca; null when out of range. */
    private int[] glyphRange(int glyph) {
        if (glyph < 0 || locaEntry == 0 || (long) (glyph + 2) * locaEntry > locaLength) {
            return null;
        }
        int at = locaOffset + locaEntry * glyph;
        return locaEntry == 2 ? new int[]{file.u16(at) * 2, file.u16(at + 2) * 2} : new int[]{file.s32(at), file.s32(at + 4)};
    }

    /** Glyph width for a LazyCmap entry (getGlyphWidth is protected in OpenPDF). */
    int width(int glyph) {
        return getGlyphWidth(glyph);
    }

    @Override
    void writeFont(PdfWriter writer, PdfIndirectReference ref, Object[] params) throws DocumentException, IOException {
        if (!subset || cff || locaEntry == 0 || !file.has("glyf") || !file.has("hmtx")) {
            super.writeFont(writer, ref, params);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Integer, int[]> used = (HashMap<Integer, int[]>) params[0];
        RandomAccessFileOrArray opened = rf;
        rf = new RandomAccessFileOrArray(subsetSource(used)); // what OpenPDF's subsetter reads
        try {
            super.writeFont(writer, ref, params);
        } finally {
            rf = opened;
        }
    }

    /**
     * A font holding what TrueTypeFontSubSet copies from the file: the glyphs drawn, glyph 0 and the glyphs their
     * composites use, each at its own glyph id with its bytes as in the file; the other glyphs empty; hmtx entries
     * zero except for glyph 0 and the glyphs drawn.
     */
    private byte[] subsetSource(Map<Integer, int[]> used) {
        boolean shortLoca = locaEntry == 2;
        int glyphs = locaLength / locaEntry - 1;
        BitSet drawn = new BitSet(glyphs);
        for (Integer g : used.keySet()) {
            if (g != null && g >= 0 && g < glyphs) drawn.set(g);
        }
        BitSet needed = new BitSet(glyphs);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(0);
        drawn.stream().forEach(todo::add);
        int glyfStart = file.table("glyf")[1];
        int total = 0;
        while (!todo.isEmpty()) {
            int g = todo.poll();
            if (g < 0 || g >= glyphs || needed.get(g)) continue;
            needed.set(g);
            int[] range = glyphRange(g);
            total += range[1] - range[0];
            if (range[0] == range[1] || (short) file.u16(glyfStart + range[0]) >= 0) continue;
            int at = glyfStart + range[0] + 10; // a composite: follow its components, as the subsetter does
            while (true) {
                int flags = file.u16(at);
                todo.add(file.u16(at + 2));
                if ((flags & 0x20) == 0) break; // MORE_COMPONENTS
                at += 4 + ((flags & 1) != 0 ? 4 : 2) + ((flags & 8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : 0)
                        + ((flags & 0x80) != 0 ? 8 : 0);
            }
        }
        byte[] glyf = new byte[total];
        ByteBuffer loca = ByteBuffer.allocate(locaLength);
        int offset = 0;
        for (int g = 0; g <= glyphs; g++) {
            if (shortLoca) loca.putShort((short) (offset / 2));
            else loca.putInt(offset);
            if (g < glyphs && needed.get(g)) {
                int[] r = glyphRange(g);
                file.copy(glyfStart + r[0], glyf, offset, r[1] - r[0]);
                offset += r[1] - r[0];
            }
        }
        return file.image(SUBSETTING, Map.of("glyf", glyf, "loca", loca.array(), "hmtx", hmtx(drawn)));
    }

    /** hmtx with the entries of glyph 0 and the glyphs drawn; every other complete entry zero. */
    private byte[] hmtx(BitSet drawn) {
        int[] t = file.table("hmtx");
        int length = t[2];
        int longMetrics = hhea.numberOfHMetrics;
        byte[] hmtx = new byte[length];
        int end = length >= 4 * longMetrics ? 4 * longMetrics + 2 * ((length - 4 * longMetrics) / 2) : 4 * (length / 4);
        file.copy(t[1] + end, hmtx, end, length - end); // a trailing partial entry stays as it is
        drawn.set(0);
        for (int g = drawn.nextSetBit(0); g >= 0; g = drawn.nextSetBit(g + 1)) {
            int at = g < longMetrics ? 4 * g : 4 * longMetrics + 2 * (g - longMetrics);
            int size = g < longMetrics ? 4 : 2;
            if (at + size > end) break;
            file.copy(t[1] + at, hmtx, at, size);
        }
        return hmtx;
    }
}
