package org.budgetpdf.layout;

import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.DocKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A layout: one folder under templates/ with its manifest (layout.yaml), its table declarations (tables.yaml), its
 * FreeMarker template and CSS. Java knows no layout by name; a new province is a new folder.
 *
 * @param name      the folder name, as a data file's 版式 writes it
 * @param firstYear first budget year this layout is the default for (null: never a default); {@code lastYear} likewise
 * @param needs     data the templates print: when missing, the checker says which (W-LAYOUT-DATA)
 * @param required  items the disclosure rules require (rules.md §1.3): when missing, a warning naming the rule
 */
public record Layout(String name, String title, DocKind kind, Integer firstYear, Integer lastYear, Path folder,
                     String template, Map<String, TableSpec> tables, List<Need> needs, List<Need> required,
                     String file) {

    /** A data item (a path such as 部门.机构设置 or 单位[].规格) and why it is needed. */
    public record Need(String path, String why, SourcePos pos) {
    }

    public boolean isDefaultFor(DocKind k, int year) {
        return kind == k && firstYear != null && year >= firstYear && (lastYear == null || year <= lastYear);
    }
}
