package org.budgetpdf.compute;

import org.budgetpdf.model.EconAmount;
import org.budgetpdf.model.FinalDoc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every amount of a 部门决算 as printed, rounded once ({@link Apportion}) so that each printed total is the sum of
 * its printed parts and both sides of 公开01/04 agree:
 * <ul>
 *   <li>spending atoms (项 × 基本/项目 × 财政拨款/其他资金) and 年末结转 against the rounded grand total;</li>
 *   <li>财政拨款 income per 项 and 年初财政拨款结转 against the printed 财政拨款 spending + 年末 (公开04 balances);</li>
 *   <li>年初其他资金结转 against the printed 其他资金 spending + 年末;</li>
 *   <li>公开06 经济分类 lines against the printed 财政拨款基本支出 (D08); 年初预算 per 项 against its rounded total.</li>
 * </ul>
 * When the entered figures do not balance (the checker reports it), each group is rounded against its own total.
 */
public final class FinalFigures {
    /** One 项 as printed. */
    public record Item(String code, Money budget, Money income, Money basic, Money project, Money otherBasic,
                       Money otherProject, String reason) {
        public Money fiscal() {
            return basic.plus(project);
        }

        public Money other() {
            return otherBasic.plus(otherProject);
        }

        public Money total() {
            return fiscal().plus(other());
        }

        public Money allBasic() {
            return basic.plus(otherBasic);
        }

        public Money allProject() {
            return project.plus(otherProject);
        }
    }

    private final List<Item> items = new ArrayList<>();
    private final List<Money> econ;
    private final Money openFiscal;
    private final Money openOther;
    private final Money closeFiscal;
    private final Money closeOther;

    public FinalFigures(FinalDoc doc) {
        List<FinalDoc.Line> lines = doc.lines();
        FinalDoc.Carry c = doc.carry();
        List<BigDecimal> spend = new ArrayList<>();
        for (FinalDoc.Line l : lines) {
            spend.add(l.basic().value());
            spend.add(l.project().value());
            spend.add(l.otherBasic().value());
            spend.add(l.otherProject().value());
        }
        spend.add(c.closeFiscal().value());
        spend.add(c.closeOther().value());
        List<Money> s = Apportion.of(spend);
        int n = lines.size();
        closeFiscal = s.get(4 * n);
        closeOther = s.get(4 * n + 1);

        Money fiscalOut = closeFiscal;
        Money otherOut = closeOther;
        BigDecimal fiscalOutExact = c.closeFiscal().value();
        BigDecimal otherOutExact = c.closeOther().value();
        for (int i = 0; i < n; i++) {
            fiscalOut = fiscalOut.plus(s.get(4 * i)).plus(s.get(4 * i + 1));
            otherOut = otherOut.plus(s.get(4 * i + 2)).plus(s.get(4 * i + 3));
            fiscalOutExact = fiscalOutExact.add(lines.get(i).fiscal());
            otherOutExact = otherOutExact.add(lines.get(i).other());
        }
        List<BigDecimal> in = new ArrayList<>();
        for (FinalDoc.Line l : lines) in.add(l.income().value());
        in.add(c.openFiscal().value());
        List<Money> inc = balanced(in, fiscalOutExact, fiscalOut);
        openFiscal = inc.get(n);
        openOther = balanced(List.of(c.openOther().value()), otherOutExact, otherOut).get(0);

        List<BigDecimal> budget = new ArrayList<>();
        for (FinalDoc.Line l : lines) budget.add(l.budget().value());
        List<Money> b = Apportion.of(budget);
        for (int i = 0; i < n; i++) {
            FinalDoc.Line l = lines.get(i);
            items.add(new Item(l.functionCode(), b.get(i), inc.get(i), s.get(4 * i), s.get(4 * i + 1), s.get(4 * i + 2),
                    s.get(4 * i + 3), l.reason()));
        }

        BigDecimal basicExact = BigDecimal.ZERO;
        for (FinalDoc.Line l : lines) basicExact = basicExact.add(l.basic().value());
        Money basicPrinted = Money.ZERO;
        for (Item it : items) basicPrinted = basicPrinted.plus(it.basic());
        econ = balanced(doc.basicEcon().stream().map(EconAmount::amount).toList(), basicExact, basicPrinted);
    }

    /** Rounded against {@code printedTotal} when the parts add up exactly to {@code exactTotal}, else against their own. */
    private static List<Money> balanced(List<BigDecimal> parts, BigDecimal exactTotal, Money printedTotal) {
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.compareTo(exactTotal) == 0 ? Apportion.of(parts, printedTotal) : Apportion.of(parts);
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    /** 公开06 lines in the order of {@link FinalDoc#basicEcon()}. */
    public List<Money> econ() {
        return econ;
    }

    public Money openFiscal() {
        return openFiscal;
    }

    public Money openOther() {
        return openOther;
    }

    public Money closeFiscal() {
        return closeFiscal;
    }

    public Money closeOther() {
        return closeOther;
    }

    public Money sum(java.util.function.Function<Item, Money> f) {
        Money m = Money.ZERO;
        for (Item i : items) m = m.plus(f.apply(i));
        return m;
    }

    public Money sum(java.util.function.Predicate<Item> filter, java.util.function.Function<Item, Money> f) {
        Money m = Money.ZERO;
        for (Item i : items) if (filter.test(i)) m = m.plus(f.apply(i));
        return m;
    }

    public Money income() {
        return sum(Item::income);
    }

    public Money spending() {
        return sum(Item::total);
    }

    public Money fiscalSpending() {
        return sum(Item::fiscal);
    }

    public Money budget() {
        return sum(Item::budget);
    }
}
