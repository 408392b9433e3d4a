package org.budgetpdf;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * fonts/SHA256SUMS lists every font of fonts/ with its SHA-256: the jar-only run checks its private copy of the fonts
 * against it (ProjectHome.unpacked). After changing a font: {@code cd fonts && sha256sum *.ttf *.otf *.ttc > SHA256SUMS}.
 */
class FontManifestTest {
    @Test
    void theListMatchesTheFonts() throws IOException {
        Path fonts = Path.of("fonts").toAbsolutePath();
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> s = Files.list(fonts)) {
            for (Path f : s.filter(p -> p.getFileName().toString().matches(".*\\.(ttf|otf|ttc)")).toList()) {
                actual.put(f.getFileName().toString(), ProjectHome.sha256(f));
            }
        }
        assertEquals(actual, new TreeMap<>(ProjectHome.sums(fonts.resolve(ProjectHome.SUMS))),
                "fonts/SHA256SUMS is out of date: cd fonts && sha256sum *.ttf > SHA256SUMS");
    }
}
