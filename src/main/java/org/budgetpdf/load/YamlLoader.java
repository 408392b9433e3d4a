package org.budgetpdf.load;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a data file into a YAML node tree with positions. Never constructs Java objects from tags,
 * and limits aliases and size so a hostile or broken file fails fast with a diagnostic.
 */
public final class YamlLoader {
    public static final int MAX_BYTES = 16 * 1024 * 1024; // the largest real department (200 units, 6,000 projects) is 4.45 MB
    private static final int MAX_ALIASES = 50;

    public SourceFile load(Path path, String displayName, Diagnostics diags) {
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                diags.error("E-FILE-SIZE", SourcePos.fileOnly(displayName),
                        "文件超过 " + (MAX_BYTES / 1024 / 1024) + " MB，不像是一份部门预决算数据文件",
                        "请检查是否选错了文件。");
                return new SourceFile(displayName, List.of(), null);
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            diags.error("E-FILE-READ", SourcePos.fileOnly(displayName), "无法读取文件：" + e.getMessage(),
                    "请确认文件存在且有读取权限。");
            return new SourceFile(displayName, List.of(), null);
        }
        return parse(bytes, displayName, diags);
    }

    public SourceFile parse(byte[] bytes, String displayName, Diagnostics diags) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            boolean gbk = looksLikeGbk(bytes);
            java.nio.charset.Charset shownAs = gbk ? java.nio.charset.Charset.forName("GBK") : StandardCharsets.UTF_8;
            int[] at = firstBadPlace(bytes, shownAs);
            diags.error("E-ENCODING", new SourcePos(displayName, at[0], at[1]),
                    "文件不是 UTF-8 编码" + (gbk ? "（看起来是 GBK/GB2312，Windows 记事本或 WPS 的默认编码）" : ""),
                    "请用编辑器另存为“UTF-8”编码（记事本：另存为 → 编码选 UTF-8）。");
            // lines for the excerpt only, decoded as best we can, so the clerk sees which line it is
            String shown = new String(bytes, shownAs);
            return new SourceFile(displayName, shown.lines().toList(), null);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> lines = text.lines().toList();
        if (text.indexOf('\0') >= 0) {
            diags.error("E-ENCODING", SourcePos.fileOnly(displayName), "文件含有二进制字符（NUL），不是文本文件",
                    "请检查是否选错了文件。");
            return new SourceFile(displayName, lines, null);
        }
        // YAML counts these as line breaks, editors (and the excerpt) do not: every later line number would be off
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                diags.error("E-YAML", placeOf(text, text.codePointCount(0, i), displayName),
                        String.format("文件含有特殊换行符（U+%04X），YAML 会把它当作换行", (int) c),
                        "多半是从网页或 Word 复制粘贴带进来的，看不见：删去这个位置的字符，需要换行时重新按回车。");
                return new SourceFile(displayName, lines, null);
            }
        }

        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false); // the binder reports duplicates itself, with both places
        opts.setMaxAliasesForCollections(MAX_ALIASES);
        opts.setAllowRecursiveKeys(false);
        opts.setNestingDepthLimit(40);
        opts.setCodePointLimit(MAX_BYTES);
        opts.setProcessComments(false);
        try {
            Node root = new Yaml(opts).compose(new StringReader(text));
            // "---" alone, or a lone "~", is an empty document too
            if (root instanceof ScalarNode s && Tag.NULL.equals(s.getTag())) root = null;
            if (root == null) {
                diags.error("E-EMPTY", SourcePos.fileOnly(displayName), "文件是空的", "请参照 data/ 中的示例文件填写。");
            }
            return new SourceFile(displayName, lines, root);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourcePos pos = m == null ? SourcePos.fileOnly(displayName)
                    : new SourcePos(displayName, m.getLine() + 1, m.getColumn() + 1);
            diags.error("E-YAML", pos, "YAML 格式错误：" + translate(e.getProblem()),
                    "常见原因：缩进不一致（只能用空格，不能用 Tab）、冒号后缺少空格、引号没有成对。");
            return new SourceFile(displayName, lines, null);
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            diags.error("E-YAML", placeOf(text, e.getPosition(), displayName),
                    String.format("文件含有不可见的控制字符（U+%04X），YAML 不允许", e.getCodePoint()),
                    "多半是从其他软件复制粘贴带进来的：删去这个位置的字符后重新输入。");
            return new SourceFile(displayName, lines, null);
        } catch (YAMLException e) {
            diags.error("E-YAML", SourcePos.fileOnly(displayName), "YAML 格式错误：" + translate(e.getMessage()),
                    "请检查文件结构；别名（&/*）过多或嵌套过深的文件会被拒绝。");
            return new SourceFile(displayName, lines, null);
        }
    }

    private static String translate(String problem) {
        if (problem == null) return "无法解析";
        String p = problem.trim();
        if (p.contains("found character '\\t'") || p.contains("\\t(TAB)")) return "出现了 Tab 字符（YAML 缩进只能用空格）";
        if (p.contains("mapping values are not allowed")) return "此处不允许出现“键: 值”（多半是缩进错了，或值里有未加引号的冒号）";
        if (p.contains("could not find expected ':'")) return "缺少冒号“:”";
        if (p.contains("found unexpected end of stream")) return "文件意外结束（引号或括号没有闭合）";
        if (p.contains("did not find expected key")) return "缩进不对齐，找不到期望的键";
        if (p.contains("expected <block end>")) return "这一行的缩进与同一级的其他行不一致";
        if (p.contains("expected ',' or '}'")) return "花括号 {…} 里缺少逗号，或没有右括号“}”";
        if (p.contains("expected ',' or ']'")) return "方括号 […] 里缺少逗号，或没有右括号“]”";
        if (p.contains("expected alphabetic or numeric character")) return "“&”或“*”后面缺少名称（以 & 或 * 开头的文字请加引号）";
        if (p.contains("that cannot start any token")) return "值不能以这个符号开头（请给整个值加引号）";
        if (p.contains("found unknown escape character")) return "双引号里的反斜杠“\\”用法不对（改用单引号，或去掉反斜杠）";
        if (p.contains("did not find expected '-' indicator")) return "列表项缩进不一致";
        if (p.contains("Number of aliases")) return "别名（*）数量超过上限 " + MAX_ALIASES;
        if (p.contains("found undefined alias")) return "使用了未定义的别名（*）";
        if (p.contains("Global tag is not allowed")) return "不允许使用“!!”开头的类型标签（数据文件里只写文字和数字）";
        if (p.contains("exceeds the limit") || p.contains("Nesting Depth")) return "文件嵌套过深或过大";
        return p;
    }

    /** The 1-based line and column of a code point offset in {@code text}. */
    private static SourcePos placeOf(String text, int codePointOffset, String displayName) {
        int line = 1;
        int col = 1;
        int i = 0;
        for (int n = 0; n < codePointOffset && i < text.length(); n++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new SourcePos(displayName, line, col);
    }

    /** Line and column (1-based) of the first byte that is not UTF-8, the column counted as the line is shown. */
    private static int[] firstBadPlace(byte[] bytes, java.nio.charset.Charset shownAs) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        int bad = result.isError() ? in.position() : 0;
        // a GBK pair can pass for UTF-8 (医 = D2 BD): in a GBK file the fault starts where the non-ASCII run starts
        if (!shownAs.equals(StandardCharsets.UTF_8)) {
            while (bad > 0 && bytes[bad - 1] < 0) bad--;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, bad - lineStart, shownAs);
        if (line == 1 && before.startsWith("\uFEFF")) before = before.substring(1);
        return new int[]{line, before.length() + 1};
    }

    private static boolean looksLikeGbk(byte[] bytes) {
        try {
            java.nio.charset.Charset.forName("GBK").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException | RuntimeException e) {
            return false;
        }
    }
}
