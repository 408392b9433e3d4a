package org.budgetpdf.check;

import org.budgetpdf.compute.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How rules write figures in messages. */
final class Say {
    private Say() {
    }

    /** 万元 with separators, and with every digit when entered in 元: a 3 元 gap must not read "相差 0.00". */
    static String exact(BigDecimal wan) {
        Money m = Money.of(wan);
        if (m.value().compareTo(wan) == 0) return m.table();
        String plain = wan.stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        return Money.of(wan.setScale(0, RoundingMode.DOWN)).table().replace(".00", "") + plain.substring(dot);
    }

    static String money(BigDecimal v) {
        return Money.of(v).table();
    }

    /** Two decimals at least, every digit entered (for 决算 balances in 元). */
    static String wan(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 2 ? v.setScale(2, RoundingMode.UNNECESSARY) : s).toPlainString();
    }

    /** “-14,226.05” / “19.90”: a change with its sign. */
    static String signed(Money m) {
        return m.value().signum() < 0 ? "-" + Money.of(m.value().negate()).table() : m.table();
    }
}
