package org.budgetpdf.load;

import org.budgetpdf.bind.Binder;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class YamlLoaderTest {

    static Diagnostics diags;

    static SourceFile parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static SourceFile parse(byte[] bytes) {
        diags = new Diagnostics();
        return new YamlLoader().parse(bytes, "t.yaml", diags);
    }

    static Diagnostic only() {
        List<Diagnostic> all = diags.sorted();
        assertEquals(1, all.size(), () -> "expected one diagnostic, got " + all);
        return all.get(0);
    }

    @Test
    void readsUtf8IntoNodesWithLines() {
        SourceFile f = parse("""
                # 注释
                部门:
                  名称: 新乡市卫滨区医疗保障局
                """);
        assertTrue(diags.isEmpty(), () -> diags.sorted().toString());
        assertInstanceOf(MappingNode.class, f.root());
        assertEquals(List.of("# 注释", "部门:", "  名称: 新乡市卫滨区医疗保障局"), f.lines());
        // marks are 0-based: line 3 of the file is line index 2
        var dept = ((MappingNode) f.root()).getValue().get(0).getValueNode();
        assertEquals(2, dept.getStartMark().getLine());
    }

    @Test
    void gbkBytesAreReportedAsGbkOnTheirLine() {
        byte[] gbk = """
                文档: 部门预算
                年度: 2025
                """.getBytes(StandardCharsets.UTF_8);
        byte[] withGbkLine = concat(gbk, "note: 医疗保障局\n".getBytes(Charset.forName("GBK")));
        SourceFile f = parse(withGbkLine);
        Diagnostic d = only();
        assertEquals("E-ENCODING", d.code());
        assertTrue(d.message().contains("GBK"), d.message());
        assertEquals(3, d.pos().line(), "first line that is not UTF-8");
        assertEquals(7, d.pos().col(), "first character that is not UTF-8");
        assertNull(f.root());
        assertEquals("note: 医疗保障局", f.lines().get(2), "lines decoded as GBK, so the message can quote the line");
    }

    @Test
    void otherNonUtf8BytesAreReportedWithoutGuessingGbk() {
        parse(new byte[]{'a', ':', ' ', (byte) 0xFF, (byte) 0xFE, (byte) 0xFF, '\n'});
        Diagnostic d = only();
        assertEquals("E-ENCODING", d.code());
        assertFalse(d.message().contains("GBK"), d.message());
    }

    @Test
    void nulBytesMeanABinaryFile() {
        parse("a: 1\n\0\0\0");
        assertEquals("E-ENCODING", only().code());
        assertTrue(only().message().contains("二进制"));
    }

    @Test
    void utf8BomIsAccepted() {
        SourceFile f = parse(concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "年度: 2025\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(diags.isEmpty(), () -> diags.sorted().toString());
        assertEquals("年度: 2025", f.lines().get(0));
        assertEquals(0, f.root().getStartMark().getColumn(), "the BOM does not shift columns");
    }

    @Test
    void windowsLineEndingsKeepLineNumbers() {
        SourceFile f = parse("文档: 部门预算\r\n年度: 2025\r\n");
        assertTrue(diags.isEmpty());
        assertEquals(List.of("文档: 部门预算", "年度: 2025"), f.lines());
        var year = ((MappingNode) f.root()).getValue().get(1).getValueNode();
        assertEquals(1, year.getStartMark().getLine());
    }

    @Test
    void billionLaughsFailsFastWithADiagnostic() {
        String bomb = """
                a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """;
        SourceFile f = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse(bomb));
        Diagnostic d = only();
        assertEquals("E-YAML", d.code());
        assertTrue(d.message().contains("别名"), d.message());
        assertNull(f.root());
    }

    /** Counts constructions: if any loader built objects from tags, this would go up. */
    public static final class Canary {
        static final AtomicInteger BUILT = new AtomicInteger();

        public Canary() {
            BUILT.incrementAndGet();
        }

        public Canary(String s) {
            BUILT.incrementAndGet();
        }
    }

    @Test
    void javaTypeTagsConstructNothing() {
        Canary.BUILT.set(0);
        String yaml = """
                文档: !!org.budgetpdf.load.YamlLoaderTest$Canary ["x"]
                名称: !!java.lang.ProcessBuilder [["touch", "/tmp/budgetpdf-pwned"]]
                """;
        SourceFile f = parse(yaml);
        Diagnostic d = only();
        assertEquals("E-YAML", d.code());
        assertTrue(d.message().contains("类型标签"), d.message());
        assertEquals(1, d.pos().line());
        assertNull(f.root());
        assertEquals(0, Canary.BUILT.get());
    }

    /** Issue 15 §4: a tag would be silently ignored (the value is read as text), so it is an error at the tag. */
    @Test
    void localAndUnknownTagsAreErrorsAtTheTagAndConstructNothing() {
        Canary.BUILT.set(0);
        SourceFile f = parse("""
                名称: !org.budgetpdf.load.YamlLoaderTest$Canary 示例
                代码: !!binary 5oiR
                说明: !!set {a, b}
                级次: !!str 区级
                年度: !!int 2025
                """);
        List<Diagnostic> ds = diags.sorted();
        assertEquals(List.of("t.yaml:1:5", "t.yaml:2:5", "t.yaml:3:5"), ds.stream().map(x -> x.pos().toString()).toList(), ds::toString);
        assertTrue(ds.stream().allMatch(x -> x.code().equals("E-YAML")), ds::toString);
        assertTrue(ds.get(1).message().contains("“!!binary”"), ds.get(1).message());
        assertNotNull(f.root());
        new Binder().bind(f, diags);
        assertEquals(0, Canary.BUILT.get());
    }

    @Test
    void fileOverTheSizeLimitIsRejectedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] line = "# 填充\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[YamlLoader.MAX_BYTES + 1];
        for (int i = 0; i < content.length; i++) content[i] = line[i % line.length];
        Files.write(big, content);
        diags = new Diagnostics();
        SourceFile f = new YamlLoader().load(big, "big.yaml", diags);
        Diagnostic d = only();
        assertEquals("E-FILE-SIZE", d.code());
        assertEquals("big.yaml", d.pos().file());
        assertFalse(d.pos().known(), "a whole-file problem has no line");
        assertNull(f.root());
        assertEquals(List.of(), f.lines());
    }

    @Test
    void unreadablePathIsADiagnosticNotAnException(@TempDir Path dir) {
        diags = new Diagnostics();
        SourceFile f = new YamlLoader().load(dir, "目录.yaml", diags);
        assertEquals("E-FILE-READ", only().code());
        assertNull(f.root());
        diags = new Diagnostics();
        new YamlLoader().load(dir.resolve("没有这个文件.yaml"), "x.yaml", diags);
        assertEquals("E-FILE-READ", only().code());
    }

    @Test
    void emptyFilesAreEmpty() {
        for (String text : List.of("", "\n\n", "# 只有注释\n", "---\n", "~\n")) {
            SourceFile f = parse(text);
            assertEquals("E-EMPTY", only().code(), () -> "for " + text.replace("\n", "\\n"));
            assertFalse(only().pos().known());
            assertNull(f.root());
        }
    }

    @Test
    void tabIndentationIsExplainedInChineseAtItsLine() {
        SourceFile f = parse("""
                部门:
                  名称: 示例
                \t代码: "901"
                """);
        Diagnostic d = only();
        assertEquals("E-YAML", d.code());
        assertEquals(3, d.pos().line());
        assertEquals(1, d.pos().col());
        assertTrue(d.message().contains("Tab"), d.message());
        assertEquals(3, f.lines().size(), "lines are kept so the message can quote the line");
    }

    @Test
    void syntaxErrorsArePlacedAndTranslated() {
        parse("""
                部门:
                  名称: 示例: 医保局
                """);
        Diagnostic d = only();
        assertEquals("E-YAML", d.code());
        assertEquals(2, d.pos().line());
        assertTrue(d.message().contains("冒号"), d.message());

        parse("名称: \"没有闭合\n年度: 2025\n");
        assertEquals("E-YAML", only().code());
        assertTrue(only().message().contains("引号"), only().message());

        parse("""
                绩效指标:
                  产出指标:
                    - {名称: 区级配套人数, 值: ≤1万人
                """);
        assertTrue(only().message().contains("花括号"), only().message());

        parse("""
                三公经费:
                    因公出国: 0
                  公务接待: 0
                """);
        assertEquals(3, only().pos().line());
        assertTrue(only().message().contains("缩进"), only().message());
        assertFalse(only().message().matches(".*[a-z]{4,}.*"), "translated: " + only().message());
    }

    @Test
    void controlCharactersArePlaced() {
        SourceFile f = parse("文档: 部门预算\n年度: 20\u000125\n");
        Diagnostic d = only();
        assertEquals("E-YAML", d.code());
        assertEquals(2, d.pos().line());
        assertEquals(7, d.pos().col());
        assertTrue(d.message().contains("U+0001"), d.message());
        assertEquals(2, f.lines().size());
    }

    @Test
    void unicodeLineSeparatorsWouldShiftLineNumbersSoTheyAreReported() {
        SourceFile f = parse("名称: 甲\u2028乙\n年度: 2025\n");
        Diagnostic d = only();
        assertEquals("E-YAML", d.code());
        assertEquals(1, d.pos().line());
        assertEquals(6, d.pos().col());
        assertTrue(d.message().contains("U+2028"), d.message());
        assertEquals(2, f.lines().size());
    }

    @Test
    void duplicateKeysReachTheBinderWhichReportsBothLines() {
        SourceFile f = parse("""
                年度: 2025
                年度: 2026
                """);
        assertTrue(diags.isEmpty(), "the loader keeps both, so the binder can name both lines");
        new Binder().bind(f, diags);
        Diagnostic dup = diags.sorted().stream().filter(x -> x.code().equals("E-DUP-KEY")).findFirst().orElseThrow();
        assertEquals(2, dup.pos().line());
        assertTrue(dup.message().contains("第 1 行"), dup.message());
    }

    @Test
    void deepNestingIsRejectedWithoutStackOverflow() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        SourceFile f = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse(deep));
        assertEquals("E-YAML", only().code());
        assertNull(f.root());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---- issue 8 §3 ------------------------------------------------------------------------------------------

    @Test
    void englishParserMessagesAreTranslated() {
        for (String text : List.of("年度: 2025\n---\n年度: 2026\n", "%YAML 1.1\n%YAML 1.1\n---\n年度: 2025\n",
                "年度: 2025\n...\n名称: x\n")) {
            parse(text);
            Diagnostic d = only();
            assertEquals("E-YAML", d.code());
            assertFalse(d.message().matches(".*[a-z]{4,}.*"), "translated: " + d.message());
            assertFalse(d.hint().contains("Tab"), "a hint for this problem, not the generic one: " + d.hint());
        }
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        parse("部门:\n  名称: \"示例局\n  代码: \"901\"\n  级次: 区级\n  职责: [a]\n单位: []\n");
        assertEquals(2, only().pos().line(), only().toString());
        assertEquals(7, only().pos().col());
        assertTrue(only().message().contains("引号没有闭合"), only().message());

        // a quoted text over two lines is valid YAML: an unrelated error further down stays where it is
        parse("说明: \"第一行\n  第二行\"\n部门:\n  名称: 示例: 医保局\n");
        assertEquals(4, only().pos().line(), only().toString());
        assertTrue(only().message().contains("冒号"), only().message());

        StringBuilder many = new StringBuilder("其他事项: '没有闭合\n");
        for (int i = 0; i < 380; i++) many.append("部门").append(i).append(": 1\n");
        parse(many.toString());
        assertEquals(1, only().pos().line(), only().toString());
    }

    @Test
    void utf16IsNamedAndItsBytesAreNotEchoed() {
        for (var cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            SourceFile f = parse("年度: 2025\n部门: 示例\n".getBytes(cs));
            assertEquals("E-ENCODING", only().code());
            assertTrue(only().message().contains("UTF-16"), only().message());
            assertEquals(List.of(), f.lines(), "no garbage excerpt");
        }
    }
}
