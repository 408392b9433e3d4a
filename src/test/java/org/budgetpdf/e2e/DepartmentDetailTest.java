package org.budgetpdf.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.testutil.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.budgetpdf.testutil.PdfText.squeeze;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every department's own budget, at the detail the clerk has (issue 14): a code the tool does not ship, named in the
 * data or in a local catalog; 经济科目 at 类 level; projects listed without amounts; another year's 项目类型; a
 * department that is not a 医疗保障局. Built through the real pipeline and read back from the PDF.
 */
class DepartmentDetailTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final String HONGQI = "data/xinxiang-hongqi-2021-budget.yaml";

    record Built(Pipeline.Checked checked, String text) {
        List<String> codes() {
            return checked.diags().sorted().stream().map(Diagnostic::code).toList();
        }
    }

    /** Checks and builds {@code yaml} as a file of a project at {@code home}; text whitespace removed. */
    static Built build(Path home, String name, String yaml) throws Exception {
        Path f = home.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        Pipeline p = new Pipeline(home);
        Pipeline.Checked c = p.check(f, name);
        if (!c.ok()) return new Built(c, "");
        try (PDDocument d = Loader.loadPDF(p.render(c).result().pdf())) {
            return new Built(c, String.join("", PdfText.pageTexts(d).stream().map(PdfText::squeeze).toList()));
        }
    }

    static String hongqi() throws Exception {
        return Files.readString(HOME.resolve(HONGQI), StandardCharsets.UTF_8);
    }

    /** The 事业运行 block of seed 000 moved to a 农林水 项 the tool does not ship, in the layout that prints 类 and 款. */
    static String withFunction(String code) throws Exception {
        String yaml = hongqi().replace("版式: henan-2021", "版式: henan-2025");
        String block = "  - 单位: \"003009\"\n    功能科目: 2101550\n";
        assertTrue(yaml.contains(block));
        return yaml.replace(block, "  - 单位: \"003009\"\n    功能科目: " + code + "\n");
    }

    @Test
    void aCodeTheToolDoesNotShipNamedInTheDataPrintsUnderItsClassAndKuan(@TempDir Path home) throws Exception {
        Built b = build(home, "data/local.yaml", withFunction("{编码: 2130110, 名称: 执法监管}"));
        assertTrue(b.checked().ok(), () -> b.checked().diags().sorted().toString());
        assertTrue(b.codes().contains("W-CODE-LOCAL"), b.codes().toString());
        // 预算03表: 213 农林水支出 › 21301 农业农村 (the catalog's names) › 2130110 执法监管 (the data's)
        assertTrue(b.text().contains(squeeze("213 农林水支出")), "class row");
        assertTrue(b.text().contains(squeeze("213 01 农业农村")), "kuan row");
        assertTrue(b.text().contains(squeeze("213 01 10 执法监管")), "item row, named as the data names it");
    }

    @Test
    void theBareCodeIsATruthfulErrorWithBothWaysOut(@TempDir Path home) throws Exception {
        Built b = build(home, "data/bare.yaml", withFunction("2130110"));
        assertFalse(b.checked().ok());
        Diagnostic d = b.checked().diags().sorted().stream().filter(x -> x.code().equals("E-CODE-UNKNOWN")).findFirst().orElseThrow();
        assertEquals("功能分类科目 2130110 不在本工具自带的2021年科目表中", d.message());
        assertTrue(d.hint().contains("功能科目: {编码: 2130110, 名称: 科目名称}"), d.hint());
        assertTrue(d.hint().contains("catalog/2021/function.csv"), d.hint());
    }

    @Test
    void withTheRowInALocalCatalogItBuildsWithNoWarningAboutIt(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("catalog/2021"));
        Files.writeString(home.resolve("catalog/2021/function.csv"), "code,name\n2130110,执法监管\n", StandardCharsets.UTF_8);
        Built b = build(home, "data/catalogued.yaml", withFunction("2130110"));
        assertTrue(b.checked().ok(), () -> b.checked().diags().sorted().toString());
        assertFalse(b.codes().contains("W-CODE-LOCAL"));
        assertFalse(b.codes().contains("E-CODE-UNKNOWN"));
        assertTrue(b.text().contains(squeeze("213 01 10 执法监管")));
    }

    /** 30101 written as 301 (the 款 split unknown): no 30101 row is made up for it; the class still adds up. */
    @Test
    void anAmountGivenOnlyByClassPrintsNoKuanForIt(@TempDir Path home) throws Exception {
        String yaml = hongqi();
        assertTrue(yaml.contains("      30101: 19.28\n"));
        Built b = build(home, "data/class.yaml", yaml.replace("      30101: 19.28\n", "      301: 19.28\n"));
        assertTrue(b.checked().ok(), () -> b.checked().diags().sorted().toString());
        // 基本支出情况表: 基本工资 is only the 事业运行 block's 17.18 now; the 19.28 stands as the class's unsplit part
        assertTrue(b.text().contains(squeeze("301 01 基本工资 17.18")), "30101 holds only what the file gives by 款");
        assertFalse(b.text().contains(squeeze("基本工资 36.46")), "no 30101 row carries the class-level amount");
        assertTrue(b.text().contains(squeeze("301 工资福利支出（未细分到款） 19.28")));
        assertTrue(b.text().contains(squeeze("工资福利支出小计 115.99")), "the class total is unchanged");
    }

    /** A 2021 district budget transcribed at the detail its PDF gives (see the file's header). */
    @Test
    void aBudgetAtThePublishedDetailStatesWhatItKnows(@TempDir Path home) throws Exception {
        String yaml = Files.readString(HOME.resolve("src/test/resources/departments/xigong-2021-budget.yaml"), StandardCharsets.UTF_8);
        Built b = build(home, "data/xigong.yaml", yaml);
        assertTrue(b.checked().ok(), () -> b.checked().diags().sorted().toString());
        String t = b.text();
        // 经济分类 at 类 level: the class rows, no 款 invented (30101 基本工资 is listed blank in the fixed list)
        assertTrue(t.contains(squeeze("工资福利支出小计 25.38")), "the class row");
        assertFalse(t.matches("(?s).*基本工资[0-9,]+\\.[0-9]{2}.*"), "no amount under 基本工资");
        // projects without amounts: listed, the total from the 项目支出 block, no 0.00 for any of them
        assertTrue(t.contains(squeeze("医疗保障基金监管")));
        assertFalse(t.contains(squeeze("医疗保障基金监管 0.00")));
        // 国有资产: 固定资产 given, 资产总额 not: blank, never 0.00
        assertFalse(t.contains(squeeze("合计 1 0.00 6.50")), "资产总额 is not printed as 0.00");
        assertTrue(t.contains(squeeze("合计 1 6.50")), t);
        // in the 2025 layout 一般性项目 (2021's word) is 其他运转类 by that layout's 词表
        Built y25 = build(home, "data/xigong-2025.yaml", yaml.replace("年度: 2021\n", "年度: 2021\n版式: henan-2025\n"));
        assertTrue(y25.checked().ok(), () -> y25.checked().diags().sorted().toString());
        assertTrue(y25.text().contains(squeeze("其中：其他运转类项目15.44万元，特定目标类项目0.00万元")), y25.text());
    }

    @Test
    void aDepartmentThatIsNoMedicalInsuranceBureauBuildsWithNoLocalCodes(@TempDir Path home) throws Exception {
        String yaml = Files.readString(HOME.resolve("src/test/resources/departments/agriculture-2025-budget.yaml"), StandardCharsets.UTF_8);
        Built b = build(home, "data/agriculture.yaml", yaml);
        assertTrue(b.checked().ok(), () -> b.checked().diags().sorted().toString());
        assertEquals(List.of(), b.codes().stream().filter(c -> c.equals("W-CODE-LOCAL") || c.startsWith("E-")).toList());
        assertTrue(b.text().contains(squeeze("201 一般公共服务支出")));
        assertTrue(b.text().contains(squeeze("213 01 01 行政运行")));
        assertTrue(b.text().contains(squeeze("213 01 53 农田建设 300.00")));
        assertTrue(b.text().contains(squeeze("收入总计585.50万元")));
    }
}
