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
    /** The longest line read (characters); real files have lines of a few thousand at most. */
    static final int MAX_LINE = 100_000;
    /** SnakeYAML's limit on an implicit (simple) key. */
    private static final int MAX_KEY = 1024;

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
            diags.error("E-FILE-READ", SourcePos.fileOnly(displayName), "无法读取文件：" + org.budgetpdf.diag.SystemMessages.reason(e),
                    e instanceof java.nio.file.AccessDeniedException
                            ? "请给这个文件读取权限（Linux：chmod u+r 文件名；Windows：文件属性 → 安全），或让有权限的人运行。"
                            : "请确认文件存在、可以读取。");
            return new SourceFile(displayName, List.of(), null);
        }
        SourceFile read = parse(bytes, displayName, diags);
        return new SourceFile(read.name(), read.lines(), read.root(), path);
    }

    public SourceFile parse(byte[] bytes, String displayName, Diagnostics diags) {
        String utf16 = utf16(bytes);
        if (utf16 != null) {
            // decoding it as UTF-8 would print every other byte as garbage: say what it is, echo nothing
            diags.error("E-ENCODING", SourcePos.fileOnly(displayName), "文件是 " + utf16 + " 编码（Windows 记事本叫“Unicode”），不是 UTF-8",
                    "请用编辑器另存为“UTF-8”编码（记事本：另存为 → 编码选 UTF-8）。");
            return new SourceFile(displayName, List.of(), null);
        }
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

        // the YAML reader copies its window once per 1024 characters of a line: a line of millions takes minutes
        for (int i = 0; i < lines.size(); i++) {
            int n = lines.get(i).length();
            if (n > MAX_LINE) {
                Mark key = longKey(lines, new Mark("", 0, i, 0, new int[0], 0));
                if (key != null) {
                    longKeyError(lines, key, displayName, diags);
                } else {
                    diags.error("E-YAML", new SourcePos(displayName, i + 1, 1), "这一行有 " + n + " 个字符，一行最多 " + MAX_LINE + " 个字符",
                            "这么长的一行多半是粘贴时出了错（同一段文字粘贴了成千上万遍）；长文字用 >- 分成多行书写，每行几百字。");
                }
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
            } else {
                NodeChecks.check(root, lines, displayName, diags);
            }
            // an input-method slip that still parses (a key “代码：x” in braces): named here, not as an unknown key
            List<ImeSlips.Slip> slips = root == null ? List.of() : ImeSlips.inKeys(lines, root, displayName);
            for (ImeSlips.Slip slip : slips) diags.error("E-YAML", slip.pos(), 1, slip.message(), slip.hint());
            return new SourceFile(displayName, lines, slips.isEmpty() ? root : null);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourcePos pos = m == null ? SourcePos.fileOnly(displayName)
                    : new SourcePos(displayName, m.getLine() + 1, m.getColumn() + 1);
            String context = e.getContext() == null ? "" : e.getContext();
            Mark cm = e.getContextMark();
            if (context.contains("quoted scalar") && cm != null) {
                // the end of the file was reached inside quotes: the fault is where the quote opens
                SourcePos open = new SourcePos(displayName, cm.getLine() + 1, cm.getColumn() + 1);
                diags.error("E-YAML", open, "YAML 格式错误：这里的引号没有闭合，一直到文件末尾都没有找到右引号",
                        "在这个值的末尾补上同样的引号（" + quoteAt(lines, open) + "），或去掉左引号。");
                return new SourceFile(displayName, lines, null);
            }
            Mark km = longKey(lines, e.getContextMark(), e.getProblemMark());
            if (km != null) {
                // YAML gives up on a key longer than 1024 characters and says it found no colon, or no place for one
                longKeyError(lines, km, displayName, diags);
                return new SourceFile(displayName, lines, null);
            }
            SourcePos quote = pos.known() ? unclosedQuote(lines, pos.line(), displayName) : null;
            if (quote != null && closingHelps(lines, quote, pos, opts)) {
                diags.error("E-YAML", quote, "YAML 格式错误：这一行的引号没有闭合（YAML 在第 " + pos.line() + " 行才发现问题："
                        + translate(e.getProblem()) + "）", "在这个值的末尾补上同样的引号（" + quoteAt(lines, quote) + "），或去掉左引号。");
                return new SourceFile(displayName, lines, null);
            }
            // an input-method slip (“名称：…”, a full-width space) shows up as an error on the next line: name the slip
            List<ImeSlips.Slip> slips = pos.known() ? ImeSlips.beforeError(lines, pos.line(), displayName, t -> errorLine(t, opts)) : List.of();
            for (ImeSlips.Slip slip : slips) diags.error("E-YAML", slip.pos(), 1, slip.message(), slip.hint());
            if (!slips.isEmpty()) return new SourceFile(displayName, lines, null);
            diags.error("E-YAML", pos, "YAML 格式错误：" + translate(e.getProblem()), hint(e.getProblem()));
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

    private static void longKeyError(List<String> lines, Mark km, String displayName, Diagnostics diags) {
        int n = keyLength(lines.get(km.getLine()), km.getColumn());
        diags.error("E-YAML", new SourcePos(displayName, km.getLine() + 1, km.getColumn() + 1),
                "YAML 格式错误：这一行冒号前面的键有 " + n + " 个字符，YAML 的键最多 " + MAX_KEY + " 个字符",
                "键是项目的名字（如“名称”“金额”），不会这么长：多半是把一大段文字写在了冒号前面，或漏写了冒号后的空格；"
                        + "长文字写在冒号后面（可以用 >- 折行）。");
    }

    /** Where a key longer than YAML allows starts, on the line of one of the marks; null when there is none. */
    private static Mark longKey(List<String> lines, Mark... marks) {
        for (Mark m : marks) {
            if (m == null || m.getLine() >= lines.size()) continue;
            String line = lines.get(m.getLine());
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '-')) indent++;
            int col = line.codePointCount(0, indent);
            if (keyLength(line, col) > MAX_KEY) {
                return new Mark("", 0, m.getLine(), col, new int[0], 0);
            }
        }
        return null;
    }

    /** Characters from {@code col} (0-based, code points) to the first ": " (or a final ":"); 0 without a colon. */
    private static int keyLength(String line, int col) {
        int from = Math.min(line.length(), line.offsetByCodePoints(0, Math.min(col, line.codePointCount(0, line.length()))));
        int colon = line.indexOf(": ", from);
        if (colon < 0 && !line.endsWith(":")) return 0; // no colon: a value, not a key
        int end = colon < 0 ? line.length() - 1 : colon;
        return line.codePointCount(from, Math.max(from, end));
    }

    /** "UTF-16LE"/"UTF-16BE" when the bytes are UTF-16 (with a byte-order mark, or ASCII text with NULs between), else null. */
    static String utf16(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return "UTF-16LE";
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return "UTF-16BE";
        // no byte-order mark: a line break or colon as one byte beside a NUL, always at the same parity
        int le = 0;
        int be = 0;
        for (int i = 0; i + 1 < Math.min(b.length, 4096); i += 2) {
            if ((b[i] == '\n' || b[i] == ':') && b[i + 1] == 0) le++;
            if (b[i] == 0 && (b[i + 1] == '\n' || b[i + 1] == ':')) be++;
        }
        if (le >= 2 && be == 0) return "UTF-16LE";
        if (be >= 2 && le == 0) return "UTF-16BE";
        return null;
    }

    /**
     * The first value before {@code uptoLine} (1-based) that opens a quote and does not close it on its line: a YAML
     * error after an unclosed quote shows up where the scalar ends, lines later. Null when there is none.
     */
    static SourcePos unclosedQuote(List<String> lines, int uptoLine, String name) {
        for (int l = 0; l < Math.min(uptoLine, lines.size()); l++) {
            String line = lines.get(l);
            int i = 0;
            while (i < line.length() && line.charAt(i) == ' ') i++;
            if (line.startsWith("#", i)) continue;
            // a value's first character: after "- ", after "key: ", or after "[", "{", ","
            for (int j = i; j < line.length(); j++) {
                char c = line.charAt(j);
                if (c == '#' && j > 0 && line.charAt(j - 1) == ' ') break;
                boolean start = j == i || (j >= 2 && line.charAt(j - 1) == ' ' && (line.charAt(j - 2) == ':' || line.charAt(j - 2) == '-' || line.charAt(j - 2) == ','))
                        || (j >= 1 && (line.charAt(j - 1) == '[' || line.charAt(j - 1) == '{'));
                if ((c == '"' || c == '\'') && start) {
                    int close = closing(line, j);
                    if (close < 0) return new SourcePos(name, l + 1, line.codePointCount(0, j) + 1);
                    j = close;
                }
            }
        }
        return null;
    }

    /** True when closing the quote at the end of its line moves the YAML error past {@code error}, or removes it. */
    private static boolean closingHelps(List<String> lines, SourcePos quote, SourcePos error, LoaderOptions opts) {
        StringBuilder fixed = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            fixed.append(lines.get(l));
            if (l == quote.line() - 1) fixed.append(quoteAt(lines, quote));
            fixed.append('\n');
        }
        try {
            new Yaml(opts).compose(new StringReader(fixed.toString()));
            return true;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return m == null || m.getLine() + 1 > error.line();
        } catch (YAMLException e) {
            return false;
        }
    }

    /** The 1-based line of the first YAML error in {@code text}, or {@link Integer#MAX_VALUE} when it parses. */
    private static int errorLine(String text, LoaderOptions opts) {
        try {
            new Yaml(opts).compose(new StringReader(text));
            return Integer.MAX_VALUE;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return m == null ? 0 : m.getLine() + 1;
        } catch (YAMLException e) {
            return 0;
        }
    }

    /** Index of the quote closing the one at {@code open}, or -1. */
    private static int closing(String line, int open) {
        char q = line.charAt(open);
        for (int k = open + 1; k < line.length(); k++) {
            char c = line.charAt(k);
            if (q == '"' && c == '\\') {
                k++;
            } else if (c == q) {
                if (q == '\'' && k + 1 < line.length() && line.charAt(k + 1) == '\'') {
                    k++;
                } else {
                    return k;
                }
            }
        }
        return -1;
    }

    private static String quoteAt(List<String> lines, SourcePos p) {
        if (p.line() < 1 || p.line() > lines.size()) return "\"";
        String line = lines.get(p.line() - 1);
        int cps = line.codePointCount(0, line.length());
        if (p.col() - 1 >= cps) return "\"";
        return line.charAt(line.offsetByCodePoints(0, p.col() - 1)) == '\'' ? "'" : "\"";
    }

    private static String hint(String problem) {
        String p = problem == null ? "" : problem;
        if (p.contains("another document") || p.contains("document start")) {
            return "一个数据文件只写一个部门一年的数据：删去多余的“---”或“...”行及其后的内容，另一份数据请另存一个文件。";
        }
        if (p.contains("directive")) return "删去文件开头以“%”开头的行，数据文件不需要它们。";
        return "常见原因：缩进不一致（只能用空格，不能用 Tab）、冒号后缺少空格、引号没有成对。";
    }

    private static String translate(String problem) {
        if (problem == null) return "无法解析";
        String p = problem.trim();
        if (p.contains("but found another document")) return "文件里有第二个文档（又一行“---”）；一个数据文件只能有一个文档";
        if (p.contains("duplicate YAML directive")) return "“%YAML”指令写了两次";
        if (p.contains("found incompatible YAML document")) return "“%YAML”指令的版本不受支持";
        if (p.contains("expected '<document start>'")) return "文档结束标记“...”或“---”之后还有内容";
        if (p.contains("found unknown directive") || p.contains("directive")) return "不认识的“%”指令";
        if (p.contains("found undefined tag handle")) return "使用了未定义的标签（“!”开头）";
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
