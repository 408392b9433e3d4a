package com.lowagie.text.pdf;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * An embedded, subsetted TrueType font (Identity-H) whose subsets carry horizontal metrics only
 * for the glyphs drawn.
 *
 * <p>OpenPDF's subsetter (TrueTypeFontSubSet) empties the outlines of unused glyphs but copies the
 * hmtx table whole: for a CJK font of 30,900 glyphs that is 123 KB, about 30 KB after Deflate, in
 * every subset, however few glyphs the document draws. PDF readers take widths from the font's
 * /W array, not from hmtx. While this font writes its subset, the hmtx entries of every glyph the
 * document does not use are zeroed in the font's bytes (then restored), so the copy compresses to
 * almost nothing. Glyph ids, /W, outlines and therefore the look are unchanged.
 *
 * <p>It lives in OpenPDF's package because {@link TrueTypeFontUnicode} and its writeFont are
 * package-private. One object must not write two PDFs at the same time (the same holds for any
 * OpenPDF font, whose file position is shared): the caller gives each thread its own object and
 * its own copy of the bytes.
 */
public final class CompactSubsetFont extends TrueTypeFontUnicode {
    private final byte[] bytes;
    /** Position of the hmtx entry in the table directory, of the table, and numberOfHMetrics; -1 when absent. */
    private final int entry;
    private final int hmtxOffset;
    private final int hmtxLength;
    private final int longMetrics;

    /**
     * @param name  the file path (with {@code ,N} for a face of a .ttc), as for BaseFont.createFont
     * @param bytes the whole font file; written to while a subset is made, restored afterwards
     */
    public CompactSubsetFont(String name, byte[] bytes) throws IOException {
        super(name, IDENTITY_H, EMBEDDED, bytes, false);
        this.bytes = bytes;
        int found = -1;
        int count = u16(directoryOffset + 4);
        for (int i = 0; i < count; i++) {
            int at = directoryOffset + 12 + 16 * i;
            if (bytes[at] == 'h' && bytes[at + 1] == 'm' && bytes[at + 2] == 't' && bytes[at + 3] == 'x') {
                found = at;
            }
        }
        entry = found;
        hmtxOffset = found < 0 ? 0 : s32(found + 8);
        hmtxLength = found < 0 ? 0 : s32(found + 12);
        longMetrics = hhea.numberOfHMetrics;
    }

    @Override
    void writeFont(PdfWriter writer, PdfIndirectReference ref, Object[] params) throws IOException {
        if (entry < 0 || !subset || cff || hmtxOffset + hmtxLength > bytes.length) {
            super.writeFont(writer, ref, params);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Integer, int[]> used = (HashMap<Integer, int[]>) params[0];
        byte[] saved = new byte[hmtxLength];
        System.arraycopy(bytes, hmtxOffset, saved, 0, hmtxLength);
        byte[] savedSum = new byte[4];
        System.arraycopy(bytes, entry + 4, savedSum, 0, 4);
        try {
            int end = hmtxOffset + hmtxLength;
            for (int g = 1; ; g++) {
                int at = g < longMetrics ? hmtxOffset + 4 * g : hmtxOffset + 4 * longMetrics + 2 * (g - longMetrics);
                int size = g < longMetrics ? 4 : 2;
                if (at + size > end) {
                    break;
                }
                if (!used.containsKey(g)) {
                    for (int k = 0; k < size; k++) {
                        bytes[at + k] = 0;
                    }
                }
            }
            int sum = checksum(hmtxOffset, hmtxLength);
            bytes[entry + 4] = (byte) (sum >>> 24);
            bytes[entry + 5] = (byte) (sum >>> 16);
            bytes[entry + 6] = (byte) (sum >>> 8);
            bytes[entry + 7] = (byte) sum;
            super.writeFont(writer, ref, params);
        } finally {
            System.arraycopy(saved, 0, bytes, hmtxOffset, hmtxLength);
            System.arraycopy(savedSum, 0, bytes, entry + 4, 4);
        }
    }

    private int checksum(int offset, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 4) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                v = (v << 8) | (i + k < length ? bytes[offset + i + k] & 0xff : 0);
            }
            sum += v;
        }
        return sum;
    }

    private int u16(int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }

    private int s32(int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
    }
}
