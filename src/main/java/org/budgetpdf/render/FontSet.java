package org.budgetpdf.render;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.CompactSubsetFont;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.TrueTypeUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every font file of one directory, loaded once per process and shared by all renders.
 *
 * <p>Each file is read once into memory and turned into an uncached {@link CompactSubsetFont}: OpenPDF's
 * own cache reopens font files unbuffered and reads them one byte per system call when
 * subsetting (stack-notes "Warm render cost"), and reads every glyph's metrics up front. Files that
 * fail to load are listed in {@link #problems()}, never skipped silently.
 */
public final class FontSet {

    /** One registered face. {@code path} is the file path, with {@code ,N} for a face of a .ttc. */
    public record Face(String path, Set<String> families, BaseFont font) {
    }

    /** A font file that could not be loaded. */
    public record Problem(Path file, String reason) {
        @Override
        public String toString() {
            return file + ": " + reason;
        }
    }

    private final List<Face> faces;
    private final List<Problem> problems;
    /** Font file contents by face path, shared read-only by every thread's font objects. */
    private final Map<String, ByteBuffer> bytes;
    /**
     * One set of font objects per rendering thread: an OpenPDF font keeps a file position and the
     * subset-tag generator, so two PDFs must not be written with the same object at once. The
     * file bytes are shared (see CompactSubsetFont); the first thread uses the objects made while loading.
     */
    private final ThreadLocal<List<Face>> perThread;

    /** The folder the fonts were read from. */
    private final Path dir;

    private FontSet(Path dir, List<Face> faces, List<Problem> problems, Map<String, ByteBuffer> bytes) {
        this.dir = dir;
        this.faces = List.copyOf(faces);
        this.problems = List.copyOf(problems);
        this.bytes = Map.copyOf(bytes);
        Thread owner = Thread.currentThread();
        this.perThread = ThreadLocal.withInitial(() -> Thread.currentThread() == owner ? this.faces : copies());
    }

    private List<Face> copies() {
        List<Face> copy = new ArrayList<>(faces.size());
        for (Face f : faces) {
            try {
                BaseFont font = newFont(f.path(), bytes.get(f.path()));
                copy.add(new Face(f.path(), f.families(), font));
            } catch (Exception e) {
                throw new IllegalStateException("font " + f.path() + " loaded once but not again: " + e.getMessage(), e);
            }
        }
        return List.copyOf(copy);
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
        Map<String, ByteBuffer> bytes = new HashMap<>();
        // Opening a font reads its tables' headers only (CompactSubsetFont): a few milliseconds each.
        for (Path file : files) {
            try {
                faces.addAll(loadFile(file, bytes));
            } catch (Exception | LinkageError e) {
                problems.add(new Problem(file, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        if (files.isEmpty()) {
            problems.add(new Problem(fontsDir, "no *.ttf, *.otf or *.ttc file in the directory"));
        }
        return new FontSet(fontsDir, faces, problems, bytes);
    }

    private static boolean isFontFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ttf") || n.endsWith(".otf") || n.endsWith(".ttc");
    }

    private static List<Face> loadFile(Path file, Map<String, ByteBuffer> contents) throws Exception {
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
            BaseFont font = newFont(name, bytes);
            Set<String> families = new TreeSet<>(TrueTypeUtil.getFamilyNames(font));
            if (families.isEmpty()) {
                throw new IOException("no family name in the font's name table");
            }
            result.add(new Face(name, Collections.unmodifiableSet(families), font));
            contents.put(name, bytes);
        }
        return result;
    }

    /**
     * The file's bytes: a read-only memory map, so that only the parts a document uses are read from disk (a CJK
     * font is 10-15 MB); the file's own bytes when it is not on the default file system (fonts packaged in the jar).
     */
    private static ByteBuffer map(Path file) throws IOException {
        if (file.getFileSystem() != FileSystems.getDefault()) return ByteBuffer.wrap(Files.readAllBytes(file));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()); // stays valid after the channel closes
        }
    }

    /** An embedded Identity-H font read on demand, whose subsets carry the metrics of the glyphs drawn only. */
    private static BaseFont newFont(String name, ByteBuffer bytes) throws Exception {
        BaseFont f = new CompactSubsetFont(name, bytes);
        if (!f.isEmbedded()) throw new IOException("font cannot be embedded");
        return f;
    }

    /** The folder the fonts were read from. */
    public Path dir() {
        return dir;
    }

    /** The faces loaded, in file-name order: the calling thread's own font objects. */
    public List<Face> faces() {
        return perThread.get();
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

    /**
     * Registers every face into a renderer's font resolver. Flying Saucer reads the weight and
     * decorations of each face from the file's OS/2 and post tables here (a few small reads).
     */
    public void registerInto(ITextFontResolver resolver) {
        for (Face f : faces()) {
            resolver.addFont(f.font(), f.path(), null);
        }
    }
}
