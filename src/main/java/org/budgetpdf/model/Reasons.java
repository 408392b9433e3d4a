package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The clerk's free-text explanations of changes; empty strings when not given. The text fields are what the
 * templates print; {@code given} keeps, per 变动原因 key as written (收支总计, 机关运行经费, …), where it was
 * written and, when it was written as {@code {说明: …, 构成: [{说明: …, 金额: …}]}}, the signed amounts the
 * text breaks the change into, for the checker (rules.md T02).
 */
public record Reasons(String total, String govFund, String stateCapital, String abroad, String carPurchase,
                      String carRunning, String reception, String runningCost, Map<String, Given> given) {
    public static final Reasons NONE = new Reasons("", "", "", "", "", "", "", "", Map.of());

    /**
     * One reason as written. {@code parts} is empty for plain text; {@code partsPos} is the position of the
     * 构成 list (the reason's position when there is none).
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
