package org.budgetpdf.render;

import org.budgetpdf.Pipeline;
import org.budgetpdf.bind.TestDocs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.budgetpdf.testutil.PdfText;
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
    static final List<String> BUDGET_FILES = List.of("data/xinxiang-weibin-2025-budget.yaml",
            "data/xinxiang-hongqi-2021-budget.yaml", "data/xinle-2021-budget.yaml");
    static final List<String> BUDGET_LAYOUTS = List.of("henan-2025", "henan-2021", "hebei-2021");

    @TempDir
    static Path dir;

    static String withLayout(String yaml, String layout) {
        if (yaml.contains("\n版式:")) return yaml.replaceFirst("\n版式: \\S+", "\n版式: " + layout);
        return yaml.replaceFirst("\n年度: (\\d+)\n", "\n年度: $1\n版式: " + layout + "\n");
    }

    @TestFactory
    Stream<DynamicTest> everyPageOfEveryDocumentIsFitToPublish() {
        Pipeline p = new Pipeline(HOME);
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : BUDGET_FILES) {
            for (String layout : BUDGET_LAYOUTS) tests.add(test(p, file, layout));
        }
        tests.add(test(p, "data/jiaozuo-zhongzhan-2021-final.yaml", "henan-final"));
        return tests.stream();
    }

    private static DynamicTest test(Pipeline p, String file, String layout) {
        return DynamicTest.dynamicTest(Path.of(file).getFileName() + " in " + layout, () -> {
            String yaml = withLayout(Files.readString(HOME.resolve(file), StandardCharsets.UTF_8), layout);
            Path f = dir.resolve(layout + "-" + Path.of(file).getFileName());
            Files.writeString(f, yaml, StandardCharsets.UTF_8);
            Pipeline.Checked c = p.check(f, f.getFileName().toString());
            assertTrue(c.ok(), () -> c.diags().sorted().toString());
            RenderResult r = p.render(c).result();
            List<LayoutLint.Finding> lint = r.lint();
            assertTrue(lint.isEmpty(), () -> f.getFileName() + "：" + lint.size() + " 处版面问题：\n" + String.join("\n", lint.stream().map(Object::toString).toList()));
            try (PDDocument d = Loader.loadPDF(r.pdf())) {
                String text = String.join("", PdfText.pageTexts(d));
                for (String placeholder : List.of("未填写", "null", "（）")) {
                    assertFalse(text.contains(placeholder), f.getFileName() + " prints “" + placeholder + "”");
                }
            }
        });
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
