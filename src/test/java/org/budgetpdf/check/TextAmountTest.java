package org.budgetpdf.check;

import org.budgetpdf.model.DocKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** T15, amounts: a figure typed after its name must be one of the amounts computed for it; changes are not amounts. */
class TextAmountTest {
    static final TextLint.Env ENV = new TextLint.Env(DocKind.BUDGET, 2025, null, null, List.of(), Map.of(
            "收支总计", List.of(new BigDecimal("1740.73"), new BigDecimal("1812.86")),
            "三公经费", List.of(new BigDecimal("15.60"))));

    static List<TextLint.Finding> lint(String text) {
        return TextLint.lint(text, ENV).stream().filter(f -> f.message().startsWith("文字中写的")).toList();
    }

    @Test
    void aTypedAmountThatDiffersIsFound() {
        List<TextLint.Finding> f = lint("2025年收支总计1,704.73万元。");
        assertEquals(1, f.size(), f::toString);
        assertTrue(f.get(0).message().contains("1,704.73") && f.get(0).message().contains("1740.73"), f.get(0).message());
        assertEquals("2025年收支总计".length(), f.get(0).offset());
    }

    @Test
    void thisYearsAndLastYearsAmountsAndOtherPrecisionsPass() {
        assertEquals(List.of(), lint("收支总计为1740.73万元，上年收支总计1,812.86万元，“三公”经费预算15.6万元。"));
    }

    @Test
    void aChangeIsNotTheFiguresAmount() {
        assertEquals(List.of(), lint("收支总计比上年减少72.13万元，三公经费增加0.50万元。"));
    }

    @Test
    void figuresTheDataDoesNotHaveAreNotChecked() {
        assertEquals(List.of(), lint("基本支出为99.99万元。"));
    }
}
