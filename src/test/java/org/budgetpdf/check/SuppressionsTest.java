package org.budgetpdf.check;

import org.budgetpdf.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X04: an explained warning is not listed, the summary counts it; an explanation that matches nothing is a warning. */
class SuppressionsTest {
    static String[] run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                Path.of("").toAbsolutePath());
        return new String[]{Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void anExplainedWarningIsCountedNotListed() {
        String[] r = run("check", "src/test/resources/suppress/suppressed.yaml");
        assertEquals("0", r[0], r[2]);
        assertFalse(r[2].contains("[W-RUNNING-COST]"), r[2]);
        assertEquals("0 个错误，0 个警告，1 个警告已说明", r[2].strip());
    }

    @Test
    void anExplanationThatMatchesNothingIsAWarning() {
        String[] r = run("check", "src/test/resources/errors/W-SUPPRESS.yaml");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].contains("[W-SUPPRESS]"), r[2]);
    }

    @Test
    void errorsCannotBeExplainedAway() {
        String yaml = org.budgetpdf.bind.TestDocs.with(org.budgetpdf.bind.TestDocs.replace(org.budgetpdf.bind.TestDocs.minimal(),
                "公开日期: \"2025-03-01\"", "公开日期: \"2024-03-01\""), """
                说明:
                  - {代码: E-DATE, 数: 2024-03-01, 原因: 沿用}
                """);
        var res = org.budgetpdf.bind.TestDocs.check(yaml);
        assertEquals(1, res.withCode("E-DATE").size());
        assertEquals(1, res.withCode("W-SUPPRESS").size());
    }

    @Test
    void anExplanationNeedsAReason() {
        String yaml = org.budgetpdf.bind.TestDocs.with(org.budgetpdf.bind.TestDocs.minimal(), """
                说明:
                  - {代码: W-RUNNING-COST, 数: 0.80}
                """);
        assertEquals(1, org.budgetpdf.bind.TestDocs.check(yaml).withCode("E-MISSING").size());
    }
}
