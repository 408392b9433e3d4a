package org.budgetpdf.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.*;

/**
 * bin/budgetpdf and bin\budgetpdf.cmd: the launchers name themselves to the program (so --help shows their form) and
 * record their start-up archive anew when the jar is rebuilt. The shell launcher runs here against a jar whose manifest
 * points at the test class path; the Windows one cannot, so its bytes are checked: ASCII (cmd reads a batch file in the
 * console's code page) with CRLF line ends.
 */
class LauncherScriptTest {
    static final Path HOME = CommandLineTest.HOME;

    record Out(int code, String out, String err) {
    }

    static Out sh(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", dir.resolve("bin/budgetpdf").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile("sh-out", ".txt");
        Path err = Files.createTempFile("sh-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Out r = new Out(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** A jar that runs the program from the test class path (what target/budgetpdf.jar is to the launcher). */
    static void jar(Path jar) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.budgetpdf.Main");
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.append(cp.isEmpty() ? "" : " ").append(Path.of(e).toUri());
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString());
        Files.createDirectories(jar.getParent());
        try (OutputStream o = new JarOutputStream(Files.newOutputStream(jar), m)) {
            o.flush();
        }
    }

    @Test
    void theShellLauncherNamesItselfAndRenewsItsArchiveWhenTheJarChanges(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"), "a POSIX shell");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Files.createDirectories(tmp.resolve("bin"));
        Files.copy(HOME.resolve("bin/budgetpdf"), tmp.resolve("bin/budgetpdf"));
        assertEquals(2, sh(tmp, "--version").code(), "no jar yet");
        Path jar = tmp.resolve("target/budgetpdf.jar");
        jar(jar);

        Out help = sh(tmp, "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("\n  bin/budgetpdf check 文件或文件夹…\n"), help.out());
        Path jsa = tmp.resolve("target/budgetpdf.jsa");
        assertTrue(Files.isRegularFile(jsa), "the first run records the archive");

        // an archive newer than the jar is used as it is
        FileTime recorded = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000);
        Files.setLastModifiedTime(jsa, recorded);
        assertEquals(0, sh(tmp, "--version").code());
        assertEquals(recorded, Files.getLastModifiedTime(jsa), "mapped, not recorded again");

        // a rebuilt jar (newer than the archive) records it anew
        Files.setLastModifiedTime(jar, FileTime.fromMillis(recorded.toMillis() + 60_000));
        Out v = sh(tmp, "--version");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("部门预决算公开 PDF 生成工具 "), v.out());
        assertNotEquals(recorded, Files.getLastModifiedTime(jsa), "recorded anew after the rebuild");
    }

    @Test
    void theWindowsLauncherIsAsciiWithCrlfAndComparesTheJarWithItsArchive() throws Exception {
        byte[] b = Files.readAllBytes(HOME.resolve("bin/budgetpdf.cmd"));
        for (int i = 0; i < b.length; i++) {
            assertTrue(b[i] >= 0, "byte " + i + " is not ASCII");
            if (b[i] == '\n') assertEquals('\r', b[i - 1], "line ends are CRLF (byte " + i + ")");
        }
        String text = new String(b, StandardCharsets.US_ASCII);
        assertTrue(text.contains("\"-Dbudgetpdf.launcher=bin\\budgetpdf.cmd\""), "names itself for --help");
        assertTrue(text.contains("dir /b /a:-d /o:d"), "the newer of jar and archive decides");
        assertTrue(text.contains("-XX:ArchiveClassesAtExit=") && text.contains("-XX:SharedArchiveFile="));
    }
}
