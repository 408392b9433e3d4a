package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.util.List;

/**
 * @param dutiesIntro  the paragraph before the numbered duties (may be empty)
 * @param duties       numbered duties, printed （一）（二）…
 * @param organization paragraphs on internal offices (机构设置)
 */
public record Department(String name, String code, GovLevel level, String dutiesIntro, List<String> duties,
                         List<String> organization, SourcePos pos) {
}
