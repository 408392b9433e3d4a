package org.budgetpdf.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The charset the program prints in. A Chinese Windows console shows its code page (936, GBK) and turns UTF-8 into
 * 閿欒… ; Windows Terminal set to UTF-8 has code page 65001. So: an explicit choice ({@code --encoding GBK} or
 * {@code -Dbudgetpdf.encoding=GBK}) first; else, when standard output is a Windows console, the console's code page
 * as the JVM reports it; else UTF-8 (files, pipes, CI logs, Linux and macOS terminals).
 */
public final class ConsoleEncoding {
    public static final String PROPERTY = "budgetpdf.encoding";

    private ConsoleEncoding() {
    }

    /** The charset for this JVM's standard output and error, {@code override} (--encoding) first. */
    public static Charset current(String override) {
        String explicit = override != null && !override.isBlank() ? override : System.getProperty(PROPERTY);
        return choose(explicit, System.getProperties(), consoleIsTerminal()).orElse(StandardCharsets.UTF_8);
    }

    /**
     * The choice, from the properties a JVM sets: on Windows, {@code sun.stdout.encoding} exists only while standard
     * output is a console (e.g. {@code ms936}, or {@code UTF-8} for code page 65001); JDK 19 and later also set
     * {@code stdout.encoding} (then to the console's code page when there is a console). Empty when {@code explicit}
     * names no charset this JVM knows.
     *
     * @param explicit what the clerk asked for, or null
     * @param terminal whether standard output is an interactive console ({@link System#console()})
     */
    static Optional<Charset> choose(String explicit, Properties p, boolean terminal) {
        if (explicit != null && !explicit.isBlank()) return charset(explicit);
        boolean windows = p.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String sun = p.getProperty("sun.stdout.encoding");
        if (!windows || !(terminal || sun != null)) return Optional.of(StandardCharsets.UTF_8);
        String name = sun != null ? sun : p.getProperty("stdout.encoding");
        if (name == null) return Optional.of(StandardCharsets.UTF_8);
        return Optional.of(charset(name).orElse(StandardCharsets.UTF_8));
    }

    /** A charset by the names Windows and the clerk use: GBK, cp936, ms936, 936, UTF-8, cp65001, 65001. */
    static Optional<Charset> charset(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.matches("(cp|ms)?65001") || n.equals("utf8")) return Optional.of(StandardCharsets.UTF_8);
        if (n.matches("(cp|ms)?936")) return Optional.of(Charset.forName("GBK"));
        if (n.matches("\\d+")) n = "cp" + n;
        try {
            return Optional.of(Charset.forName(n));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether standard output is an interactive console. Up to JDK 21 {@link System#console()} is null when either
     * stream is redirected; JDK 22 returns a console even then and tells by {@code isTerminal()}.
     */
    private static boolean consoleIsTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // JDK 17–21: a console object means a terminal
        }
    }
}
