package org.budgetpdf.compute;

import org.budgetpdf.bind.TestDocs;
import org.budgetpdf.layout.TableView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A budget entered in 元 (exact, as the finance system exports it), shown in 万元. */
class YuanBudgetTest {

    static String yuanDoc() {
        return TestDocs.minimal()
                .replace("金额单位: 万元", "金额单位: 元")
                // three 4.005 万元 lines: rounded one by one they would print 4.01 × 3 under a total of 12.02
                .replace("      30101: 10.00\n      30201: 0.50\n", "      30101: 40050\n      30102: 40050\n      30103: 40050\n      30201: 5000.00\n")
                .replace("    金额: 100.00\n", "    金额: 1000000\n")
                .replace("  金额: 0.50\n", "  金额: 5000\n")
                .replace("  资产总额: 12.00\n  固定资产: 12.00\n", "  资产总额: 120000\n  固定资产: 120000\n");
    }

    @Test
    void printedTotalsEqualTheSumOfPrintedParts() {
        TestDocs.Result r = TestDocs.check(yuanDoc().replaceAll("(?m)^  收支总计: .*$", "  收支总计: 1125150")
                .replaceAll("(?m)^  一般公共预算: .*$", "  一般公共预算: 1125150")
                .replaceAll("(?m)^  机关运行经费: .*$", "  机关运行经费: 5000")
                .replaceAll("(?m)^  支出总计: .*$", "  支出总计: 1125150")
                .replaceAll("(?m)^  基本支出: .*$", "  基本支出: 125150")
                .replaceAll("(?m)^  项目支出: .*$", "  项目支出: 1000000"));
        assertFalse(r.diags().hasErrors(), () -> r.all().toString());
        assertEquals("112.52", r.figures().dept().total().text());          // 112.515 rounds to 112.52
        assertEquals("12.52", r.figures().dept().basic().text());
        TableView t06 = r.table("预算06");
        List<String> wages = t06.rows().stream().filter(x -> x.cells().get(0).text().startsWith("3010"))
                .map(x -> x.cells().get(4).text()).toList();
        assertEquals(List.of("4.01", "4.01", "4.00"), wages);
        assertEquals("12.52", t06.rows().get(0).cells().get(4).text()); // 4.01 + 4.01 + 4.00 + 0.50
    }

    @Test
    void yuanAmountsMayHaveFenButNoMore() {
        TestDocs.Result r = TestDocs.check(yuanDoc().replace("30201: 5000.00", "30201: 5000.005"));
        assertTrue(r.all().stream().anyMatch(d -> d.code().equals("E-PRECISION") && d.message().contains("单位元")),
                () -> r.all().toString());
    }

    @Test
    void controlTotalMismatchInYuanShowsEveryDigit() {
        TestDocs.Result r = TestDocs.check(yuanDoc().replaceAll("(?m)^  基本支出: .*$", "  基本支出: 125147"));
        var d = r.all().stream().filter(x -> x.code().equals("E-APPROVED") && x.message().contains("基本支出"))
                .findFirst().orElseThrow(() -> new AssertionError(r.all().toString()));
        assertEquals("明细加总的基本支出 12.515 与批复数 12.5147 不符，相差 0.0003 万元", d.message());
    }

    @Test
    void threePublicPartsAreRoundedTogether() {
        // three 50 元 parts: one by one 0.01 + 0.01 + 0.01 under a total of 0.02 (issue 7's 决算 defect, here for 预算)
        String yaml = yuanDoc().replace("三公经费:\n  因公出国: 0\n  公务用车购置: 0\n  公务用车运行: 0\n  公务接待: 0",
                "三公经费:\n  因公出国: 50\n  公务用车购置: 50\n  公务用车运行: 50\n  公务接待: 0");
        var s = TestDocs.check(yaml).figures().dept().sanGong();
        assertEquals("0.02", s.total().text());
        assertEquals(s.total(), s.abroad().amount().plus(s.carPurchase().amount()).plus(s.carRunning().amount())
                .plus(s.reception().amount()));
    }
}
