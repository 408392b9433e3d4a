package org.budgetpdf.layout;

import org.budgetpdf.diag.SourcePos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A layout's words for one open dimension of the data (项目类型): each category its tables and text use, and the
 * words a data file may write for it, this year's and other years' ({@code 其他运转类: [其他运转类, 运转类, 一般性项目]}).
 * A value no category takes cannot be printed by the layout: the checker says so, never a silent 其他.
 *
 * @param categories category → the data values it takes (the category itself is always one of them), in file order
 * @param pos        where the dimension's entry is written in layout.yaml
 */
public record Vocabulary(String dim, Map<String, List<String>> categories, SourcePos pos) {

    /** The category a data value goes into, or empty when the layout has none for it. */
    public Optional<String> categoryOf(String value) {
        if (value == null) return Optional.empty();
        for (var e : categories.entrySet()) if (e.getValue().contains(value)) return Optional.of(e.getKey());
        return Optional.empty();
    }

    /** Every data value the layout places, in order (for messages). */
    public List<String> values() {
        List<String> out = new ArrayList<>();
        for (List<String> vs : categories.values()) for (String v : vs) if (!out.contains(v)) out.add(v);
        return out;
    }

    /** “其他运转类（其他运转类、运转类、一般性项目）、特定目标类（…）”: what a message shows as the allowed values. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        categories.forEach((k, vs) -> parts.add(vs.equals(List.of(k)) ? k : k + "（" + String.join("、", vs) + "）"));
        return String.join("、", parts);
    }
}
