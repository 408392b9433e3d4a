package org.budgetpdf.check;

import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15 §5: single typed mistakes in the 卫滨 file that used to pass, each caught with the diagnostic on the line
 * the mistake is on (a deleted line has no line: its effect is caught where the control total is written).
 */
class TypedMistakeTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path REAL = HOME.resolve("data/xinxiang-weibin-2025-budget.yaml");
    static List<String> original;
    static Pipeline pipeline;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void read() throws IOException {
        original = Files.readAllLines(REAL, StandardCharsets.UTF_8);
        pipeline = new Pipeline(HOME);
    }

    /** The file with one line changed; the 1-based line number of the change. */
    record Mutant(List<String> lines, int line) {
    }

    static Mutant change(String containing, UnaryOperator<String> how) {
        List<String> lines = new ArrayList<>(original);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(containing)) {
                String changed = how.apply(lines.get(i));
                assertNotEquals(lines.get(i), changed, containing);
                lines.set(i, changed);
                return new Mutant(lines, i + 1);
            }
        }
        throw new AssertionError("no line contains " + containing);
    }

    static List<Diagnostic> check(List<String> lines, String name) throws IOException {
        // each variant in a folder of its own: copies of one department side by side are W-DUP-CODE
        Path f = tmp.resolve(name.replaceAll("\\.ya?ml$", "")).resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, lines, StandardCharsets.UTF_8);
        return pipeline.check(f, name).diags().sorted();
    }

    static void caughtOnItsLine(Mutant m, String code, String name) throws IOException {
        List<Diagnostic> ds = check(m.lines(), name);
        assertTrue(ds.stream().anyMatch(d -> d.code().equals(code) && d.pos().line() == m.line()),
                () -> "expected " + code + " on line " + m.line() + ": " + ds);
    }

    @Test
    void theUnmutatedFileHasNoNewFindings() throws IOException {
        List<Diagnostic> ds = check(original, "same.yaml");
        assertEquals(List.of("W-COST-CAP", "W-RUNNING-COST"), ds.stream().map(Diagnostic::code).toList(), ds::toString);
    }

    @Test
    void aUnitsNameOneCharacterOffInTheStructureText() throws IOException {
        caughtOnItsLine(change("新乡市卫滨区医疗保障服务中心设下列", l -> l.replace("新乡市卫滨区医疗保障服务中心", "新乡市魏滨区医疗保障服务中心")),
                "W-TEXT", "unit-name.yaml");
    }

    @Test
    void aShareTypedInTextThatIsNotTheComputedOne() throws IOException {
        caughtOnItsLine(change("我单位2025年未开展重点项目", l -> l + "项目支出占支出总计的29.55%。"), "W-TEXT", "share.yaml");
        // the computed share, as printed or rounded, passes
        List<Diagnostic> right = check(change("我单位2025年未开展重点项目", l -> l + "项目支出占支出总计的92.55%，基本支出占7.45%。").lines(), "share-ok.yaml");
        assertTrue(right.stream().noneMatch(d -> d.code().equals("W-TEXT")), right::toString);
    }

    @Test
    void aDifferenceTypedInAReasonThatIsNotItsOwnPart() throws IOException {
        caughtOnItsLine(change("3.增加城乡居民区级配套资金42万元，产生差额70.82万元", l -> l.replace("70.82", "70.28")), "E-REASON-TEXT", "difference.yaml");
    }

    @Test
    void anAmountInAReasonThatDoesNotAddUpToItsDifference() throws IOException {
        caughtOnItsLine(change("减少体检费100万元", l -> l.replace("减少体检费100万元", "减少体检费10万元")), "E-REASON-TEXT", "parts.yaml");
    }

    @Test
    void aReasonWhoseDirectionContradictsTheChange() throws IOException {
        // last year's 机关运行经费 ×10: 8.45 is now a decrease of 62.65, explained by “福利费增加”
        Mutant m = change("  机关运行经费: 7.11", l -> l.replace("7.11", "71.10"));
        caughtOnItsLine(m, "E-REASON-TEXT", "direction.yaml");
        Diagnostic d = check(m.lines(), "direction.yaml").stream().filter(x -> x.code().equals("E-REASON-TEXT")).findFirst().orElseThrow();
        assertTrue(d.message().contains("减少 62.65 万元") && d.message().contains("说的是增加"), d.message());
    }

    @Test
    void aDeletedFundLineIsCaughtByTheApprovedFiscalTotal() throws IOException {
        List<String> lines = new ArrayList<>(original);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("资金: 一般公共预算其他")) at = i;
        lines.remove(at);
        List<Diagnostic> ds = check(lines, "fund.yaml");
        int control = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("  财政拨款: 1648.73")) control = i + 1;
        int line = control;
        assertTrue(ds.stream().anyMatch(d -> d.code().equals("E-APPROVED") && d.pos().line() == line && d.message().contains("财政拨款")),
                ds::toString);
    }

    @Test
    void withoutApprovedTotalsAndReasonPartsTheFileSaysSoOnce() throws IOException {
        List<String> lines = new ArrayList<>();
        boolean skip = false;
        for (String l : original) {
            if (l.startsWith("批复:")) skip = true;
            else if (!l.startsWith(" ") && !l.isBlank() && !l.startsWith("#")) skip = false;
            if (l.strip().startsWith("构成:") || l.strip().startsWith("- {说明:")) continue;
            if (!skip) lines.add(l);
        }
        List<Diagnostic> ds = check(lines, "no-controls.yaml");
        assertEquals(1, ds.stream().filter(d -> d.code().equals("W-NO-CONTROLS")).count(), ds::toString);
        assertFalse(ds.stream().anyMatch(Diagnostic::isError), ds::toString);
    }
}
