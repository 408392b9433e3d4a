package org.budgetpdf.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.load.YamlLoader;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.scaffold.BlankFileTest;
import org.budgetpdf.testutil.GeneratedFile;
import org.budgetpdf.testutil.YamlJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code schema/budgetpdf.schema.json}, the editors' schema: it is what {@link SchemaFile} generates from the binder's
 * key tables; every sample file validates against it; and the keys the checker does not know, it rejects — at the same
 * line, for the error catalogue's E-UNKNOWN-KEY examples and for a key slipped into every section of a file written
 * from the tables, while every key it offers the binder reads.
 */
class SchemaFileTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path RESOURCES = HOME.resolve("src/test/resources");
    private static final JsonSchema SCHEMA = load();

    /** The committed file, read by draft-07 rules; the YAML extension's message keywords are known, not validated. */
    private static JsonSchema load() {
        try {
            JsonNode tree = new ObjectMapper().readTree(Files.readString(HOME.resolve(SchemaFile.FILE), StandardCharsets.UTF_8));
            JsonMetaSchema v7 = JsonMetaSchema.builder(JsonMetaSchema.getV7()).addKeywords(Stream.of("markdownDescription",
                    "errorMessage", "patternErrorMessage").map(NonValidationKeyword::new).toList()).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.metaSchema(v7)).getSchema(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCommittedFileIsWhatTheGeneratorWrites() throws IOException {
        // when it fails, the key tables (bind/Keys.java) changed
        GeneratedFile.assertCommitted(HOME.resolve(SchemaFile.FILE), SchemaFile.generate(), SchemaFile.REGENERATE);
    }

    // ---- samples ---------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everySampleFileValidates() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("data", "src/test/resources/departments", "src/test/resources/fixtures",
                "src/test/resources/bench", "src/test/resources/otherfiles", "src/test/resources/suppress")) {
            try (Stream<Path> s = Files.list(HOME.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 10, files.toString());
        return files.stream().map(f -> DynamicTest.dynamicTest(HOME.relativize(f).toString(), () -> assertValid(f)));
    }

    /** What `new` writes for each layout and kind, filled as its comments say; and the blank as it is, keys all known. */
    @TestFactory
    Stream<DynamicTest> everyBlankFileFilledValidates(@TempDir Path tmp) {
        return BlankFileTest.variants().stream().map(v -> DynamicTest.dynamicTest(v[0], () -> {
            Path blank = tmp.resolve(v[0] + ".yaml");
            assertEquals(0, BlankFileTest.newFile(v, blank).code());
            Path filled = tmp.resolve(v[0] + "-filled.yaml");
            Files.writeString(filled, BlankFileTest.fill(Files.readString(blank, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            assertValid(filled);
            // unfilled, the blank lacks values, never a key the schema does not know
            assertEquals(Set.of(), errors(blank).stream().filter(m -> m.getType().equals("additionalProperties"))
                    .map(ValidationMessage::getMessage).collect(Collectors.toSet()));
        }));
    }

    /** What `next-year` writes from each budget sample (with its 待核对 list), for the next budget and for the 决算. */
    @TestFactory
    Stream<DynamicTest> nextYearsFilesValidate(@TempDir Path tmp) throws IOException {
        List<Path> budgets;
        try (Stream<Path> s = Files.list(HOME.resolve("data"))) {
            budgets = s.filter(p -> p.getFileName().toString().endsWith("-budget.yaml")).sorted().toList();
        }
        return budgets.stream().flatMap(b -> Stream.of("", "--决算").map(opt -> DynamicTest.dynamicTest(b.getFileName() + " " + opt, () -> {
            Path out = tmp.resolve(opt.isEmpty() ? "next-" + b.getFileName() : "final-" + b.getFileName());
            List<String> args = new ArrayList<>(List.of("next-year"));
            if (!opt.isEmpty()) args.add(opt);
            args.addAll(List.of("--out", out.toString(), b.toString()));
            BlankFileTest.Run r = BlankFileTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("\n待核对:"), "the file lists what to review");
            assertValid(out);
        })));
    }

    // ---- unknown keys ----------------------------------------------------------------------------------------------

    private static final Pattern UNKNOWN = Pattern.compile("(?m)^.*?:(\\d+):\\d+: 错误\\[E-UNKNOWN-KEY]: .*中有不认识的项“(.*)”$");

    /** Each key the error catalogue shows the checker rejecting, the schema rejects at the same line; nothing else there. */
    @TestFactory
    Stream<DynamicTest> everyUnknownKeyOfTheErrorCatalogueIsRejected() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(RESOURCES.resolve("errors"))) {
            examples = s.filter(p -> p.toString().endsWith(".expected")).filter(p -> read(p).contains("[E-UNKNOWN-KEY]")).sorted().toList();
        }
        assertTrue(examples.size() >= 4, "unknown keys in several sections: " + examples);
        return examples.stream().map(expected -> DynamicTest.dynamicTest(expected.getFileName().toString(), () -> {
            String name = expected.getFileName().toString().replaceFirst("\\.expected$", ".yaml");
            Path data = expected.resolveSibling(name);
            Set<String> checker = new TreeSet<>();
            Matcher m = UNKNOWN.matcher(read(expected));
            while (m.find()) checker.add(m.group(1) + " " + m.group(2));
            assertFalse(checker.isEmpty());
            assertEquals(checker, rejectedKeys(data));
        }));
    }

    /**
     * Every key the schema offers, the binder reads: a file with every key of every section (written from the tables
     * alone, each key's example as its value) validates and binds without a key or value the binder refuses.
     */
    @TestFactory
    Stream<DynamicTest> aFileWithEveryKeyValidatesAndBinds() {
        return Stream.of(DocKind.values()).flatMap(kind -> Stream.of(0, 1).map(alt -> DynamicTest.dynamicTest(kind.label() + " " + alt, () -> {
            EveryKeyDocument.Written w = EveryKeyDocument.write(kind, alt, null);
            Path f = Files.createTempFile("every-key", ".yaml");
            try {
                Files.writeString(f, w.text(), StandardCharsets.UTF_8);
                assertEquals(Set.of(), messages(errors(f)), w.text());
                // the only objection: projects with amounts beside 项目支出 totals
                List<Diagnostic> ds = bind(f).stream().filter(d -> !d.code().equals("E-SHAPE")).toList();
                assertEquals(List.of(), ds, w.text());
            } finally {
                Files.delete(f);
            }
        })));
    }

    /** A key no table has, in any closed section: the binder reports it (E-UNKNOWN-KEY) and the schema rejects it, same line. */
    @TestFactory
    Stream<DynamicTest> aKeyNoTableHasIsRejectedInEverySection() {
        return Stream.of(DocKind.values()).flatMap(kind -> Stream.of(0, 1).flatMap(alt -> {
            List<String> sections = EveryKeyDocument.write(kind, alt, null).closedSections();
            assertTrue(sections.size() > 25, sections.toString());
            return sections.stream().map(path -> DynamicTest.dynamicTest(kind.label() + " " + alt + " " + (path.isEmpty() ? "（顶层）" : path), () -> {
                EveryKeyDocument.Written w = EveryKeyDocument.write(kind, alt, path);
                Path f = Files.createTempFile("intruder", ".yaml");
                try {
                    Files.writeString(f, w.text(), StandardCharsets.UTF_8);
                    String at = w.intruderLine() + " " + EveryKeyDocument.INTRUDER;
                    assertEquals(Set.of(at), rejectedKeys(f), w.text());
                    List<String> unknown = bind(f).stream().filter(d -> d.code().equals("E-UNKNOWN-KEY"))
                            .map(d -> d.pos().line() + " " + d.message()).toList();
                    assertEquals(1, unknown.size(), unknown.toString());
                    assertTrue(unknown.get(0).startsWith(w.intruderLine() + " ") && unknown.get(0).contains(EveryKeyDocument.INTRUDER), unknown.toString());
                } finally {
                    Files.delete(f);
                }
            }));
        }));
    }

    /** Outside the top level no key depends on the document kind: the schema describes each section once. */
    @Test
    void onlyTheTopLevelDependsOnTheKind() {
        for (Section s : Section.reachable(Keys.FILE).values()) {
            if (s == Keys.FILE) continue;
            for (Section.Key k : s.keys()) {
                assertEquals(Set.of(DocKind.values()), k.kinds(), s.id() + "." + k.name());
                assertFalse(k.shape() instanceof Shape.PerKind, s.id() + "." + k.name());
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static void assertValid(Path f) {
        Set<ValidationMessage> errs = errors(f);
        assertEquals(Set.of(), messages(errs));
    }

    static Set<ValidationMessage> errors(Path f) {
        return SCHEMA.validate(YamlJson.of(root(f)));
    }

    private static Node root(Path f) {
        Diagnostics d = new Diagnostics();
        SourceFile src = new YamlLoader().load(f, f.getFileName().toString(), d);
        assertFalse(d.hasErrors(), d.sorted().toString());
        return src.root();
    }

    private static List<Diagnostic> bind(Path f) {
        Diagnostics d = new Diagnostics();
        SourceFile src = new YamlLoader().load(f, f.getFileName().toString(), d);
        new Binder().bind(src, d);
        return d.sorted();
    }

    private static Set<String> messages(Set<ValidationMessage> errs) {
        return errs.stream().map(m -> m.getInstanceLocation() + " " + m.getMessage()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** "line key" of every key the schema rejects as not allowed where it is written. */
    private static Set<String> rejectedKeys(Path f) {
        Node root = root(f);
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : SCHEMA.validate(YamlJson.of(root))) {
            if (!m.getType().equals("additionalProperties")) continue;
            Node map = at(root, m.getInstanceLocation());
            for (NodeTuple t : ((MappingNode) map).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(m.getProperty())) {
                    out.add((k.getStartMark().getLine() + 1) + " " + k.getValue());
                }
            }
        }
        return out;
    }

    /** The YAML node at a JSON path ($.单位[0].代码). */
    private static Node at(Node root, JsonNodePath path) {
        Node n = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object e = path.getElement(i);
            if (e instanceof Integer index) {
                n = ((SequenceNode) n).getValue().get(index);
            } else {
                Node next = null;
                for (NodeTuple t : ((MappingNode) n).getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(e)) next = t.getValueNode();
                }
                n = next;
            }
        }
        return n;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
