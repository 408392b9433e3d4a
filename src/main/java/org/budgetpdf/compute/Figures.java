package org.budgetpdf.compute;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.compute.Views.*;
import org.budgetpdf.model.Assets;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Indicator;
import org.budgetpdf.model.Line;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.NamedCode;
import org.budgetpdf.model.Nature;
import org.budgetpdf.model.Performance;
import org.budgetpdf.model.Project;
import org.budgetpdf.model.Reasons;
import org.budgetpdf.model.SanGongCounts;
import org.budgetpdf.model.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named figures of the department or of one unit, computed once from the {@link Cube}: totals, funds, classes,
 * shares, changes against last year, 三公, 机关运行经费 by its definition… Templates print them; the checker compares
 * them. A figure the file does not give is null (its sentence is left out), never zero.
 */
public final class Figures {
    private final Realized r;
    private final Disclosure d;
    private final Cube c;
    private final Catalog cat;
    private final Unit unit;
    /** The scope: every amount of the department, or of one unit. */
    private final Filter base;
    private final int priorYear;

    private final Money spending;
    private final Money basic;
    private final Money project;
    private final List<Pct> natureShares;

    Figures(Realized r, Unit unit) {
        this.r = r;
        this.d = r.doc();
        this.c = r.cube();
        this.cat = r.catalog();
        this.unit = unit;
        this.base = unit == null ? Filter.ALL : Filter.of(Dim.UNIT, unit.code());
        this.priorYear = d.year() - 1;
        this.spending = sum(Filter.ALL);
        this.basic = sum(nature(Nature.BASIC));
        this.project = sum(nature(Nature.PROJECT));
        this.natureShares = Shares.of(List.of(basic.value(), project.value()));
    }

    // ---- scope -------------------------------------------------------------------------------------------------------

    public boolean isUnit() {
        return unit != null;
    }

    public String name() {
        return unit == null ? d.department().name() : unit.name();
    }

    public String code() {
        return unit == null ? d.department().code() : unit.code();
    }

    public List<UnitView> units() {
        List<Unit> us = unit == null ? d.units() : List.of(unit);
        return us.stream().map(u -> new UnitView(u.code(), u.name(), u.type().label(), u.grade(), u.funding(),
                u.staffQuota(), u.staffActual())).toList();
    }

    // ---- generic sums --------------------------------------------------------------------------------------------------

    /** The printed sum of the amounts of this scope a filter selects. */
    public Money sum(Filter f) {
        return c.sum(base.and(f));
    }

    public boolean has(Filter f) {
        return c.has(base.and(f));
    }

    /**
     * A sum written as a filter, e.g. {@code f.sum("{资金: 一般公共预算, 性质: 基本}")}: the same syntax as a table
     * declaration's {@code 取}, for wording a layout needs and no named figure gives.
     */
    public Money sum(String filter) {
        return sum(FilterText.parse(filter).resolve(cat));
    }

    /** 支出 of one fund or fund group (财政拨款, 一般公共预算, 政府性基金, 上年结转 …). */
    public Money fund(String name) {
        return sum(funds(name));
    }

    private static Filter funds(String name) {
        var set = Fund.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown fund or fund group: " + name));
        return Filter.ALL.and(Dim.FUND, set.stream().map(Fund::label).collect(java.util.stream.Collectors.toSet()));
    }

    private static Filter nature(Nature n) {
        return Filter.of(Dim.NATURE, n.label());
    }

    private static Filter measure(Measure m) {
        return Filter.of(Dim.MEASURE, m.label());
    }

    private Money item(Measure m, String item) {
        Filter f = measure(m).and(Dim.ITEM, item);
        return has(f) ? sum(f) : null;
    }

    /** Last year's figure, or null when the file does not give it. */
    public Money prior(String item) {
        return item(Measure.PRIOR, item);
    }

    private Change change(Money now, String priorItem) {
        Money p = prior(priorItem);
        return p == null || now == null ? null : new Change(now, p, priorYear);
    }

    /** The clerk's reason, or null. Unit scopes share the department's reasons (the file has one set). */
    public String reason(String key) {
        return d.reasons().text(key);
    }

    // ---- totals --------------------------------------------------------------------------------------------------------

    /** 收支总计: 预算 = all spending (income is spending by fund); 决算 = income + 年初结转和结余. */
    public Money total() {
        return isBudget() ? spending : income().plus(opening());
    }

    public Change totalChange() {
        return change(total(), "收支总计");
    }

    public String totalReason() {
        return reason("收支总计");
    }

    /** 本年收入合计: 预算 = spending from this year's money; 决算 = 本年收入. */
    public Money current() {
        return isBudget() ? sum(funds("本年收入")) : income();
    }

    /** 上年结转结余 (预算) / 年初结转和结余 (决算). */
    public Money carry() {
        return isBudget() ? sum(funds("上年结转")) : opening();
    }

    /** 本年支出合计. */
    public Money spending() {
        return spending;
    }

    public Money basic() {
        return basic;
    }

    public Money project() {
        return project;
    }

    public Pct basicShare() {
        return natureShares.get(0);
    }

    public Pct projectShare() {
        return natureShares.get(1);
    }

    public Change basicChange() {
        return change(basic, "基本支出");
    }

    public Change projectChange() {
        return change(project, "项目支出");
    }

    // ---- funds ---------------------------------------------------------------------------------------------------------

    /** 一般公共预算 (预算) / 一般公共预算财政拨款 (决算) spending. */
    public Money general() {
        return fund("一般公共预算");
    }

    /** 其中：财政拨款. */
    public Money appropriation() {
        return fund("财政拨款");
    }

    public Money govFund() {
        return fund("政府性基金");
    }

    public Money stateCapital() {
        return fund("国有资本经营");
    }

    /** 财政拨款 in the wide sense: 一般公共预算 + 政府性基金 + 国有资本经营 (this year's money). */
    public Money fiscal() {
        return fund("财政拨款收入");
    }

    /** 财政拨款收支总计: 预算 = this year's and carried-over 财政拨款; 决算 = 公开04 总计. */
    public Money fiscalTotal() {
        return isBudget() ? fiscal().plus(fund("财政拨款结转"))
                : sum(measure(Measure.INCOME).and(funds("财政拨款收入"))).plus(sum(measure(Measure.OPENING).and(funds("财政拨款收入"))));
    }

    public Change fiscalTotalChange() {
        return change(fiscalTotal(), "财政拨款收支总计");
    }

    public String fiscalTotalReason() {
        return reason("财政拨款");
    }

    public Change generalChange() {
        return change(general(), isBudget() ? "一般公共预算" : "一般公共预算财政拨款支出");
    }

    /** The reason for the 一般公共预算 change: its own key only (a sentence never borrows another's reason). */
    public String generalReason() {
        return reason("一般公共预算");
    }

    public Change govFundChange() {
        return change(govFund(), "政府性基金");
    }

    public Change stateCapitalChange() {
        return change(stateCapital(), "国有资本经营");
    }

    /** 决算: 一般公共预算财政拨款支出 as a share of 本年支出合计; null when nothing was spent. */
    public Pct generalShare() {
        return spending.isZero() ? null : Pct.ratio(general().value(), spending.value());
    }

    public Money generalBasic() {
        return sum(funds("一般公共预算").and(nature(Nature.BASIC)));
    }

    public Money generalProject() {
        return sum(funds("一般公共预算").and(nature(Nature.PROJECT)));
    }

    public Pct generalBasicShare() {
        return Shares.of(List.of(generalBasic().value(), generalProject().value())).get(0);
    }

    public Pct generalProjectShare() {
        return Shares.of(List.of(generalBasic().value(), generalProject().value())).get(1);
    }

    // ---- 决算 income and carry-overs -----------------------------------------------------------------------------------

    public Money income() {
        return sum(measure(Measure.INCOME));
    }

    public Money fiscalIncome() {
        return sum(measure(Measure.INCOME).and(funds("财政拨款收入")));
    }

    public Money otherIncome() {
        return income().minus(fiscalIncome());
    }

    public Pct fiscalIncomeShare() {
        return Shares.of(List.of(fiscalIncome().value(), otherIncome().value())).get(0);
    }

    public Pct otherIncomeShare() {
        return Shares.of(List.of(fiscalIncome().value(), otherIncome().value())).get(1);
    }

    public Money opening() {
        return sum(measure(Measure.OPENING));
    }

    public Money closing() {
        return sum(measure(Measure.CLOSING));
    }

    /** 决算: the 一般公共预算财政拨款 年初预算 (§五（三）). */
    public Money initialBudget() {
        return sum(measure(Measure.INITIAL_BUDGET).and(funds("一般公共预算")));
    }

    // ---- classes ---------------------------------------------------------------------------------------------------------

    /** 一般公共预算 spending by 功能分类类, with shares adding up to 100.00%. */
    public List<ClassShare> generalByClass() {
        return byClass(funds("一般公共预算"));
    }

    /** All spending by 功能分类类. */
    public List<ClassShare> byClass() {
        return byClass(Filter.ALL);
    }

    private List<ClassShare> byClass(Filter f) {
        Map<String, Money> by = new TreeMap<>();
        for (String fn : c.values(Dim.FUNCTION, base.and(f))) {
            String cls = fn.substring(0, 3);
            by.computeIfAbsent(cls, k -> sum(f.and(Dim.FUNCTION, k)));
        }
        by.values().removeIf(Money::isZero);
        List<Pct> shares = Shares.of(by.values().stream().map(Money::value).toList());
        List<ClassShare> out = new ArrayList<>();
        int i = 0;
        for (var e : by.entrySet()) {
            String name = functionName(e.getKey());
            out.add(new ClassShare(e.getKey(), cat.classOrdinal(e.getKey()).orElse(""), name,
                    name.endsWith("支出") ? name.substring(0, name.length() - 2) : name, e.getValue(), shares.get(i++)));
        }
        return out;
    }

    /** The name a table prints: as the file names it ({编码, 名称} or 功能科目名称), else the catalog's. */
    public String functionName(String code) {
        for (NamedCode n : d.named()) if (n.kind().equals(NamedCode.FUNCTION) && n.code().equals(code)) return n.name();
        for (Line l : d.lines()) {
            if (l.function().equals(code) && !l.givenName().isEmpty()) return l.givenName();
        }
        return cat.functionName(code).orElse(code);
    }

    public String econName(String code) {
        for (NamedCode n : d.named()) if (n.kind().equals(NamedCode.ECON) && n.code().equals(code)) return n.name();
        return cat.econDeptName(code).orElse(code);
    }

    // ---- 基本支出 --------------------------------------------------------------------------------------------------------

    /**
     * 人员经费 and 公用经费 with their 经济分类 items: 预算 = 一般公共预算 基本支出; 决算 = 公开06 (一般公共预算财政拨款基本支出
     * by 经济分类). The groups come from the catalog edition (groups.csv).
     */
    public Basic basicDetail() {
        Filter f = isBudget() ? funds("一般公共预算").and(nature(Nature.BASIC)) : measure(Measure.ECON);
        List<String> personnelClasses = cat.group("人员经费");
        List<Named> pers = new ArrayList<>();
        List<Named> pub = new ArrayList<>();
        Money p = Money.ZERO;
        Money u = Money.ZERO;
        List<String> codes = c.values(Dim.ECON, base.and(f));
        for (String econ : codes) {
            // a class the file gives as a whole beside its 款 (301 and 30102 …): its part is the class less the 款
            List<String> kuans = econ.length() == 3 ? codes.stream().filter(k -> k.length() == 5 && k.startsWith(econ)).toList() : List.of();
            Filter ef = f.and(Dim.ECON, econ);
            Money m = sum(kuans.isEmpty() ? ef : ef.andNot(Dim.ECON, java.util.Set.copyOf(kuans)));
            boolean personnel = personnelClasses.stream().anyMatch(econ::startsWith);
            if (personnel) p = p.plus(m); else u = u.plus(m);
            // the items name what the money is for: a class's unsplit part adds nothing beside its 款
            if (!m.isZero() && kuans.isEmpty()) (personnel ? pers : pub).add(new Named(econName(econ), m));
        }
        List<Pct> s = Shares.of(List.of(p.value(), u.value()));
        return new Basic(p.plus(u), p, s.get(0), u, s.get(1), List.copyOf(pers), List.copyOf(pub));
    }

    // ---- projects --------------------------------------------------------------------------------------------------------

    /** Project spending of one 项目类型, all funds. */
    public Money projectType(String type) {
        return sum(Filter.of(Dim.PROJECT_TYPE, type));
    }

    /** 一般公共预算 project spending of one 项目类型. */
    public Money generalProjectType(String type) {
        return sum(funds("一般公共预算").and(Dim.PROJECT_TYPE, type));
    }

    public List<ProjectView> projects() {
        List<ProjectView> out = new ArrayList<>();
        for (Project p : d.projects()) {
            if (unit != null && !p.unitCode().equals(unit.code())) continue;
            Filter f = Filter.of(Dim.PROJECT, p.id());
            List<ProjectLine> lines = new ArrayList<>();
            for (Atom a : c.select(f)) {
                lines.add(new ProjectLine(a.fact().function(), functionName(a.fact().function()), a.fact().econ(),
                        econName(a.fact().econ()), a.shown()));
            }
            Unit u = d.unit(p.unitCode());
            String unitName = !p.listedUnitName().isEmpty() ? p.listedUnitName() : u == null ? p.unitCode() : u.name();
            // a project listed without amounts (the file gives only the total): its amounts are unknown, not zero
            boolean known = c.has(f);
            out.add(new ProjectView(p.id(), p.code(), p.name(), p.unitCode(), unitName, p.type(), known ? c.sum(f) : null,
                    known ? c.sum(f.and(funds("财政性资金"))) : null, known ? c.sum(f.and(funds("财政专户管理资金"))) : null,
                    known ? c.sum(f.and(funds("单位资金"))) : null, known ? c.sum(f.and(funds("一般公共预算"))) : null,
                    p.transferName(), p.content(), p.goals(), indicatorRows(p.indicators()), List.copyOf(lines)));
        }
        return out;
    }

    /** 专项转移支付 projects: name and amount. */
    public List<Named> transfers() {
        return projects().stream().filter(p -> !p.transfer().isEmpty()).map(p -> new Named(p.transfer(), p.amount()))
                .toList();
    }

    static List<IndicatorRow> indicatorRows(List<Indicator> ind) {
        RowSpans spans = RowSpans.of(ind, Indicator::level1, Indicator::level2);
        List<IndicatorRow> rows = new ArrayList<>();
        for (int i = 0; i < ind.size(); i++) {
            Indicator x = ind.get(i);
            rows.add(new IndicatorRow(x.level1(), spans.level1()[i], x.level2(), spans.level2()[i], x.name(),
                    x.value(), x.description(), x.basis(), x.note()));
        }
        return List.copyOf(rows);
    }

    // ---- 三公 ------------------------------------------------------------------------------------------------------------

    public SanGong sanGong() {
        boolean fin = !isBudget();
        Money[] now = parts(Measure.SANGONG, null);
        Money[] budget = fin ? parts(Measure.SANGONG_BUDGET, null) : null;
        Money[] prior = has(measure(Measure.PRIOR).and(Dim.ITEM, "三公.因公出国")) ? parts(Measure.PRIOR, "三公.") : null;
        Money total = now[0].plus(now[1]).plus(now[2]).plus(now[3]);
        Money car = now[1].plus(now[2]);
        Money budgetTotal = budget == null ? null : budget[0].plus(budget[1]).plus(budget[2]).plus(budget[3]);
        Money priorTotal = prior == null ? null : prior[0].plus(prior[1]).plus(prior[2]).plus(prior[3]);
        List<Pct> shares = total.isZero() ? null : Shares.of(List.of(now[0].value(), car.value(), now[3].value()));
        Part abroad = part("因公出国", now[0], budget == null ? null : budget[0], prior == null ? null : prior[0],
                shares == null ? null : shares.get(0), fin ? "三公差异.因公出国" : "因公出国");
        Part carPart = part("公务用车购置及运行", car, budget == null ? null : budget[1].plus(budget[2]),
                prior == null ? null : prior[1].plus(prior[2]), shares == null ? null : shares.get(1), "三公差异.公务用车");
        Part purchase = part("公务用车购置", now[1], budget == null ? null : budget[1], prior == null ? null : prior[1],
                null, "公务用车购置");
        Part running = part("公务用车运行", now[2], budget == null ? null : budget[2], prior == null ? null : prior[2],
                null, "公务用车运行");
        Part reception = part("公务接待", now[3], budget == null ? null : budget[3], prior == null ? null : prior[3],
                shares == null ? null : shares.get(2), fin ? "三公差异.公务接待" : "公务接待");
        Money foreign = item(Measure.SANGONG, "外宾接待");
        SanGongCounts n = d.sanGongCounts();
        return new SanGong(has(measure(Measure.SANGONG)), total, budgetTotal, priorTotal, priorTotal == null ? null : new Change(total, priorTotal, priorYear),
                budgetTotal == null || budgetTotal.isZero() ? null : Pct.ratio(total.value(), budgetTotal.value()),
                budgetTotal != null && !budgetTotal.equals(total), abroad, carPart, purchase, running, reception,
                foreign, foreign == null ? null : now[3].minus(foreign), n.abroadGroups(), n.abroadPersons(),
                n.carsBought(), n.carsHeld(), n.foreignGroups(), n.foreignPersons(), n.domesticGroups(),
                n.domesticPersons());
    }

    private Money[] parts(Measure m, String prefix) {
        Money[] out = new Money[4];
        String[] names = {"因公出国", "公务用车购置", "公务用车运行", "公务接待"};
        for (int i = 0; i < 4; i++) {
            out[i] = sum(measure(m).and(Dim.ITEM, (prefix == null ? "" : prefix) + names[i]));
        }
        return out;
    }

    private Part part(String name, Money amount, Money budget, Money prior, Pct share, String reasonKey) {
        return new Part(name, amount, budget, prior, prior == null ? null : new Change(amount, prior, priorYear),
                budget == null || budget.isZero() ? null : Pct.ratio(amount.value(), budget.value()), share,
                budget != null && !budget.equals(amount), reason(reasonKey));
    }

    // ---- 机关运行经费 -----------------------------------------------------------------------------------------------------

    /**
     * 机关运行经费 by its definition: the 公用经费 of the 行政 and 参公 units' 一般公共预算 基本支出 (决算: of 公开06 when
     * the department has such a unit); null when it has none.
     */
    public Money runningCostByDefinition() {
        Filter f = runningCostDefinition();
        return f == null ? null : sum(f);
    }

    /** The amounts 机关运行经费 is by definition (the checker compares their exact sum); null when there are none. */
    public Filter runningCostDefinition() {
        List<Unit> admin = (unit == null ? d.units() : List.of(unit)).stream()
                .filter(u -> u.type() != UnitType.INSTITUTION).toList();
        if (admin.isEmpty()) return null;
        Filter publicUse = Filter.ALL.and(Dim.ECON, java.util.Set.copyOf(cat.group("公用经费")));
        if (!isBudget()) return measure(Measure.ECON).and(publicUse);
        return funds("一般公共预算").and(nature(Nature.BASIC)).and(publicUse)
                .and(Dim.UNIT, java.util.Set.copyOf(admin.stream().map(Unit::code).toList()));
    }

    public Running running() {
        Money entered = item(Measure.RUNNING_COST, "金额");
        Filter detail = measure(Measure.RUNNING_COST).and(Dim.ITEM, "明细");
        List<Named> items = new ArrayList<>();
        for (String econ : c.values(Dim.ECON, base.and(detail))) {
            items.add(new Named(econName(econ), sum(detail.and(Dim.ECON, econ))));
        }
        Money byDef = runningCostByDefinition();
        Money amount = entered != null ? entered : !items.isEmpty() ? sum(detail) : byDef;
        return new Running(amount, byDef, entered != null || !items.isEmpty(), prior("机关运行经费"),
                change(amount, "机关运行经费"), d.runningUsage().isEmpty() ? null : d.runningUsage(),
                reason("机关运行经费"), List.copyOf(items));
    }

    // ---- 政府采购, 国有资产, 绩效 ----------------------------------------------------------------------------------------

    /** Null when the file says nothing about 政府采购. */
    public Procurement procurement() {
        if (!has(measure(Measure.PROCUREMENT))) return null;
        Money goods = item(Measure.PROCUREMENT, "货物");
        Money works = item(Measure.PROCUREMENT, "工程");
        Money services = item(Measure.PROCUREMENT, "服务");
        Money total = sum(measure(Measure.PROCUREMENT).and(Dim.ITEM, "货物", "工程", "服务"));
        Money sme = item(Measure.PROCUREMENT, "中小企业");
        Money small = item(Measure.PROCUREMENT, "小微企业");
        return new Procurement(total, goods, works, services, sme, share(sme, total), small, share(small, total));
    }

    private static Pct share(Money part, Money whole) {
        return part == null || whole.isZero() ? null : Pct.ratio(part.value(), whole.value());
    }

    /** Null when the file has no 国有资产 section. Unit scopes have it only in a one-unit department. */
    public AssetsView assets() {
        Assets a = d.assets();
        if (a == null || unit != null && d.units().size() > 1) return null;
        List<Named> amounts = new ArrayList<>();
        for (String k : org.budgetpdf.bind.Binder.ASSET_AMOUNTS) {
            Money m = item(Measure.ASSETS, k);
            if (m != null) amounts.add(new Named(k, m));
        }
        Money total = item(Measure.ASSETS, "资产总额");
        Money priorTotal = item(Measure.ASSETS, "上年资产总额");
        List<Count> vehicles = a.vehicles().entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
        List<Count> equipment = a.equipment().entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
        return new AssetsView(a.asOf().isEmpty() ? null : a.asOf(), isBudget() ? d.year() - 1 : d.year(),
                List.copyOf(amounts), total == null || priorTotal == null ? null : new Change(total, priorTotal, d.year() - 2),
                a.changeReason().isEmpty() ? null : a.changeReason(), a.cars(), vehicles,
                a.otherCarsNote().isEmpty() ? null : a.otherCarsNote(), equipment, a.floorArea(), a.officeArea());
    }

    /** Null when the file has no 绩效 section. */
    public PerfView perf() {
        Performance p = d.perf();
        if (p == null) return null;
        List<SubGoal> subs = p.subGoals().stream().map(g -> new SubGoal(g.name(), g.goal(), g.indicator())).toList();
        List<Task> tasks = p.tasks().stream().map(t -> new Task(t.name(), t.content())).toList();
        List<Source> sources = List.of();
        List<SelfRow> selfRows = new ArrayList<>();
        String selfTotal = null;
        Money year = item(Measure.OTHER, "全年预算数");
        if (!isBudget() && year != null) {
            Money init = initialBudget();
            Money fiscalSpent = general();
            sources = List.of(new Source("部门预算总额", init, year, spending, rate(spending, year)),
                    new Source("财政性资金", init, year, fiscalSpent, rate(fiscalSpent, year)),
                    new Source("其他资金", Money.ZERO, Money.ZERO, spending.minus(fiscalSpent), null));
        }
        if (!p.selfRows().isEmpty()) {
            RowSpans spans = RowSpans.of(p.selfRows(), Performance.SelfRow::level1, Performance.SelfRow::level2);
            BigDecimal total = p.budgetScore() == null ? BigDecimal.ZERO : p.budgetScore();
            for (int i = 0; i < p.selfRows().size(); i++) {
                Performance.SelfRow x = p.selfRows().get(i);
                if (x.score() != null) total = total.add(x.score());
                selfRows.add(new SelfRow(x.level1(), spans.level1()[i], x.level2(), spans.level2()[i], x.name(),
                        x.target(), x.note(), x.actual(), plain(x.weight()), plain(x.score()), x.remark()));
            }
            selfTotal = plain(total);
        }
        return new PerfView(blank(p.statement()), p.priorEvaluated(), item(Measure.OTHER, "上年评价金额"),
                blank(p.priorConclusion()), p.planned(), item(Measure.OTHER, "拟评价金额"), blank(p.overallGoal()),
                subs, p.measures(), p.goals(), p.goalResults(), tasks, indicatorRows(p.indicators()), p.projects(),
                p.selfEvaluated(), item(Measure.OTHER, "自评金额"), p.keyEvaluated(), item(Measure.OTHER, "重点评价金额"),
                p.targetProjects(), blank(p.targetNote()), blank(p.wholeScore()), blank(p.projectScore()),
                blank(p.keyResult()), sources, plain(p.budgetWeight()), plain(p.budgetScore()), List.copyOf(selfRows),
                selfTotal);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    private static Pct rate(Money part, Money whole) {
        return whole == null || whole.isZero() ? null : Pct.ratio(part.value(), whole.value());
    }

    // ---- 决算 execution --------------------------------------------------------------------------------------------------

    /** §五（三）: 年初预算 against 一般公共预算财政拨款 决算, overall and per 项 (items with neither are left out). */
    public Execution execution() {
        List<ExecItem> items = new ArrayList<>();
        Map<String, Line> lines = new TreeMap<>();
        for (Line l : d.lines()) if (l.fund().isGeneralBudget()) lines.putIfAbsent(l.function(), l);
        Filter actualF = funds("一般公共预算");
        for (var e : lines.entrySet()) {
            String code = e.getKey();
            Money budget = sum(measure(Measure.INITIAL_BUDGET).and(funds("一般公共预算")).and(Dim.FUNCTION, code));
            Money actual = sum(actualF.and(Dim.FUNCTION, code));
            if (budget.isZero() && actual.isZero()) continue;
            String path = functionName(code.substring(0, 3)) + "（类）" + functionName(code.substring(0, 5)) + "（款）"
                    + functionName(code) + "（项）";
            Reasons.Given why = e.getValue().reason();
            items.add(new ExecItem(code, path, budget, actual, rate(actual, budget), !budget.equals(actual),
                    why == null || why.text().isEmpty() ? null : why.text()));
        }
        Money actual = general();
        return new Execution(initialBudget(), actual, rate(actual, initialBudget()), List.copyOf(items));
    }

    private boolean isBudget() {
        return d.kind() == DocKind.BUDGET;
    }

    /** The year of the document and the year before, for wording. */
    public int year() {
        return d.year();
    }

    public int priorYear() {
        return priorYear;
    }
}
