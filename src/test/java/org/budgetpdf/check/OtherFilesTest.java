package org.budgetpdf.check;

import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** D12 across files: a unit's own file and the department file agree; last year's file is in errors/E-OTHER-FILE*. */
class OtherFilesTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    static List<Diagnostic> check(String name) {
        return new Pipeline(HOME).check(HOME.resolve(name), name).diags().sorted().stream()
                .filter(d -> d.code().equals("E-OTHER-FILE")).toList();
    }

    @Test
    void aUnitsOwnFileTotalsWhatTheDepartmentFileGivesForIt() {
        List<Diagnostic> ds = check("src/test/resources/otherfiles/dept-2025.yaml");
        assertEquals(1, ds.size(), ds.toString());
        Diagnostic d = ds.get(0);
        assertTrue(d.message().contains("单位 901001 在本文件中合计 110.50 万元"), d.message());
        assertTrue(d.message().contains("src/test/resources/otherfiles/unit-901001-2025.yaml 的收支总计 100.50"), d.message());
        assertEquals(18, d.pos().line());
        // the unit's file is not checked against the department's (it is not the department's unit list)
        assertEquals(List.of(), check("src/test/resources/otherfiles/unit-901001-2025.yaml"));
    }

    @Test
    void lastYearsFileGivesThisYearsPriorFigures() {
        List<Diagnostic> ds = check("src/test/resources/errors/E-OTHER-FILE.yaml");
        assertEquals(List.of("上年.收支总计", "上年.一般公共预算"), ds.stream().map(d -> d.message().split(" ")[0]).toList());
        // and last year's file looks at the year before it, which is not there
        assertEquals(List.of(), check("src/test/resources/errors/E-OTHER-FILE-2024.yml"));
    }

    @Test
    void theDataFolderHasNoPairs() {
        for (String f : List.of("data/xinxiang-weibin-2025-budget.yaml", "data/jiaozuo-zhongzhan-2021-final.yaml",
                "data/xinle-2021-budget.yaml", "data/xinxiang-hongqi-2021-budget.yaml")) {
            assertEquals(List.of(), check(f), f);
        }
    }
}
