package org.budgetpdf.compute;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.compute.BudgetReport.ClassShare;
import org.budgetpdf.compute.BudgetReport.Labeled;
import org.budgetpdf.compute.BudgetReport.Meta;
import org.budgetpdf.compute.BudgetReport.Overview;
import org.budgetpdf.compute.BudgetReport.UnitView;
import org.budgetpdf.compute.FinalFigures.Item;
import org.budgetpdf.compute.FinalReport.*;
import org.budgetpdf.compute.Grid.Cell;
import org.budgetpdf.compute.Grid.Row;
import org.budgetpdf.model.EconAmount;
import org.budgetpdf.model.FinalDoc;
import org.budgetpdf.model.ThreePublic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@link FinalDoc} → {@link FinalReport}: every total, share, change and completion rate, from printed figures. */
public final class FinalReportBuilder {
    /** The 功能分类类 lines of 公开01 and 公开04, in print order (行次 32–57 / 33–58). */
    static final List<String> CLASSES = List.of("201", "202", "203", "204", "205", "206", "207", "208", "210", "211",
            "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234");

    /** 公开06: the 经济分类 lines the standard table always lists, by column; entered codes outside it are added. */
    static final List<List<String>> ECON_COLUMNS = List.of(
            List.of("301", "30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111", "30112",
                    "30113", "30114", "30199", "303", "30301", "30302", "30303", "30304", "30305", "30306", "30307",
                    "30308", "30309", "30310", "30311", "30399"),
            List.of("302", "30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208", "30209", "30211",
                    "30212", "30213", "30214", "30215", "30216", "30217", "30218", "30224", "30225", "30226", "30227",
                    "30228", "30229", "30231", "30239", "30240", "30299"),
            List.of("307", "30701", "30702", "310", "31001", "31002", "31003", "31005", "31006", "31007", "31008",
                    "31009", "31010", "31011", "31012", "31013", "31019", "31021", "31022", "31099", "399", "39906",
                    "39907", "39908", "39999"));

    private final FinalDoc doc;
    private final Catalog catalog;
    private final FinalFigures fig;
    private final List<Item> items;

    public FinalReportBuilder(FinalDoc doc, Catalog catalog) {
        this.doc = doc;
        this.catalog = catalog;
        this.fig = new FinalFigures(doc);
        List<Item> sorted = new ArrayList<>(fig.items());
        sorted.sort((a, b) -> a.code().compareTo(b.code()));
        this.items = List.copyOf(sorted);
    }

    public FinalFigures figures() {
        return fig;
    }

    public FinalReport build() {
        return new FinalReport(meta(), overview(), totals(), classShares(), execution(), basic(), sanGong(), running(),
                procurement(), assets(), perf(), selfEval(), new Tables(t01(), t02(), t03(), t04(), t05(), t06(), t07()));
    }

    // ---- narrative ----------------------------------------------------------------------------------------------

    private Meta meta() {
        String dept = doc.department().name();
        String month = doc.publishDate().getYear() + "年" + doc.publishDate().getMonthValue() + "月";
        return new Meta(dept + doc.year() + "年度部门决算", dept, doc.department().code(), doc.year(), doc.year() - 1,
                month, doc.department().level().label(),
                String.join(",", dept, doc.year() + "年度", "部门决算", "决算公开", "三公经费"));
    }

    private Overview overview() {
        List<UnitView> all = doc.units().stream().map(u -> new UnitView(u.code(), u.name(), u.type().label())).toList();
        return new Overview(doc.department().dutiesIntro(), doc.department().duties(), doc.department().organization(),
                all, all.isEmpty() ? null : all.get(0), all.size() <= 1 ? List.of() : all.subList(1, all.size()));
    }

    private Money totalIncomeSide() {
        return fig.income().plus(fig.openFiscal()).plus(fig.openOther());
    }

    private Money fiscalTotal() {
        return fig.income().plus(fig.openFiscal());
    }

    private Totals totals() {
        int prior = doc.year() - 1;
        Money total = totalIncomeSide();
        Money income = fig.income();
        Money other = Money.ZERO; // only 财政拨款 income is supported so far
        List<Pct> incomeShares = Shares.of(List.of(income.value(), other.value()));
        Money basic = fig.sum(Item::allBasic);
        Money project = fig.sum(Item::allProject);
        List<Pct> spendShares = Shares.of(List.of(basic.value(), project.value()));
        Money general = fig.fiscalSpending();
        Money spending = fig.spending();
        var p = doc.prior();
        return new Totals(total, Change.of(total.value(), p.total().value(), prior), doc.reasons().total(),
                income, income, incomeShares.get(0), other, incomeShares.get(1),
                spending, basic, spendShares.get(0), project, spendShares.get(1),
                fiscalTotal(), Change.of(fiscalTotal().value(), p.fiscal().value(), prior), doc.reasons().fiscal(),
                general, spending.isZero() ? null : Pct.ratio(general.value(), spending.value()),
                Change.of(general.value(), p.general().value(), prior), doc.reasons().general());
    }

    private List<ClassShare> classShares() {
        Map<String, Money> byClass = new TreeMap<>();
        for (Item i : items) if (!i.fiscal().isZero()) byClass.merge(i.code().substring(0, 3), i.fiscal(), Money::plus);
        List<Pct> shares = Shares.of(byClass.values().stream().map(Money::value).toList());
        List<ClassShare> out = new ArrayList<>();
        int k = 0;
        for (var e : byClass.entrySet()) out.add(new ClassShare(name(e.getKey()), e.getValue(), shares.get(k++)));
        return out;
    }

    private Execution execution() {
        List<ExecItem> out = new ArrayList<>();
        for (Item i : items) {
            if (i.budget().isZero() && i.fiscal().isZero()) continue;
            String c = i.code();
            String path = name(c.substring(0, 3)) + "（类）" + name(c.substring(0, 5)) + "（款）" + name(c) + "（项）";
            out.add(new ExecItem(path, i.budget(), i.fiscal(), rate(i.fiscal(), i.budget()),
                    !i.budget().equals(i.fiscal()), i.reason()));
        }
        return new Execution(fig.budget(), fig.fiscalSpending(), rate(fig.fiscalSpending(), fig.budget()), out);
    }

    private static Pct rate(Money part, Money whole) {
        return whole.isZero() ? null : Pct.ratio(part.value(), whole.value());
    }

    private Map<String, Money> econ() {
        Map<String, Money> m = new LinkedHashMap<>();
        List<EconAmount> e = doc.basicEcon();
        for (int i = 0; i < e.size(); i++) m.merge(e.get(i).econCode(), fig.econ().get(i), Money::plus);
        return m;
    }

    private static boolean personnel(String econ) {
        return econ.startsWith("301") || econ.startsWith("303");
    }

    private Basic basic() {
        List<Labeled> pers = new ArrayList<>();
        List<Labeled> pub = new ArrayList<>();
        Money p = Money.ZERO;
        Money u = Money.ZERO;
        for (var e : new TreeMap<>(econ()).entrySet()) {
            if (personnel(e.getKey())) p = p.plus(e.getValue());
            else u = u.plus(e.getValue());
            if (e.getValue().isZero()) continue;
            (personnel(e.getKey()) ? pers : pub).add(new Labeled(econName(e.getKey()), e.getValue()));
        }
        return new Basic(p.plus(u), p, u, pers, pub);
    }

    private SanGong sanGong() {
        var s = doc.sanGong();
        ThreePublic b = s.budget();
        ThreePublic a = s.actual();
        Money bTotal = Money.of(b.total());
        Money aTotal = Money.of(a.total());
        Money aAbroad = Money.of(a.abroad().value());
        Money aCar = Money.of(a.car());
        Money aRec = Money.of(a.reception().value());
        List<Pct> shares = aTotal.isZero() ? null : Shares.of(List.of(aAbroad.value(), aCar.value(), aRec.value()));
        Money foreign = Money.of(s.foreignReception().value());
        return new SanGong(bTotal, aTotal, rate(aTotal, bTotal), !bTotal.equals(aTotal),
                part(Money.of(b.abroad().value()), aAbroad, shares == null ? null : shares.get(0), s.abroadReason()),
                part(Money.of(b.car()), aCar, shares == null ? null : shares.get(1), s.carReason()),
                part(Money.of(b.reception().value()), aRec, shares == null ? null : shares.get(2), s.receptionReason()),
                Money.of(a.carPurchase().value()), Money.of(a.carRunning().value()), foreign, aRec.minus(foreign),
                s.abroadGroups(), s.abroadPersons(), s.carsBought(), s.carsHeld(), s.foreignGroups(),
                s.foreignPersons(), s.domesticGroups(), s.domesticPersons());
    }

    private static SanGong.Part part(Money budget, Money actual, Pct share, String reason) {
        return new SanGong.Part(budget, actual, rate(actual, budget), share, !budget.equals(actual), reason);
    }

    /** 机关运行经费: as entered, else the 公用经费 of 公开06; none when no unit is 行政 or 参公. */
    private Running running() {
        boolean admin = doc.units().stream().anyMatch(u -> u.type() != UnitType.INSTITUTION);
        if (!admin) return new Running(null);
        if (doc.runningCost() != null) return new Running(Money.of(doc.runningCost().value()));
        return new Running(basic().publicUse());
    }

    private FinalReport.Procurement procurement() {
        var p = doc.procurement();
        Money goods = Money.of(p.goods().value());
        Money works = Money.of(p.works().value());
        Money services = Money.of(p.services().value());
        Money total = goods.plus(works).plus(services);
        Money sme = Money.of(p.sme().value());
        Money small = Money.of(p.smallMicro().value());
        return new FinalReport.Procurement(total, goods, works, services, sme, rate(sme, total), small, rate(small, total));
    }

    private FinalReport.Assets assets() {
        var a = doc.assets();
        return new FinalReport.Assets(doc.year(), a.cars(), a.leaderCars(), a.confidentialCars(), a.emergencyCars(),
                a.enforcementCars(), a.specialCars(), a.retiredCars(), a.otherCars(), a.generalEquipment(),
                a.specialEquipment());
    }

    private Perf perf() {
        var p = doc.perf();
        Basic b = basic();
        return new Perf(fig.spending(), fig.sum(Item::allBasic), b.personnel(), b.publicUse(), fig.sum(Item::allProject),
                p.projects(), p.selfEvaluated(), Money.of(p.selfAmount().value()), p.keyEvaluated(),
                Money.of(p.keyAmount().value()), p.targetProjects(), p.targetNote(), p.wholeScore(), p.projectScore(),
                p.keyResult());
    }

    private SelfEval selfEval() {
        var p = doc.perf();
        Money year = Money.of(p.yearBudget().value());
        Money spent = fig.spending();
        Money fiscal = fig.fiscalSpending();
        Money other = spent.minus(fiscal);
        List<SelfEval.Source> sources = List.of(
                new SelfEval.Source("部门预算总额", fig.budget(), year, spent, rate(spent, year)),
                new SelfEval.Source("财政性资金", fig.budget(), year, fiscal, rate(fiscal, year)),
                new SelfEval.Source("其他资金", Money.ZERO, Money.ZERO, other, null));
        List<SelfEval.Row> rows = new ArrayList<>();
        List<FinalDoc.Indicator> ind = p.indicators();
        BigDecimal total = p.budgetScore();
        RowSpans spans = RowSpans.of(ind, FinalDoc.Indicator::level1, FinalDoc.Indicator::level2);
        for (int i = 0; i < ind.size(); i++) {
            FinalDoc.Indicator x = ind.get(i);
            total = total.add(x.score());
            rows.add(new SelfEval.Row(x.level1(), spans.level1()[i], x.level2(), spans.level2()[i], x.name(), x.target(), x.note(), x.actual(),
                    plain(x.weight()), plain(x.score()), x.remark()));
        }
        return new SelfEval(sources, plain(p.budgetWeight()), plain(p.budgetScore()), p.goals(), p.goalResults(),
                p.tasks().stream().map(t -> new SelfEval.Task(t.name(), t.content())).toList(), rows, plain(total));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    // ---- tables -------------------------------------------------------------------------------------------------

    private static Cell num(Money m) {
        return Cell.money(m, true);
    }

    private static Cell blankZero(Money m) {
        return Cell.money(m, false);
    }

    private static Cell empty() {
        return Cell.plain("");
    }

    private Money classSum(String cls, Function<Item, Money> f) {
        return fig.sum(i -> i.code().startsWith(cls), f);
    }

    /** 公开01. */
    private Grid t01() {
        Money income = fig.income();
        String[] left = {"一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
                "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"};
        List<Row> rows = new ArrayList<>();
        Money open = fig.openFiscal().plus(fig.openOther());
        Money close = fig.closeFiscal().plus(fig.closeOther());
        for (int i = 0; i < 31; i++) {
            int l = i + 1;
            int r = i + 32;
            List<Cell> cells = new ArrayList<>();
            String kind = "plain";
            if (l <= 8) {
                cells.add(Cell.plain(left[i]));
                cells.add(Cell.code(String.valueOf(l)));
                cells.add(l == 1 ? num(income) : l <= 3 ? empty() : num(Money.ZERO));
            } else {
                String label = switch (l) {
                    case 27 -> "本年收入合计";
                    case 28 -> "使用非财政拨款结余";
                    case 29 -> "年初结转和结余";
                    case 31 -> "总计";
                    default -> "";
                };
                Money m = switch (l) {
                    case 27 -> income;
                    case 28 -> Money.ZERO;
                    case 29 -> open;
                    case 31 -> income.plus(open);
                    default -> null;
                };
                cells.add(Cell.plain(label));
                cells.add(Cell.code(String.valueOf(l)));
                cells.add(m == null ? empty() : num(m));
                if (l == 27 || l == 31) kind = "total";
            }
            if (r <= 57) {
                String cls = CLASSES.get(r - 32);
                cells.add(Cell.plain(Numerals.cn(r - 31) + "、" + name(cls)));
                cells.add(Cell.code(String.valueOf(r)));
                cells.add(blankZero(classSum(cls, Item::total)));
            } else {
                String label = switch (r) {
                    case 58 -> "本年支出合计";
                    case 59 -> "结余分配";
                    case 60 -> "年末结转和结余";
                    case 62 -> "总计";
                    default -> "";
                };
                Money m = switch (r) {
                    case 58 -> fig.spending();
                    case 59 -> Money.ZERO;
                    case 60 -> close;
                    case 62 -> fig.spending().plus(close);
                    default -> null;
                };
                cells.add(Cell.plain(label));
                cells.add(Cell.code(String.valueOf(r)));
                cells.add(m == null ? empty() : num(m));
            }
            rows.add(new Row(kind, cells));
        }
        return new Grid(rows);
    }

    /** 类 / 款 / 项 rows of 公开02, 03 and 05, with the 合计 row first. */
    private Grid functionTable(Predicate<Item> include, Function<Item, List<Money>> cells) {
        List<Item> in = items.stream().filter(include).toList();
        List<Row> rows = new ArrayList<>();
        rows.add(row("total", "", "合计", sum(in, cells), true));
        String lastClass = "";
        String lastKuan = "";
        for (Item i : in) {
            String cls = i.code().substring(0, 3);
            String kuan = i.code().substring(0, 5);
            if (!cls.equals(lastClass)) {
                rows.add(row("class", cls, name(cls), sum(in.stream().filter(x -> x.code().startsWith(cls)).toList(), cells), false));
                lastClass = cls;
            }
            if (!kuan.equals(lastKuan)) {
                rows.add(row("kuan", kuan, name(kuan), sum(in.stream().filter(x -> x.code().startsWith(kuan)).toList(), cells), false));
                lastKuan = kuan;
            }
            rows.add(row("item", i.code(), name(i.code()), cells.apply(i), false));
        }
        return new Grid(rows);
    }

    private static List<Money> sum(List<Item> in, Function<Item, List<Money>> cells) {
        List<Money> total = null;
        for (Item i : in) {
            List<Money> c = cells.apply(i);
            if (total == null) {
                total = new ArrayList<>(c);
            } else {
                for (int k = 0; k < c.size(); k++) total.set(k, total.get(k).plus(c.get(k)));
            }
        }
        if (total == null) {
            int n = cells.apply(new Item("", Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, "")).size();
            total = new ArrayList<>(Collections.nCopies(n, Money.ZERO));
        }
        return total;
    }

    private static Row row(String kind, String code, String name, List<Money> amounts, boolean total) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.code(code), Cell.plain(name)));
        amounts.forEach(m -> cells.add(Cell.money(m, total)));
        return new Row(kind, cells);
    }

    private Grid t02() {
        return functionTable(i -> !i.income().isZero(), i -> List.of(i.income(), i.income(), Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO));
    }

    private Grid t03() {
        return functionTable(i -> !i.total().isZero(), i -> List.of(i.total(), i.allBasic(), i.allProject(), Money.ZERO,
                Money.ZERO, Money.ZERO));
    }

    private Grid t05() {
        return functionTable(i -> !i.fiscal().isZero(), i -> List.of(i.fiscal(), i.basic(), i.project()));
    }

    /** 公开04. */
    private Grid t04() {
        Money income = fig.income();
        Money open = fig.openFiscal();
        Money close = fig.closeFiscal();
        Money spend = fig.fiscalSpending();
        String[] funds = {"一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int l = i + 1;
            int r = i + 33;
            List<Cell> cells = new ArrayList<>();
            String kind = "plain";
            String label = l <= 3 ? funds[i] : switch (l) {
                case 27 -> "本年收入合计";
                case 28 -> "年初财政拨款结转和结余";
                case 29 -> "一般公共预算财政拨款";
                case 30 -> "政府性基金预算财政拨款";
                case 31 -> "国有资本经营预算财政拨款";
                case 32 -> "总计";
                default -> "";
            };
            Money m = switch (l) {
                case 1, 27 -> income;
                case 28, 29 -> open;
                case 32 -> income.plus(open);
                default -> null;
            };
            cells.add(Cell.plain(label));
            cells.add(Cell.code(String.valueOf(l)));
            cells.add(m == null ? empty() : num(m));
            if (l == 27 || l == 32) kind = "total";
            if (r <= 58) {
                String cls = CLASSES.get(r - 33);
                Money c = classSum(cls, Item::fiscal);
                cells.add(Cell.plain(Numerals.cn(r - 32) + "、" + name(cls)));
                cells.add(Cell.code(String.valueOf(r)));
                cells.add(blankZero(c));
                cells.add(blankZero(c));
                cells.add(empty());
                cells.add(empty());
            } else {
                String rl = switch (r) {
                    case 59 -> "本年支出合计";
                    case 60 -> "年末财政拨款结转和结余";
                    case 64 -> "总计";
                    default -> "";
                };
                Money rm = switch (r) {
                    case 59 -> spend;
                    case 60 -> close;
                    case 64 -> spend.plus(close);
                    default -> null;
                };
                cells.add(Cell.plain(rl));
                cells.add(Cell.code(String.valueOf(r)));
                if (rm == null) {
                    for (int k = 0; k < 4; k++) cells.add(empty());
                } else {
                    cells.add(num(rm));
                    cells.add(num(rm));
                    cells.add(empty());
                    cells.add(empty());
                }
            }
            rows.add(new Row(kind, cells));
        }
        return new Grid(rows);
    }

    /** 公开06: three column groups (人员经费 301/303; 公用经费 302; 公用经费 307/310/399 and others), then the two totals. */
    private Grid t06() {
        Map<String, Money> econ = econ();
        List<List<String>> cols = new ArrayList<>();
        for (List<String> c : ECON_COLUMNS) cols.add(new ArrayList<>(c));
        for (String code : new TreeSet<>(econ.keySet())) {
            boolean listed = ECON_COLUMNS.stream().anyMatch(c -> c.contains(code));
            if (listed) continue;
            String cls = code.substring(0, 3);
            int col = personnel(code) ? 0 : cls.equals("302") ? 1 : 2;
            List<String> c = cols.get(col);
            if (!c.contains(cls)) c.add(cls);
            int at = c.indexOf(cls) + 1;
            while (at < c.size() && c.get(at).startsWith(cls) && c.get(at).compareTo(code) < 0) at++;
            c.add(at, code);
        }
        int height = cols.stream().mapToInt(List::size).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            List<Cell> cells = new ArrayList<>();
            for (List<String> c : cols) {
                if (r < c.size()) {
                    String code = c.get(r);
                    Money m = code.length() == 3
                            ? econ.entrySet().stream().filter(e -> e.getKey().startsWith(code)).map(Map.Entry::getValue)
                            .reduce(Money.ZERO, Money::plus)
                            : econ.getOrDefault(code, Money.ZERO);
                    cells.add(Cell.code(code));
                    cells.add(Cell.plain(econName(code)));
                    cells.add(num(m));
                } else {
                    cells.add(empty());
                    cells.add(empty());
                    cells.add(empty());
                }
            }
            rows.add(new Row("plain", cells));
        }
        Basic b = basic();
        rows.add(new Row("total", List.of(new Cell("人员经费合计", "text", 2), num(b.personnel()),
                new Cell("公用经费合计", "text", 5), num(b.publicUse()))));
        return new Grid(rows);
    }

    /** 公开07: 预算数 and 决算数, six columns each. */
    private Grid t07() {
        List<Cell> cells = new ArrayList<>();
        for (ThreePublic t : List.of(doc.sanGong().budget(), doc.sanGong().actual())) {
            for (BigDecimal v : List.of(t.total(), t.abroad().value(), t.car(), t.carPurchase().value(),
                    t.carRunning().value(), t.reception().value())) {
                cells.add(num(Money.of(v)));
            }
        }
        return new Grid(List.of(new Row("total", cells)));
    }

    // ---- names --------------------------------------------------------------------------------------------------

    private String name(String functionCode) {
        return catalog.functionName(functionCode).orElse(functionCode);
    }

    private String econName(String econCode) {
        return catalog.econDeptName(econCode).orElse(econCode);
    }
}
