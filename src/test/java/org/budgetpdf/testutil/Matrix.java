package org.budgetpdf.testutil;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.layout.LayoutLoader;
import org.budgetpdf.model.DocKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every layout found under a project's templates/ × every data file of its kind: the sample files in data/ and the
 * other departments of src/test/resources/departments/. Tests take their cases from here and name no layout, so a
 * layout folder added (or copied under a new name) is checked, built and page-linted without editing a test.
 */
public final class Matrix {
    private Matrix() {
    }

    /** One data file to build in one layout. */
    public record Case(Layout layout, Path file) {
        /** The file's YAML with 版式 set to the layout. */
        public String yaml() throws IOException {
            String yaml = Files.readString(file, StandardCharsets.UTF_8);
            if (yaml.contains("\n版式:")) return yaml.replaceFirst("\n版式: \\S+", "\n版式: " + layout.name());
            return yaml.replaceFirst("\n年度: (\\d+)\n", "\n年度: $1\n版式: " + layout.name() + "\n");
        }

        @Override
        public String toString() {
            return file.getFileName() + " in " + layout.name();
        }
    }

    /** The layouts of {@code home}/templates that load, in name order. */
    public static List<Layout> layouts(Path home) {
        Diagnostics ignored = new Diagnostics();
        return new LayoutLoader(home.resolve("templates")).all(ignored);
    }

    /** The data files every layout of their kind is tried with. */
    public static List<Path> dataFiles() throws IOException {
        Path project = Path.of("").toAbsolutePath();
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(project.resolve("data"), project.resolve("src/test/resources/departments"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static final Pattern KIND = Pattern.compile("(?m)^文档:\\s*(\\S+)");

    static DocKind kind(Path file) throws IOException {
        Matcher m = KIND.matcher(Files.readString(file, StandardCharsets.UTF_8));
        return m.find() && m.group(1).equals(DocKind.FINAL_ACCOUNTS.label()) ? DocKind.FINAL_ACCOUNTS : DocKind.BUDGET;
    }

    public static List<Case> cases(Path home) throws IOException {
        List<Case> out = new ArrayList<>();
        List<Path> files = dataFiles();
        for (Layout l : layouts(home)) for (Path f : files) if (kind(f) == l.kind()) out.add(new Case(l, f));
        return out;
    }
}
