package org.budgetpdf.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A data file's YAML nodes as the JSON an editor validates against the schema. VS Code's YAML extension reads YAML
 * 1.2 (core schema), where SnakeYAML's own resolver is YAML 1.1: so plain scalars are typed here by the 1.2 rules
 * (2025-03-01 stays a string, {@code yes} is not a boolean), quoted ones are strings, keys are their text.
 */
public final class YamlJson {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private YamlJson() {
    }

    public static JsonNode of(Node n) {
        if (n instanceof MappingNode m) {
            ObjectNode o = F.objectNode();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) o.set(k.getValue(), of(t.getValueNode()));
            }
            return o;
        }
        if (n instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            for (Node item : s.getValue()) a.add(of(item));
            return a;
        }
        ScalarNode s = (ScalarNode) n;
        String v = s.getValue();
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) return F.textNode(v);
        if (NULL.matcher(v).matches()) return F.nullNode();
        if (BOOL.matcher(v).matches()) return F.booleanNode(v.equalsIgnoreCase("true"));
        if (INT.matcher(v).matches()) return F.numberNode(new BigInteger(v));
        if (FLOAT.matcher(v).matches()) return F.numberNode(new BigDecimal(v.endsWith(".") ? v + "0" : v));
        return F.textNode(v);
    }
}
