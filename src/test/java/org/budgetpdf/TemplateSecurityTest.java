package org.budgetpdf;

import org.budgetpdf.render.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A layout folder is input, not trusted code: a template that tries to construct a class or to turn text into code is
 * refused at `check` with E-LAYOUT at its line, and nothing it asks for runs, at `check` or at `build`.
 */
class TemplateSecurityTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final String DATA = "src/test/resources/fixtures/minimal-budget.yaml";

    /** A project folder with a copy of templates/ whose henan-2025 document.ftlh ends with {@code line}. */
    static Path projectWith(Path tmp, String line) throws IOException {
        Path home = tmp.resolve("project");
        Path templates = HOME.resolve("templates");
        try (Stream<Path> s = Files.walk(templates)) {
            for (Path p : s.toList()) {
                Path to = home.resolve("templates").resolve(templates.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path doc = home.resolve("templates/henan-2025/document.ftlh");
        Files.writeString(doc, Files.readString(doc, StandardCharsets.UTF_8) + line + "\n", StandardCharsets.UTF_8);
        return home;
    }

    static CliTest.Run runIn(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), home);
        return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static int lastLine(Path home) throws IOException {
        return (int) Files.readString(home.resolve("templates/henan-2025/document.ftlh"), StandardCharsets.UTF_8).lines().count();
    }

    @Test
    void executeThroughNewIsRefusedAtCheckAndNeverRuns(@TempDir Path tmp) throws IOException {
        Path pwned = tmp.resolve("PWNED");
        Path home = projectWith(tmp, "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + pwned + "\")}");
        int line = lastLine(home);
        for (String command : new String[]{"check", "build"}) {
            CliTest.Run r = runIn(home, command, HOME.resolve(DATA).toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("templates/henan-2025/document.ftlh:" + line + ":52: 错误[E-LAYOUT]: 模板不能使用 ?new"), r.err());
            assertFalse(r.err().contains("at freemarker."), r.err());
            assertFalse(Files.exists(pwned), "the command ran");
            assertFalse(Files.exists(home.resolve("out/minimal-budget.pdf")));
        }
    }

    @Test
    void objectConstructorCannotReadAFileIntoThePdf(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "机密内容");
        Path home = projectWith(tmp, "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>"
                + "${oc(\"java.util.Scanner\", oc(\"java.io.File\", \"" + secret + "\")).useDelimiter(\"\\\\Z\").next()}");
        CliTest.Run r = runIn(home, "build", HOME.resolve(DATA).toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("错误[E-LAYOUT]: 模板不能使用 ?new"), r.err());
        assertFalse(Files.exists(home.resolve("out/minimal-budget.pdf")));
    }

    @Test
    void interpretAndEvalOnDataAreRefused(@TempDir Path tmp) throws IOException {
        Path home = projectWith(tmp, "<#assign code = r.dept.name?interpret><@code/>${r.dept.name ? eval}");
        int line = lastLine(home);
        CliTest.Run r = runIn(home, "check", HOME.resolve(DATA).toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("document.ftlh:" + line + ":28: 错误[E-LAYOUT]: 模板不能使用 ?interpret"), r.err());
        assertTrue(r.err().contains("document.ftlh:" + line + ":61: 错误[E-LAYOUT]: 模板不能使用 ?eval"), r.err());
    }

    @Test
    void aSharedMacroFileIsCheckedToo(@TempDir Path tmp) throws IOException {
        Path home = projectWith(tmp, "");
        Path macros = home.resolve("templates/common/macros.ftlh");
        Files.writeString(macros, Files.readString(macros, StandardCharsets.UTF_8) + "<#assign x = \"java.lang.Object\"?new()>\n");
        CliTest.Run r = runIn(home, "check", HOME.resolve(DATA).toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("templates/common/macros.ftlh:"), r.err());
        assertTrue(r.err().contains("错误[E-LAYOUT]: 模板不能使用 ?new"), r.err());
    }

    @Test
    void evalJsonAndOrdinaryQuestionMarksAreNotForbidden() {
        assertTrue(org.budgetpdf.layout.TemplateGuard.scan("${'{\"a\":1}'?eval_json.a} ${x?newline!} ${x?has_content} 是不是?").isEmpty());
        assertEquals(1, org.budgetpdf.layout.TemplateGuard.scan("${x?api.foo()}").size());
    }

    /** The renderer's own loader refuses such a template too, whatever called it (the check is not the only lock). */
    @Test
    void theTemplateLoaderRefusesWithoutTheCheck(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("templates");
        Files.createDirectories(dir.resolve("x"));
        Path pwned = tmp.resolve("PWNED");
        Files.writeString(dir.resolve("x/document.ftlh"), "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + pwned + "\")}");
        Templates t = new Templates(dir);
        IOException e = assertThrows(IOException.class, () -> t.render("x/document.ftlh", new Object()));
        assertTrue(e.getMessage().contains("模板不能使用 ?new"), e.getMessage());
        assertFalse(Files.exists(pwned));
    }

    @Test
    void aTemplateCannotIncludeAFileOutsideTemplates(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("templates");
        Files.createDirectories(dir.resolve("x"));
        Files.writeString(tmp.resolve("secret.txt"), "机密内容");
        boolean linked = org.budgetpdf.testutil.FileLinks.tryLink(dir.resolve("x/link.txt"), tmp.resolve("secret.txt"));
        Files.writeString(dir.resolve("x/a.ftlh"), "<#include \"../../secret.txt\">");
        Files.writeString(dir.resolve("x/b.ftlh"), "<#include \"link.txt\">");
        Templates t = new Templates(dir);
        for (String name : linked ? new String[]{"x/a.ftlh", "x/b.ftlh"} : new String[]{"x/a.ftlh"}) { // no links on some PCs
            Exception e = assertThrows(Exception.class, () -> t.render(name, new Object()));
            assertFalse(e.getMessage().contains("机密内容"));
        }
    }
}
