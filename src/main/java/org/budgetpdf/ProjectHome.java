package org.budgetpdf;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where templates/ and fonts/ are, independent of the working directory. Each folder is looked up
 * on its own, first match wins:
 * <ol>
 *   <li>{@code -Dbudgetpdf.home=DIR} or the environment variable {@code BUDGETPDF_HOME};</li>
 *   <li>the given start folder (the working directory for the command line);</li>
 *   <li>the project the code was loaded from: the first parent of the jar or classes folder that
 *       holds the folder (target/classes and target/*.jar both lie inside the project);</li>
 *   <li>the copy packaged in the jar under {@code /budgetpdf/} (read-only defaults).</li>
 * </ol>
 * data/, out/ and the clerk's own catalog/ (科目表 rows added to the shipped ones) are not looked up: they stay
 * relative to the working directory.
 */
public record ProjectHome(Path templates, Path fonts, Path catalog) {
    static final String PROPERTY = "budgetpdf.home";
    static final String ENV = "BUDGETPDF_HOME";
    static final String PACKAGED = "/budgetpdf/";

    /** Looks up templates/ and fonts/ starting from {@code start}; the local catalog/ is start's own, like data/. */
    public static ProjectHome locate(Path start) {
        return new ProjectHome(find(start, "templates"), find(start, "fonts"), start.toAbsolutePath().resolve("catalog"));
    }

    static Path find(Path start, String folder) {
        String explicit = System.getProperty(PROPERTY);
        if (explicit == null || explicit.isBlank()) explicit = System.getenv(ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit).toAbsolutePath().resolve(folder);
            if (Files.isDirectory(p)) return p;
        }
        Path here = start.toAbsolutePath().resolve(folder);
        if (Files.isDirectory(here)) return here;
        Optional<Path> code = codeLocation();
        if (code.isPresent()) {
            for (Path p = code.get().getParent(); p != null; p = p.getParent()) {
                Path candidate = p.resolve(folder);
                if (Files.isDirectory(candidate) && Files.isDirectory(p.resolve("templates"))) return candidate;
            }
        }
        Optional<Path> packaged = packaged(folder);
        if (packaged.isPresent() && folder.equals("fonts")) return unpacked(packaged.get());
        // Nothing found: the working directory's folder, so that the error names the expected place.
        return packaged.orElse(here);
    }

    /**
     * Fonts packaged in the jar, copied once into a folder of the temp directory named after their names and sizes.
     * Fonts are read in place (memory-mapped, only the parts a document uses), and Flying Saucer opens each font by
     * its file name on every layout: from inside the jar each would be inflated whole, 50 MB per layout. When the
     * copy cannot be made, the packaged folder is used as it is (slower, same PDF).
     */
    static Path unpacked(Path fonts) {
        if (fonts.getFileSystem() == FileSystems.getDefault()) return fonts;
        try {
            java.util.List<Path> files;
            try (java.util.stream.Stream<Path> s = Files.list(fonts)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            long key = 17;
            for (Path f : files) key = key * 31 + (f.getFileName().toString() + ":" + Files.size(f)).hashCode();
            String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_.-]", "_");
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "budgetpdf-fonts-" + user + "-" + Long.toHexString(key));
            if (Files.isDirectory(dir)) return dir;
            Path part = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".part");
            for (Path f : files) Files.copy(f, part.resolve(f.getFileName().toString()));
            try {
                Files.move(part, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) { // another run made it first
                org.apache.commons.io.FileUtils.deleteQuietly(part.toFile());
            }
            return Files.isDirectory(dir) ? dir : fonts;
        } catch (IOException | RuntimeException e) {
            return fonts;
        }
    }

    /** The jar file or classes folder this class was loaded from. */
    private static Optional<Path> codeLocation() {
        try {
            CodeSource cs = ProjectHome.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) return Optional.empty();
            URI uri = cs.getLocation().toURI();
            return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri).toAbsolutePath()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The folder packaged on the class path (inside the jar, or target/classes during development). */
    private static Optional<Path> packaged(String folder) {
        return org.budgetpdf.load.ClasspathFolder.of(PACKAGED + folder);
    }
}
