package com.lowagie.text.pdf;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A TrueType cmap subtable (format 4 or 12) answered from the font's bytes: each character is looked
 * up (binary search over the segments) the first time it is asked for, then kept. It gives exactly
 * the entries OpenPDF's readFormat4 / readFormat12 would have put into their HashMap: character to
 * {glyph, width}. Views of the whole map (entrySet, size...) read every entry first.
 *
 * <p>It is a HashMap because OpenPDF's fields are declared as one. Lookups are synchronized: the
 * glyph check may ask from several threads.
 */
final class LazyCmap extends HashMap<Integer, int[]> {
    private final CompactSubsetFont font;
    private final Sfnt data;
    private final int table;
    private final int format;
    private final Set<Integer> absent = new HashSet<>();
    private boolean complete;

    /** @param table the subtable's position in {@code data}; {@code font} gives the glyphs' widths */
    LazyCmap(CompactSubsetFont font, Sfnt data, int table) {
        this.font = font;
        this.data = data;
        this.table = table;
        this.format = data.u16(table);
    }

    @Override
    public synchronized int[] get(Object key) {
        int[] m = super.get(key);
        if (m != null || complete || !(key instanceof Integer c) || absent.contains(c)) {
            return m;
        }
        int glyph = format == 4 ? glyph4(c) : glyph12(c);
        if (glyph < 0) {
            absent.add(c);
            return null;
        }
        m = new int[]{glyph, font.width(glyph)};
        super.put(c, m);
        return m;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int[] getOrDefault(Object key, int[] defaultValue) {
        int[] m = get(key);
        return m != null ? m : defaultValue;
    }

    /** Format 4: segments of 16-bit codes; -1 when {@code c} is in none (OpenPDF leaves 0xFFFF out). */
    private int glyph4(int c) {
        if (c < 0 || c >= 0xFFFF) {
            return -1;
        }
        int segCount = data.u16(table + 6) / 2;
        if (segCount == 0) {
            return -1;
        }
        int ends = table + 14;
        int lo = 0;
        int hi = segCount - 1;
        while (lo < hi) { // first segment whose end is >= c
            int mid = (lo + hi) >>> 1;
            if (data.u16(ends + 2 * mid) < c) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return glyph4(lo, c, segCount);
    }

    private int glyph4(int k, int c, int segCount) {
        int ends = table + 14;
        int starts = ends + 2 * segCount + 2;
        int deltas = starts + 2 * segCount;
        int offsets = deltas + 2 * segCount;
        int end = data.u16(ends + 2 * k);
        int start = data.u16(starts + 2 * k);
        if (c < start || c > end) {
            return -1;
        }
        int delta = data.u16(deltas + 2 * k);
        int rangeOffset = data.u16(offsets + 2 * k);
        if (rangeOffset == 0) {
            return (c + delta) & 0xFFFF;
        }
        int glyphIds = offsets + 2 * segCount;
        int glyphIdCount = data.u16(table + 2) / 2 - 8 - segCount * 4;
        int idx = k + rangeOffset / 2 - segCount + c - start;
        if (idx < 0 || idx >= glyphIdCount) {
            return -1;
        }
        return (data.u16(glyphIds + 2 * idx) + delta) & 0xFFFF;
    }

    /** Format 12: groups of 32-bit code ranges. */
    private int glyph12(int c) {
        int groups = data.s32(table + 12);
        int lo = 0;
        int hi = groups - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = table + 16 + 12 * mid;
            int start = data.s32(at);
            int end = data.s32(at + 4);
            if (c < start) {
                hi = mid - 1;
            } else if (c > end) {
                lo = mid + 1;
            } else {
                return data.s32(at + 8) + (c - start);
            }
        }
        return -1;
    }

    /** Every entry, as OpenPDF would have read them, for the whole-map views. */
    private synchronized void complete() {
        if (complete) {
            return;
        }
        if (format == 4) {
            int segCount = data.u16(table + 6) / 2;
            int starts = table + 14 + 2 * segCount + 2;
            for (int k = 0; k < segCount; k++) {
                int end = data.u16(table + 14 + 2 * k);
                for (int c = data.u16(starts + 2 * k); c <= end && c != 0xFFFF; c++) {
                    int g = glyph4(k, c, segCount);
                    if (g >= 0 && super.get(c) == null) {
                        super.put(c, new int[]{g, font.width(g)});
                    }
                }
            }
        } else {
            int groups = data.s32(table + 12);
            for (int k = 0; k < groups; k++) {
                int at = table + 16 + 12 * k;
                int start = data.s32(at);
                for (int c = start; c <= data.s32(at + 4); c++) {
                    if (super.get(c) == null) {
                        int g = data.s32(at + 8) + (c - start);
                        super.put(c, new int[]{g, font.width(g)});
                    }
                }
            }
        }
        complete = true;
    }

    @Override
    public Set<Map.Entry<Integer, int[]>> entrySet() {
        complete();
        return super.entrySet();
    }

    @Override
    public Set<Integer> keySet() {
        complete();
        return super.keySet();
    }

    @Override
    public Collection<int[]> values() {
        complete();
        return super.values();
    }

    @Override
    public int size() {
        complete();
        return super.size();
    }

    @Override
    public boolean isEmpty() {
        complete();
        return super.isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super Integer, ? super int[]> action) {
        complete();
        super.forEach(action);
    }
}
