package org.budgetpdf.compute;

import org.budgetpdf.Pipeline;
import org.budgetpdf.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A budget entered in 元 (exact, as the finance system exports it), shown in 万元. */
class YuanBudgetTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/minimal-budget.yaml").toAbsolutePath();

    static String yuanDoc() throws Exception {
        return Files.readString(FIXTURE)
                .replace("金额单位: 万元", "金额单位: 元")
                // three 4.005 万元 lines: rounded one by one they would print 4.01 × 3 under a total of 12.02
                .replace("      30101: 10.00\n      30201: 0.50\n", "      30101: 40050\n      30102: 40050\n      30103: 40050\n      30201: 5000.00\n")
                .replace("    金额: 100.00\n", "    金额: 1000000\n")
                .replace("  金额: 0.50\n", "  金额: 5000\n")
                .replace("  资产总额: 12.00\n  固定资产: 12.00\n", "  资产总额: 120000\n  固定资产: 120000\n");
    }

    static Pipeline.Checked check(Path dir, String text) throws Exception {
        Path f = dir.resolve("y.yaml");
        Files.writeString(f, text);
        return new Pipeline(Path.of("").toAbsolutePath()).check(f, "y.yaml");
    }

    @Test
    void printedTotalsEqualTheSumOfPrintedParts(@TempDir Path dir) throws Exception {
        String text = yuanDoc();
        int at = text.indexOf("上年:");
        assertTrue(at > 0);
        var c = check(dir, text.replaceAll("(?m)^  收支总计: .*$", "  收支总计: 1125150")
                .replaceAll("(?m)^  一般公共预算: .*$", "  一般公共预算: 1125150")
                .replaceAll("(?m)^  机关运行经费: .*$", "  机关运行经费: 5000")
                .replaceAll("(?m)^  支出总计: .*$", "  支出总计: 1125150")
                .replaceAll("(?m)^  基本支出: .*$", "  基本支出: 125150")
                .replaceAll("(?m)^  项目支出: .*$", "  项目支出: 1000000"));
        assertFalse(c.diags().hasErrors(), () -> c.diags().sorted().toString());
        BudgetReport r = new ReportBuilder((org.budgetpdf.model.BudgetDoc) c.doc().orElseThrow(), Catalog.forYear(2025)).build();
        assertEquals("112.52", r.totals().total().text());          // 112.515 rounds to 112.52
        assertEquals("12.52", r.totals().basic().text());
        Grid t06 = r.tables().t06();
        List<String> wages = t06.rows().stream().filter(x -> x.cells().get(0).text().startsWith("3010"))
                .map(x -> x.cells().get(4).text()).toList();
        assertEquals(List.of("4.01", "4.01", "4.00"), wages);
        assertEquals("12.52", t06.rows().get(0).cells().get(4).text()); // 4.01 + 4.01 + 4.00 + 0.50
    }

    @Test
    void yuanAmountsMayHaveFenButNoMore(@TempDir Path dir) throws Exception {
        var c = check(dir, yuanDoc().replace("30201: 5000.00", "30201: 5000.005"));
        assertTrue(c.diags().sorted().stream().anyMatch(d -> d.code().equals("E-PRECISION")
                && d.message().contains("单位元")), () -> c.diags().sorted().toString());
    }

    @Test
    void controlTotalMismatchInYuanShowsEveryDigit(@TempDir Path dir) throws Exception {
        var c = check(dir, yuanDoc().replaceAll("(?m)^  基本支出: .*$", "  基本支出: 125147"));
        var d = c.diags().sorted().stream().filter(x -> x.code().equals("E-APPROVED") && x.message().contains("基本支出"))
                .findFirst().orElseThrow(() -> new AssertionError(c.diags().sorted().toString()));
        assertEquals("明细加总的基本支出 12.515 与批复数 12.5147 不符，相差 0.0003 万元", d.message());
    }
}
