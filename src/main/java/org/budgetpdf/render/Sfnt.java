package org.budgetpdf.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One face of a TrueType/OpenType file (or of a collection), read in place: its table directory and absolute
 * reads from the file's bytes. The bytes are usually a read-only memory map, so only the pages read are loaded:
 * a CJK font of 15 MB costs the few hundred kilobytes a document needs, not a full read.
 *
 * <p>Absolute reads only, never a position: one Sfnt is shared by every thread.
 */
final class Sfnt {
    private final ByteBuffer data;
    private final int version;
    /** Tag to {checksum, offset, length}, offsets from the start of the file. */
    private final Map<String, int[]> tables;

    private Sfnt(ByteBuffer data, int version, Map<String, int[]> tables) {
        this.data = data;
        this.version = version;
        this.tables = tables;
    }

    /** @param name the font's path, with {@code ,N} for the N-th face of a .ttc */
    static Sfnt open(String name, ByteBuffer data) throws IOException {
        try {
            int directory = 0;
            int comma = name.toLowerCase(Locale.ROOT).lastIndexOf(".ttc,");
            if (comma >= 0) {
                int index = Integer.parseInt(name.substring(comma + 5));
                if (data.getInt(0) != 0x74746366 || index < 0 || index >= data.getInt(8)) { // 'ttcf'
                    throw new IOException(name + " is not a font collection with a face " + index);
                }
                directory = data.getInt(12 + 4 * index);
            }
            int version = data.getInt(directory);
            if (version != 0x00010000 && version != 0x4F54544F && version != 0x74727565) { // TrueType, 'OTTO', 'true'
                throw new IOException(name + " is not a valid TTF or OTF file");
            }
            int count = data.getShort(directory + 4) & 0xFFFF;
            Map<String, int[]> tables = new HashMap<>();
            for (int k = 0; k < count; k++) {
                int at = directory + 12 + 16 * k;
                byte[] tag = new byte[4];
                data.get(at, tag);
                int[] entry = {data.getInt(at + 4), data.getInt(at + 8), data.getInt(at + 12)};
                String t = new String(tag, StandardCharsets.ISO_8859_1);
                if (entry[1] < 0 || entry[2] < 0 || (long) entry[1] + entry[2] > data.capacity()) {
                    throw new IOException(name + ": table " + t + " lies outside the file");
                }
                tables.put(t, entry);
            }
            return new Sfnt(data, version, tables);
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IOException(name + " is not a valid font file: " + e.getMessage(), e);
        }
    }

    boolean has(String tag) {
        return tables.containsKey(tag);
    }

    /** {checksum, offset, length} of a table, or null. */
    int[] table(String tag) {
        return tables.get(tag);
    }

    /** The start of a table in the file; throws when the face has none. */
    int offset(String tag) throws IOException {
        int[] t = tables.get(tag);
        if (t == null) throw new IOException("the font has no '" + tag + "' table");
        return t[1];
    }

    int u16(int at) {
        return data.getShort(at) & 0xFFFF;
    }

    short s16(int at) {
        return data.getShort(at);
    }

    int s32(int at) {
        return data.getInt(at);
    }

    void copy(int at, byte[] to, int offset, int length) {
        data.get(at, to, offset, length);
    }

    byte[] bytes(int at, int length) {
        byte[] b = new byte[length];
        data.get(at, b);
        return b;
    }

    /** A table's bytes, or null when the face has none. */
    byte[] tableBytes(String tag) {
        int[] t = tables.get(tag);
        return t == null ? null : bytes(t[1], t[2]);
    }

    /** The whole face as a font file of its own (a face of a collection is copied out of it). */
    byte[] whole() {
        return image(List.copyOf(tables.keySet()), Map.of());
    }

    /**
     * A font file holding the named tables the face has, in tag order: each as in the file, or as given in
     * {@code replaced} (checksum recomputed).
     */
    byte[] image(List<String> tags, Map<String, byte[]> replaced) {
        TreeMap<String, byte[]> content = new TreeMap<>();
        for (String tag : tags) {
            byte[] b = replaced.containsKey(tag) ? replaced.get(tag) : tableBytes(tag);
            if (b != null) content.put(tag, b);
        }
        int count = content.size();
        int size = 12 + 16 * count;
        for (byte[] b : content.values()) size += (b.length + 3) & ~3;
        ByteBuffer out = ByteBuffer.allocate(size);
        int selector = 31 - Integer.numberOfLeadingZeros(Math.max(1, count));
        out.putInt(version).putShort((short) count).putShort((short) (16 << selector))
                .putShort((short) selector).putShort((short) (16 * count - (16 << selector)));
        int offset = 12 + 16 * count;
        List<byte[]> order = new ArrayList<>(content.values());
        for (Map.Entry<String, byte[]> e : content.entrySet()) {
            byte[] b = e.getValue();
            out.put(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
            out.putInt(replaced.containsKey(e.getKey()) ? checksum(b) : tables.get(e.getKey())[0]);
            out.putInt(offset).putInt(b.length);
            offset += (b.length + 3) & ~3;
        }
        for (byte[] b : order) {
            out.put(b);
            out.position((out.position() + 3) & ~3);
        }
        return out.array();
    }

    static int checksum(byte[] b) {
        int sum = 0;
        for (int i = 0; i < b.length; i += 4) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                v = (v << 8) | (i + k < b.length ? b[i + k] & 0xff : 0);
            }
            sum += v;
        }
        return sum;
    }
}
