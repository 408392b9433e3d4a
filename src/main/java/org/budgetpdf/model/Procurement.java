package org.budgetpdf.model;

import java.math.BigDecimal;

/** 政府采购预算 by kind. */
public record Procurement(Amount goods, Amount works, Amount services) {
    public BigDecimal total() {
        return goods.value().add(works.value()).add(services.value());
    }
}
