package org.budgetpdf.diag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DiagnosticFormatterTest {

    static String format(List<String> lines, int line, int col, String hint) {
        Diagnostic d = new Diagnostic("E-TEST", Severity.ERROR, new SourcePos("data/x.yaml", line, col), "说明", hint);
        return new DiagnosticFormatter(n -> n.equals("data/x.yaml") ? lines : List.of()).format(d);
    }

    @Test
    void fixedLayoutWithGutterCaretAndHint() {
        String text = format(List.of("批复:", "  支出总计: 1741.73"), 2, 9, "核对批复。");
        assertEquals("""
                data/x.yaml:2:9: 错误[E-TEST]: 说明
                    2 |   支出总计: 1741.73
                      |             ^^^^^^^
                提示：核对批复。
                """, text);
    }

    @Test
    void warningsSayWarning() {
        Diagnostic d = new Diagnostic("W-TEST", Severity.WARNING, new SourcePos("a.yaml", 1, 1), "说明", "");
        assertEquals("a.yaml:1:1: 警告[W-TEST]: 说明\n", new DiagnosticFormatter(n -> List.of()).format(d),
                "no excerpt when the lines are unknown, no hint line when there is no hint");
    }

    @Test
    void caretStopsBeforeAComment() {
        String text = format(List.of("  金额: 8.45                   # 原文口径"), 1, 7, null);
        assertTrue(text.endsWith("      |         ^^^^\n"), text);
    }

    @Test
    void caretUnderlinesOnlyTheValueInsideAFlowMapping() {
        String src = "  - {代码: \"309001\", 名称: 新乡市卫滨区医疗保障局, 类型: 行政单}";
        int col = src.indexOf("行政单") + 1;
        String text = format(List.of(src), 1, col, null);
        String caretLine = text.lines().toList().get(2);
        // 2 cells per Chinese character, 1 per ASCII: the caret starts under 行 and covers 行政单 (6 cells), not the brace
        String prefix = src.substring(0, col - 1);
        int cells = prefix.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1).sum();
        assertEquals("      | " + " ".repeat(cells) + "^^^^^^", caretLine);

        String name = format(List.of(src), 1, src.indexOf("新乡") + 1, null).lines().toList().get(2);
        assertTrue(name.endsWith("^".repeat(2 * "新乡市卫滨区医疗保障局".length())), name);
    }

    @Test
    void quotedValuesAreUnderlinedWithTheirQuotes() {
        String text = format(List.of("  - 单位: \"901002\"   # 服务中心"), 1, 9, null);
        assertTrue(text.contains("\n      |           ^^^^^^^^\n"), text);
    }

    @Test
    void keysAreUnderlinedWithoutTheirValue() {
        String text = format(List.of("  名秤: 示例局"), 1, 3, null);
        assertTrue(text.contains("\n      |   ^^^^\n"), text);
    }

    @Test
    void tabsArePaddedWithTabsSoTheCaretLinesUp() {
        String text = format(List.of("\t30201: 0.50"), 1, 2, null);
        assertTrue(text.contains("\n      | \t^^^^^\n"), text);
    }

    @Test
    void positionPastTheEndOfTheLineOrFileStillPrints() {
        assertTrue(format(List.of("a: 1"), 1, 40, null).contains("| " + " ".repeat(4) + "^\n"));
        String past = format(List.of("a: 1"), 3, 1, null);
        assertEquals("data/x.yaml:3:1: 错误[E-TEST]: 说明\n", past, "a line after the last has no excerpt");
    }

    @Test
    void columnsCountCodePointsLikeYamlMarks() {
        // 𠮷 (U+20BB7) is one code point, two chars, two cells
        String src = "  - {名称: 𠮷田, 值: 9}";
        int col = src.codePointCount(0, src.indexOf('9')) + 1;
        assertEquals(17, col);
        String text = format(List.of(src), 1, col, null);
        assertTrue(text.endsWith("\n      | " + " ".repeat(21) + "^\n"), text);
    }

    @Test
    void wholeFileProblemsHaveNoLineAndNoExcerpt() {
        Diagnostic d = new Diagnostic("E-EMPTY", Severity.ERROR, SourcePos.fileOnly("data/x.yaml"), "文件是空的", "请填写。");
        assertEquals("data/x.yaml: 错误[E-EMPTY]: 文件是空的\n提示：请填写。\n",
                new DiagnosticFormatter(n -> List.of("x")).format(d));
        Diagnostic none = new Diagnostic("E-X", Severity.ERROR, SourcePos.NONE, "说明", null);
        assertEquals("(输入): 错误[E-X]: 说明\n", new DiagnosticFormatter(n -> List.of()).format(none));
    }

    @Test
    void longLineNumbersWidenTheGutter() {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 123456; i++) lines.add("a: " + i);
        String text = format(lines, 123456, 4, null);
        assertTrue(text.contains("\n123456 | a: 123455\n       | " + "   ^^^^^^\n"), text);
    }

    @Test
    void summaryLine() {
        assertEquals("0 个错误，1 个警告", DiagnosticFormatter.summary(0, 1));
        assertEquals("3 个错误，0 个警告", DiagnosticFormatter.summary(3, 0));
    }

    @Test
    void aVeryLongLineIsCutToTheCaretsNeighbourhood() {
        String line = "  说明: " + "甲".repeat(50_000) + "错" + "乙".repeat(50_000);
        String text = format(List.of(line), 1, 50_007, "改正。");
        String[] out = text.split("\n");
        assertTrue(out[1].length() < 300, "excerpt cut: " + out[1].length());
        assertTrue(out[1].contains("…甲甲") && out[1].contains("错乙") && out[1].endsWith("…"), out[1]);
        int excerptCol = out[1].indexOf("错") - out[1].indexOf("| ") - 2;
        // the caret sits under 错: each CJK character before it is two cells, the … one
        String caretLine = out[2].substring(out[2].indexOf("| ") + 2);
        assertEquals(2 * excerptCol - 1, caretLine.indexOf('^'), text);
    }
}
