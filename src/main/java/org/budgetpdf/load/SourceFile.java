package org.budgetpdf.load;

import java.util.List;

/** A data file as read: its display name, its text split into lines, and its YAML node tree (null on failure). */
public record SourceFile(String name, List<String> lines, org.yaml.snakeyaml.nodes.Node root) {
}
