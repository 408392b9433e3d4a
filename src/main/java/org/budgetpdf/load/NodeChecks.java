package org.budgetpdf.load;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a well-formed YAML tree may still hold that must never reach the renderer, reported where it is written:
 * <ul>
 *   <li>a type tag other than YAML's plain ones ({@code !!binary 5oiR}, {@code !foo x}): the program reads every value as
 *       text, so the tag would silently change nothing the clerk meant (E-YAML);</li>
 *   <li>a character XML 1.0 cannot carry, typed as a double-quoted escape ({@code "\a"}, {@code "\0"}, {@code "\x1B"}):
 *       the PDF cannot print it (E-CHAR). Raw control characters are refused by the YAML reader itself.</li>
 * </ul>
 */
final class NodeChecks {
    private NodeChecks() {
    }

    /** Tags that do not change how a value is read: the program reads text and parses numbers itself. */
    private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);
    private static final Resolver RESOLVER = new Resolver();

    static void check(Node root, List<String> lines, String file, Diagnostics diags) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        walk(root, lines, file, diags, seen);
    }

    private static void walk(Node n, List<String> lines, String file, Diagnostics diags, Set<Node> seen) {
        if (!seen.add(n)) return; // an alias: its node was checked where it is defined
        tag(n, lines, file, diags);
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                walk(t.getKeyNode(), lines, file, diags, seen);
                walk(t.getValueNode(), lines, file, diags, seen);
            }
        } else if (n instanceof SequenceNode s) {
            for (Node c : s.getValue()) walk(c, lines, file, diags, seen);
        } else if (n instanceof ScalarNode s) {
            characters(s, lines, file, diags);
        }
    }

    private static void tag(Node n, List<String> lines, String file, Diagnostics diags) {
        Tag implicit = switch (n.getNodeId()) {
            case scalar -> ((ScalarNode) n).getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                    ? RESOLVER.resolve(NodeId.scalar, ((ScalarNode) n).getValue(), true) : Tag.STR;
            case sequence -> Tag.SEQ;
            case mapping -> Tag.MAP;
            default -> n.getTag();
        };
        if (n.getTag().equals(implicit) || PLAIN.contains(n.getTag())) return;
        int line = n.getStartMark().getLine();
        int col = n.getStartMark().getColumn();
        String written = n.getTag().getValue().startsWith(Tag.PREFIX)
                ? "!!" + n.getTag().getValue().substring(Tag.PREFIX.length()) : n.getTag().getValue();
        if (line < lines.size()) {
            String l = lines.get(line);
            int from = Math.min(l.length(), l.offsetByCodePoints(0, Math.min(col, l.codePointCount(0, l.length()))));
            int bang = l.indexOf('!', from);
            if (bang >= 0) col = l.codePointCount(0, bang);
        }
        diags.error("E-YAML", new SourcePos(file, line + 1, col + 1), written.codePointCount(0, written.length()),
                "YAML 格式错误：不认识的类型标签“" + written + "”",
                "程序把每个值都按文字读取，类型标签只会让人误以为值被换算过（例如 !!binary 不会解码）；删去这个标签，"
                        + "值里有特殊符号时给整个值加引号。");
    }

    /** True for a character an XML 1.0 document (the XHTML the PDF is made from) cannot hold. */
    static boolean notInXml(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                || Character.isSurrogate((char) c) && c <= 0xFFFF;
    }

    private static void characters(ScalarNode s, List<String> lines, String file, Diagnostics diags) {
        String v = s.getValue();
        int bad = -1;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                i++;
                continue;
            }
            if (notInXml(c)) {
                bad = c;
                break;
            }
        }
        if (bad < 0) return;
        Escape at = s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED ? escape(s, lines) : null;
        SourcePos pos = at != null ? new SourcePos(file, at.line(), at.col())
                : new SourcePos(file, s.getStartMark().getLine() + 1, s.getStartMark().getColumn() + 1);
        String shown = at != null ? "（双引号里的转义“" + at.text() + "”）" : "";
        diags.error("E-CHAR", pos, at != null ? at.text().length() : 0,
                String.format("文字中有 PDF 印不出的控制字符 U+%04X%s", bad, shown),
                "这种字符看不见、也印不出来，生成 PDF 时会出错：删去它。双引号里的反斜杠“\\”开始一个转义（\\a、\\0、\\x07 等都是控制字符）；"
                        + "要写反斜杠本身时写成“\\\\”，或改用单引号。");
    }

    /**
     * Line, column and text of the first escape in a double-quoted scalar that stands for a character XML
     * cannot hold, found in the source lines between the scalar's marks; null when it cannot be found.
     */
    private record Escape(int line, int col, String text) {
    }

    private static Escape escape(ScalarNode s, List<String> lines) {
        int first = s.getStartMark().getLine();
        int last = Math.min(s.getEndMark().getLine(), lines.size() - 1);
        for (int ln = first; ln <= last; ln++) {
            String l = lines.get(ln);
            int from = ln == first ? Math.min(l.length(), s.getStartMark().getColumn() + 1) : 0;
            for (int i = l.indexOf('\\', from); i >= 0 && i + 1 < l.length(); i = l.indexOf('\\', i + 1)) {
                int len = escapeLength(l, i);
                int c = decode(l, i, len);
                if (c >= 0 && notInXml(c)) {
                    return new Escape(ln + 1, l.codePointCount(0, i) + 1, l.substring(i, Math.min(l.length(), i + len)));
                }
                i += len - 1; // "\\" is one escape: the second backslash starts nothing
            }
        }
        return null;
    }

    private static int escapeLength(String l, int i) {
        return switch (l.charAt(i + 1)) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
    }

    /** The character an escape stands for, or -1. */
    private static int decode(String l, int i, int len) {
        char k = l.charAt(i + 1);
        if (len > 2) {
            if (i + len > l.length()) return -1;
            try {
                return Integer.parseInt(l.substring(i + 2, i + len), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return switch (k) {
            case '0' -> 0;
            case 'a' -> 7;
            case 'b' -> 8;
            case 'v' -> 11;
            case 'f' -> 12;
            case 'e' -> 27;
            default -> -1;
        };
    }
}
