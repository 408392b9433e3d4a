package org.budgetpdf.testutil;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Symbolic links and POSIX permissions in tests, on every system: an ordinary Windows PC can make neither (links need
 * administrator rights or developer mode), and `mvn test` must pass there too.
 */
public final class FileLinks {
    private FileLinks() {
    }

    /** A symbolic link; false where the system cannot make one. */
    public static boolean tryLink(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (UnsupportedOperationException | FileSystemException e) {
            return false;
        }
    }

    /** A symbolic link, or a copy where links cannot be made: for tests that need the file, not the link. */
    public static void linkOrCopy(Path link, Path target) throws IOException {
        if (tryLink(link, target)) return;
        if (Files.isDirectory(target)) org.apache.commons.io.FileUtils.copyDirectory(target.toFile(), link.toFile());
        else Files.copy(target, link);
    }

    /** A symbolic link; the test is skipped where none can be made (the link is what it tests). */
    public static void linkOrSkip(Path link, Path target) throws IOException {
        Assumptions.assumeTrue(tryLink(link, target), "this system cannot make symbolic links");
    }

    /** Skips the test unless {@code p}'s file system has POSIX permissions. */
    public static void assumePosix(Path p) {
        Assumptions.assumeTrue(p.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    }
}
