package org.budgetpdf.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.budgetpdf.Main;
import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.testutil.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.budgetpdf.bind.TestDocs.HOME;
import static org.budgetpdf.bind.TestDocs.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: codes outside the shipped catalog, through the real command in a clerk's project folder. */
class LocalCatalogTest {
    /** The minimal document with its 基本支出 line under another 功能分类 项. */
    private static String withFunction(String code) {
        String yaml = minimal();
        assertTrue(yaml.contains("功能科目: 2101501\n"));
        return yaml.replace("功能科目: 2101501\n", "功能科目: " + code + "\n");
    }

    private static Path project(Path dir, String yaml, String localFunctionCsv) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/a.yaml"), yaml, StandardCharsets.UTF_8);
        if (localFunctionCsv != null) {
            Files.createDirectories(dir.resolve("catalog/2025"));
            Files.writeString(dir.resolve("catalog/2025/function.csv"), localFunctionCsv, StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static List<Diagnostic> unknown(Pipeline.Checked c) {
        return c.diags().sorted().stream().filter(d -> d.code().equals("E-CODE-UNKNOWN")).toList();
    }

    @Test
    void aCodeOnlyTheLocalCatalogHasBuildsAndPrintsItsName(@TempDir Path dir) throws Exception {
        Path home = project(dir, withFunction("2130110"), "code,name\n2130110,执法监管\n");
        // the command as the clerk runs it in the project folder: builds out/a.pdf with exit code 0
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"build", "data/a.yaml"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), home);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(!err.toString(StandardCharsets.UTF_8).contains("错误"), err.toString(StandardCharsets.UTF_8));
        try (PDDocument d = Loader.loadPDF(Files.readAllBytes(home.resolve("out/a.pdf")))) {
            String text = String.join("", PdfText.pageTexts(d).stream().map(PdfText::squeeze).toList());
            // the 项 from the local file under the shipped 类 and 款 names
            for (String s : List.of("执法监管", "农林水支出", "农业农村")) assertTrue(text.contains(s), s);
        }
    }

    @Test
    void withoutTheLocalRowTheErrorSaysWhichListsWereSearched(@TempDir Path dir) throws Exception {
        Pipeline.Checked bare = new Pipeline(project(dir.resolve("a"), withFunction("2130110"), null))
                .check(dir.resolve("a/data/a.yaml"), "data/a.yaml");
        Diagnostic d = unknown(bare).get(0);
        assertEquals("功能分类科目 2130110 不在本工具自带的2025年科目表中", d.message());
        assertTrue(d.hint().contains("catalog/2025/function.csv") && d.hint().contains("2130110,科目名称"), d.hint());
        assertTrue(!d.hint().contains("src/main/resources"), d.hint());

        Pipeline.Checked other = new Pipeline(project(dir.resolve("b"), withFunction("2130110"), "code,name\n2130111,统计监测与信息服务\n"))
                .check(dir.resolve("b/data/a.yaml"), "data/a.yaml");
        assertEquals("功能分类科目 2130110 不在本工具自带的2025年科目表中，也不在本地科目表 catalog/2025 中",
                unknown(other).get(0).message());
    }

    @Test
    void aMistakeInTheLocalCatalogIsReportedWithEveryFileChecked(@TempDir Path dir) throws Exception {
        Path home = project(dir, withFunction("2101501"), "code,name\n2130126,农村社会事业,含改厕\n");
        Files.writeString(home.resolve("data/b.yaml"), withFunction("2101550"), StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"check", "data/a.yaml", "data/b.yaml"}, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), home);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, printed);
        assertEquals(2, printed.split("catalog/2025/function.csv:2:1: 错误\\[E-CATALOG]", -1).length - 1, printed);
        assertTrue(printed.contains("    2 | 2130126,农村社会事业,含改厕"), "the formatter shows the CSV line: " + printed);
    }

    /** 2130101 is shipped now: a 农业农村局 line checks with no unknown code (it used to be E-CODE-UNKNOWN). */
    @Test
    void aShippedCodeOfClass213ChecksClean(@TempDir Path dir) throws Exception {
        Pipeline p = new Pipeline(HOME);
        for (String code : List.of("2130101", "2130104", "2130199", "2130301", "2139999")) {
            Path f = dir.resolve(code + ".yaml");
            Files.writeString(f, withFunction(code), StandardCharsets.UTF_8);
            Pipeline.Checked c = p.check(f, f.getFileName().toString());
            assertEquals(List.of(), unknown(c), code);
            assertTrue(c.ok(), () -> code + ": " + c.diags().sorted());
        }
    }
}
