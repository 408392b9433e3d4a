package org.budgetpdf.compute;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.compute.BudgetReport.*;
import org.budgetpdf.compute.Grid.Cell;
import org.budgetpdf.compute.Grid.Row;
import org.budgetpdf.model.Amount;
import org.budgetpdf.model.BasicLine;
import org.budgetpdf.model.BudgetDoc;
import org.budgetpdf.model.EconAmount;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Indicator;
import org.budgetpdf.model.Project;
import org.budgetpdf.model.ProjectLine;
import org.budgetpdf.model.ProjectType;
import org.budgetpdf.model.ThreePublic;
import org.budgetpdf.model.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** Model → {@link BudgetReport}: every total, subtotal, share and change is computed here, once. */
public final class ReportBuilder {
    private static final List<String> PROJECT_INDICATOR_KINDS = List.of("成本指标", "产出指标", "效益指标", "满意度指标");

    private final BudgetDoc doc;
    private final Catalog catalog;
    private final List<Spend> spends;
    private final Map<String, Unit> units = new LinkedHashMap<>();

    public ReportBuilder(BudgetDoc doc, Catalog catalog) {
        this.doc = doc;
        this.catalog = catalog;
        doc.units().forEach(u -> units.put(u.code(), u));
        this.spends = flatten(doc);
    }

    static List<Spend> flatten(BudgetDoc doc) {
        List<Spend> out = new ArrayList<>();
        for (BasicLine l : doc.basicLines()) {
            for (EconAmount e : l.econ()) {
                Col c = Col.ofBasicEcon(e.econCode());
                out.add(new Spend(l.unitCode(), l.functionCode(), e.econCode(), l.fund(), c == null ? Col.GOODS : c,
                        "", e.amount()));
            }
        }
        for (Project p : doc.projects()) {
            Col c = p.type() == ProjectType.OPERATING ? Col.OPERATING : Col.SPECIFIC;
            for (ProjectLine l : p.lines()) {
                out.add(new Spend(p.unitCode(), l.functionCode(), l.econCode(), l.fund(), c, p.name(), l.amount()));
            }
        }
        // Amounts entered in 元 arrive unrounded: round the atoms once, keeping their sum, so that every
        // total printed anywhere is the sum of the printed parts. A no-op for amounts entered in 万元.
        List<BigDecimal> shown = Rounding.keepingSum(out.stream().map(Spend::amount).toList(), 2);
        List<Spend> rounded = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            Spend s = out.get(i);
            rounded.add(new Spend(s.unit(), s.function(), s.econ(), s.fund(), s.col(), s.project(), shown.get(i)));
        }
        return List.copyOf(rounded);
    }

    /** The 三公 parts as printed: rounded together so 小计 and 合计 equal the printed parts. */
    static ThreePublic printed(ThreePublic t) {
        List<BigDecimal> v = Rounding.keepingSum(List.of(t.abroad().value(), t.carPurchase().value(),
                t.carRunning().value(), t.reception().value()), 2);
        return new ThreePublic(new Amount(v.get(0), t.abroad().pos()), new Amount(v.get(1), t.carPurchase().pos()),
                new Amount(v.get(2), t.carRunning().pos()), new Amount(v.get(3), t.reception().pos()));
    }

    public BudgetReport build() {
        int year = doc.year();
        int prior = year - 1;
        Funds all = funds(s -> true);
        Split split = split(s -> true);
        Split general = split(s -> s.fund().isGeneralBudget());
        Money total = all.total();

        List<Pct> bp = Shares.of(List.of(split.basic().value(), split.project().value()));
        List<Pct> gp = Shares.of(List.of(general.basic().value(), general.project().value()));
        Funds fiscal = all;
        Totals totals = new Totals(total,
                Change.of(total.value(), doc.prior().total().value(), prior), doc.reasons().total(),
                split.basic(), bp.get(0), split.project(), bp.get(1),
                fiscal.general(), fiscal.appropriation(),
                Change.of(fiscal.general().value(), doc.prior().generalBudget().value(), prior),
                fiscal.get(Fund.GOV_FUND), Change.of(fiscal.get(Fund.GOV_FUND).value(), doc.prior().govFund().value(), prior),
                doc.reasons().govFund(),
                fiscal.get(Fund.STATE_CAPITAL),
                Change.of(fiscal.get(Fund.STATE_CAPITAL).value(), doc.prior().stateCapital().value(), prior),
                doc.reasons().stateCapital(),
                general.basic(), gp.get(0), general.project(), gp.get(1));

        return new BudgetReport(meta(), overview(), totals, incomeSources(all), carrySources(all), all.carry(),
                classShares(s -> s.fund().isGeneralBudget()), basic(general), threePublic(prior), running(prior),
                new BudgetReport.Procurement(Money.of(doc.procurement().total()), money(doc.procurement().goods().value()),
                        money(doc.procurement().works().value()), money(doc.procurement().services().value())),
                perf(), assets(), transfers(), tables());
    }

    // ---- narrative parts -------------------------------------------------------------------------

    private Meta meta() {
        String dept = doc.department().name();
        String kindLabel = doc.kind().label();
        String title = dept + doc.year() + "年" + kindLabel;
        String month = doc.publishDate().getYear() + "年" + doc.publishDate().getMonthValue() + "月";
        return new Meta(title, dept, doc.department().code(), doc.year(), doc.year() - 1, month,
                doc.department().level().label(),
                String.join(",", dept, doc.year() + "年", kindLabel, "预算公开", "三公经费"));
    }

    private Overview overview() {
        List<UnitView> all = doc.units().stream().map(u -> new UnitView(u.code(), u.name(), u.type().label())).toList();
        return new Overview(doc.department().dutiesIntro(), doc.department().duties(), doc.department().organization(),
                all, all.isEmpty() ? null : all.get(0), all.size() <= 1 ? List.of() : all.subList(1, all.size()));
    }

    private static final List<Fund> INCOME_ORDER = List.of(Fund.GOV_FUND, Fund.STATE_CAPITAL, Fund.SPECIAL_ACCOUNT,
            Fund.BUSINESS_INCOME, Fund.OPERATING_INCOME, Fund.SUPERIOR_SUBSIDY, Fund.SUBSIDIARY_REMIT, Fund.OTHER_INCOME);
    private static final Map<Fund, String> INCOME_NAMES = Map.ofEntries(
            Map.entry(Fund.GOV_FUND, "政府性基金预算拨款收入"), Map.entry(Fund.STATE_CAPITAL, "国有资本经营预算拨款收入"),
            Map.entry(Fund.SPECIAL_ACCOUNT, "财政专户管理资金收入"), Map.entry(Fund.BUSINESS_INCOME, "事业收入"),
            Map.entry(Fund.OPERATING_INCOME, "事业单位经营收入"), Map.entry(Fund.SUPERIOR_SUBSIDY, "上级补助收入"),
            Map.entry(Fund.SUBSIDIARY_REMIT, "附属单位上缴收入"), Map.entry(Fund.OTHER_INCOME, "其他收入"),
            Map.entry(Fund.CARRY_GENERAL, "一般公共预算"), Map.entry(Fund.CARRY_GOV_FUND, "政府性基金"),
            Map.entry(Fund.CARRY_STATE_CAPITAL, "国有资本经营预算"), Map.entry(Fund.CARRY_SPECIAL, "财政专户管理资金"),
            Map.entry(Fund.CARRY_UNIT, "单位资金"));

    private List<Labeled> incomeSources(Funds f) {
        List<Labeled> out = new ArrayList<>();
        out.add(new Labeled("一般公共预算", f.general()));
        for (Fund x : INCOME_ORDER) out.add(new Labeled(INCOME_NAMES.get(x), f.get(x)));
        return out;
    }

    private List<Labeled> carrySources(Funds f) {
        List<Labeled> out = new ArrayList<>();
        for (Fund x : List.of(Fund.CARRY_GENERAL, Fund.CARRY_GOV_FUND, Fund.CARRY_STATE_CAPITAL, Fund.CARRY_SPECIAL,
                Fund.CARRY_UNIT)) {
            out.add(new Labeled(INCOME_NAMES.get(x), f.get(x)));
        }
        return out;
    }

    private List<ClassShare> classShares(Predicate<Spend> filter) {
        Map<String, BigDecimal> byClass = new TreeMap<>();
        for (Spend s : spends) if (filter.test(s)) byClass.merge(s.function().substring(0, 3), s.amount(), BigDecimal::add);
        List<Pct> shares = Shares.of(List.copyOf(byClass.values()));
        List<ClassShare> out = new ArrayList<>();
        int i = 0;
        for (var e : byClass.entrySet()) {
            out.add(new ClassShare(shortClassName(functionName(e.getKey())), Money.of(e.getValue()), shares.get(i++)));
        }
        return out;
    }

    /** "社会保障和就业支出" → "社会保障和就业" for the "社会保障和就业（类）支出" sentence. */
    private static String shortClassName(String name) {
        return name.endsWith("支出") ? name.substring(0, name.length() - 2) : name;
    }

    private Basic basic(Split general) {
        List<Pct> ps = Shares.of(List.of(general.personnel().value(), general.publicUse().value()));
        List<String> personnelItems = new ArrayList<>();
        List<String> publicItems = new ArrayList<>();
        new TreeMap<>(sumBy(s -> s.fund().isGeneralBudget() && s.col().basic(), Spend::econ)).keySet().forEach(code -> {
            Col c = Col.ofBasicEcon(code);
            String name = catalog.econDeptName(code).orElse(code);
            (c == Col.WAGES || c == Col.FAMILY ? personnelItems : publicItems).add(name);
        });
        return new Basic(general.basic(), general.personnel(), ps.get(0), general.publicUse(), ps.get(1),
                personnelItems, publicItems, general.project(), general.get(Col.OPERATING), general.get(Col.SPECIFIC));
    }

    private ThreePublicView threePublic(int prior) {
        var t = printed(doc.threePublic());
        var p = printed(doc.prior().threePublic());
        var r = doc.reasons();
        return new ThreePublicView(Money.of(t.total()), Change.of(t.total(), p.total(), prior),
                part(t.abroad().value(), p.abroad().value(), r.abroad(), prior),
                Money.of(t.car()), Change.of(t.car(), p.car(), prior),
                part(t.carPurchase().value(), p.carPurchase().value(), r.carPurchase(), prior),
                part(t.carRunning().value(), p.carRunning().value(), r.carRunning(), prior),
                part(t.reception().value(), p.reception().value(), r.reception(), prior));
    }

    private static ThreePublicView.Part part(BigDecimal now, BigDecimal before, String reason, int prior) {
        return new ThreePublicView.Part(Money.of(now), Change.of(now, before, prior), reason);
    }

    /** 机关运行经费: as approved, else the 公用经费 of the 行政/参公 units' 一般公共预算 基本支出. */
    public Money runningCostAmount() {
        if (doc.runningCost().amount() != null) return Money.of(doc.runningCost().amount().value());
        return split(s -> s.fund().isGeneralBudget() && isAdministrative(s.unit())).publicUse();
    }

    /** The definition's figure, whatever was entered: the checker compares the two. */
    public Money runningCostByDefinition() {
        return split(s -> s.fund().isGeneralBudget() && isAdministrative(s.unit())).publicUse();
    }

    private boolean isAdministrative(String unitCode) {
        Unit u = units.get(unitCode);
        return u != null && u.type() != UnitType.INSTITUTION;
    }

    private Running running(int prior) {
        Money amount = runningCostAmount();
        return new Running(amount, Change.of(amount.value(), doc.prior().runningCost().value(), prior),
                doc.runningCost().usage(), doc.reasons().runningCost());
    }

    private Perf perf() {
        var p = doc.performance();
        Money projects = Money.ZERO;
        for (Project x : doc.projects()) projects = projects.plus(Money.of(x.total()));
        return new Perf(p.statement(), p.priorEvaluatedProjects(), Money.of(p.priorEvaluatedAmount().value()),
                p.priorConclusion(), doc.projects().size(), projects);
    }

    private AssetsView assets() {
        var a = doc.assets();
        Change change = a.priorTotal() == null ? null : Change.of(a.total().value(), a.priorTotal().value(), doc.year() - 2);
        return new AssetsView(doc.year() - 1, money(a.total().value()), money(a.fixed().value()),
                money(a.intangible().value()), change, a.changeReason(), a.cars(), a.officialCars(),
                a.lawEnforcementCars(), a.specialCars(), a.otherCars(), a.otherCarsNote(),
                a.generalEquipmentOver50(), a.specialEquipmentOver100());
    }

    private List<Labeled> transfers() {
        return doc.projects().stream().filter(Project::isTransfer)
                .map(p -> new Labeled(p.transferName(), Money.of(p.total()))).toList();
    }

    // ---- tables ----------------------------------------------------------------------------------

    private Tables tables() {
        return new Tables(t01(), t02(), functionTable(s -> true), t04(), functionTable(s -> s.fund().isGeneralBudget()),
                t06(), t07(), t08(), functionTable(s -> s.fund() == Fund.GOV_FUND || s.fund() == Fund.CARRY_GOV_FUND),
                t10(), t11(), t12());
    }

    private Grid t01() {
        Funds f = funds(s -> true);
        List<String[]> left = new ArrayList<>();
        List<Money> leftAmt = new ArrayList<>();
        String[] incomeLabels = {"一、一般公共预算", "其中：财政拨款", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入",
                "四、财政专户管理资金收入", "五、事业收入", "六、事业单位经营收入", "七、上级补助收入", "八、附属单位上缴收入", "九、其他收入"};
        Money[] incomes = {f.general(), f.appropriation(), f.get(Fund.GOV_FUND), f.get(Fund.STATE_CAPITAL),
                f.get(Fund.SPECIAL_ACCOUNT), f.get(Fund.BUSINESS_INCOME), f.get(Fund.OPERATING_INCOME),
                f.get(Fund.SUPERIOR_SUBSIDY), f.get(Fund.SUBSIDIARY_REMIT), f.get(Fund.OTHER_INCOME)};
        for (int i = 0; i < incomeLabels.length; i++) {
            left.add(new String[]{incomeLabels[i]});
            leftAmt.add(incomes[i]);
        }
        Map<String, BigDecimal> byClass = sumBy(s -> true, s -> s.function().substring(0, 3));
        List<Row> rows = new ArrayList<>();
        List<String> classes = functionClasses();
        int n = Math.max(left.size(), classes.size());
        for (int i = 0; i < n; i++) {
            List<Cell> cells = new ArrayList<>();
            if (i < left.size()) {
                cells.add(Cell.plain(left.get(i)[0]));
                cells.add(Cell.money(leftAmt.get(i), false));
            } else {
                cells.add(Cell.plain(""));
                cells.add(Cell.plain(""));
            }
            if (i < classes.size()) {
                String code = classes.get(i);
                cells.add(Cell.plain(Numerals.cn(Integer.parseInt(code) - 200) + "、" + functionName(code)));
                cells.add(Cell.money(Money.of(byClass.getOrDefault(code, BigDecimal.ZERO)), false));
            } else {
                cells.add(Cell.plain(""));
                cells.add(Cell.plain(""));
            }
            rows.add(new Row("plain", cells));
        }
        Money spend = split(s -> !s.fund().isCarryOver()).total().plus(split(s -> s.fund().isCarryOver()).total());
        rows.add(new Row("total", List.of(Cell.plain("本年收入合计"), Cell.money(f.current(), true),
                Cell.plain("本年支出合计"), Cell.money(spend, true))));
        rows.add(new Row("plain", List.of(Cell.plain("上年结转结余"), Cell.money(f.carry(), false),
                Cell.plain("年终结转结余"), Cell.money(Money.ZERO, false))));
        rows.add(new Row("total", List.of(Cell.plain("收入总计"), Cell.money(f.total(), true),
                Cell.plain("支出总计"), Cell.money(spend, true))));
        return new Grid(rows);
    }

    private Grid t02() {
        List<Row> rows = new ArrayList<>();
        Funds all = funds(s -> true);
        rows.add(fundsRow("total", List.of("", "合计"), all.incomeCells(), true));
        rows.add(fundsRow("dept", List.of(doc.department().code(), doc.department().name()), all.incomeCells(), false));
        for (Unit u : doc.units()) {
            rows.add(fundsRow("unit", List.of(u.code(), u.name()), funds(s -> s.unit().equals(u.code())).incomeCells(), false));
        }
        return new Grid(rows);
    }

    private static Row fundsRow(String kind, List<String> texts, List<Money> amounts, boolean total) {
        List<Cell> cells = new ArrayList<>();
        texts.forEach(t -> cells.add(t.matches("\\d{1,9}") ? Cell.code(t) : Cell.plain(t)));
        amounts.forEach(m -> cells.add(Cell.money(m, total)));
        return new Row(kind, cells);
    }

    /** Tables 03, 05, 09: 合计, department, then 类 / 款 / 项 rows with their sums. */
    private Grid functionTable(Predicate<Spend> filter) {
        List<Row> rows = new ArrayList<>();
        Split total = split(filter);
        boolean any = spends.stream().anyMatch(filter);
        rows.add(splitRow("total", "", "", "", "", "合计", total, true));
        if (!any) return new Grid(rows);
        rows.add(splitRow("dept", "", "", "", doc.department().code(), doc.department().name(), total, false));
        Map<String, Split> byItem = new TreeMap<>();
        for (Spend s : spends) if (filter.test(s)) byItem.computeIfAbsent(s.function(), k -> new Split()).add(s.col(), s.amount());
        String lastClass = "";
        String lastKuan = "";
        for (var e : byItem.entrySet()) {
            String item = e.getKey();
            String cls = item.substring(0, 3);
            String kuan = item.substring(0, 5);
            if (!cls.equals(lastClass)) {
                rows.add(splitRow("class", cls, "", "", "", functionName(cls),
                        split(filter.and(s -> s.function().startsWith(cls))), false));
                lastClass = cls;
            }
            if (!kuan.equals(lastKuan)) {
                rows.add(splitRow("kuan", cls, kuan.substring(3), "", "", functionName(kuan),
                        split(filter.and(s -> s.function().startsWith(kuan))), false));
                lastKuan = kuan;
            }
            rows.add(splitRow("item", cls, kuan.substring(3), item.substring(5), "", functionName(item), e.getValue(), false));
        }
        return new Grid(rows);
    }

    private static Row splitRow(String kind, String c1, String c2, String c3, String unit, String name, Split s,
                                boolean total) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.code(c1), Cell.code(c2), Cell.code(c3), Cell.code(unit),
                Cell.plain(name)));
        s.cells().forEach(m -> cells.add(Cell.money(m, total)));
        return new Row(kind, cells);
    }

    private Grid t04() {
        Funds f = funds(s -> true);
        List<String[]> income = List.of(
                new String[]{"一、本年收入", "a"}, new String[]{"（一）一般公共预算拨款", "g"}, new String[]{"其中：财政拨款", "ap"},
                new String[]{"（二）政府性基金预算拨款", "gf"}, new String[]{"（三）国有资本经营预算拨款", "sc"},
                new String[]{"二、上年结转", "c"}, new String[]{"（一）一般公共预算拨款", "cg"},
                new String[]{"（二）政府性基金预算拨款", "cgf"}, new String[]{"（三）国有资本经营预算拨款", "csc"});
        Map<String, Money> inc = Map.of("a", f.fiscal(), "g", f.general(), "ap", f.appropriation(),
                "gf", f.get(Fund.GOV_FUND), "sc", f.get(Fund.STATE_CAPITAL), "c", f.carryFiscal(),
                "cg", f.get(Fund.CARRY_GENERAL), "cgf", f.get(Fund.CARRY_GOV_FUND), "csc", f.get(Fund.CARRY_STATE_CAPITAL));
        Predicate<Spend> fiscal = s -> s.fund().isGeneralBudget() || s.fund() == Fund.GOV_FUND
                || s.fund() == Fund.STATE_CAPITAL || s.fund() == Fund.CARRY_GENERAL || s.fund() == Fund.CARRY_GOV_FUND
                || s.fund() == Fund.CARRY_STATE_CAPITAL;
        List<String> classes = functionClasses();
        List<String> expLabels = new ArrayList<>();
        List<List<Money>> expCells = new ArrayList<>();
        Funds spent = funds(fiscal);
        expLabels.add("一、本年支出");
        expCells.add(spent.fiscalCells());
        for (String cls : classes) {
            expLabels.add("（" + Numerals.cn(Integer.parseInt(cls) - 200) + "）" + functionName(cls));
            expCells.add(funds(fiscal.and(s -> s.function().startsWith(cls))).fiscalCells());
        }
        expLabels.add("二、年终结转结余");
        expCells.add(List.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
        List<Row> rows = new ArrayList<>();
        int n = Math.max(income.size(), expLabels.size());
        for (int i = 0; i < n; i++) {
            List<Cell> cells = new ArrayList<>();
            if (i < income.size()) {
                cells.add(Cell.plain(income.get(i)[0]));
                cells.add(Cell.money(inc.get(income.get(i)[1]), false));
            } else {
                cells.add(Cell.plain(""));
                cells.add(Cell.plain(""));
            }
            if (i < expLabels.size()) {
                cells.add(Cell.plain(expLabels.get(i)));
                expCells.get(i).forEach(m -> cells.add(Cell.money(m, false)));
            } else {
                cells.add(Cell.plain(""));
                for (int k = 0; k < 5; k++) cells.add(Cell.plain(""));
            }
            rows.add(new Row(i == 0 ? "class" : "plain", cells));
        }
        List<Cell> last = new ArrayList<>(List.of(Cell.plain("收入合计"), Cell.money(f.fiscal().plus(f.carryFiscal()), true),
                Cell.plain("支出合计")));
        spent.fiscalCells().forEach(m -> last.add(Cell.money(m, true)));
        rows.add(new Row("total", last));
        return new Grid(rows);
    }

    /** 一般公共预算基本支出 by 部门经济分类款 with its 政府经济分类款. */
    private Grid t06() {
        Predicate<Spend> basicGeneral = s -> s.fund().isGeneralBudget() && s.col().basic();
        Map<String, Split> byPair = new TreeMap<>();
        for (Spend s : spends) {
            if (!basicGeneral.test(s)) continue;
            byPair.computeIfAbsent(s.econ() + "|" + govEcon(s), k -> new Split()).add(s.col(), s.amount());
        }
        List<Row> rows = new ArrayList<>();
        Split total = split(basicGeneral);
        rows.add(new Row("total", List.of(Cell.plain(""), Cell.plain("合计"), Cell.plain(""), Cell.plain(""),
                Cell.money(total.basic(), true), Cell.money(total.personnel(), true), Cell.money(total.publicUse(), true))));
        for (var e : byPair.entrySet()) {
            String[] k = e.getKey().split("\\|");
            Split s = e.getValue();
            rows.add(new Row("item", List.of(Cell.code(k[0]), Cell.plain(catalog.econDeptName(k[0]).orElse("")),
                    Cell.code(k[1]), Cell.plain(catalog.econGovName(k[1]).orElse("")),
                    Cell.money(s.basic(), false), Cell.money(s.personnel(), false), Cell.money(s.publicUse(), false))));
        }
        return new Grid(rows);
    }

    private String govEcon(Spend s) {
        Unit u = units.get(s.unit());
        return catalog.govEconFor(s.econ(), u == null ? UnitType.ADMIN : u.type()).orElse("");
    }

    private Grid t07() {
        Map<String, Funds> byPair = new TreeMap<>();
        for (Spend s : spends) byPair.computeIfAbsent(s.econ() + "|" + govEcon(s), k -> new Funds()).add(s.fund(), s.amount());
        List<Row> rows = new ArrayList<>();
        Funds all = funds(s -> true);
        rows.add(fundsRow("total", List.of("", "", "合计", "", "", ""), all.econCells(), true));
        rows.add(fundsRow("dept", List.of(doc.department().code(), "", doc.department().name(), "", "", ""),
                all.econCells(), false));
        for (var e : byPair.entrySet()) {
            String[] k = e.getKey().split("\\|", -1);
            String gov = k.length > 1 ? k[1] : "";
            rows.add(fundsRow("item", List.of(k[0].substring(0, 3), k[0].substring(3),
                            catalog.econDeptName(k[0]).orElse(""), gov.isEmpty() ? "" : gov.substring(0, 3),
                            gov.isEmpty() ? "" : gov.substring(3), catalog.econGovName(gov).orElse("")),
                    e.getValue().econCells(), false));
        }
        return new Grid(rows);
    }

    private Grid t08() {
        var t = printed(doc.threePublic());
        List<Money> m = List.of(Money.of(t.total()), money(t.abroad().value()), Money.of(t.car()),
                money(t.carPurchase().value()), money(t.carRunning().value()), money(t.reception().value()));
        List<Cell> cells = new ArrayList<>();
        m.forEach(x -> cells.add(Cell.money(x, true)));
        return new Grid(List.of(new Row("total", cells)));
    }

    private Grid t10() {
        List<Row> rows = new ArrayList<>();
        Funds all = funds(s -> !s.project().isEmpty());
        rows.add(fundsRow("total", List.of("", "合计", ""), all.projectCells(), true));
        if (doc.projects().isEmpty()) return new Grid(rows);
        rows.add(fundsRow("dept", List.of(doc.department().code(), doc.department().name(), ""), all.projectCells(), false));
        for (Project p : doc.projects()) {
            Funds f = new Funds();
            p.lines().forEach(l -> f.add(l.fund(), l.amount()));
            rows.add(fundsRow("item", List.of(p.type().label(), p.name(), listedUnit(p)), f.projectCells(), false));
        }
        return new Grid(rows);
    }

    private String listedUnit(Project p) {
        if (!p.listedUnitName().isEmpty()) return p.listedUnitName();
        Unit u = units.get(p.unitCode());
        return u == null ? p.unitCode() : u.name();
    }

    private WholePerf t11() {
        var p = doc.performance();
        Funds all = funds(s -> true);
        Split split = split(s -> true);
        List<WholePerf.IndicatorRow> rows = new ArrayList<>();
        List<Indicator> ind = p.indicators();
        RowSpans spans = RowSpans.of(ind, Indicator::level1, Indicator::level2);
        for (int i = 0; i < ind.size(); i++) {
            Indicator x = ind.get(i);
            rows.add(new WholePerf.IndicatorRow(x.level1(), spans.level1()[i], x.level2(), spans.level2()[i], x.name(), x.value(), x.note()));
        }
        List<Money> src = all.sourceCells();
        return new WholePerf(p.goals(), p.tasks().stream().map(t -> new WholePerf.Task(t.name(), t.content())).toList(),
                src.get(0), src.get(1), src.get(2), src.get(3), split.basic(), split.project(), rows);
    }

    private List<ProjectPerf> t12() {
        List<ProjectPerf> out = new ArrayList<>();
        Funds all = funds(s -> !s.project().isEmpty());
        out.add(new ProjectPerf("dept", doc.department().code(), doc.department().name(), all.sourceCells(), List.of()));
        for (Unit u : doc.units()) {
            List<Project> ps = doc.projects().stream().filter(p -> p.unitCode().equals(u.code())).toList();
            if (ps.isEmpty()) continue;
            out.add(new ProjectPerf("unit", u.code(), u.name(),
                    funds(s -> !s.project().isEmpty() && s.unit().equals(u.code())).sourceCells(), List.of()));
            for (Project p : ps) {
                Funds f = new Funds();
                p.lines().forEach(l -> f.add(l.fund(), l.amount()));
                List<List<Indicator>> byKind = PROJECT_INDICATOR_KINDS.stream()
                        .map(k -> p.indicators().stream().filter(i -> i.level1().equals(k)).toList()).toList();
                int height = byKind.stream().mapToInt(List::size).max().orElse(0);
                List<List<String>> lines = new ArrayList<>();
                for (int r = 0; r < height; r++) {
                    List<String> line = new ArrayList<>();
                    for (List<Indicator> k : byKind) {
                        line.add(r < k.size() ? k.get(r).name() : "");
                        line.add(r < k.size() ? k.get(r).value() : "");
                    }
                    lines.add(line);
                }
                out.add(new ProjectPerf("item", p.code(), p.name(), f.sourceCells(), lines));
            }
        }
        return out;
    }

    // ---- sums ------------------------------------------------------------------------------------

    private Split split(Predicate<Spend> filter) {
        Split s = new Split();
        for (Spend x : spends) if (filter.test(x)) s.add(x.col(), x.amount());
        return s;
    }

    private Funds funds(Predicate<Spend> filter) {
        Funds f = new Funds();
        for (Spend x : spends) if (filter.test(x)) f.add(x.fund(), x.amount());
        return f;
    }

    private Map<String, BigDecimal> sumBy(Predicate<Spend> filter, Function<Spend, String> key) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (Spend s : spends) if (filter.test(s)) m.merge(key.apply(s), s.amount(), BigDecimal::add);
        return m;
    }

    /** Catalog name, or the name the data gives for a code the catalog lacks (the checker reports those). */
    private String functionName(String code) {
        for (BasicLine l : doc.basicLines()) {
            if (l.functionCode().equals(code) && !l.functionName().isEmpty()) return l.functionName();
        }
        return catalog.functionName(code).orElse(code);
    }

    /** Every 类 of the edition, in code order: tables 01 and 04 list them all, spent or not. */
    private List<String> functionClasses() {
        return catalog.functions().keySet().stream().filter(k -> k.length() == 3).sorted().toList();
    }

    private static Money money(BigDecimal v) {
        return Money.of(v);
    }
}
