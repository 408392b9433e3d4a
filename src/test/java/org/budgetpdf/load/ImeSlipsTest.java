package org.budgetpdf.load;

import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Input-method slips: each reported on its own line and column with the fix, and nothing taken for a slip that is none. */
class ImeSlipsTest {
    static final String MINIMAL;

    static {
        try {
            MINIMAL = Files.readString(Path.of("src/test/resources/fixtures/minimal-budget.yaml"), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Diagnostic> load(String text) {
        Diagnostics d = new Diagnostics();
        new YamlLoader().parse(text.getBytes(StandardCharsets.UTF_8), "x.yaml", d);
        return d.sorted();
    }

    static String with(String from, String to) {
        assertTrue(MINIMAL.contains(from), from);
        return MINIMAL.replace(from, to);
    }

    /** The one diagnostic for {@code text}: at line:col, saying {@code says}. */
    static void slip(String text, int line, int col, String says) {
        List<Diagnostic> d = load(text);
        assertEquals(1, d.size(), d.toString());
        assertEquals("E-YAML", d.get(0).code());
        assertEquals(line + ":" + col, d.get(0).pos().line() + ":" + d.get(0).pos().col(), d.toString());
        assertTrue((d.get(0).message() + d.get(0).hint()).contains(says), d.toString());
    }

    @Test
    void aFullWidthColonAfterAKeyIsNamedOnItsOwnLine() {
        slip(with("  名称: 示例市示例区医疗保障局\n", "  名称：示例市示例区医疗保障局\n"), 9, 5, "把中文冒号“：”改成英文冒号“:”");
        slip(with("年度: 2025\n", "年度：2025\n"), 4, 3, "中文冒号");
        slip(with("  职责:\n", "  职责：\n"), 12, 5, "中文冒号");
        slip(with("      30101: 10.00\n", "      30101：10.00\n"), 26, 12, "中文冒号");
        // in braces the file still parses: the key “代码："901"” is named, not reported as unknown
        slip(with("  - 代码: \"901001\"\n    名称: 示例市示例区医疗保障局\n    类型: 行政\n",
                "  - {代码：\"901001\", 名称: 示例市示例区医疗保障局, 类型: 行政}\n"), 18, 8, "中文冒号");
    }

    @Test
    void twoSlipsInARowAreBothNamed() {
        List<Diagnostic> d = load(with("部门:\n  名称: 示例市示例区医疗保障局\n", "部门：\n  名称：示例市示例区医疗保障局\n"));
        assertEquals(List.of("8:3", "9:5"), d.stream().map(x -> x.pos().line() + ":" + x.pos().col()).toList(), d.toString());
    }

    @Test
    void aFullWidthSpaceIsNamedWhereItIs() {
        slip(with("  代码: \"901\"\n", "  代码:\u3000\"901\"\n"), 10, 6, "把全角空格“　”改成英文（半角）空格");
        slip(with("  级次: 区级\n", "\u3000 级次: 区级\n"), 11, 1, "缩进里有全角空格");
        slip(with("    - 组织实施城乡居民基本医疗保险、医疗救助", "    -\u3000组织实施城乡居民基本医疗保险、医疗救助"), 13, 6, "列表项");
    }

    @Test
    void chineseColonsInTextCommentsAndQuotesAreNoSlips() {
        assertEquals(List.of(), load(with("  名称: 示例市示例区医疗保障局\n", "  名称: 示例市示例区医疗保障局：本级   # 注：本级\n")));
        assertEquals(List.of(), load(with("  名称: 示例市示例区医疗保障局\n", "  名称: \"示例：医疗保障局\"\n")));
        // a genuine YAML error is still explained as before
        List<Diagnostic> d = load(with("  名称: 示例市示例区医疗保障局\n", "  名称: 示例: 医疗保障局\n"));
        assertEquals(1, d.size());
        assertFalse(d.get(0).message().contains("中文冒号"), d.toString());
    }

    @Test
    void numbersTypedWithTheInputMethodGetTheirFix() {
        assertEquals("数字里有中文输入法打出的全角数字：数字要用英文（半角）输入，小数点用“.”，不写逗号，应写成 1740.73。",
                ImeSlips.number("１７４０.７３").orElseThrow());
        assertTrue(ImeSlips.number("1，740.73").orElseThrow().contains("应写成 1740.73"));
        assertTrue(ImeSlips.number("1740。73").orElseThrow().contains("应写成 1740.73"));
        assertTrue(ImeSlips.number("1740.73万元").isEmpty(), "not an input-method slip: the usual hint applies");
    }
}
