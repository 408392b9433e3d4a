package org.budgetpdf.load;

import java.util.List;

/**
 * A data file as read: its display name, its text split into lines, its YAML node tree (null on failure) and where it
 * was read from (null for text that is not a file, e.g. inline test YAML).
 */
public record SourceFile(String name, List<String> lines, org.yaml.snakeyaml.nodes.Node root, java.nio.file.Path path) {
    public SourceFile(String name, List<String> lines, org.yaml.snakeyaml.nodes.Node root) {
        this(name, lines, root, null);
    }
}
