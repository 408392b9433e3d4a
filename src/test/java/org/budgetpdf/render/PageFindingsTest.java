package org.budgetpdf.render;

import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.load.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 15 §4: text off its cell or the page is E-PAGE at the data line it comes from; the rest stays W-PAGE. */
class PageFindingsTest {
    static final SourceFile DATA = new SourceFile("d.yaml", List.of("项目:", "  - 名称: 城乡居民医保区级配套", "    金额: 10000000.00",
            "  职责概述: " + "ABCDEFGHIJ".repeat(50)), null);

    @Test
    void damageIsAnErrorTracedToItsDataLine() {
        List<Diagnostic> ds = PageFindings.diagnostics(List.of(
                new LayoutLint.Finding(LayoutLint.Check.CELL_OVERFLOW, 20, "“10,000,000.00”宽 46.6pt，单元格宽 41.1pt", "10,000,000.00"),
                new LayoutLint.Finding(LayoutLint.Check.CELL_OVERFLOW, 20, "“10,000,000.00”宽 46.6pt，单元格宽 41.1pt", "10,000,000.00"),
                new LayoutLint.Finding(LayoutLint.Check.PAGE_OVERFLOW, 3, "“ABCDEFGHIJ…”伸出版心", "ABCDEFGHIJ".repeat(40)),
                new LayoutLint.Finding(LayoutLint.Check.BLANK_PAGE, 5, "只用了 20% 的高度")), DATA);
        assertEquals(3, ds.size(), "the same text cut twice on one page is one finding: " + ds);
        assertEquals("E-PAGE", ds.get(0).code());
        assertEquals("d.yaml:3:9", ds.get(0).pos().toString());
        assertEquals("d.yaml:4:9", ds.get(1).pos().toString());
        assertEquals("W-PAGE", ds.get(2).code());
        assertFalse(ds.get(2).isError());
        assertFalse(ds.get(2).pos().known());
    }

    @Test
    void aTotalNoLineHoldsIsAboutTheFile() {
        Diagnostic d = PageFindings.diagnostics(List.of(new LayoutLint.Finding(LayoutLint.Check.CELL_OVERFLOW, 2, "“99,999,999.99”", "99,999,999.99")),
                DATA).get(0);
        assertEquals("E-PAGE", d.code());
        assertFalse(d.pos().known());
        assertEquals("d.yaml", d.pos().file());
    }
}
