package org.budgetpdf.model;

import java.math.BigDecimal;

/** "三公"经费: 因公出国（境）费, 公务用车购置费, 公务用车运行维护费, 公务接待费. */
public record ThreePublic(Amount abroad, Amount carPurchase, Amount carRunning, Amount reception) {
    public static final ThreePublic ZERO = new ThreePublic(Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO);

    public BigDecimal car() {
        return carPurchase.value().add(carRunning.value());
    }

    public BigDecimal total() {
        return abroad.value().add(car()).add(reception.value());
    }
}
