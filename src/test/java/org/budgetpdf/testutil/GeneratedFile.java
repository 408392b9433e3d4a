package org.budgetpdf.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** A committed file that a generator writes (the bench data file, the editors' schema) must be its output. */
public final class GeneratedFile {
    private GeneratedFile() {
    }

    /** Line endings aside (a Windows checkout may turn them into CRLF), byte for byte; names the first line that differs. */
    public static void assertCommitted(Path committedFile, String generated, String regenerate) throws IOException {
        List<String> committed = Files.readString(committedFile, StandardCharsets.UTF_8).lines().toList();
        List<String> wanted = generated.lines().toList();
        for (int i = 0; i < Math.max(committed.size(), wanted.size()); i++) {
            String c = i < committed.size() ? committed.get(i) : "（文件结束）";
            String g = i < wanted.size() ? wanted.get(i) : "（文件结束）";
            if (!c.equals(g)) {
                fail(committedFile.getFileName() + " line " + (i + 1) + " differs from the generator's output:\n  committed: " + c
                        + "\n  generated: " + g + "\nRegenerate it with " + regenerate + " and commit both.");
            }
        }
    }
}
