package org.budgetpdf.diag;

import org.budgetpdf.Main;
import org.budgetpdf.testutil.Examples;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The error catalogue: {@code src/test/resources/errors/<CODE>.yaml} is the minimal valid document
 * ({@code fixtures/minimal-budget.yaml}) with one fault, {@code <CODE>.expected} the exact text
 * {@code check} prints to stderr for it. Tests and documentation at once (docs/diagnostics.md links here).
 *
 * <p>An example that needs files of its own beside the data (a clerk's local {@code catalog/} folder) is a folder
 * {@code errors/<CODE>/}: a small project whose {@code data/*.yaml} are checked from that folder, as a clerk runs the
 * command in theirs; its output is {@code errors/<CODE>.expected} like the others.
 *
 * <p>{@code mvn test -Dtest=ErrorCatalogueTest -Dupdate.expected=true} rewrites the .expected files;
 * review the diff before committing: each message must name the right line and value.
 */
class ErrorCatalogueTest {
    static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();
    static final Path ERRORS = RESOURCES.resolve("errors");
    static final Path MAIN_SOURCES = Path.of("src/main/java/org/budgetpdf").toAbsolutePath();
    static final Path DOCS = Path.of("docs/diagnostics.md").toAbsolutePath();
    static final boolean UPDATE = Boolean.getBoolean("update.expected");

    /** Codes the code base emits that no data file passed to `check` can produce, with the reason (also in the docs). */
    static final Set<String> NO_EXAMPLE = Set.of(
            "E-FILE-SIZE",     // a 16 MB file is not committed; YamlLoaderTest builds one in a temp folder
            "E-FILE-READ",
            "E-INTERNAL",      // a fault of the program; BatchTest makes a rule throw     // Main refuses a path that is not a readable regular file with exit code 2 first
            "E-NAME-OBSOLETE", // obsolete.csv has no 7-digit 项, and 功能科目名称 only goes with 7-digit codes
            "E-PAGE",          // build only: text off its cell or the page after layout; HostileInputTest, LayoutLintTest
            "E-RENDER",        // build only: the template or font failed after the data checked clean
            "E-WRITE",         // build only: the output folder or disk refused the PDF
            "W-PAGE");         // build only: what the layout lint finds on the pages; LayoutLintTest has a fixture per check

    @TestFactory
    Stream<DynamicTest> everyExampleProducesItsExpectedOutput() throws IOException {
        List<Path> inputs = examples();
        assertFalse(inputs.isEmpty(), "no examples in " + ERRORS);
        return inputs.stream().map(in -> DynamicTest.dynamicTest(base(in), () -> {
            Path expectedFile = in.resolveSibling(base(in) + ".expected");
            String actual = Files.isDirectory(in) ? runProject(in) : runCheck("errors/" + in.getFileName());
            if (UPDATE) Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            assertTrue(Files.exists(expectedFile), "missing " + expectedFile.getFileName());
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertEquals(expected, actual);
            // the example shows its own code, and ends with the summary line
            assertTrue(actual.contains("[" + code(in) + "]"), "the example does not produce " + code(in));
            assertTrue(actual.strip().matches("(?s).*\\n\\d+ 个错误，\\d+ 个警告"), actual);
        }));
    }

    /** Every code in src/main has an example, or a stated reason why it cannot have one. */
    @Test
    void everyEmittedCodeHasAnExampleOrAReason() throws IOException {
        Set<String> missing = new TreeSet<>(emittedCodes());
        missing.removeAll(exampleCodes());
        missing.removeAll(NO_EXAMPLE);
        assertEquals(Set.of(), missing, "codes without errors/<CODE>.yaml");
        Set<String> stale = new TreeSet<>(exampleCodes());
        stale.removeAll(emittedCodes());
        assertEquals(Set.of(), stale, "examples for codes nobody emits");
    }

    /** docs/diagnostics.md has one entry per code, sorted, each linking its example when there is one. */
    @Test
    void docsDescribeEveryCode() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^### ([EW]-[A-Z-]+)").matcher(docs);
        List<String> headings = new java.util.ArrayList<>();
        while (m.find()) headings.add(m.group(1));
        assertEquals(new TreeSet<>(emittedCodes()), new TreeSet<>(headings), "### headings in docs/diagnostics.md");
        assertEquals(headings.stream().sorted().toList(), headings, "entries sorted by code");
        for (String code : exampleCodes()) {
            String link = "(../src/test/resources/errors/" + code;
            assertTrue(docs.contains(link + ".yaml)") || docs.contains(link + "/)"), "no link to the example of " + code);
        }
    }

    /** `check` of one file alone in a copy of the project (see {@link Examples#alone}); paths shown relative to it. */
    static String runCheck(String relativePath) throws IOException {
        String path = "src/test/resources/" + relativePath;
        Path project = Examples.alone(path);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Main.run(new String[]{"check", path}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), project);
            return err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(project.toFile());
        }
    }

    /** `check` of a folder example's data/*.yaml, run from that folder (see {@link Examples}). */
    static String runProject(Path example) throws IOException {
        Path project = Examples.project(example);
        try {
            return runIn(project);
        } finally {
            Examples.cleanUp(example, project);
        }
    }

    private static String runIn(Path project) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("check"));
        args.addAll(Examples.dataFiles(project));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), project);
        return err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** The examples: errors/*.yaml and the folders errors/<CODE>/. */
    static List<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(ERRORS)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || Files.isDirectory(p)).sorted().toList();
        }
    }

    /** errors/E-REASON.yaml and errors/E-REASON@决算.yaml are both examples of E-REASON. */
    static String code(Path p) {
        String n = base(p);
        return n.contains("@") ? n.substring(0, n.indexOf('@')) : n;
    }

    static String base(Path p) {
        String n = p.getFileName().toString();
        return Files.isDirectory(p) ? n : n.substring(0, n.lastIndexOf('.'));
    }

    static Set<String> exampleCodes() throws IOException {
        return examples().stream().map(ErrorCatalogueTest::code).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    /** Every "E-…"/"W-…" code written in the main sources: string literals and bracketed codes in messages. */
    static Set<String> emittedCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern p = Pattern.compile("(?:\"|\\[)([EW]-[A-Z]+(?:-[A-Z]+)*)(?:\"|])");
        try (Stream<Path> s = Files.walk(MAIN_SOURCES)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) codes.add(m.group(1));
            }
        }
        return codes;
    }
}
