package org.budgetpdf.bind;

import org.budgetpdf.Pipeline;
import org.budgetpdf.check.Checker;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.load.YamlLoader;
import org.budgetpdf.model.Disclosure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Inline YAML documents for tests: the minimal valid document, section replacement, and load → bind
 * (→ check) in memory.
 */
public final class TestDocs {
    public static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();
    public static final Path HOME = Path.of("").toAbsolutePath();
    public static final Path REAL = Path.of("data/xinxiang-weibin-2025-budget.yaml").toAbsolutePath();
    public static final Path REAL_FINAL = Path.of("data/jiaozuo-zhongzhan-2021-final.yaml").toAbsolutePath();
    private static final Pipeline PIPELINE = new Pipeline(HOME);
    public static final String NAME = "t.yaml";
    private static final Pattern TOP_KEY = Pattern.compile("^[^\\s#-][^:]*:.*");

    private TestDocs() {
    }

    /** fixtures/minimal-budget.yaml: one unit, one 基本支出 line, one project; checks clean. */
    public static String minimal() {
        return read(RESOURCES.resolve("fixtures/minimal-budget.yaml"));
    }

    public static String real() {
        return read(REAL);
    }

    public static String realFinal() {
        return read(REAL_FINAL);
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the top-level section whose key starts {@code block} (e.g. "基本支出:\n  - …") with
     * {@code block}; appends it when the document has no such section.
     */
    public static String with(String doc, String block) {
        String key = block.substring(0, block.indexOf(':') + 1);
        List<String> lines = new ArrayList<>(doc.lines().toList());
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key) && TOP_KEY.matcher(lines.get(i)).matches()) {
                start = i;
                break;
            }
        }
        List<String> replacement = block.stripTrailing().lines().toList();
        if (start < 0) {
            lines.addAll(replacement);
        } else {
            int end = start + 1;
            while (end < lines.size() && !TOP_KEY.matcher(lines.get(end)).matches()) end++;
            while (end > start + 1 && lines.get(end - 1).isBlank()) end--; // keep the blank line between sections
            lines.subList(start, end).clear();
            lines.addAll(start, replacement);
        }
        return String.join("\n", lines) + "\n";
    }

    /** Removes a top-level section. */
    public static String without(String doc, String key) {
        List<String> lines = new ArrayList<>(doc.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ":") && TOP_KEY.matcher(lines.get(i)).matches()) {
                int end = i + 1;
                while (end < lines.size() && !TOP_KEY.matcher(lines.get(end)).matches()) end++;
                lines.subList(i, end).clear();
                return String.join("\n", lines) + "\n";
            }
        }
        throw new AssertionError("no section " + key);
    }

    /** Replaces the one occurrence of {@code from}. */
    public static String replace(String doc, String from, String to) {
        int at = doc.indexOf(from);
        if (at < 0 || doc.indexOf(from, at + 1) >= 0) fail("expected exactly one “" + from + "” in the document");
        return doc.substring(0, at) + to + doc.substring(at + from.length());
    }

    /** 1-based line of the one line containing {@code text}. */
    public static int lineOf(String doc, String text) {
        List<String> lines = doc.lines().toList();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                if (found >= 0) fail("“" + text + "” is on more than one line");
                found = i + 1;
            }
        }
        if (found < 0) fail("“" + text + "” is on no line");
        return found;
    }

    /** 1-based line of the one line that is exactly {@code line}. */
    public static int lineExactly(String doc, String line) {
        List<String> lines = doc.lines().toList();
        if (lines.indexOf(line) < 0 || lines.indexOf(line) != lines.lastIndexOf(line)) {
            fail("expected exactly one line “" + line + "”");
        }
        return lines.indexOf(line) + 1;
    }

    /** 1-based column of {@code text} on its line. */
    public static int colOf(String doc, String text) {
        return doc.lines().toList().get(lineOf(doc, text) - 1).indexOf(text) + 1;
    }

    /** The result of load → bind (→ layout → realize → check) of an inline document. */
    public record Result(SourceFile source, Diagnostics diags, Optional<Disclosure> doc, Optional<Realized> realized,
                         Optional<org.budgetpdf.layout.Layout> layout) {
        public List<Diagnostic> all() {
            return diags.sorted();
        }

        public List<Diagnostic> withCode(String code) {
            return all().stream().filter(d -> d.code().equals(code)).toList();
        }

        /** The one diagnostic there is. */
        public Diagnostic only() {
            assertEquals(1, all().size(), () -> "expected one diagnostic, got " + all());
            return all().get(0);
        }

        /** The one diagnostic there is, which must have this code. */
        public Diagnostic only(String code) {
            Diagnostic d = only();
            assertEquals(code, d.code(), d::toString);
            return d;
        }

        public Result clean() {
            assertTrue(all().isEmpty(), () -> "expected no diagnostics, got " + all());
            return this;
        }

        public Disclosure model() {
            return doc.orElseThrow(() -> new AssertionError("did not bind: " + all()));
        }

        public Realized figures() {
            return realized.orElseThrow(() -> new AssertionError("did not bind: " + all()));
        }

        /** A table of the file's layout, made for the department. */
        public org.budgetpdf.layout.TableView table(String key) {
            return new org.budgetpdf.render.Report(figures(), layout.orElseThrow()).table(key);
        }
    }

    public static Result bind(String yaml) {
        Diagnostics diags = new Diagnostics();
        SourceFile src = new YamlLoader().parse(yaml.getBytes(StandardCharsets.UTF_8), NAME, diags);
        Optional<Disclosure> doc = new Binder().bind(src, diags);
        return new Result(src, diags, doc, Optional.empty(), Optional.empty());
    }

    /** load → bind → layout → realize → check, as {@code Pipeline.check} does. */
    public static Result check(String yaml) {
        return check(yaml, PIPELINE);
    }

    /** The same with a pipeline of another rule list. */
    public static Result check(String yaml, Checker checker) {
        return check(yaml, new Pipeline(HOME, checker));
    }

    private static Result check(String yaml, Pipeline p) {
        Diagnostics diags = new Diagnostics();
        SourceFile src = new YamlLoader().parse(yaml.getBytes(StandardCharsets.UTF_8), NAME, diags);
        Pipeline.Checked c = p.check(src, diags);
        return new Result(src, diags, c.realized().map(Realized::doc), c.realized(), c.layout());
    }
}
