package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The clerk's explanations of changes, by key as written (收支总计, 一般公共预算, 因公出国, …; 决算 三公 differences as
 * 三公差异.因公出国 …). A key that is absent has no reason: the sentence that needs one is not printed and the checker
 * reports it.
 */
public record Reasons(Map<String, Given> given) {
    public static final Reasons NONE = new Reasons(Map.of());

    public Given get(String key) {
        return given.get(key);
    }

    /** The reason's text, or null. */
    public String text(String key) {
        Given g = given.get(key);
        return g == null ? null : g.text();
    }

    /**
     * One reason as written. {@code parts} is empty for plain text; {@code partsPos} is the position of the 构成 list
     * (the reason's position when there is none).
     */
    public record Given(String text, SourcePos pos, List<Part> parts, SourcePos partsPos) {
        public boolean hasParts() {
            return !parts.isEmpty();
        }
    }

    /** One component of a change: its wording and its signed amount in 万元. */
    public record Part(String text, BigDecimal amount, SourcePos pos) {
    }
}
