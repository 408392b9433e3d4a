package org.budgetpdf.check;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.model.DocKind;

import java.util.List;
import java.util.Set;

/**
 * One consistency rule: its ID in rules.md (B16, D04, T10 …, or X/C/L for rules about the file itself), the
 * document kinds it applies to, the diagnostic codes it reports (each documented in docs/diagnostics.md), and
 * whether it compares sums (then it is skipped when binding reported an error: a misread amount would make every
 * total over it wrong).
 */
public record Rule(String id, String title, Set<DocKind> kinds, List<String> codes, boolean comparesSums,
                   Check check) {

    @FunctionalInterface
    public interface Check {
        void run(Context ctx, Diagnostics diags);
    }

    public static final Set<DocKind> BOTH = Set.of(DocKind.BUDGET, DocKind.FINAL_ACCOUNTS);
    public static final Set<DocKind> BUDGET = Set.of(DocKind.BUDGET);
    public static final Set<DocKind> FINAL = Set.of(DocKind.FINAL_ACCOUNTS);
}
