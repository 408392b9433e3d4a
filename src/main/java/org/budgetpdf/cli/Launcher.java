package org.budgetpdf.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * How the program was started, so that --help and the hints show the command the clerk actually types:
 * the bin/ launchers say so ({@code -Dbudgetpdf.launcher=bin/budgetpdf}); a jar run is {@code java -jar …};
 * anything else is the development form through Maven.
 */
public record Launcher(Kind kind, String prefix) {
    public enum Kind { SCRIPT, JAR, MAVEN }

    static final String PROPERTY = "budgetpdf.launcher";

    /** How this JVM was started. */
    public static Launcher current() {
        return detect(System.getProperty(PROPERTY), codeLocation(), Path.of("").toAbsolutePath());
    }

    /**
     * @param script   what the launcher script set, or null
     * @param code     the jar or classes folder the program was loaded from
     * @param workDir  the working directory (a jar is shown relative to it when inside)
     */
    static Launcher detect(String script, Optional<Path> code, Path workDir) {
        if (script != null && !script.isBlank()) return new Launcher(Kind.SCRIPT, script.strip());
        if (code.isPresent() && code.get().getFileName() != null && code.get().getFileName().toString().endsWith(".jar")) {
            Path jar = code.get().toAbsolutePath().normalize();
            Path shown = jar.startsWith(workDir) ? workDir.relativize(jar) : jar;
            String s = shown.toString();
            return new Launcher(Kind.JAR, "java -jar " + (s.contains(" ") ? "\"" + s + "\"" : s));
        }
        return new Launcher(Kind.MAVEN, "mvn -q compile exec:java");
    }

    /** The full command for the program's arguments {@code args} ("" for none), as typed in bash or cmd. */
    public String command(String args) {
        if (args.isEmpty()) return prefix;
        if (kind == Kind.MAVEN) return prefix + " -Dexec.args=\"" + args + "\"";
        return prefix + " " + args;
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource cs = Launcher.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) return Optional.empty();
            var uri = cs.getLocation().toURI();
            return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
