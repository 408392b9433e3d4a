package org.budgetpdf.compute;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ArithmeticTest {
    static List<BigDecimal> amounts(String... s) {
        return java.util.Arrays.stream(s).map(BigDecimal::new).toList();
    }

    static BigDecimal sum(List<Pct> ps) {
        return ps.stream().map(Pct::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void sharesOfSeed004ClassesAddToExactly100() {
        List<Pct> s = Shares.of(amounts("11.91", "1717.13", "11.69"));
        assertEquals(List.of("0.68%", "98.65%", "0.67%"), s.stream().map(Pct::text).toList());
        assertEquals(new BigDecimal("100.00"), sum(s));
    }

    @Test
    void sharesOfBasicAndProject() {
        assertEquals(List.of("7.45%", "92.55%"), Shares.of(amounts("129.72", "1611.01")).stream().map(Pct::text).toList());
        assertEquals(List.of("93.49%", "6.51%"), Shares.of(amounts("121.27", "8.45")).stream().map(Pct::text).toList());
    }

    @Test
    void sharesAlwaysAddTo100ForRandomBreakdowns() {
        Random r = new Random(42);
        for (int k = 0; k < 2000; k++) {
            int n = 1 + r.nextInt(12);
            BigDecimal[] parts = new BigDecimal[n];
            for (int i = 0; i < n; i++) parts[i] = BigDecimal.valueOf(r.nextInt(1_000_000), 2);
            if (java.util.Arrays.stream(parts).allMatch(p -> p.signum() == 0)) continue;
            List<Pct> s = Shares.of(List.of(parts));
            assertEquals(0, new BigDecimal("100.00").compareTo(sum(s)), () -> List.of(parts) + " → " + s);
            for (int i = 0; i < n; i++) {
                // never more than 0.01 away from the exact share
                BigDecimal exact = parts[i].multiply(BigDecimal.valueOf(100)).divide(
                        java.util.Arrays.stream(parts).reduce(BigDecimal.ZERO, BigDecimal::add), 6, java.math.RoundingMode.HALF_UP);
                assertTrue(exact.subtract(s.get(i).value()).abs().compareTo(new BigDecimal("0.01")) < 0);
            }
        }
    }

    @Test
    void amountsInYuanShownInWanKeepEveryPrintedTotalEqualToItsPrintedParts() {
        Random r = new Random(7);
        for (int k = 0; k < 2000; k++) {
            int n = 1 + r.nextInt(15);
            List<BigDecimal> wan = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) wan.add(BigDecimal.valueOf(r.nextInt(100_000_000), 2).movePointLeft(4)); // 元 → 万元, exact
            List<BigDecimal> shown = Rounding.keepingSum(wan, 2);
            BigDecimal exactTotal = wan.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal shownTotal = shown.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(exactTotal.setScale(2, java.math.RoundingMode.HALF_UP), shownTotal, wan::toString);
            for (int i = 0; i < n; i++) {
                assertTrue(wan.get(i).subtract(shown.get(i)).abs().compareTo(new BigDecimal("0.01")) < 0);
                assertEquals(2, shown.get(i).scale());
            }
        }
    }

    @Test
    void roundingEachCellAloneWouldBreakTheTotal() {
        // Rounded one by one, 4.005 × 3 shows 4.01 × 3 = 12.03 under a total of 12.02 (seed 003's 0.01 gaps).
        List<BigDecimal> shown = Rounding.keepingSum(amounts("4.005", "4.005", "4.005"), 2);
        assertEquals(amounts("4.01", "4.01", "4.00"), shown);
        assertEquals(new BigDecimal("12.02"), shown.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void sharesOfNothingAreZero() {
        assertEquals(List.of("0.00%", "0.00%"), Shares.of(amounts("0", "0")).stream().map(Pct::text).toList());
    }

    @Test
    void changePhrases() {
        assertEquals("比2024年减少72.13万元，下降3.98%", Change.of(new BigDecimal("1740.73"), new BigDecimal("1812.86"), 2024).sentence());
        assertEquals("比2024年增加1.34万元，增长18.85%", Change.of(new BigDecimal("8.45"), new BigDecimal("7.11"), 2024).sentence());
        assertEquals("与2024年持平", Change.of(new BigDecimal("0"), new BigDecimal("0.00"), 2024).sentence());
        assertEquals("与2024年持平", Change.of(new BigDecimal("5.10"), new BigDecimal("5.1"), 2024).sentence());
        // last year 0: an amount but no percentage
        assertEquals("比2024年增加3.00万元", Change.of(new BigDecimal("3"), BigDecimal.ZERO, 2024).sentence());
        assertNull(Change.of(new BigDecimal("3"), BigDecimal.ZERO, 2024).rate());
        assertEquals("比2024年减少2.00万元，下降100.00%", Change.of(BigDecimal.ZERO, new BigDecimal("2"), 2024).sentence());
    }

    @Test
    void moneyFormats() {
        Money m = Money.of("1740.73");
        assertEquals("1,740.73", m.table());
        assertEquals("1740.73", m.text());
        assertEquals("", Money.ZERO.cell());
        assertEquals("0.00", Money.ZERO.table());
        assertEquals("1,234,567.80", Money.of("1234567.8").table());
        assertEquals("0.30", Money.of("0.1").plus(Money.of("0.2")).text());
    }

    @Test
    void chineseNumerals() {
        assertEquals("一", Numerals.cn(1));
        assertEquals("十", Numerals.cn(10));
        assertEquals("十九", Numerals.cn(19));
        assertEquals("二十一", Numerals.cn(21));
        assertEquals("三十四", Numerals.cn(34));
    }
}
