package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.util.List;

/**
 * One item of 附加: a province's own item that any layout may print without Java: text, paragraphs, or an amount
 * (a {@link Fact} of {@link Measure#OTHER} with the item {@code 附加.<key>}).
 *
 * @param paragraphs the text, one element per paragraph (empty for an amount)
 * @param amount     true when the item is an amount ({@code {金额: 12.50}})
 */
public record Extra(String key, List<String> paragraphs, boolean amount, SourcePos pos) {
    public static final String PREFIX = "附加.";
}
