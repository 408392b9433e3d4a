package org.budgetpdf.load;

import org.budgetpdf.diag.SourcePos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slips of a Chinese input method (IME) in a data file: a full-width colon “：” after a key, a full-width space
 * “　” in the indentation or after “:” or “-”, full-width digits or “，” in a number. YAML sees none of them as
 * what the clerk meant and reports a confusing error on the next line; here each is named on its own line and
 * column, with the fix spelled out.
 */
public final class ImeSlips {
    private ImeSlips() {
    }

    /** A slip found: where, what, and how to fix it. */
    public record Slip(SourcePos pos, String message, String hint) {
    }

    static final String COLON_MESSAGE = "YAML 格式错误：键的后面用了中文冒号“：”";
    static final String COLON_HINT = "把中文冒号“：”改成英文冒号“:”，冒号后面空一格，例如“名称: 示例”。"
            + "（中文输入法下打出的是“：”：先切换到英文输入，或按 Shift 键切换后再输入冒号。）";
    static final String SPACE_HINT = "把全角空格“　”改成英文（半角）空格：删去它，切换到英文输入后再按空格键。缩进、“: ”和“- ”后面的空格都要用半角空格。";

    /** A key at the start of a line (after its indentation and an optional “- ”), followed by “：”. */
    private static final Pattern KEY_COLON = Pattern.compile("^[ \\u3000]*(?:-[ \\u3000]+)?[^\\s\\u3000#:：\"'{}\\[\\],]{1,40}(：)");
    /** A key inside braces: “{代码："901", …}”. */
    private static final Pattern FLOW_KEY_COLON = Pattern.compile("[{,][ \\u3000]*[^\\s\\u3000#:：\"'{}\\[\\],]{1,40}(：)");
    private static final Pattern INDENT_SPACE = Pattern.compile("^ *(\\u3000)");
    private static final Pattern DASH_SPACE = Pattern.compile("^ *-(\\u3000)");

    /** The first slip on one line (0-based index {@code line}), or empty. */
    static Optional<Slip> onLine(String text, int line, String file) {
        String code = withoutComment(text);
        Matcher m = INDENT_SPACE.matcher(code);
        if (m.find()) return Optional.of(space(text, m.start(1), line, file, "缩进里有全角空格“　”（中文输入法打出的空格）"));
        m = DASH_SPACE.matcher(code);
        if (m.find()) return Optional.of(space(text, m.start(1), line, file, "列表项“-”的后面是全角空格“　”（中文输入法打出的空格）"));
        m = KEY_COLON.matcher(code);
        if (m.find() && !code.substring(0, m.start(1)).contains(": ")) {
            return Optional.of(new Slip(pos(text, m.start(1), line, file), COLON_MESSAGE, COLON_HINT));
        }
        m = FLOW_KEY_COLON.matcher(code);
        if (m.find()) return Optional.of(new Slip(pos(text, m.start(1), line, file), COLON_MESSAGE, COLON_HINT));
        int after = code.indexOf(":\u3000");
        if (after >= 0) return Optional.of(space(text, after + 1, line, file, "冒号“:”的后面是全角空格“　”（中文输入法打出的空格）"));
        return Optional.empty();
    }

    private static Slip space(String text, int at, int line, String file, String what) {
        return new Slip(pos(text, at, line, file), "YAML 格式错误：" + what, SPACE_HINT);
    }

    private static SourcePos pos(String text, int index, int line, String file) {
        return new SourcePos(file, line + 1, text.codePointCount(0, index) + 1);
    }

    /** The line up to a comment (“ #”), quoted text blanked so that a “：” inside quotes is not taken for a slip. */
    private static String withoutComment(String line) {
        StringBuilder sb = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                sb.append(c == quote ? c : ' ');
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
                sb.append(c);
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                break;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A YAML error at 1-based {@code errorLine}, explained by slips on that line and the few lines before it: they count
     * when fixing them lets the parser get past the error ({@code errorLineOf} gives the line of the first error of a
     * text, or {@link Integer#MAX_VALUE} when it parses). Empty when no slip explains the error.
     */
    public static List<Slip> beforeError(List<String> lines, int errorLine, String file, ToIntFunction<String> errorLineOf) {
        List<Slip> found = new ArrayList<>();
        List<String> fixed = new ArrayList<>(lines);
        int seen = 0;
        for (int l = Math.min(errorLine, lines.size()) - 1; l >= 0 && seen < 4; l--) {
            if (lines.get(l).isBlank() || lines.get(l).stripLeading().startsWith("#")) continue;
            seen++;
            Optional<Slip> s = onLine(lines.get(l), l, file);
            if (s.isEmpty()) continue;
            String t = lines.get(l);
            int at = t.offsetByCodePoints(0, s.get().pos().col() - 1);
            fixed.set(l, t.substring(0, at) + (t.charAt(at) == '：' ? ": " : " ") + t.substring(at + 1));
            found.add(0, s.get());
            if (errorLineOf.applyAsInt(String.join("\n", fixed) + "\n") > errorLine) return found;
        }
        return List.of();
    }

    /** Slips that parse as YAML but change the meaning: a key with “：” or “　” in it, a list item “-　…”. */
    public static List<Slip> inKeys(List<String> lines, org.yaml.snakeyaml.nodes.Node root, String file) {
        List<Slip> out = new ArrayList<>();
        walk(root, lines, file, out);
        return out;
    }

    private static void walk(org.yaml.snakeyaml.nodes.Node n, List<String> lines, String file, List<Slip> out) {
        if (n instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k
                        && (k.getValue().contains("：") || k.getValue().contains("\u3000"))) {
                    int line = k.getStartMark().getLine();
                    Optional<Slip> s = line < lines.size() ? onLine(lines.get(line), line, file) : Optional.empty();
                    out.add(s.orElse(new Slip(new SourcePos(file, line + 1, k.getStartMark().getColumn() + 1),
                            k.getValue().contains("：") ? COLON_MESSAGE : "YAML 格式错误：键里有全角空格“　”（中文输入法打出的空格）",
                            k.getValue().contains("：") ? COLON_HINT : SPACE_HINT)));
                    continue;
                }
                walk(t.getValueNode(), lines, file, out);
            }
        } else if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
            for (org.yaml.snakeyaml.nodes.Node item : s.getValue()) walk(item, lines, file, out);
        } else if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode sc && sc.getValue().startsWith("-\u3000")
                && sc.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
            int line = sc.getStartMark().getLine();
            out.add(new Slip(new SourcePos(file, line + 1, sc.getStartMark().getColumn() + 2),
                    "YAML 格式错误：列表项“-”的后面是全角空格“　”（中文输入法打出的空格），这一项不会被当作列表项", SPACE_HINT));
        }
    }

    /**
     * How to fix a number typed with the input method on (full-width digits “１２３”, “，” or “．”), or empty when the
     * text has none of these: the hint names the characters and gives the number as it should be written.
     */
    public static Optional<String> number(String text) {
        StringBuilder fixed = new StringBuilder();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                fixed.append((char) (c - '０' + '0'));
                if (!found.contains("全角数字")) found.add("全角数字");
            } else if (c == '，') {
                if (!found.contains("中文逗号“，”")) found.add("中文逗号“，”");
            } else if (c == '．' || c == '。') {
                fixed.append('.');
                if (!found.contains("中文句号“" + c + "”")) found.add("中文句号“" + c + "”");
            } else if (c == '－') {
                fixed.append('-');
            } else if (c == '\u3000') {
                if (!found.contains("全角空格")) found.add("全角空格");
            } else {
                fixed.append(c);
            }
        }
        if (found.isEmpty()) return Optional.empty();
        String as = fixed.toString().strip().replace(",", "");
        return Optional.of("数字里有中文输入法打出的" + String.join("、", found) + "：数字要用英文（半角）输入，小数点用“.”，不写逗号"
                + (as.matches("-?\\d+(\\.\\d+)?") ? "，应写成 " + as + "。" : "。"));
    }
}
