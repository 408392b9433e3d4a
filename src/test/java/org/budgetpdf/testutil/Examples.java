package org.budgetpdf.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The folder examples of the error catalogue (errors/&lt;CODE&gt;/): a small project with data/*.yaml, and for a mistake
 * in a layout a {@code layout-edits.yaml} made on a copy of the project's templates/ (复制: a layout copied under a new
 * name; 改: {文件, 把, 改成}, each text found exactly once; 删: files removed). An example states its one mistake, not
 * a whole layout.
 */
public final class Examples {
    private Examples() {
    }

    /** A project to run `check` in: the example itself, or a temporary copy with its layout edits made. */
    public static Path project(Path example) throws IOException {
        Path edits = example.resolve("layout-edits.yaml");
        if (!Files.exists(edits)) return example;
        Path tmp = Files.createTempDirectory("layout-example");
        org.apache.commons.io.FileUtils.copyDirectory(Path.of("templates").toFile(), tmp.resolve("templates").toFile());
        org.apache.commons.io.FileUtils.copyDirectory(example.resolve("data").toFile(), tmp.resolve("data").toFile());
        applyEdits(edits, tmp.resolve("templates"));
        return tmp;
    }

    /**
     * A single data file alone in a temporary project: templates/ copied, the file at the same relative path with its
     * companions ({@code E-OTHER-FILE-2024.yml} beside {@code E-OTHER-FILE.yaml}). The catalogue's files are copies of
     * one department, which W-DUP-CODE rightly reports when they share a folder; run alone, each shows its one fault
     * under the path it has in the repository.
     */
    public static Path alone(String relativePath) throws IOException {
        Path source = Path.of(relativePath);
        Path tmp = Files.createTempDirectory("example-alone");
        org.apache.commons.io.FileUtils.copyDirectory(Path.of("templates").toFile(), tmp.resolve("templates").toFile());
        Path dir = tmp.resolve(relativePath).getParent();
        Files.createDirectories(dir);
        String name = source.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        try (Stream<Path> s = Files.list(source.toAbsolutePath().getParent())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.equals(name) || n.startsWith(base + "-") && n.endsWith(".yml")) Files.copy(p, dir.resolve(n));
            }
        }
        return tmp;
    }

    /** Removes what {@link #project} made (nothing for an example used as it is). */
    public static void cleanUp(Path example, Path project) {
        if (!project.equals(example)) org.apache.commons.io.FileUtils.deleteQuietly(project.toFile());
    }

    /** data/*.yaml of a project, as paths relative to it, sorted. */
    public static List<String> dataFiles(Path project) throws IOException {
        try (Stream<Path> s = Files.list(project.resolve("data"))) {
            return s.map(p -> "data/" + p.getFileName()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static void applyEdits(Path edits, Path templates) throws IOException {
        Map<String, Object> e = new org.yaml.snakeyaml.Yaml().load(Files.readString(edits, StandardCharsets.UTF_8));
        for (Map<String, String> c : (List<Map<String, String>>) e.getOrDefault("复制", List.of())) {
            org.apache.commons.io.FileUtils.copyDirectory(templates.resolve(c.get("从")).toFile(), templates.resolve(c.get("到")).toFile());
        }
        for (Map<String, String> c : (List<Map<String, String>>) e.getOrDefault("改", List.of())) {
            Path f = templates.resolve(c.get("文件"));
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String from = c.get("把");
            assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, "“" + from + "” must occur once in " + f);
            Files.writeString(f, text.replace(from, c.get("改成")), StandardCharsets.UTF_8);
        }
        for (String name : (List<String>) e.getOrDefault("删", List.of())) Files.delete(templates.resolve(name));
    }
}
