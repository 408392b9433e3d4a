package org.budgetpdf.render;

import org.openpdf.text.pdf.BaseFont;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.pdf.FontDescription;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every font file of one directory, read once per process and shared by all renders.
 *
 * <p>A file is memory-mapped and only its table directory and a few small tables are read when it is loaded: a CJK
 * font is 10–15 MB and 30,000 glyphs, of which a document draws a few hundred to a few thousand. Each document then
 * gets fonts of its own ({@link Face#forDocument}): a TrueType font holding just the glyphs of the characters the
 * document can show, made from the file's bytes and handed to OpenPDF through its public {@code createFont}. OpenPDF
 * reads that small font in a few milliseconds and subsets it again when it writes the PDF; nothing is shared
 * between documents, so renders on several threads need no copies. Files that fail to load are listed in
 * {@link #problems()}, never skipped silently.
 */
public final class FontSet {

    /** A font file that could not be loaded. */
    public record Problem(Path file, String reason) {
        @Override
        public String toString() {
            return file + ": " + reason;
        }
    }

    /**
     * One face of a font file: its family names (as CSS {@code font-family} must spell them), what it can draw, and
     * how to make a document's font from it. Immutable; shared by every thread.
     */
    public static final class Face {
        private final String path;
        private final Set<String> families;
        private final Sfnt file;
        private final FontSubset subset;
        private final IdentValue style;
        private final FontDescription.Decorations decorations;

        private Face(String path, Sfnt file) throws IOException {
            this.path = path;
            this.file = file;
            this.subset = FontSubset.of(path, file);
            // OpenPDF refuses to embed a font whose licence restricts embedding (OS/2 fsType 2); say so now
            if (file.has("OS/2") && file.s16(file.offset("OS/2") + 8) == 2) throw new IOException("font cannot be embedded");
            // names, weight, style and decoration metrics as Flying Saucer reads them (FontSubsetTest compares)
            Set<String> names = subset.familyNames();
            if (names.isEmpty()) throw new IOException("no family name in the font's name table");
            this.families = Collections.unmodifiableSet(names);
            this.style = subset.style();
            this.decorations = subset.decorations();
        }

        /** The file path, with {@code ,N} for a face of a .ttc. */
        public String path() {
            return path;
        }

        /** Family names, sorted. */
        public Set<String> families() {
            return families;
        }

        /** True when the face has a glyph for {@code codePoint}. */
        public boolean canDisplay(int codePoint) {
            return subset.glyph(codePoint) > 0;
        }

        /**
         * A font for one document that can draw every character of {@code codePoints} this face has; its own object,
         * so that nothing it records while a PDF is written is shared with another document.
         */
        FontDescription forDocument(BitSet codePoints) throws IOException {
            BaseFont font = subset.create(subset.image(codePoints));
            return new FontDescription(font, false, style, decorations);
        }
    }

    private final List<Face> faces;
    private final List<Problem> problems;
    /** The folder the fonts were read from. */
    private final Path dir;

    private FontSet(Path dir, List<Face> faces, List<Problem> problems) {
        this.dir = dir;
        this.faces = List.copyOf(faces);
        this.problems = List.copyOf(problems);
    }

    /**
     * Loads every *.ttf, *.otf and *.ttc file of {@code fontsDir}, sorted by file name.
     *
     * @throws IOException if the directory itself cannot be listed
     */
    public static FontSet load(Path fontsDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(fontsDir)) {
            files = s.filter(p -> isFontFile(p) && Files.isRegularFile(p)).sorted().toList();
        }
        List<Face> faces = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                faces.addAll(loadFile(file));
            } catch (Exception | LinkageError e) {
                problems.add(new Problem(file, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        if (files.isEmpty()) {
            problems.add(new Problem(fontsDir, "no *.ttf, *.otf or *.ttc file in the directory"));
        }
        return new FontSet(fontsDir, faces, problems);
    }

    private static boolean isFontFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ttf") || n.endsWith(".otf") || n.endsWith(".ttc");
    }

    private static List<Face> loadFile(Path file) throws IOException {
        String path = file.toAbsolutePath().toString();
        ByteBuffer bytes = map(file);
        List<String> names = new ArrayList<>();
        if (path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            if (bytes.capacity() < 12 || bytes.getInt(0) != 0x74746366) throw new IOException("not a TrueType collection");
            int n = bytes.getInt(8);
            for (int i = 0; i < n; i++) {
                names.add(path + "," + i);
            }
        } else {
            names.add(path);
        }
        List<Face> result = new ArrayList<>();
        for (String name : names) {
            result.add(new Face(name, Sfnt.open(name, bytes)));
        }
        return result;
    }

    /**
     * The file's bytes: a read-only memory map, so that only the parts a document uses are read from disk; the
     * file's own bytes when it is not on the default file system (fonts packaged in the jar).
     */
    private static ByteBuffer map(Path file) throws IOException {
        if (file.getFileSystem() != FileSystems.getDefault()) return ByteBuffer.wrap(Files.readAllBytes(file));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()); // stays valid after the channel closes
        }
    }

    /** The folder the fonts were read from. */
    public Path dir() {
        return dir;
    }

    /** The faces loaded, in file-name order. */
    public List<Face> faces() {
        return faces;
    }

    /** Files that failed to load; empty when all is well. */
    public List<Problem> problems() {
        return problems;
    }

    /** All family names found (as CSS {@code font-family} must spell them), sorted. */
    public Set<String> familyNames() {
        Set<String> names = new TreeSet<>();
        for (Face f : faces) {
            names.addAll(f.families());
        }
        return Collections.unmodifiableSet(names);
    }
}
