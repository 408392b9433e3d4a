package org.budgetpdf.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an installed JDK of a given feature release or later, where Maven's toolchains plugin looks
 * ({@code select-jdk-toolchain}): JAVA_HOME, the JAVA<i>nn</i>_HOME variables, the {@code jdkHome}s of
 * ~/.m2/toolchains.xml, then the usual install folders of Linux, macOS, Windows and the JDK managers. A folder
 * counts when it has {@code bin/java} and a {@code release} file naming its version (no JVM is started to ask).
 * The variables and toolchains.xml come first, in that order; among the folders found by looking, the newest.
 */
final class JdkFinder {
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"?([0-9][^\"\\s]*)\"?\\s*$", Pattern.MULTILINE);
    private static final Pattern JDK_HOME = Pattern.compile("<jdkHome>\\s*([^<]+?)\\s*</jdkHome>");

    private final Map<String, String> env;
    private final Path home;
    private final List<Path> installFolders;

    JdkFinder(Map<String, String> env, Path userHome) {
        this(env, userHome, defaultInstallFolders(env, userHome));
    }

    JdkFinder(Map<String, String> env, Path userHome, List<Path> installFolders) {
        this.env = env;
        this.home = userHome;
        this.installFolders = installFolders;
    }

    /** The {@code java} launcher of the first JDK found whose feature release is at least {@code required}. */
    Optional<Path> find(int required) {
        List<Path> named = new ArrayList<>();
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.trim().isEmpty()) named.add(Paths.get(javaHome.trim()));
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (e.getKey().matches("JAVA\\d+_HOME") && !e.getValue().trim().isEmpty()) named.add(Paths.get(e.getValue().trim()));
        }
        named.addAll(toolchainsXml());
        for (Path jdk : named) {
            if (version(jdk) >= required) return Optional.of(java(jdk));
        }
        Path best = null;
        int bestVersion = -1;
        for (Path folder : installFolders) {
            for (Path jdk : children(folder)) {
                int v = version(jdk);
                if (v >= required && (v > bestVersion || (v == bestVersion && jdk.toString().compareTo(best.toString()) < 0))) {
                    best = jdk;
                    bestVersion = v;
                }
            }
        }
        return best == null ? Optional.<Path>empty() : Optional.of(java(best));
    }

    /** The JDK's feature release from its release file, or -1 when it is no JDK with a java launcher. */
    static int version(Path jdk) {
        try {
            if (!Files.isRegularFile(java(jdk))) return -1;
            Matcher m = VERSION.matcher(new String(Files.readAllBytes(jdk.resolve("release")), StandardCharsets.UTF_8));
            return m.find() ? feature(m.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** 25 for "25.0.3", 17 for "17", 8 for "1.8.0_392". */
    static int feature(String version) {
        if (version == null) return -1;
        String[] parts = version.trim().split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Path java(Path jdk) {
        Path exe = jdk.resolve("bin").resolve("java.exe");
        return Files.isRegularFile(exe) ? exe : jdk.resolve("bin").resolve("java");
    }

    private List<Path> toolchainsXml() {
        List<Path> result = new ArrayList<>();
        Path xml = home.resolve(".m2").resolve("toolchains.xml");
        try {
            if (!Files.isRegularFile(xml)) return result;
            Matcher m = JDK_HOME.matcher(new String(Files.readAllBytes(xml), StandardCharsets.UTF_8));
            while (m.find()) result.add(Paths.get(m.group(1)));
        } catch (IOException | RuntimeException e) {
            // an unreadable toolchains.xml names no JDK
        }
        return result;
    }

    /** A folder's subfolders, sorted (and their Contents/Home, as macOS lays JDKs out). */
    private static List<Path> children(Path folder) {
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(folder)) return result;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                result.add(p);
                result.add(p.resolve("Contents").resolve("Home"));
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder holds no JDK we can use
        }
        result.sort(null);
        return result;
    }

    private static List<Path> defaultInstallFolders(Map<String, String> env, Path home) {
        List<Path> dirs = new ArrayList<>();
        for (String d : new String[] {".jdks", ".m2/jdks", ".sdkman/candidates/java", ".gradle/jdks", ".jenv/versions",
                ".jbang/cache/jdks", ".asdf/installs/java", ".jabba/jdk", "Library/Java/JavaVirtualMachines"}) {
            dirs.add(home.resolve(d));
        }
        for (String d : new String[] {"/usr/lib/jvm", "/usr/java", "/usr/jdk", "/opt/java", "/opt", "/Library/Java/JavaVirtualMachines"}) {
            dirs.add(Paths.get(d));
        }
        for (String var : new String[] {"ProgramFiles", "ProgramW6432", "LOCALAPPDATA"}) {
            String pf = env.get(var);
            if (pf == null || pf.trim().isEmpty()) continue;
            for (String vendor : new String[] {"Java", "Eclipse Adoptium", "Microsoft", "Zulu", "Amazon Corretto", "BellSoft",
                    "Semeru", "Programs\\Eclipse Adoptium"}) {
                dirs.add(Paths.get(pf, vendor));
            }
        }
        return dirs;
    }
}
