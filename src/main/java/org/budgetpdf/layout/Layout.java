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
 * @param vocab     the layout's words for the open dimensions of the data (词表), by dimension (项目类型)
 */
public record Layout(String name, String title, DocKind kind, Integer firstYear, Integer lastYear, Path folder,
                     String template, Map<String, TableSpec> tables, List<Need> needs, List<Need> required,
                     String file, Map<String, Vocabulary> vocab, List<String> mentions) {

    public static final String PROJECT_TYPE = "项目类型";

    /** The layout's category of a 项目类型 as written, or the value itself when it has none. */
    public String projectCategory(String value) {
        Vocabulary v = vocab.get(PROJECT_TYPE);
        return v == null ? value : v.categoryOf(value).orElse(value);
    }

    /**
     * A data item (a path such as 部门.机构设置 or 单位[].规格), why it is needed, and what the layout prints when the
     * file does not give it ({@code whenMissing}: 不印 — the part is left out; 空白 — its cells are blank; any other
     * text — the mark its cells print); empty for the items of 完整性.
     */
    public record Need(String path, String why, String whenMissing, SourcePos pos) {
        /** The clerk's words for what prints without the item. */
        public String missingText() {
            return switch (whenMissing) {
                case "不印" -> "不补时，“" + why + "”这一部分不印出";
                case "空白" -> "不补时，“" + why + "”中这一项印空白（不印 0.00）";
                default -> "不补时，“" + why + "”中这一项印“" + whenMissing + "”";
            };
        }
    }

    /** 可提及机构: names (or name endings) of other organisations the text may mention (superiors, 财政局 …). */
    public static final String MENTIONS = "可提及机构";

    public boolean isDefaultFor(DocKind k, int year) {
        return kind == k && firstYear != null && year >= firstYear && (lastYear == null || year <= lastYear);
    }
}
