package org.budgetpdf.render;

import org.budgetpdf.Pipeline;
import org.budgetpdf.bind.TestDocs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.budgetpdf.testutil.Matrix;
import org.budgetpdf.testutil.PdfText;
import org.budgetpdf.testutil.PdfWords;
import org.budgetpdf.testutil.ReaderMeasures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The layout lint over every data file in every layout of its kind: what a reviewer paging through
 * the PDF would object to (see {@link LayoutLint}). Each check's own fixture is in LayoutLintTest.
 */
class PageQualityTest {
    static final Path HOME = TestDocs.HOME;
    @TempDir
    static Path dir;

    /** Every layout of templates/ with every data file of its kind (see {@link Matrix}): no layout is named here. */
    @TestFactory
    Stream<DynamicTest> everyPageOfEveryDocumentIsFitToPublish() throws java.io.IOException {
        Pipeline p = new Pipeline(HOME);
        return Matrix.cases(HOME).stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> fitToPublish(p, c, dir)));
    }

    /**
     * One case: it checks clean (warnings allowed), builds, the page lint finds nothing, and no placeholder is printed.
     * The layout discovery test runs the same on a copied layout.
     */
    public static void fitToPublish(Pipeline p, Matrix.Case c, Path dir) throws Exception {
        Path f = dir.resolve(c.layout().name() + "-" + c.file().getFileName());
        Files.writeString(f, c.yaml(), StandardCharsets.UTF_8);
        Pipeline.Checked checked = p.check(f, f.getFileName().toString());
        assertTrue(checked.ok(), () -> checked.diags().sorted().toString());
        RenderResult r = p.render(checked).result();
        List<LayoutLint.Finding> lint = r.lint();
        assertTrue(lint.isEmpty(), () -> f.getFileName() + "：" + lint.size() + " 处版面问题：\n" + String.join("\n", lint.stream().map(Object::toString).toList()));
        try (PDDocument d = Loader.loadPDF(r.pdf())) {
            String text = String.join("", PdfText.pageTexts(d));
            for (String placeholder : List.of("未填写", "null", "（）")) {
                assertFalse(text.contains(placeholder), f.getFileName() + " prints “" + placeholder + "”");
            }
            // no text set below the fitter's floor of 7 pt
            for (int page = 1; page <= d.getNumberOfPages(); page++) {
                for (PdfWords.Word w : PdfWords.page(d, page)) {
                    assertTrue(w.size() >= MIN_PT, f.getFileName() + " page " + page + ": “" + w.text() + "” at " + w.size() + " pt");
                }
            }
        }
        // and what a reader measures with another tool (issue 16's definitions)
        Path pdf = dir.resolve(f.getFileName() + ".pdf");
        Files.write(pdf, r.pdf());
        ReaderMeasures.Result m = ReaderMeasures.of(pdf);
        assertEquals(List.of(), m.nearEmpty(), f.getFileName() + ": near-empty continuation pages");
        assertEquals(List.of(), m.orphans(), f.getFileName() + ": one character alone on a line");
    }

    /** The table fitter's smallest size, less what PDF coordinates round away. */
    private static final float MIN_PT = TableFitter.MIN_FONT_PT - 0.05f;

    /** A layout folder copied under a new name is found and tried with every file of its kind, no test edited. */
    @Test
    void aLayoutCopiedUnderANewNameIsCheckedBuiltAndLinted(@TempDir Path home) throws Exception {
        org.apache.commons.io.FileUtils.copyDirectory(HOME.resolve("templates").toFile(), home.resolve("templates").toFile());
        Path copy = home.resolve("templates/copied-layout");
        org.apache.commons.io.FileUtils.copyDirectory(HOME.resolve("templates/henan-2025").toFile(), copy.toFile());
        Path manifest = copy.resolve("layout.yaml");
        // a copy is not the default for a year (two layouts claiming one year is an error of its own)
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8).replaceAll("(?m)^默认年度:.*$", ""), StandardCharsets.UTF_8);
        List<Matrix.Case> cases = Matrix.cases(home).stream().filter(c -> c.layout().name().equals("copied-layout")).toList();
        assertFalse(cases.isEmpty(), "the copied layout is discovered");
        Pipeline p = new Pipeline(home);
        for (Matrix.Case c : cases) fitToPublish(p, c, home);
    }

    /** Read back: a 一级 indicator group cut by a page break is labelled again at the top of the next page. */
    @Test
    void aCutIndicatorGroupIsLabelledOnEveryPageItSpans() throws Exception {
        Pipeline p = new Pipeline(HOME);
        Path f = HOME.resolve("data/xinxiang-hongqi-2021-budget.yaml");
        Pipeline.Checked c = p.check(f, f.getFileName().toString());
        try (PDDocument d = Loader.loadPDF(p.render(c).result().pdf())) {
            List<String> pages = PdfText.pageTexts(d).stream().map(PdfText::squeeze).toList();
            // the 部门整体绩效目标表's 投入管理指标 group runs over three pages (22–24 in the seed's layout)
            List<Integer> labelled = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) if (pages.get(i).contains("投入管理指标")) labelled.add(i + 1);
            assertTrue(labelled.size() >= 2, "投入管理指标 on pages " + labelled);
            for (int i = 1; i < labelled.size(); i++) assertEquals(labelled.get(i - 1) + 1, labelled.get(i), labelled.toString());
            // every page of the group starts with a row that names its 一级 group
            for (int page : labelled.subList(1, labelled.size())) {
                String t = pages.get(page - 1);
                assertTrue(t.indexOf("投入管理指标") < 40, "page " + page + " starts: " + t.substring(0, Math.min(60, t.length())));
            }
        }
    }
}
