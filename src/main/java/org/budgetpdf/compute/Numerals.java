package org.budgetpdf.compute;

/** Chinese numerals for headings: 1 → 一, 21 → 二十一. */
public final class Numerals {
    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Numerals() {
    }

    public static String cn(int n) {
        if (n < 10) return DIGITS[n];
        if (n < 20) return "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        if (n < 100) return DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        return Integer.toString(n);
    }
}
