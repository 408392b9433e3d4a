package org.budgetpdf.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * bin/budgetpdf and bin\budgetpdf.cmd: the launchers name themselves to the program (so --help shows their form) and
 * keep their start-up cache (AOT cache on Java 25, AppCDS archive on 21) with the jar: made by the first successful
 * build, used as it is while the jar is the same, made anew for a rebuilt or replaced jar (JDK 25.0.3 would run an old
 * cache with a changed jar: JDK-8377932), never by a run that failed. The shell launcher runs here against a jar of
 * target/classes whose manifest names the dependency jars; the Windows one cannot, so its bytes are checked: ASCII (cmd
 * reads a batch file in the console's code page) with CRLF line ends, and the same JVM options as the shell one.
 */
class LauncherScriptTest {
    static final Path HOME = CommandLineTest.HOME;
    static final Path FIXTURE = HOME.resolve("src/test/resources/fixtures/minimal-budget.yaml");

    record Out(int code, String out, String err) {
    }

    static Out sh(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", dir.resolve("bin/budgetpdf").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("BUDGETPDF_HOME", HOME.toString()); // templates/ and fonts/ of the project
        Path out = Files.createTempFile("sh-out", ".txt");
        Path err = Files.createTempFile("sh-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        Out r = new Out(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * A jar of the program (what target/budgetpdf.jar is to the launcher): the classes of target/classes, the dependency
     * jars named by its manifest (a start-up cache holds classes of jars only), and {@code extra} as a file in it.
     */
    static void jar(Path jar, String extra) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.budgetpdf.Main");
        StringBuilder cp = new StringBuilder();
        Path classes = null;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                if (Files.isRegularFile(p.resolve("org/budgetpdf/Main.class"))) classes = p;
            } else {
                cp.append(cp.isEmpty() ? "" : " ").append(p.toUri());
            }
        }
        assertNotNull(classes, "target/classes on the class path");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString());
        Files.createDirectories(jar.getParent());
        Path root = classes;
        try (JarOutputStream o = new JarOutputStream(Files.newOutputStream(jar), m); Stream<Path> s = Files.walk(root)) {
            // not the copy of templates/ and fonts/ that mvn package adds (BUDGETPDF_HOME names the project's)
            for (Path f : s.filter(f -> !f.equals(root) && !root.relativize(f).startsWith("budgetpdf")).sorted().toList()) {
                String name = root.relativize(f).toString().replace('\\', '/');
                boolean folder = Files.isDirectory(f); // folders too: the shipped catalog is listed as a folder
                o.putNextEntry(new JarEntry(folder ? name + "/" : name));
                if (!folder) Files.copy(f, o);
                o.closeEntry();
            }
            o.putNextEntry(new JarEntry("extra.txt"));
            o.write(extra.getBytes(StandardCharsets.UTF_8));
            o.closeEntry();
        }
    }

    /** The start-up caches beside the jar, and what a run left half made. */
    static List<String> caches(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("budgetpdf-")).sorted().toList();
        }
    }

    @Test
    void theShellLauncherNamesItselfAndKeepsItsStartUpCacheWithTheJar(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"), "a POSIX shell");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Files.createDirectories(tmp.resolve("bin"));
        Files.copy(HOME.resolve("bin/budgetpdf"), tmp.resolve("bin/budgetpdf"));
        Files.createDirectories(tmp.resolve("data"));
        Files.copy(FIXTURE, tmp.resolve("data/minimal-budget.yaml"));
        assertEquals(2, sh(tmp, "--version").code(), "no jar yet");
        Path target = tmp.resolve("target");
        Path jar = target.resolve("budgetpdf.jar");
        jar(jar, "1");

        Out help = sh(tmp, "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("\n  bin/budgetpdf check 文件或文件夹…\n"), help.out());
        assertEquals(List.of(), caches(target), "--help records no cache: it loads a small part of what a build does");

        // the first build records the cache, quietly, and leaves nothing half made
        Out first = sh(tmp, "build", "--out", "out", "data/minimal-budget.yaml");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("data/minimal-budget.yaml → out/minimal-budget.pdf："), first.out());
        assertFalse((first.out() + first.err()).contains("AOT") || (first.out() + first.err()).contains("CDS"), first.out() + first.err());
        List<String> made = caches(target);
        assertEquals(1, made.size(), made.toString());
        assertTrue(made.get(0).matches("budgetpdf-[0-9][A-Za-z0-9._+-]*-[0-9]+\\.(aot|jsa)"), made.toString());
        Path cache = target.resolve(made.get(0));
        FileTime recorded = Files.getLastModifiedTime(cache);

        // used as it is while the jar is the same
        Out second = sh(tmp, "build", "--out", "out", "data/minimal-budget.yaml");
        assertEquals(0, second.code(), second.err());
        assertEquals(made, caches(target));
        assertEquals(recorded, Files.getLastModifiedTime(cache), "used, not recorded again");

        // a jar replaced by another (here even an older one, as from an old release zip): a cache of its own, the old one goes
        jar(jar, "22");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(recorded.toMillis() - 3_600_000));
        Out replaced = sh(tmp, "build", "--out", "out", "data/minimal-budget.yaml");
        assertEquals(0, replaced.code(), replaced.err());
        List<String> renewed = caches(target);
        assertEquals(1, renewed.size(), renewed.toString());
        assertNotEquals(made, renewed, "the old jar's cache is not used for the new one");

        // a rebuilt jar whose run fails: its exit code, and no cache recorded from it
        jar(jar, "333");
        Out failed = sh(tmp, "build", "--out", "out", "data/no-such-file.yaml");
        assertEquals(2, failed.code(), failed.err());
        assertEquals(renewed, caches(target), "nothing recorded from a failed run");
    }

    @Test
    void theWindowsLauncherIsAsciiWithCrlfAndKeepsItsCacheWithTheJarAsTheShellOneDoes() throws Exception {
        byte[] b = Files.readAllBytes(HOME.resolve("bin/budgetpdf.cmd"));
        for (int i = 0; i < b.length; i++) {
            assertTrue(b[i] >= 0, "byte " + i + " is not ASCII");
            if (b[i] == '\n') assertEquals('\r', b[i - 1], "line ends are CRLF (byte " + i + ")");
        }
        String text = new String(b, StandardCharsets.US_ASCII);
        assertTrue(text.contains("\"SELF=-Dbudgetpdf.launcher=bin\\budgetpdf.cmd\""), "names itself for --help");
        assertTrue(text.contains("dir /b /a:-d /o:d"), "the newer of jar and cache decides");
        assertTrue(text.contains("%%~zJ-%%~tJ"), "the cache's name holds the jar's size and time");
        for (String flag : List.of("-XX:AOTMode=record", "-XX:AOTMode=create", "-XX:AOTCache=", "-XX:ArchiveClassesAtExit=",
                "-XX:SharedArchiveFile=", "-XX:-DisplayVMOutput")) {
            assertTrue(text.contains(flag), flag);
        }
        String shell = Files.readString(HOME.resolve("bin/budgetpdf"), StandardCharsets.UTF_8);
        assertEquals(between(shell, "\nopts=\"", "\""), between(text, "set \"OPTS=", "\""), "the same JVM options in both launchers");
        assertEquals(String.join(" ", org.budgetpdf.bench.Benchmark.CHILD_FLAGS), between(shell, "\nopts=\"", "\""),
                "the benchmark measures with the launcher's JVM options");
    }

    private static String between(String text, String before, String after) {
        int at = text.indexOf(before);
        assertTrue(at >= 0, before);
        int from = at + before.length();
        return text.substring(from, text.indexOf(after, from));
    }
}
