package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.math.BigDecimal;

/** An entered amount that stands alone (not part of a line), kept with its position for messages. */
public record Amount(BigDecimal value, SourcePos pos) {
    public static final Amount ZERO = new Amount(BigDecimal.ZERO, SourcePos.NONE);
}
