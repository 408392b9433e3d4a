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
     *
     * <p>The temp directory is shared with other users, so the copy is trusted only when it is this user's own private
     * folder (owner checked, no access for group or others where the file system has POSIX permissions) holding exactly
     * the packaged files with the same SHA-256. Anything else (a folder planted by someone else, a changed or added
     * file) is not used: the copy is made again, privately.
     */
    static Path unpacked(Path fonts) {
        if (fonts.getFileSystem() == FileSystems.getDefault()) return fonts;
        try {
            java.util.List<Path> files;
            try (java.util.stream.Stream<Path> s = Files.list(fonts)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            // the packaged SHA256SUMS gives the fonts' hashes without inflating 50 MB from the jar; other files are small
            java.util.Map<String, String> listed = sums(fonts.resolve(SUMS));
            java.util.Map<String, String> hashes = new java.util.TreeMap<>();
            long key = 17;
            for (Path f : files) {
                String name = f.getFileName().toString();
                key = key * 31 + (name + ":" + Files.size(f)).hashCode();
                hashes.put(name, listed.containsKey(name) ? listed.get(name) : sha256(f));
            }
            String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_.-]", "_");
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path dir = tmp.resolve("budgetpdf-fonts-" + user + "-" + Long.toHexString(key));
            if (FontCache.trusted(dir, hashes)) return dir;
            Path part = FontCache.privateCopy(tmp, dir.getFileName() + ".part", files);
            if (FontCache.ours(dir)) FontCache.delete(dir); // ours but changed: replaced below
            try {
                Files.move(part, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException taken) {
                // another run made it first, or another user holds the name: use that folder only if it passes
                if (FontCache.trusted(dir, hashes)) {
                    FontCache.delete(part);
                    return dir;
                }
                FontCache.deleteOnExit(part);
                return FontCache.trusted(part, hashes) ? part : fonts;
            }
            return FontCache.trusted(dir, hashes) ? dir : fonts;
        } catch (IOException | RuntimeException e) {
            return fonts;
        }
    }

    /** The list of the fonts' SHA-256 beside them (the output of {@code sha256sum *.ttf}); FontManifestTest keeps it true. */
    static final String SUMS = "SHA256SUMS";

    /** File name → SHA-256 as listed in a {@code sha256sum} file; empty when there is none. */
    static java.util.Map<String, String> sums(Path file) throws IOException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (!Files.isRegularFile(file)) return out;
        for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\p{XDigit}{64}) [ *](.+)").matcher(line.strip());
            if (m.matches()) out.put(m.group(2), m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    static String sha256(Path f) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(f)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
