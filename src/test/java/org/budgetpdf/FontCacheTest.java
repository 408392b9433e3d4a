package org.budgetpdf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15 §2: the copy of the jar's fonts in the shared temp folder is used only when it is this user's private
 * folder holding exactly the packaged fonts; a planted, changed, added or world-writable copy is replaced.
 */
class FontCacheTest {
    @TempDir
    Path tmp;
    FileSystem zip;
    Path fonts;
    String savedTmp;
    static final byte[] SERIF = "serif-font-bytes".getBytes();

    @BeforeEach
    void jar() throws IOException {
        zip = FileSystems.newFileSystem(tmp.resolve("p.jar"), Map.of("create", "true"));
        fonts = Files.createDirectories(zip.getPath("/budgetpdf/fonts"));
        Files.write(fonts.resolve("Serif.ttf"), SERIF);
        Files.writeString(fonts.resolve("OFL.txt"), "licence");
        savedTmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.resolve("shared").toString());
        Files.createDirectories(tmp.resolve("shared"));
    }

    @AfterEach
    void restore() throws IOException {
        System.setProperty("java.io.tmpdir", savedTmp);
        zip.close();
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void theCopyIsPrivateToItsOwner() throws IOException {
        Assumptions.assumeTrue(posix());
        Path dir = ProjectHome.unpacked(fonts);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("Serif.ttf"))));
        assertArrayEquals(SERIF, Files.readAllBytes(dir.resolve("Serif.ttf")));
    }

    @Test
    void aFontSwappedForAnotherOfTheSameSizeIsNotUsed() throws IOException {
        Path dir = ProjectHome.unpacked(fonts);
        byte[] sans = "sans--font-bytes".getBytes(); // same size, same name: the planted swap of the issue
        assertEquals(SERIF.length, sans.length);
        Files.write(dir.resolve("Serif.ttf"), sans);
        Path again = ProjectHome.unpacked(fonts);
        assertArrayEquals(SERIF, Files.readAllBytes(again.resolve("Serif.ttf")), "the changed copy is rebuilt from the jar");
    }

    @Test
    void theListedHashIsTheReference() throws IOException {
        // a jar whose SHA256SUMS does not match its font (a tampered build): the copy never passes, the jar is used as it is
        Files.writeString(fonts.resolve(ProjectHome.SUMS), "0".repeat(64) + "  Serif.ttf\n");
        assertEquals(fonts, ProjectHome.unpacked(fonts));
        Files.writeString(fonts.resolve(ProjectHome.SUMS), ProjectHome.sha256(fonts.resolve("Serif.ttf")) + "  Serif.ttf\n");
        Path dir = ProjectHome.unpacked(fonts);
        assertNotEquals(fonts, dir);
        assertEquals(dir, ProjectHome.unpacked(fonts));
    }

    @Test
    void aFileAddedToTheCopyIsNotUsed() throws IOException {
        Path dir = ProjectHome.unpacked(fonts);
        Files.write(dir.resolve("Planted.ttf"), new byte[]{1, 2, 3});
        Path again = ProjectHome.unpacked(fonts);
        assertFalse(Files.exists(again.resolve("Planted.ttf")), "FontSet loads every .ttf of the folder");
        assertArrayEquals(SERIF, Files.readAllBytes(again.resolve("Serif.ttf")));
    }

    @Test
    void aFolderOthersCanWriteIsNotUsed() throws IOException {
        Assumptions.assumeTrue(posix());
        Path dir = ProjectHome.unpacked(fonts);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path again = ProjectHome.unpacked(fonts);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again)));
    }

    @Test
    void aFolderPlantedByAnotherUserUnderTheExpectedNameIsNotUsed() throws IOException {
        Assumptions.assumeTrue(posix());
        Path planted = ProjectHome.unpacked(fonts);
        UserPrincipal nobody;
        try {
            nobody = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            try (Stream<Path> s = Files.list(planted)) {
                for (Path p : s.toList()) Files.setOwner(p, nobody);
            }
            Files.setOwner(planted, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give a folder to another user here (needs root): " + e);
            return;
        }
        Path used = ProjectHome.unpacked(fonts);
        assertNotEquals(planted, used, "another user's folder is never trusted");
        assertNotEquals(nobody, Files.getOwner(used));
        assertArrayEquals(SERIF, Files.readAllBytes(used.resolve("Serif.ttf")));
    }

    @Test
    void aSymbolicLinkUnderTheExpectedNameIsNotFollowed() throws IOException {
        Path real = ProjectHome.unpacked(fonts);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.write(elsewhere.resolve("Serif.ttf"), SERIF);
        Files.writeString(elsewhere.resolve("OFL.txt"), "licence");
        FontCache.delete(real);
        Files.createSymbolicLink(real, elsewhere);
        Path used = ProjectHome.unpacked(fonts);
        assertFalse(Files.isSymbolicLink(used), used.toString());
    }
}
