package org.budgetpdf;

import org.budgetpdf.catalog.Catalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The example files in data/ read like a clerk's file: where a number came from is said once, in the header block at
 * the top, not beside each value. After the header a comment is a section's own line (at the left margin) or, beside
 * a code, that code's name from the catalog.
 */
class ExampleFilesTest {
    private static final Pattern TRAILING = Pattern.compile("^(\\s*\\S.*?)\\s+#\\s?(.*)$");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{5}|\\d{7})\\b");

    @TestFactory
    Stream<DynamicTest> provenanceIsInTheHeaderOnly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("data"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            int body = 0;
            while (body < lines.size() && (lines.get(body).startsWith("#") || lines.get(body).isBlank())) body++;
            assertTrue(body > 3, "a header block first");
            for (int i = body; i < lines.size(); i++) {
                String l = lines.get(i);
                String s = l.strip();
                if (s.startsWith("#")) {
                    assertFalse(l.startsWith(" "), f + ":" + (i + 1) + " a note inside a section belongs in the header: " + l);
                    continue;
                }
                Matcher m = TRAILING.matcher(l);
                if (!m.matches() || m.group(1).chars().filter(c -> c == '"').count() % 2 != 0) continue;
                assertTrue(names(m.group(1)).contains(m.group(2).strip()),
                        f + ":" + (i + 1) + " only a code's name may stand beside it; notes go in the header: " + l);
            }
        }));
    }

    /** The catalog names of the codes on a line (项 alone, or 款 and 项 as “医疗保障管理事务 行政运行”). */
    private static Set<String> names(String code) {
        Set<String> out = new HashSet<>();
        Matcher m = CODE.matcher(code);
        while (m.find()) {
            for (int year : List.of(2021, 2025)) {
                Catalog c = Catalog.forYear(year);
                String k = m.group(1);
                c.functionName(k).ifPresent(n -> {
                    out.add(n);
                    if (k.length() == 7) c.functionName(k.substring(0, 5)).ifPresent(p -> out.add(p + " " + n));
                });
                c.econDeptName(k).ifPresent(out::add);
            }
        }
        return out;
    }
}
