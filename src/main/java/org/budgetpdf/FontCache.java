package org.budgetpdf;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The private copy of the packaged fonts in the shared temp directory (see {@link ProjectHome#unpacked}): who owns it,
 * whether anyone else can write it, and whether it holds exactly the packaged files.
 */
final class FontCache {
    private FontCache() {
    }

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** This process's user, as the file system names owners; null when it cannot be told. */
    static UserPrincipal me() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A real folder (not a link) of this user's, which no one else may read or write (where POSIX). */
    static boolean ours(Path p) {
        try {
            if (!Files.isDirectory(p, NOFOLLOW)) return false;
            return privateEntry(p);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean privateEntry(Path p) throws IOException {
        if (!posix()) return true;
        PosixFileAttributes a = Files.getFileAttributeView(p, PosixFileAttributeView.class, NOFOLLOW).readAttributes();
        UserPrincipal me = me();
        return me != null && me.equals(a.owner()) && a.permissions().stream().noneMatch(OTHERS::contains);
    }

    /** {@code dir} is ours and holds exactly the files of {@code sha256} (name → hash), each a private regular file. */
    static boolean trusted(Path dir, Map<String, String> sha256) {
        if (!ours(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> entries = s.toList();
            if (entries.size() != sha256.size()) return false;
            for (Path e : entries) {
                String want = sha256.get(e.getFileName().toString());
                if (want == null || !Files.isRegularFile(e, NOFOLLOW) || !privateEntry(e) || !want.equals(ProjectHome.sha256(e))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A new folder only this user can read, holding copies of {@code files}. */
    static Path privateCopy(Path tmp, String prefix, List<Path> files) throws IOException {
        Path part = posix()
                ? Files.createTempDirectory(tmp, prefix, attrs("rwx------"))
                : Files.createTempDirectory(tmp, prefix);
        for (Path f : files) {
            Path to = part.resolve(f.getFileName().toString());
            if (posix()) Files.createFile(to, attrs("rw-------"));
            // written into the file just made, so that it keeps its owner-only permissions
            try (java.io.InputStream in = Files.newInputStream(f); java.io.OutputStream out = Files.newOutputStream(to)) {
                in.transferTo(out);
            }
        }
        return part;
    }

    private static FileAttribute<Set<PosixFilePermission>> attrs(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }

    /** Deletes a folder of ours and what is in it, without following links. */
    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // what is left is not trusted by the next run either
        }
    }

    static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "budgetpdf-font-cleanup"));
    }
}
