package org.budgetpdf.export;

import org.apache.poi.ss.util.WorkbookUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Sheet names Excel opens: valid characters, at most 31 characters, unique regardless of case. */
class SheetNamesTest {
    @Test
    void namesAreValidShortAndUnique() {
        SheetNames n = new SheetNames();
        String a = n.next("预算07表 2025年一般公共预算“三公”经费支出预算情况表（按经济分类）明细");
        assertEquals(31, a.length());
        WorkbookUtil.validateSheetName(a);
        String b = n.next("预算07表 2025年一般公共预算“三公”经费支出预算情况表（按经济分类）明细");
        assertNotEquals(a, b);
        assertTrue(b.endsWith("（2）") && b.length() <= 31, b);
        assertEquals("单位预算收支总表", n.next("单位预算收支总表"));
        assertEquals("单位预算收支总表（2）", n.next("  单位预算收支总表 "));
        assertEquals("单位预算收支总表（3）", n.next("单位预算收支总表"));
        String odd = n.next("'收入/支出: [合计]?*'");
        WorkbookUtil.validateSheetName(odd);
        assertFalse(odd.matches(".*[/:\\[\\]?*\\\\].*") || odd.startsWith("'") || odd.endsWith("'"), odd);
        SheetNames cases = new SheetNames();
        cases.next("abc");
        assertEquals("ABC（2）", cases.next("ABC"));
        assertEquals("History（2）", n.next("History"));
        assertEquals("表8", n.next("   "), "the eighth sheet");
        // a character outside the BMP is never cut in half
        String wide = n.next("𠀀".repeat(20));
        assertFalse(Character.isHighSurrogate(wide.charAt(wide.length() - 1)), wide);
    }
}
