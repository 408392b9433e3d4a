package org.budgetpdf.diag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DiagnosticsTest {

    @Test
    void collectsCountsAndSortsByFileLineColumnCode() {
        Diagnostics d = new Diagnostics();
        assertTrue(d.isEmpty());
        d.warning("W-B", new SourcePos("b.yaml", 1, 1), "", "");
        d.error("E-Z", new SourcePos("a.yaml", 10, 3), "", "");
        d.error("E-A", new SourcePos("a.yaml", 10, 3), "", "");
        d.error("E-C", new SourcePos("a.yaml", 2, 9), "", "");
        d.error("E-FILE", SourcePos.fileOnly("a.yaml"), "", "");
        assertTrue(d.hasErrors());
        assertEquals(4, d.errorCount());
        assertEquals(1, d.warningCount());
        assertEquals(List.of("E-FILE", "E-C", "E-A", "E-Z", "W-B"), d.sorted().stream().map(Diagnostic::code).toList(),
                "whole-file problems first, then by line and column, then by code");
    }

    @Test
    void warningsAloneAreNotErrors() {
        Diagnostics d = new Diagnostics();
        d.warning("W-X", SourcePos.NONE, "", "");
        assertFalse(d.hasErrors());
        assertEquals(0, d.errorCount());
    }

    @Test
    void sortedIsACopy() {
        Diagnostics d = new Diagnostics();
        d.error("E-X", SourcePos.NONE, "", "");
        assertThrows(UnsupportedOperationException.class, () -> d.sorted().clear());
        assertEquals(1, d.sorted().size());
    }

    @Test
    void positions() {
        assertEquals("a.yaml:3:7", new SourcePos("a.yaml", 3, 7).toString());
        assertEquals("a.yaml", SourcePos.fileOnly("a.yaml").toString());
        assertFalse(SourcePos.NONE.known());
    }
}
