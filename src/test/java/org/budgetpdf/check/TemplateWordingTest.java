package org.budgetpdf.check;

import org.budgetpdf.model.DocKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * T15 on the layouts' own wording: the fixed text of every template (FreeMarker directives, interpolations and HTML
 * tags taken out, each replaced by a line break so that text on either side is not joined) goes through the same
 * {@link TextLint} as the clerk's text, and no template prints a placeholder.
 */
class TemplateWordingTest {
    static final Path TEMPLATES = Path.of("templates").toAbsolutePath();

    /** The fixed wording of a template. */
    static String wording(String ftl) {
        return ftl.replaceAll("(?s)<#--.*?-->", "\n")
                .replaceAll("(?s)</?[#@][^>]*>", "\n")
                .replaceAll("(?s)\\$\\{[^}]*}", "\n")
                .replaceAll("(?s)<[^>]*>", "\n")
                .replaceAll("&[a-z]+;", "\n");
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateIsClean() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            files = s.filter(p -> p.toString().endsWith(".ftlh")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(TEMPLATES.relativize(f).toString(), () -> {
            String layout = TEMPLATES.relativize(f).getName(0).toString();
            DocKind kind = layout.contains("final") ? DocKind.FINAL_ACCOUNTS
                    : layout.equals("common") ? null : DocKind.BUDGET;
            String text = wording(Files.readString(f, StandardCharsets.UTF_8));
            List<String> found = TextLint.lint(text, new TextLint.Env(kind, 0, null, null)).stream()
                    .map(x -> x.message() + " …" + text.substring(Math.max(0, x.offset() - 12),
                            Math.min(text.length(), x.offset() + x.length() + 12)).replace('\n', '|') + "…")
                    .toList();
            assertEquals(List.of(), found);
        }));
    }

    @Test
    void theLintSeesThroughTemplateMarkup() {
        String t = wording("<p>${dept}负责XX工作。。<#if a>其中</#if></p>");
        assertEquals(2, TextLint.lint(t, new TextLint.Env(DocKind.BUDGET, 0, null, null)).size());
        // text on either side of a directive is not joined into a false doubling
        assertEquals(0, TextLint.lint(wording("合计，<#if a>，</#if>"), new TextLint.Env(null, 0, null, null)).size());
    }
}
