package org.budgetpdf.render;

import org.openpdf.text.pdf.BaseFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Cuts one TrueType face down to the glyphs of a set of characters and hands the result to OpenPDF as an ordinary
 * font file.
 *
 * <p>The font it makes holds: a cmap of just those characters; their glyphs, with the glyphs their composites use,
 * byte for byte (renumbered in the file's order, glyph 0 first; a composite's references follow); their horizontal
 * metrics; and the file's own head, hhea, maxp (with the new glyph count), OS/2, name and hinting tables, with post
 * cut to its header. Widths and outlines are the file's, so the text draws and measures as with the whole font.
 * OpenPDF reads such a font in a few milliseconds (the whole file of 30,000 glyphs takes it a third of a second and
 * 50 MB) and subsets it again when writing, so the PDF embeds only the glyphs drawn.
 *
 * <p>A face without TrueType outlines (CFF) or without a Unicode cmap is handed to OpenPDF whole, which it reads
 * and subsets itself.
 */
final class FontSubset {
    /** The tables of the font made: what OpenPDF reads when it opens a font and what its subsetter copies. */
    private static final List<String> TABLES = List.of("OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx",
            "loca", "maxp", "name", "post", "prep");

    private final String name;
    private final Sfnt file;
    /** Offset of the Unicode cmap subtable used, its format (4 or 12); -1 when there is none. */
    private final int cmap;
    private final int cmapFormat;
    private final int locaOffset;
    private final int locaEntry; // 2 or 4; 0 when the face is handed over whole
    private final int glyphs;
    private final int glyfOffset;
    private final int hmtxOffset;
    private final int hmtxLength;
    private final int longMetrics;
    /** The cmap subtable read into arrays: format 12 groups {start, end, glyph}, or format 4 segments. */
    private final int[] starts;
    private final int[] ends;
    private final int[] deltas;
    private final int[] rangeOffsets; // format 4: the rangeOffset word's position in the file, or -1 when it is 0

    private FontSubset(String name, Sfnt file, int cmap, int cmapFormat) throws IOException {
        this.name = name;
        this.file = file;
        this.cmap = cmap;
        this.cmapFormat = cmapFormat;
        boolean trueType = file.has("glyf") && file.has("loca") && file.has("head") && file.has("hmtx") && file.has("hhea")
                && cmap >= 0;
        this.locaEntry = !trueType ? 0 : file.u16(file.offset("head") + 50) == 0 ? 2 : 4;
        this.locaOffset = trueType ? file.offset("loca") : 0;
        this.glyphs = trueType ? file.table("loca")[2] / locaEntry - 1 : 0;
        this.glyfOffset = trueType ? file.offset("glyf") : 0;
        this.hmtxOffset = trueType ? file.offset("hmtx") : 0;
        this.hmtxLength = trueType ? file.table("hmtx")[2] : 0;
        this.longMetrics = trueType ? file.u16(file.offset("hhea") + 34) : 0;
        // read once: a binary search over arrays is what every character check and every document's font costs
        int n = cmap < 0 ? 0 : cmapFormat == 4 ? file.u16(cmap + 6) / 2 : file.s32(cmap + 12);
        starts = new int[n];
        ends = new int[n];
        deltas = new int[n];
        rangeOffsets = new int[cmapFormat == 4 ? n : 0];
        for (int k = 0; k < n; k++) {
            if (cmapFormat == 4) {
                int endsAt = cmap + 14;
                ends[k] = file.u16(endsAt + 2 * k);
                starts[k] = file.u16(endsAt + 2 * n + 2 + 2 * k);
                deltas[k] = file.u16(endsAt + 4 * n + 2 + 2 * k);
                int at = endsAt + 6 * n + 2 + 2 * k;
                rangeOffsets[k] = file.u16(at) == 0 ? -1 : at;
            } else {
                int at = cmap + 16 + 12 * k;
                starts[k] = file.s32(at);
                ends[k] = file.s32(at + 4);
                deltas[k] = file.s32(at + 8);
            }
        }
    }

    /** @param name the face's path (with {@code ,N} for a face of a .ttc) */
    static FontSubset of(String name, Sfnt file) throws IOException {
        int[] cmapTable = file.table("cmap");
        int chosen = -1;
        int format = -1;
        if (cmapTable != null) {
            int base = cmapTable[1];
            int count = file.u16(base + 2);
            int rank = 0;
            for (int k = 0; k < count; k++) {
                int at = base + 4 + 8 * k;
                int platform = file.u16(at);
                int specific = file.u16(at + 2);
                int table = base + file.s32(at + 4);
                int f = file.u16(table);
                // as OpenPDF: the full-Unicode subtable first, then the BMP one
                int r = platform == 3 && specific == 10 && (f == 12 || f == 4) ? 4
                        : platform == 0 && (specific == 4 || specific == 6) && f == 12 ? 3
                        : platform == 3 && specific == 1 && f == 4 ? 2
                        : platform == 0 && specific <= 3 && f == 4 ? 1 : 0;
                if (r > rank) {
                    rank = r;
                    chosen = table;
                    format = f;
                }
            }
        }
        return new FontSubset(name, file, chosen, format);
    }

    /** The glyph of {@code c}, or 0 when the face has none. */
    int glyph(int c) {
        if (cmap < 0) return 0;
        int g = cmapFormat == 4 ? glyph4(c) : glyph12(c);
        return g > 0 && (locaEntry == 0 || g < glyphs) ? g : 0;
    }

    // ---- what Flying Saucer reads of a font, read here without opening it in OpenPDF ----------------------------

    /** The name table's records of one name ID: {platform, encoding, language, name}, decoded as OpenPDF does. */
    List<String[]> names(int id) throws IOException {
        int base = file.offset("name");
        int count = file.u16(base + 2);
        int storage = base + file.u16(base + 4);
        java.util.List<String[]> out = new java.util.ArrayList<>();
        for (int k = 0; k < count; k++) {
            int at = base + 6 + 12 * k;
            int platform = file.u16(at);
            int encoding = file.u16(at + 2);
            if (file.u16(at + 6) != id) continue;
            byte[] b = file.bytes(storage + file.u16(at + 10), file.u16(at + 8));
            boolean unicode = platform == 0 || platform == 3 || (platform == 2 && encoding == 1);
            String name = new String(b, unicode ? java.nio.charset.StandardCharsets.UTF_16BE : java.nio.charset.Charset.forName("windows-1252"));
            out.add(new String[] {String.valueOf(platform), String.valueOf(encoding), String.valueOf(file.u16(at + 4)), name});
        }
        return out;
    }

    /** The family names CSS finds the face by, as Flying Saucer's TrueTypeUtil.getFamilyNames picks them. */
    java.util.Set<String> familyNames() throws IOException {
        List<String[]> names = names(1);
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (names.size() == 1) {
            out.add(names.get(0)[3]);
            return out;
        }
        for (String[] n : names) {
            if ((n[0].equals("1") && n[1].equals("0")) || n[2].equals("1033")) out.add(n[3]);
        }
        return out;
    }

    /** Italic or oblique when the full name says so (as TrueTypeUtil.guessStyle), else normal. */
    org.xhtmlrenderer.css.constants.IdentValue style() throws IOException {
        for (String[] n : names(4)) {
            String lower = n[3].toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("italic")) return org.xhtmlrenderer.css.constants.IdentValue.ITALIC;
            if (lower.contains("oblique")) return org.xhtmlrenderer.css.constants.IdentValue.OBLIQUE;
        }
        return org.xhtmlrenderer.css.constants.IdentValue.NORMAL;
    }

    /** Weight, strike-out and underline metrics from OS/2 and post, as TrueTypeUtil.extractDescription reads them. */
    org.xhtmlrenderer.pdf.FontDescription.Decorations decorations() throws IOException {
        int os2 = file.offset("OS/2");
        int[] post = file.table("post");
        return new org.xhtmlrenderer.pdf.FontDescription.Decorations(file.u16(os2 + 4), file.s16(os2 + 26), file.s16(os2 + 28),
                post == null ? 0 : file.s16(post[1] + 8), post == null ? 0 : file.s16(post[1] + 10));
    }

    /** A font file for the characters {@code codePoints} (see the class comment); the whole face when it cannot be cut. */
    byte[] image(BitSet codePoints) {
        if (locaEntry == 0) return file.whole();
        BitSet drawn = new BitSet(glyphs);
        int[] chars = codePoints.stream().filter(c -> glyph(c) > 0).toArray();
        int[] gids = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
            gids[i] = glyph(chars[i]);
            drawn.set(gids[i]);
        }
        BitSet needed = closure(drawn);
        // new glyph ids: the glyphs kept, in the file's order (glyph 0 stays 0)
        int count = needed.cardinality();
        int[] renumbered = new int[glyphs];
        int[] kept = new int[count];
        int total = 0;
        for (int g = needed.nextSetBit(0), n = 0; g >= 0; g = needed.nextSetBit(g + 1), n++) {
            renumbered[g] = n;
            kept[n] = g;
            int[] r = glyphRange(g);
            total += r[1] - r[0];
        }
        byte[] glyf = new byte[total];
        ByteBuffer loca = ByteBuffer.allocate((count + 1) * locaEntry);
        ByteBuffer hmtx = ByteBuffer.allocate(4 * count);
        int offset = 0;
        for (int n = 0; n <= count; n++) {
            if (locaEntry == 2) loca.putShort((short) (offset / 2));
            else loca.putInt(offset);
            if (n == count) break;
            int g = kept[n];
            int[] r = glyphRange(g);
            file.copy(glyfOffset + r[0], glyf, offset, r[1] - r[0]);
            if (r[1] - r[0] >= 10 && file.s16(glyfOffset + r[0]) < 0) renumberComponents(glyf, offset, renumbered);
            offset += r[1] - r[0];
            int last = Math.max(0, longMetrics - 1);
            hmtx.putShort((short) file.u16(hmtxOffset + 4 * Math.min(g, last))); // advance: glyphs past the long ones share the last
            hmtx.putShort(file.s16(hmtxOffset + (g < longMetrics ? 4 * g + 2 : 4 * longMetrics + 2 * (g - longMetrics))));
        }
        int[] newGids = new int[gids.length];
        for (int i = 0; i < gids.length; i++) newGids[i] = renumbered[gids[i]];
        return file.image(TABLES, Map.of("glyf", glyf, "loca", loca.array(), "hmtx", hmtx.array(),
                "hhea", withU16(file.tableBytes("hhea"), 34, count), "maxp", withU16(file.tableBytes("maxp"), 4, count),
                "cmap", cmap(chars, newGids), "post", post()));
    }

    /** A composite glyph's component references (glyf data at {@code at}) changed to the new glyph ids. */
    private static void renumberComponents(byte[] glyf, int at, int[] renumbered) {
        ByteBuffer b = ByteBuffer.wrap(glyf);
        int p = at + 10;
        while (true) {
            int flags = b.getShort(p) & 0xFFFF;
            b.putShort(p + 2, (short) renumbered[b.getShort(p + 2) & 0xFFFF]);
            if ((flags & 0x20) == 0) break; // MORE_COMPONENTS
            p += 4 + ((flags & 1) != 0 ? 4 : 2) + ((flags & 8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
        }
    }

    private static byte[] withU16(byte[] table, int at, int value) {
        ByteBuffer.wrap(table).putShort(at, (short) value);
        return table;
    }

    /** OpenPDF's font for an image of this face. */
    BaseFont create(byte[] image) throws IOException {
        // OpenPDF tells TrueType from CFF by the name's ending; the image of a collection's face is a font of its own
        String fontName = name.replaceAll("(?i)\\.ttc,(\\d+)$", "-$1.ttf");
        if (locaEntry == 0 && !fontName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(ttf|otf)$")) fontName += ".otf";
        BaseFont font = BaseFont.createFont(fontName, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, image, null);
        // No CIDSet: optional, and OpenPDF's lists the glyphs drawn while its subset keeps every glyph id, which
        // PDF/UA-1 and PDF/A-2 reject (a CIDSet must name every glyph of the font program)
        font.setIncludeCidSet(false);
        return font;
    }

    /** {@code drawn}, glyph 0 and every glyph a composite among them uses, as OpenPDF's subsetter follows them. */
    private BitSet closure(BitSet drawn) {
        BitSet needed = new BitSet(glyphs);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(0);
        drawn.stream().forEach(todo::add);
        while (!todo.isEmpty()) {
            int g = todo.poll();
            if (g < 0 || g >= glyphs || needed.get(g)) continue;
            needed.set(g);
            int[] range = glyphRange(g);
            if (range[1] - range[0] < 10 || file.s16(glyfOffset + range[0]) >= 0) continue; // empty or simple
            int at = glyfOffset + range[0] + 10;
            while (true) {
                int flags = file.u16(at);
                todo.add(file.u16(at + 2));
                if ((flags & 0x20) == 0) break; // MORE_COMPONENTS
                at += 4 + ((flags & 1) != 0 ? 4 : 2) + ((flags & 8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
            }
        }
        return needed;
    }

    /** {start, end} of a glyph's data in glyf, from loca. */
    private int[] glyphRange(int glyph) {
        int at = locaOffset + locaEntry * glyph;
        return locaEntry == 2 ? new int[] {file.u16(at) * 2, file.u16(at + 2) * 2} : new int[] {file.s32(at), file.s32(at + 4)};
    }

    /** post cut to its 32-byte header, as version 3 (no glyph names): OpenPDF and Flying Saucer read the header only. */
    private byte[] post() {
        int[] t = file.table("post");
        byte[] post = new byte[32];
        if (t != null) file.copy(t[1], post, 0, Math.min(32, t[2]));
        ByteBuffer.wrap(post).putInt(0, 0x00030000);
        return post;
    }

    /** A cmap of the given characters (ascending) to their glyphs: a format 4 (3,1) and a format 12 (3,10) subtable. */
    private static byte[] cmap(int[] chars, int[] gids) {
        ByteArrayOutputStream f4 = new ByteArrayOutputStream();
        // runs of consecutive characters with consecutive glyphs, BMP only, then the closing 0xFFFF segment
        java.util.List<int[]> segs = new java.util.ArrayList<>();
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        for (int i = 0; i < chars.length; ) {
            int j = i + 1;
            while (j < chars.length && chars[j] == chars[j - 1] + 1 && gids[j] == gids[j - 1] + 1) j++;
            groups.add(new int[] {chars[i], chars[j - 1], gids[i]});
            if (chars[i] < 0xFFFF) segs.add(new int[] {chars[i], Math.min(chars[j - 1], 0xFFFE), gids[i]});
            i = j;
        }
        segs.add(new int[] {0xFFFF, 0xFFFF, 1});
        int segCount = segs.size();
        int searchRange = 2 * Integer.highestOneBit(segCount);
        ByteBuffer b4 = ByteBuffer.allocate(16 + 8 * segCount);
        b4.putShort((short) 4).putShort((short) (16 + 8 * segCount)).putShort((short) 0)
                .putShort((short) (2 * segCount)).putShort((short) searchRange)
                .putShort((short) (Integer.numberOfTrailingZeros(searchRange / 2))).putShort((short) (2 * segCount - searchRange));
        for (int[] s : segs) b4.putShort((short) s[1]);
        b4.putShort((short) 0);
        for (int[] s : segs) b4.putShort((short) s[0]);
        for (int[] s : segs) b4.putShort((short) (s[0] == 0xFFFF ? 1 : s[2] - s[0]));
        for (int i = 0; i < segCount; i++) b4.putShort((short) 0);
        f4.writeBytes(b4.array());
        ByteBuffer b12 = ByteBuffer.allocate(16 + 12 * groups.size());
        b12.putShort((short) 12).putShort((short) 0).putInt(16 + 12 * groups.size()).putInt(0).putInt(groups.size());
        for (int[] g : groups) b12.putInt(g[0]).putInt(g[1]).putInt(g[2]);
        byte[] sub4 = f4.toByteArray();
        byte[] sub12 = b12.array();
        ByteBuffer out = ByteBuffer.allocate(4 + 16 + sub4.length + sub12.length);
        out.putShort((short) 0).putShort((short) 2);
        out.putShort((short) 3).putShort((short) 1).putInt(20);
        out.putShort((short) 3).putShort((short) 10).putInt(20 + sub4.length);
        out.put(sub4).put(sub12);
        return out.array();
    }

    // ---- reading the file's cmap ------------------------------------------------------------------------------

    /** The segment or group holding {@code c}, or -1. */
    private int find(int c) {
        int lo = 0;
        int hi = ends.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < c) lo = mid + 1;
            else if (starts[mid] > c) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /** Format 4: segments of 16-bit codes; -1 when {@code c} is in none (0xFFFF is no character). */
    private int glyph4(int c) {
        if (c < 0 || c >= 0xFFFF) return -1;
        int k = find(c);
        if (k < 0) return -1;
        if (rangeOffsets[k] < 0) return (c + deltas[k]) & 0xFFFF;
        int at = rangeOffsets[k] + file.u16(rangeOffsets[k]) + 2 * (c - starts[k]);
        if (at + 2 > cmap + file.u16(cmap + 2)) return -1;
        int g = file.u16(at);
        return g == 0 ? 0 : (g + deltas[k]) & 0xFFFF;
    }

    /** Format 12: groups of 32-bit code ranges. */
    private int glyph12(int c) {
        int k = find(c);
        return k < 0 ? -1 : deltas[k] + (c - starts[k]);
    }
}
