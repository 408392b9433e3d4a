package org.budgetpdf.compute;

import org.budgetpdf.bind.TestDocs;
import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.Fact;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Nature;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** 元 → 万元: printed parts always add up to the printed totals; both sides of 公开01/04 balance. */
class FinalRoundingTest {

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).movePointLeft(4); // 元 with two decimals, as 万元
    }

    static Money sum(List<BigDecimal> parts) {
        Money m = Money.ZERO;
        for (BigDecimal p : parts) m = m.plus(Money.of(p));
        return m;
    }

    @Test
    void keepingSumHitsTheRoundedTotalAndMovesEachPartLessThanOneCent() {
        // three parts of 0.004 万元 each: rounded one by one they print 0.00 + 0.00 + 0.00 but the total is 0.01
        List<BigDecimal> m = Rounding.keepingSum(List.of(new BigDecimal("0.004"), new BigDecimal("0.004"),
                new BigDecimal("0.004")), 2);
        assertEquals(Money.of("0.01"), sum(m));
        assertEquals(List.of(new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("0.00")), m,
                "ties go to the earlier part");
    }

    @Test
    void randomDataAlwaysAddsUp() {
        Random rnd = new Random(2021);
        for (int run = 0; run < 2000; run++) {
            int n = 1 + rnd.nextInt(30);
            List<BigDecimal> parts = new ArrayList<>();
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal p = rnd.nextInt(4) == 0 ? BigDecimal.ZERO : yuan(rnd.nextLong(0, 100_000_000L));
                parts.add(p);
                exact = exact.add(p);
            }
            List<BigDecimal> printed = Rounding.keepingSum(parts, 2);
            assertEquals(Money.of(exact), sum(printed), "run " + run);
            for (int i = 0; i < n; i++) {
                BigDecimal diff = printed.get(i).subtract(parts.get(i)).abs();
                assertTrue(diff.compareTo(new BigDecimal("0.01")) < 0, "part moved a cent or more: " + parts.get(i));
                if (parts.get(i).signum() == 0) assertEquals(0, printed.get(i).signum());
            }
        }
    }

    static Disclosure seed() {
        TestDocs.Result r = TestDocs.check(TestDocs.realFinal());
        assertFalse(r.diags().hasErrors(), () -> r.all().toString());
        return r.model();
    }

    @Test
    void randomFinalAccountsBalanceOnBothSides() {
        Disclosure seed = seed();
        List<String> functions = seed.lines().stream().map(org.budgetpdf.model.Line::function).toList();
        Random rnd = new Random(4);
        int runs = 0;
        for (int run = 0; run < 300; run++) {
            List<Fact> facts = new ArrayList<>();
            BigDecimal fiscal = BigDecimal.ZERO;
            BigDecimal income = BigDecimal.ZERO;
            for (String fn : functions) {
                BigDecimal b = yuan(rnd.nextLong(0, 50_000_000L));
                BigDecimal p = yuan(rnd.nextLong(0, 50_000_000L));
                BigDecimal in = yuan(rnd.nextLong(0, 60_000_000L));
                fiscal = fiscal.add(b).add(p);
                income = income.add(in);
                facts.add(fact(Measure.INITIAL_BUDGET, fn, null, yuan(rnd.nextLong(0, 90_000_000L))));
                facts.add(fact(Measure.INCOME, fn, null, in));
                facts.add(fact(Measure.SPEND, fn, Nature.BASIC, b));
                facts.add(fact(Measure.SPEND, fn, Nature.PROJECT, p));
            }
            BigDecimal close = yuan(rnd.nextLong(0, 1_000_000L));
            BigDecimal open = fiscal.add(close).subtract(income);
            if (open.signum() < 0) continue;
            runs++;
            facts.add(fact(Measure.OPENING, null, null, open));
            facts.add(fact(Measure.CLOSING, null, null, close));
            Disclosure d = new Disclosure(seed.file(), seed.kind(), seed.year(), seed.catalogYear(), seed.publishDate(),
                    seed.layout(), seed.layoutPos(), seed.department(), seed.units(), facts, seed.lines(), seed.projects(),
                    "", null, null, seed.sanGongCounts(), seed.reasons(), null, "", List.of(), java.util.Map.of());
            Figures f = Realize.of(d, Catalog.forYear(2021)).dept();
            assertEquals(f.income().plus(f.opening()), f.general().plus(f.closing()), "公开04 balances, run " + run);
            assertEquals(Money.of(fiscal.add(close)), f.general().plus(f.closing()), "grand total = rounded exact total");
            assertEquals(f.basic().plus(f.project()), f.spending());
            assertEquals(f.total(), f.spending().plus(f.closing()), "公开01 balances");
        }
        assertTrue(runs > 100);
    }

    static Fact fact(Measure m, String fn, Nature nature, BigDecimal v) {
        return new Fact(m, null, fn, null, Fund.APPROPRIATION, nature, null, null, v, org.budgetpdf.diag.SourcePos.NONE);
    }

    @Test
    void theSeedPrintsItsTotalsAsSumsOfItsLines() {
        Figures f = TestDocs.check(TestDocs.realFinal()).figures().dept();
        assertEquals(Money.of("801.14"), f.spending());
        assertEquals(Money.of("799.82"), f.general());
        assertEquals(Money.of("776.98"), f.income());
        assertEquals(Money.of("22.84"), f.sum(Filter.of(Dim.MEASURE, "年初结转").and(Dim.FUND, "财政拨款")),
                "the seed's 22.83 cannot balance 776.98 against 799.82");
        assertEquals(Money.of("1.32"), f.sum(Filter.of(Dim.MEASURE, "年初结转").and(Dim.FUND, "上年结转单位资金")));
        assertEquals(Money.of("1049.58"), f.initialBudget());
        assertEquals(Money.of("138.13"), f.basicDetail().total());
    }

    @Test
    void scoresOfTheSelfEvaluationAreNotMoney() {
        // a 决算 entered in 元: 分值 10 stays 10 (it printed 0.001 when read as an amount)
        var pf = TestDocs.check(TestDocs.realFinal()).figures().dept().perf();
        assertEquals("10", pf.budgetWeight());
        assertEquals("100", pf.selfTotal());
        assertEquals("2", pf.selfRows().get(0).weight());
    }
}
