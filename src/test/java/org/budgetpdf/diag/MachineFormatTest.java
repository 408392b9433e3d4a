package org.budgetpdf.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.budgetpdf.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check --format json|sarif}: stdout holds only the document; the SARIF log validates against the OASIS SARIF
 * 2.1.0 JSON schema (src/test/resources/sarif/sarif-schema-2.1.0.json, see the README there).
 */
class MachineFormatTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] FILES = {"src/test/resources/errors/E-PART@政府采购.yaml", "src/test/resources/warnings/W-COST-CAP.yaml",
            "src/test/resources/errors/E-YAML.yaml", "src/test/resources/errors/E-EMPTY.yaml"};
    /**
     * The files copied into a project of their own, at the paths above: the catalogue's examples are copies of one
     * department, which W-DUP-CODE reports when two of them share a folder, so the one with a warning sits apart.
     */
    static Path project;

    @org.junit.jupiter.api.BeforeAll
    static void copyTheExamples() throws java.io.IOException {
        project = org.budgetpdf.testutil.Examples.alone(FILES[0]);
        for (String f : FILES) {
            Path to = project.resolve(f);
            java.nio.file.Files.createDirectories(to.getParent());
            if (!java.nio.file.Files.exists(to)) {
                java.nio.file.Files.copy(Path.of(f.replace("/warnings/", "/errors/")), to);
            }
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void removeTheCopies() {
        org.apache.commons.io.FileUtils.deleteQuietly(project.toFile());
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                project);
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static String[] args(String format) {
        String[] a = new String[FILES.length + 3];
        a[0] = "check";
        a[1] = "--format";
        a[2] = format;
        System.arraycopy(FILES, 0, a, 3, FILES.length);
        return a;
    }

    @Test
    void jsonIsOneObjectPerDiagnostic() throws Exception {
        Run r = run(args("json"));
        assertEquals(1, r.code());
        JsonNode all = JSON.readTree(r.out());
        assertTrue(all.isArray());
        Run human = run(java.util.stream.Stream.concat(java.util.stream.Stream.of("check"), java.util.Arrays.stream(FILES)).toArray(String[]::new));
        long shown = human.err().lines().filter(l -> l.matches(".*: (错误|警告)\\[[EW]-[A-Z-]+\\]: .*")).count();
        assertEquals(shown, all.size(), r.out());
        for (JsonNode d : all) {
            assertEquals(Set.of("file", "line", "column", "code", "severity", "message", "hint"), names(d));
            assertTrue(Set.of("error", "warning").contains(d.get("severity").asText()));
        }
        JsonNode part = all.get(0);
        assertEquals("src/test/resources/errors/E-PART@政府采购.yaml", part.get("file").asText());
        assertEquals(169, part.get("line").asInt());
        assertEquals(53, part.get("column").asInt());
        assertEquals("E-PART", part.get("code").asText());
        assertTrue(part.get("hint").asText().startsWith("“其中”"));
        assertTrue(r.err().contains("有错误，未生成 PDF"), "progress goes to stderr: " + r.err());
        JsonNode empty = java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .filter(d -> d.get("code").asText().equals("E-EMPTY")).findFirst().orElseThrow();
        assertTrue(empty.get("line").isNull());
    }

    @Test
    void jsonEscapes() throws Exception {
        String s = JsonFormat.format(List.of(new Diagnostic("E-X", Severity.ERROR, new SourcePos("a\"b\\c.yaml", 1, 2),
                "line\nbreak\ttab\u0001\u2028", "“中文”")));
        JsonNode d = JSON.readTree(s).get(0);
        assertEquals("a\"b\\c.yaml", d.get("file").asText());
        assertEquals("line\nbreak\ttab\u0001\u2028", d.get("message").asText());
        assertEquals("[]\n", JsonFormat.format(List.of()));
    }

    @Test
    void sarifValidatesAgainstTheSchema() throws Exception {
        Run r = run(args("sarif"));
        assertEquals(1, r.code());
        JsonNode log = JSON.readTree(r.out());
        assertEquals(Set.of(), validate(log), r.out());
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode results = log.get("runs").get(0).get("results");
        JsonNode first = results.get(0);
        assertEquals("E-PART", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        JsonNode loc = first.get("locations").get(0).get("physicalLocation");
        assertEquals("src/test/resources/errors/E-PART@%E6%94%BF%E5%BA%9C%E9%87%87%E8%B4%AD.yaml",
                loc.get("artifactLocation").get("uri").asText());
        assertEquals(169, loc.get("region").get("startLine").asInt());
        // the validator does reject what is not SARIF
        assertTrue(!validate(JSON.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}")).isEmpty());
        assertTrue(!validate(JSON.readTree(r.out().replace("\"startLine\": 169", "\"startLine\": 0"))).isEmpty());
        // an empty run is valid too
        assertEquals(Set.of(), validate(JSON.readTree(SarifFormat.format(List.of()))));
        assertEquals(Set.of(), validate(JSON.readTree(SarifFormat.format(List.of(new Diagnostic("W-X", Severity.WARNING,
                new SourcePos("/tmp/x y.yaml", 0, 0), "m", "h"))))));
    }

    @Test
    void reportToAFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("r.sarif");
        Run r = run("check", "--format", "sarif", "--report", f.toString(), FILES[1]);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(Set.of(), validate(JSON.readTree(java.nio.file.Files.readString(f))));
        // the human format too: the text that would go to the screen, summary line included
        Path txt = tmp.resolve("检查结果.txt");
        Run human = run("check", "--report=" + txt, FILES[1]);
        assertEquals(0, human.code(), human.err());
        String report = java.nio.file.Files.readString(txt);
        assertTrue(report.contains("警告[W-COST-CAP]") && report.strip().endsWith("0 个错误，1 个警告"), report);
        assertFalse(human.err().contains("W-COST-CAP"), "not on the screen as well: " + human.err());
        assertTrue(human.out().contains("检查通过"), human.out());
    }

    /** --report writes only a report: never over the data it checks, a data file, a PDF, or into a missing folder. */
    @Test
    void reportRefusesToReplaceDataOrAPdf(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.yaml");
        Path b = tmp.resolve("b.yaml");
        java.nio.file.Files.copy(project.resolve(FILES[1]), a);
        java.nio.file.Files.copy(project.resolve(FILES[1]), b);
        byte[] data = java.nio.file.Files.readAllBytes(a);
        Run r = run("check", "--format", "json", "--report", a.toString(), b.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--report 不能写到“" + a.toString().replace('\\', '/')), r.err());
        assertArrayEquals(data, java.nio.file.Files.readAllBytes(a));
        // the same file under another name (a link) is still the data
        Path link = tmp.resolve("link.json");
        if (org.budgetpdf.testutil.FileLinks.tryLink(link, a)) { // not on a Windows PC without developer mode
            assertEquals(2, run("check", "--format", "json", "--report", link.toString(), a.toString()).code());
            assertArrayEquals(data, java.nio.file.Files.readAllBytes(a));
        }

        Path pdf = tmp.resolve("out/x.pdf");
        java.nio.file.Files.createDirectories(pdf.getParent());
        java.nio.file.Files.writeString(pdf, "%PDF-1.7 published");
        r = run("check", "--format", "sarif", "--report", pdf.toString(), FILES[1]);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(".pdf 文件"), r.err());
        assertEquals("%PDF-1.7 published", java.nio.file.Files.readString(pdf));

        Path missing = tmp.resolve("没有的文件夹/r.json");
        r = run("check", "--format", "json", "--report", missing.toString(), FILES[1]);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--report 的文件夹"), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("没有的文件夹")).count(), r.err());
        assertFalse(java.nio.file.Files.exists(missing.getParent()));

        assertEquals(2, run("check", "--format", "json", "--report", tmp.toString(), FILES[1]).code());
        assertEquals(List.of(), java.nio.file.Files.list(tmp).filter(p -> p.toString().contains(".tmp-")).toList());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = run("check", "--format", "xml", FILES[1]);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format"), r.err());
    }

    static Set<ValidationMessage> validate(JsonNode log) throws Exception {
        try (InputStream in = MachineFormatTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            return schema.validate(log);
        }
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
