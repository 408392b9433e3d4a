package org.budgetpdf.load;

import org.budgetpdf.diag.SourcePos;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/** The places of nodes used more than once through aliases, with their number of uses. */
public final class AliasUses {
    private AliasUses() {
    }

    public static Map<SourcePos, Integer> of(SourceFile src) {
        Map<Node, Integer> uses = new IdentityHashMap<>();
        if (src.root() != null) walk(src.root(), uses);
        Map<SourcePos, Integer> out = new HashMap<>();
        uses.forEach((n, k) -> {
            if (k > 1) out.put(new SourcePos(src.name(), n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1), k);
        });
        return out;
    }

    private static void walk(Node n, Map<Node, Integer> uses) {
        if (uses.merge(n, 1, Integer::sum) > 1) return;
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                walk(t.getKeyNode(), uses);
                walk(t.getValueNode(), uses);
            }
        } else if (n instanceof SequenceNode q) {
            for (Node c : q.getValue()) walk(c, uses);
        }
    }
}
