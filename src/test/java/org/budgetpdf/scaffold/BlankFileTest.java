package org.budgetpdf.scaffold;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.budgetpdf.Main;
import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.testutil.PdfText;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code new}: the blank file of each kind and layout explains every field, leaves every amount empty, does not check
 * clean as it is, and once each field is filled as its comment shows (例：…) checks without errors or warnings and
 * builds a PDF that reads back with the example department's name.
 */
public class BlankFileTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), HOME);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final Pattern KEY_WITH_EXAMPLE = Pattern.compile("^(\\s*(?:- )?[^#\\s][^#]*?:)\\s*#.*?例：(.*)$");
    private static final Pattern ITEM_WITH_EXAMPLE = Pattern.compile("^(\\s*-)\\s+#.*?例：(.*)$");

    /** What a clerk does: each empty field gets the value its comment gives as the example. */
    public static String fill(String blank) {
        StringBuilder sb = new StringBuilder();
        for (String line : blank.lines().toList()) {
            Matcher k = KEY_WITH_EXAMPLE.matcher(line);
            Matcher i = ITEM_WITH_EXAMPLE.matcher(line);
            if (!line.stripLeading().startsWith("#") && k.matches()) sb.append(k.group(1)).append(' ').append(k.group(2).strip());
            else if (i.matches()) sb.append(i.group(1)).append(' ').append(i.group(2).strip());
            else sb.append(line);
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Each layout of templates/ (its blank.yaml added, when it has one), discovered so that a new layout is tried too,
     * the option written each of the ways the command line takes it; and each kind without a layout.
     */
    public static List<String[]> variants() {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        for (org.budgetpdf.layout.Layout l : org.budgetpdf.testutil.Matrix.layouts(HOME)) {
            String name = l.name();
            out.add(switch (i++ % 3) {
                case 0 -> new String[]{name, "--版式", name};
                case 1 -> new String[]{name, "--版式=" + name};
                default -> new String[]{name, "--layout", name};
            });
        }
        out.add(new String[]{"部门预算"});
        out.add(new String[]{"部门决算", "--决算"});
        return out;
    }

    /** `new` with a variant's options. */
    public static Run newFile(String[] variant, Path file) {
        List<String> args = new ArrayList<>(List.of("new"));
        args.addAll(List.of(variant).subList(1, variant.length));
        args.add(file.toString());
        return run(args.toArray(String[]::new));
    }

    @TestFactory
    Stream<DynamicTest> filledAsTheCommentsSayItChecksCleanAndBuilds(@TempDir Path tmp) {
        return variants().stream().map(v -> DynamicTest.dynamicTest(v[0], () -> {
            // the blank and the filled copy of each variant in folders of their own (copies side by side are W-DUP-CODE)
            Path file = tmp.resolve(v[0]).resolve(v[0] + ".yaml");
            Files.createDirectories(file.getParent());
            Run r = newFile(v, file);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("已写出"), r.out());
            String blank = Files.readString(file, StandardCharsets.UTF_8);
            if (v.length > 1 && !v[1].equals("--决算")) assertTrue(blank.contains("\n版式: " + v[0]), "the layout is written");

            Pipeline p = new Pipeline(HOME);
            Pipeline.Checked empty = p.check(file, file.getFileName().toString());
            assertTrue(empty.diags().errorCount() > 10, "a blank file is not a finished one");
            assertTrue(empty.diags().sorted().stream().allMatch(d -> !d.isError() || d.code().equals("E-MISSING")),
                    "a blank's errors are the fields to fill: " + empty.diags().sorted());

            Path filled = tmp.resolve(v[0] + "-filled").resolve(v[0] + "-filled.yaml");
            Files.createDirectories(filled.getParent());
            Files.writeString(filled, fill(blank), StandardCharsets.UTF_8);
            Pipeline.Checked c = p.check(filled, filled.getFileName().toString());
            List<Diagnostic> all = c.diags().sorted();
            assertTrue(c.ok(), all.toString());
            assertEquals(List.of(), all, "filled with the examples, nothing to warn about either");
            if (v.length > 1 && !v[1].equals("--决算")) {
                assertEquals(v[0], c.layout().orElseThrow().name());
                byte[] pdf = p.render(c).result().pdf();
                try (PDDocument doc = Loader.loadPDF(pdf)) {
                    String text = PdfText.squeeze(String.join("", PdfText.pageTexts(doc)));
                    assertTrue(text.contains("示例市示例区医疗保障局"), text.substring(0, Math.min(300, text.length())));
                    assertTrue(doc.getNumberOfPages() > 5, "cover, contents, parts and annex tables");
                }
            }
        }));
    }

    /** Every field has its explanation; amounts and other values are left to the clerk. */
    @TestFactory
    Stream<DynamicTest> everyFieldIsExplainedAndEveryValueEmpty(@TempDir Path tmp) {
        return variants().stream().map(v -> DynamicTest.dynamicTest(v[0], () -> {
            Path file = tmp.resolve(v[0] + ".yaml");
            assertEquals(0, newFile(v, file).code());
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                if (s.startsWith("文档:") || s.startsWith("金额单位:") || s.startsWith("版式:")) continue;
                assertTrue(s.contains("#"), "no explanation: " + line);
                String value = s.substring(0, s.indexOf('#')).strip();
                assertTrue(value.endsWith(":") || value.equals("-"), "a value is filled in: " + line);
                String comment = s.substring(s.indexOf('#') + 1);
                if (!value.endsWith(":") || comment.contains("例：")) continue;
                // a key without an example introduces the lines below it
                assertTrue(comment.length() > 2, "explain " + line);
            }
        }));
    }

    @Test
    void aLayoutsBlankYamlReplacesTheSectionsItNames(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("b.yaml");
        assertEquals(0, run("new", "--版式", "hebei-2021", f.toString()).code());
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.contains("\n    规格:  "), "hebei-2021 asks for the unit's 规格: " + text);
        assertTrue(text.contains("\n  总体目标:  "), text);
        assertEquals(1, text.split("\n单位:", -1).length - 1, "one 单位 section");
        assertTrue(text.indexOf("\n绩效:") < text.indexOf("\n上年:"), "in the base file's order");
    }

    @Test
    void newNeverOverwritesAndNamesUnknownLayouts(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("a.yaml");
        Files.writeString(f, "原来的内容");
        Run r = run("new", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("已经存在"), r.err());
        assertEquals("原来的内容", Files.readString(f));
        Run bad = run("new", "--版式", "henan-2099", tmp.resolve("b.yaml").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("没有名为“henan-2099”的版式") && bad.err().contains("henan-2025"), bad.err());
        Run mismatch = run("new", "--决算", "--版式", "henan-2025", tmp.resolve("c.yaml").toString());
        assertEquals(2, mismatch.code(), mismatch.err());
        assertEquals(2, run("new", tmp.resolve("x.txt").toString()).code(), "a data file ends in .yaml");
        assertEquals(2, run("new").code());
        assertEquals(2, run("new", tmp.resolve("没有的文件夹/a.yaml").toString()).code());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(f), s.toList(), "nothing else written");
        }
    }
}
