package org.budgetpdf.check;

import org.budgetpdf.bind.TestDocs;
import org.budgetpdf.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 1: a real 预算 and a real 决算 with every reason removed fail with one E-REASON per removed reason
 * (each on the line of its figure) and print no PDF; with the reasons they are clean of E-REASON.
 */
class EveryReasonTest {
    private static final Pattern DIFF_REASON = Pattern.compile("(?m)^\\s+差异原因: .*\\n");
    private static final Pattern REASON_KEY = Pattern.compile("(?m)^  [^\\s#][^:]*:");

    /** Removes the 变动原因 block and every one-line 差异原因; returns the text and the number of reasons removed. */
    static Object[] stripReasons(String doc) {
        int removed = 0;
        int start = doc.indexOf("\n变动原因:\n");
        if (start >= 0) {
            int end = doc.indexOf("\n\n", start + 1);
            String block = doc.substring(start, end);
            Matcher k = REASON_KEY.matcher(block);
            while (k.find()) removed++;
            doc = doc.substring(0, start) + doc.substring(end);
        }
        Matcher m = DIFF_REASON.matcher(doc);
        while (m.find()) removed++;
        return new Object[]{m.replaceAll(""), removed};
    }

    private static void assertOneErrorPerReason(String original) {
        assertTrue(TestDocs.check(original).withCode("E-REASON").isEmpty());
        Object[] s = stripReasons(original);
        String doc = (String) s[0];
        int removed = (Integer) s[1];
        assertTrue(removed > 2, "fixture has reasons to remove");
        List<Diagnostic> reasons = TestDocs.check(doc).withCode("E-REASON");
        assertEquals(removed, reasons.size(), reasons.toString());
        for (Diagnostic d : reasons) {
            assertTrue(d.isError());
            assertTrue(d.pos().known(), "on the figure's line: " + d);
        }
        assertEquals(reasons.size(), reasons.stream().map(d -> d.pos().line()).distinct().count(), "one per line");
    }

    @Test
    void budgetWithEveryReasonRemoved() {
        assertOneErrorPerReason(TestDocs.real());
    }

    @Test
    void finalWithEveryReasonRemoved() {
        assertOneErrorPerReason(TestDocs.realFinal());
    }
}
