package org.budgetpdf.compute;

import org.budgetpdf.Pipeline;
import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.model.FinalDoc;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** 元 → 万元: printed parts always add up to the printed totals; both sides of 公开01/04 balance. */
class FinalRoundingTest {

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).movePointLeft(4); // 元 with two decimals, as 万元
    }

    @Test
    void apportionHitsTheRoundedTotalAndMovesEachPartLessThanOneCent() {
        // three parts of 0.004 万元 each: rounded one by one they print 0.00 + 0.00 + 0.00 but the total is 0.01
        List<BigDecimal> parts = List.of(new BigDecimal("0.004"), new BigDecimal("0.004"), new BigDecimal("0.004"));
        List<Money> m = Apportion.of(parts);
        assertEquals(Money.of("0.01"), Apportion.sum(m));
        assertEquals(List.of(Money.of("0.01"), Money.ZERO, Money.ZERO), m, "ties go to the earlier part");
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
            List<Money> printed = Apportion.of(parts);
            assertEquals(Money.of(exact), Apportion.sum(printed), "run " + run);
            for (int i = 0; i < n; i++) {
                BigDecimal diff = printed.get(i).value().subtract(parts.get(i)).abs();
                assertTrue(diff.compareTo(new BigDecimal("0.01")) < 0, "part moved a cent or more: " + parts.get(i));
                if (parts.get(i).signum() == 0) assertTrue(printed.get(i).isZero());
            }
        }
    }

    @Test
    void randomFinalAccountsBalanceOnBothSides() throws Exception {
        FinalDoc seed = seed();
        Random rnd = new Random(4);
        for (int run = 0; run < 300; run++) {
            List<FinalDoc.Line> lines = new ArrayList<>();
            BigDecimal fiscal = BigDecimal.ZERO;
            BigDecimal income = BigDecimal.ZERO;
            for (FinalDoc.Line l : seed.lines()) {
                BigDecimal b = yuan(rnd.nextLong(0, 50_000_000L));
                BigDecimal p = yuan(rnd.nextLong(0, 50_000_000L));
                BigDecimal in = yuan(rnd.nextLong(0, 60_000_000L));
                fiscal = fiscal.add(b).add(p);
                income = income.add(in);
                lines.add(new FinalDoc.Line(l.functionCode(), amt(yuan(rnd.nextLong(0, 90_000_000L))), amt(in), amt(b),
                        amt(p), amt(BigDecimal.ZERO), amt(BigDecimal.ZERO), "x", l.pos()));
            }
            BigDecimal close = yuan(rnd.nextLong(0, 1_000_000L));
            BigDecimal open = fiscal.add(close).subtract(income);
            if (open.signum() < 0) continue;
            FinalDoc d = new FinalDoc(seed.file(), seed.year(), seed.catalogYear(), seed.publishDate(), seed.department(),
                    seed.units(), lines, new FinalDoc.Carry(amt(open), amt(BigDecimal.ZERO), amt(close), amt(BigDecimal.ZERO)),
                    List.of(), seed.sanGong(), seed.procurement(), seed.assets(), seed.perf(), seed.prior(), seed.reasons(),
                    null, null);
            FinalFigures f = new FinalFigures(d);
            assertEquals(f.income().plus(f.openFiscal()), f.fiscalSpending().plus(f.closeFiscal()), "公开04 balances, run " + run);
            assertEquals(Money.of(fiscal.add(close)), f.fiscalSpending().plus(f.closeFiscal()), "grand total = rounded exact total");
            FinalReport r = new FinalReportBuilder(d, Catalog.forYear(2021)).build();
            Money basic = Money.ZERO;
            for (var i : f.items()) basic = basic.plus(i.basic());
            assertEquals(r.totals().basic().plus(r.totals().project()), r.totals().spending());
            assertEquals(basic, r.totals().basic());
        }
    }

    static org.budgetpdf.model.Amount amt(BigDecimal v) {
        return new org.budgetpdf.model.Amount(v, org.budgetpdf.diag.SourcePos.NONE);
    }

    static FinalDoc seed() {
        Path home = Path.of("").toAbsolutePath();
        var c = new Pipeline(home).check(home.resolve("data/jiaozuo-zhongzhan-2021-final.yaml"), "seed");
        assertTrue(c.ok(), () -> c.diags().sorted().toString());
        return (FinalDoc) c.doc().orElseThrow();
    }

    @Test
    void theSeedPrintsItsTotalsAsSumsOfItsLines() {
        FinalFigures f = new FinalFigures(seed());
        assertEquals(Money.of("801.14"), f.spending());
        assertEquals(Money.of("799.82"), f.fiscalSpending());
        assertEquals(Money.of("776.98"), f.income());
        assertEquals(Money.of("22.84"), f.openFiscal(), "the seed's 22.83 cannot balance 776.98 against 799.82");
        assertEquals(Money.of("1.32"), f.openOther());
        assertEquals(Money.of("1049.58"), f.budget());
        assertEquals(Money.of("138.13"), Apportion.sum(f.econ()));
    }
}
