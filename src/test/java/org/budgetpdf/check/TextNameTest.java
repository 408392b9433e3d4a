package org.budgetpdf.check;

import org.budgetpdf.model.DocKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** T15, names: a long department name two characters off (two typos or a swap) is found; a short one only one off. */
class TextNameTest {
    static List<String> found(String name, String text, String... others) {
        return TextLint.lint(text, new TextLint.Env(DocKind.BUDGET, 0, null, name, List.of(others))).stream()
                .map(TextLint.Finding::message).toList();
    }

    @Test
    void twoSwappedCharactersInALongNameAreFound() {
        List<String> f = found("新乡市卫滨区医疗保障局", "新乡市滨卫区医疗保障局负责全区医疗保障工作。");
        assertEquals(List.of("“新乡市滨卫区医疗保障局”与部门名称“新乡市卫滨区医疗保障局”差两个字"), f);
    }

    @Test
    void aShortNameMayBeOnlyOneOff() {
        assertEquals(List.of(), found("某区医保局", "某县医保处"));
        assertEquals(1, found("某区医疗保障局", "某区医疗保瘴局").size());
    }

    @Test
    void anotherUnitsNameIsNotAMisspelling() {
        assertEquals(List.of(), found("新乡市卫滨区医疗保障局", "新乡市卫滨区医疗保障所", "新乡市卫滨区医疗保障所"));
    }
}
