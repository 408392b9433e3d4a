package org.budgetpdf.load;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

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
    public static final int MAX_BYTES = 4 * 1024 * 1024;
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
            int line = firstBadLine(bytes);
            diags.error("E-ENCODING", new SourcePos(displayName, line, 1),
                    "文件不是 UTF-8 编码" + (looksLikeGbk(bytes) ? "（看起来是 GBK/GB2312，Windows 记事本或 WPS 的默认编码）" : ""),
                    "请用编辑器另存为“UTF-8”编码（记事本：另存为 → 编码选 UTF-8）。");
            return new SourceFile(displayName, List.of(), null);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> lines = text.lines().toList();
        if (text.indexOf('\0') >= 0) {
            diags.error("E-ENCODING", SourcePos.fileOnly(displayName), "文件含有二进制字符（NUL），不是文本文件",
                    "请检查是否选错了文件。");
            return new SourceFile(displayName, lines, null);
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
        if (p.contains("did not find expected '-' indicator")) return "列表项缩进不一致";
        if (p.contains("Number of aliases")) return "别名（*）数量超过上限 " + MAX_ALIASES;
        if (p.contains("found undefined alias")) return "使用了未定义的别名（*）";
        return p;
    }

    private static int firstBadLine(byte[] bytes) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    dec.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
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
