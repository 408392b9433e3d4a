package org.budgetpdf.check;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.compute.FinalFigures;
import org.budgetpdf.compute.FinalFigures.Item;
import org.budgetpdf.compute.Money;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Amount;
import org.budgetpdf.model.EconAmount;
import org.budgetpdf.model.FinalDoc;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 部门决算 rules (rules.md §2.4 D-rules, T06), in run order. A first set: codes, D01/D04 balances, D08,
 * 控制数 against the printed sums, reasons for 年初预算 ≠ 决算 per 项 and for 三公 预算 ≠ 决算, D10 vehicles.
 * Figure rules are skipped when binding reported an error, as in {@link Checker}.
 */
public final class FinalRules {
    private final Catalog catalog;

    public FinalRules(Catalog catalog) {
        this.catalog = catalog;
    }

    public void check(FinalDoc d, Diagnostics x) {
        boolean figuresComplete = !x.hasErrors();
        codes(d, x);
        if (!figuresComplete) return;
        FinalFigures f = new FinalFigures(d);
        balances(d, x);
        basicEcon(d, x);
        declared(d, f, x);
        reasons(d, f, x);
        vehicles(d, x);
    }

    private void codes(FinalDoc d, Diagnostics x) {
        Map<String, FinalDoc.Line> seen = new HashMap<>();
        for (FinalDoc.Line l : d.lines()) {
            if (l.functionCode().isEmpty()) continue;
            if (catalog.functionName(l.functionCode()).isEmpty()) {
                x.error("E-CODE-UNKNOWN", l.pos(), "功能科目 " + l.functionCode() + " 不在 " + catalog.editionYear() + " 年科目表中",
                        "核对编码；名称见 src/main/resources/catalog/" + catalog.editionYear() + "/function.csv。");
            }
            FinalDoc.Line first = seen.putIfAbsent(l.functionCode(), l);
            if (first != null) {
                x.error("E-DUP-LINE", l.pos(), "功能科目 " + l.functionCode() + " 在“决算明细”中写了两次（第一次在第 "
                        + first.pos().line() + " 行）", "每个功能分类项只写一段，金额合并。");
            }
        }
        for (EconAmount e : d.basicEcon()) {
            if (catalog.econDeptName(e.econCode()).isEmpty()) {
                x.error("E-CODE-UNKNOWN", e.pos(), "经济科目 " + e.econCode() + " 不在 " + catalog.editionYear() + " 年科目表中",
                        "核对编码；名称见 src/main/resources/catalog/" + catalog.editionYear() + "/econ_dept.csv。");
            }
        }
    }

    /** D01/D04: 本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余, for 财政拨款 and for other money. */
    private static void balances(FinalDoc d, Diagnostics x) {
        BigDecimal income = BigDecimal.ZERO;
        BigDecimal fiscal = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        for (FinalDoc.Line l : d.lines()) {
            income = income.add(l.income().value());
            fiscal = fiscal.add(l.fiscal());
            other = other.add(l.other());
        }
        FinalDoc.Carry c = d.carry();
        BigDecimal in = income.add(c.openFiscal().value());
        BigDecimal out = fiscal.add(c.closeFiscal().value());
        if (in.compareTo(out) != 0) {
            x.error("E-BALANCE", c.openFiscal().pos(), "财政拨款收支不平衡：本年收入 " + wan(income) + " + 年初财政拨款结转和结余 "
                            + wan(c.openFiscal().value()) + " = " + wan(in) + "，本年财政拨款支出 " + wan(fiscal)
                            + " + 年末财政拨款结转和结余 " + wan(c.closeFiscal().value()) + " = " + wan(out) + "，相差 "
                            + wan(in.subtract(out).abs()) + " 万元",
                    "收入 + 年初结转 = 支出 + 年末结转（公开04表）。核对“决算明细”的本年收入和支出、“结转结余”的年初和年末数；"
                            + "按财政系统的元数填写（金额单位: 元）可避免万元尾数误差。");
        }
        BigDecimal oin = c.openOther().value();
        BigDecimal oout = other.add(c.closeOther().value());
        if (oin.compareTo(oout) != 0) {
            x.error("E-BALANCE", c.openOther().pos(), "其他资金收支不平衡：年初其他资金结转和结余 " + wan(oin)
                            + "，其他资金支出 " + wan(other) + " + 年末其他资金结转和结余 " + wan(c.closeOther().value())
                            + " = " + wan(oout) + "，相差 " + wan(oin.subtract(oout).abs()) + " 万元",
                    "非财政拨款的支出来自年初结转（本年没有非财政拨款收入时）：年初 = 支出 + 年末（公开01表）。");
        }
    }

    /** D08: 公开06 人员经费 + 公用经费 = 公开05 基本支出. */
    private static void basicEcon(FinalDoc d, Diagnostics x) {
        if (d.basicEcon().isEmpty()) return;
        BigDecimal econ = d.basicEcon().stream().map(EconAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal basic = d.lines().stream().map(l -> l.basic().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (econ.compareTo(basic) != 0) {
            x.error("E-BASIC-ECON", d.basicEcon().get(0).pos(), "基本支出经济分类合计 " + wan(econ)
                            + " 与决算明细的财政拨款基本支出合计 " + wan(basic) + " 不符，相差 " + wan(econ.subtract(basic).abs()) + " 万元",
                    "公开06表的人员经费与公用经费之和应等于公开05表的基本支出；逐行核对经济分类金额。");
        }
    }

    /** 控制数 against the sums the document will print. */
    private static void declared(FinalDoc d, FinalFigures f, Diagnostics x) {
        FinalDoc.Declared c = d.declared();
        if (c == null) return;
        compare(x, c.budget(), f.budget(), "年初预算", "“决算明细”各项年初预算之和");
        compare(x, c.income(), f.income(), "本年收入", "各项本年收入之和");
        compare(x, c.spending(), f.spending(), "本年支出", "各项支出之和");
        compare(x, c.fiscalSpending(), f.fiscalSpending(), "财政拨款支出", "各项财政拨款支出之和");
        compare(x, c.basic(), f.sum(Item::allBasic), "基本支出", "各项基本支出之和");
        compare(x, c.project(), f.sum(Item::allProject), "项目支出", "各项项目支出之和");
        compare(x, c.perfProject(), f.sum(Item::allProject), "绩效项目支出", "各项项目支出之和（公开03表）");
        for (Map.Entry<String, Amount> e : c.classes().entrySet()) {
            String cls = e.getKey();
            compare(x, e.getValue(), f.sum(i -> i.code().startsWith(cls), Item::total), "类 " + cls,
                    cls + " 类下各项支出之和");
        }
    }

    private static void compare(Diagnostics x, Amount declared, Money lines, String what, String sumName) {
        if (declared == null) return;
        Money want = Money.of(declared.value());
        if (want.equals(lines)) return;
        x.error("E-APPROVED", declared.pos(), "控制数“" + what + "” " + want.table() + " 与" + sumName + " "
                        + lines.table() + " 不符，相差 " + want.minus(lines).value().abs().toPlainString() + " 万元",
                "逐行核对“决算明细”；漏了年初有预算、全年没有支出的项时补一行（决算为 0）；明细无误时核对控制数本身。");
    }

    /** T06 and 三公: every difference between 预算 and 决算 needs the clerk's reason. */
    private static void reasons(FinalDoc d, FinalFigures f, Diagnostics x) {
        List<Item> items = f.items();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            FinalDoc.Line l = d.lines().get(i);
            if (!it.budget().equals(it.fiscal()) && it.reason().isBlank()) {
                x.error("E-REASON", l.pos(), "功能科目 " + it.code() + " 年初预算 " + it.budget().table() + " 与支出决算 "
                                + it.fiscal().table() + " 不同，没有写差异原因",
                        "在这一段写“差异原因: …”（接在“决算数与年初预算数存在差异的主要原因是”之后）。");
            }
        }
        var s = d.sanGong();
        reason(x, s.budget().abroad().value(), s.actual().abroad().value(), s.abroadReason(), s.actual().abroad().pos(), "因公出国（境）费");
        reason(x, s.budget().car(), s.actual().car(), s.carReason(), s.actual().carRunning().pos(), "公务用车购置及运行费");
        reason(x, s.budget().reception().value(), s.actual().reception().value(), s.receptionReason(),
                s.actual().reception().pos(), "公务接待费");
    }

    private static void reason(Diagnostics x, BigDecimal budget, BigDecimal actual, String why, SourcePos pos, String what) {
        if (Money.of(budget).equals(Money.of(actual)) || !why.isBlank()) return;
        x.error("E-REASON", pos, "“三公”经费" + what + "决算 " + Money.of(actual).table() + " 与预算 " + Money.of(budget).table()
                + " 不同，没有写差异原因", "在“三公经费.差异原因”下写对应的项。");
    }

    /** D10: 公务用车保有量 in §七 = the vehicles of §十二. */
    private static void vehicles(FinalDoc d, Diagnostics x) {
        int held = d.sanGong().carsHeld();
        int cars = d.assets().cars();
        if (held != cars) {
            x.error("E-ASSETS", d.assets().pos(), "国有资产车辆共 " + cars + " 辆，与“三公经费.公务用车保有量” " + held + " 辆不符",
                    "两处都是年末数，应当一致。");
        }
    }

    private static String wan(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 2 ? v.setScale(2) : s).toPlainString();
    }

}
