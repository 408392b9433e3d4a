package org.budgetpdf.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JdkFinderTest {
    @TempDir
    Path tmp;

    private Path jdk(String dir, String version) throws IOException {
        Path home = tmp.resolve(dir);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void versionsAsReleaseFilesAndJavaSpecWriteThem() {
        assertEquals(25, JdkFinder.feature("25.0.3"));
        assertEquals(21, JdkFinder.feature("21"));
        assertEquals(17, JdkFinder.feature("17.0.15"));
        assertEquals(8, JdkFinder.feature("1.8.0_392"));
        assertEquals(-1, JdkFinder.feature("abc"));
    }

    @Test
    void javaHomeFirstWhenNewEnough() throws IOException {
        Path j21 = jdk("jdk-21", "21.0.4");
        Path installed = tmp.resolve("jvm");
        Files.createDirectories(installed);
        Files.move(jdk("x25", "25.0.1"), installed.resolve("temurin-25"));
        Optional<Path> found = new JdkFinder(Map.of("JAVA_HOME", j21.toString()), tmp.resolve("home"), List.of(installed)).find(21);
        assertEquals(Optional.of(j21.resolve("bin/java")), found);
    }

    @Test
    void anOldJavaHomeIsPassedOverForTheNewestInstalledJdk() throws IOException {
        Path j17 = jdk("jdk-17", "17.0.15");
        Path installed = tmp.resolve("jvm");
        Files.createDirectories(installed);
        Files.move(jdk("a", "21.0.4"), installed.resolve("jdk-21"));
        Files.move(jdk("b", "25.0.3"), installed.resolve("temurin-25-jdk-amd64"));
        Files.move(jdk("c", "17"), installed.resolve("java-17-openjdk"));
        Files.createDirectories(installed.resolve("not-a-jdk"));
        Optional<Path> found = new JdkFinder(Map.of("JAVA_HOME", j17.toString()), tmp.resolve("home"), List.of(installed)).find(21);
        assertEquals(Optional.of(installed.resolve("temurin-25-jdk-amd64/bin/java")), found);
    }

    @Test
    void javaNnHomeAndToolchainsXmlAreNamedJdks() throws IOException {
        Path j21 = jdk("j21", "21.0.2");
        assertEquals(Optional.of(j21.resolve("bin/java")),
                new JdkFinder(Map.of("JAVA21_HOME", j21.toString()), tmp.resolve("home"), List.of()).find(21));
        Path j25 = jdk("j25", "25");
        Path m2 = Files.createDirectories(tmp.resolve("home/.m2"));
        Files.writeString(m2.resolve("toolchains.xml"), "<toolchains><toolchain><type>jdk</type><configuration>"
                + "<jdkHome>" + j25 + "</jdkHome></configuration></toolchain></toolchains>", StandardCharsets.UTF_8);
        assertEquals(Optional.of(j25.resolve("bin/java")), new JdkFinder(Map.of(), tmp.resolve("home"), List.of()).find(21));
        assertEquals(Optional.empty(), new JdkFinder(Map.of(), tmp.resolve("nobody"), List.of(tmp.resolve("none"))).find(21));
    }

    /**
     * On a machine with a JDK older than 21 (this project's machines: JDK 17 is the default), the starter run on it
     * finds a JDK 21+ and runs the program there, passing its exit code on.
     */
    @Test
    void onAnOldJvmTheStarterRunsTheProgramOnANewOne() throws Exception {
        Optional<Path> old = olderJava();
        assumeTrue(old.isPresent(), "no JDK older than 21 on this machine");
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(old.get().toString(), "-cp", cp, "org.budgetpdf.bootstrap.Bootstrap", "--version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.matches("(?s).*（Java (2[1-9]|[3-9]\\d)[^）]*）.*"), "the program ran on Java 21+: " + out);
        Process bad = new ProcessBuilder(old.get().toString(), "-cp", cp, "org.budgetpdf.bootstrap.Bootstrap", "check", "no-such.yaml")
                .redirectErrorStream(true).start();
        bad.getInputStream().readAllBytes();
        assertTrue(bad.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue(), "the program's exit code (usage: 2) comes through");
    }

    private static Optional<Path> olderJava() throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String d : List.of("/usr/lib/jvm", "/usr/java", "/opt/java")) {
            Path p = Path.of(d);
            if (!Files.isDirectory(p)) continue;
            try (Stream<Path> s = Files.list(p)) {
                s.sorted().forEach(dirs::add);
            }
        }
        for (Path d : dirs) {
            int v = JdkFinder.version(d);
            if (v >= 8 && v < Bootstrap.REQUIRED) return Optional.of(d.resolve("bin/java"));
        }
        return Optional.empty();
    }
}
