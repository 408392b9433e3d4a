package org.budgetpdf.bind;

import org.budgetpdf.catalog.UnitType;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.model.Amount;
import org.budgetpdf.model.Approved;
import org.budgetpdf.model.Assets;
import org.budgetpdf.model.Department;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Extra;
import org.budgetpdf.model.Fact;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.GovLevel;
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
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * YAML nodes → {@link Disclosure}, for both document kinds: every amount becomes a {@link Fact}. Reports shape and
 * type errors; relations between figures are the checker's. The parts both kinds share are read the same way.
 * Which keys each part may hold, whether they are required and what their values are is {@link Keys}' (the JSON
 * Schema for editors is generated from it too); this class reads through those tables.
 */
public final class Binder {
    /** 三公 parts as written in the file, in print order. */
    public static final List<String> SANGONG_PARTS = Keys.SANGONG.names(Shape.AMOUNT);
    private static final List<String> BUDGET_ONLY = only(DocKind.BUDGET);
    private static final List<String> FINAL_ONLY = only(DocKind.FINAL_ACCOUNTS);

    private static List<String> only(DocKind kind) {
        return Keys.FILE.keys().stream().filter(k -> k.kinds().equals(java.util.Set.of(kind))).map(Section.Key::name).toList();
    }

    private Reader.Ctx ctx;
    private boolean badYear;
    private final List<Fact> facts = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    private final Map<String, Reasons.Given> reasons = new LinkedHashMap<>();
    private final List<NamedCode> named = new ArrayList<>();
    /** Projects listed without amounts (the documents give only the total), with where each is written. */
    private final List<Project> amountless = new ArrayList<>();

    public Optional<Disclosure> bind(SourceFile src, Diagnostics diags) {
        if (src.root() == null) return Optional.empty();
        ctx = new Reader.Ctx(src.name(), diags);
        Reader r = Reader.ofFile(ctx, src.root());

        DocKind kind = r.label("文档", DocKind.class).orElse(DocKind.BUDGET);
        ctx.kind(kind);
        // a file of the other kind's format: one message, not one per key of the wrong shape
        if (!kindMatchesContent(r, kind)) return Optional.empty();
        int year = year(r, "年度", true);
        int catalogYear = r.has("科目年度") ? year(r, "科目年度", false) : year;
        String layout = r.str("版式");
        SourcePos layoutPos = r.posOf("版式");
        ctx.amountUnit(r);
        LocalDate publish = publishDate(r, year);

        Department dept = r.obj("部门").map(this::department).orElse(null);
        List<Unit> units = r.list("单位").stream().map(this::unit).toList();
        if (units.isEmpty() && r.value("单位") instanceof SequenceNode) {
            diags.error("E-MISSING", r.posOf("单位"), "“单位”下没有任何预算单位", "在“单位:”下至少写一个单位（第一个是本级）。");
        }
        if (kind == DocKind.BUDGET) {
            r.list("基本支出").forEach(b -> spendBlock(b, Nature.BASIC));
            List<Reader> totals = r.list("项目支出");
            totals.forEach(b -> spendBlock(b, Nature.PROJECT));
            List<Reader> ps = r.list("项目");
            for (int i = 0; i < ps.size(); i++) project(ps.get(i), "p" + (i + 1));
            projectDetail(r, !totals.isEmpty());
        } else {
            r.list("决算明细").forEach(this::finalLine);
            r.obj("结转结余").ifPresent(this::carry);
            r.obj("基本支出经济分类").ifPresent(this::basicEcon);
        }
        SanGongCounts counts = SanGongCounts.NONE;
        if (r.has("三公经费")) {
            Reader s = r.obj("三公经费").orElseThrow();
            counts = kind == DocKind.BUDGET ? sanGongBudget(s) : sanGongFinal(s);
        }
        String usage = "";
        if (r.has("机关运行经费")) {
            if (r.value("机关运行经费") instanceof MappingNode) {
                usage = r.obj("机关运行经费").map(this::runningCost).orElse("");
            } else {
                Amount a = r.amount("机关运行经费");
                facts.add(Fact.item(Measure.RUNNING_COST, "金额", a.value(), a.pos()));
            }
        }
        r.obj("政府采购").ifPresent(this::procurement);
        Assets assets = r.obj("国有资产").map(this::assets).orElse(null);
        Performance perf = r.obj("绩效").map(this::performance).orElse(null);
        r.obj("上年").ifPresent(this::prior);
        r.obj("变动原因").ifPresent(this::reasons);
        Map<String, Extra> extras = r.obj("附加").map(this::extras).orElse(Map.of());
        Approved approved = null;
        if (r.has("批复")) approved = r.obj("批复").map(this::approved).orElse(null);
        if (r.has("控制数")) approved = r.obj("控制数").map(this::approved).orElse(null);
        String other = r.str("其他事项");
        // 说明: explained warnings (applied by check.Suppressions); here only their shape
        for (Reader e : r.list("说明")) {
            e.str("代码");
            if (e.has("文字")) e.str("文字", true);
            else e.str("数", true);
            e.str("原因");
            e.finish();
        }
        r.value("待核对"); // what is left to review (next-year): check.Review reads it
        r.finish();

        if (dept == null || badYear) return Optional.empty();
        // A department of one unit: what the file gives for the department is that unit's.
        List<Fact> all = facts;
        if (units.size() == 1) {
            String only = units.get(0).code();
            all = facts.stream().map(f -> f.unit() == null ? f.withUnit(only) : f).toList();
        }
        return Optional.of(new Disclosure(src.name(), kind, year, catalogYear, publish, layout, layoutPos, dept,
                units, List.copyOf(all), List.copyOf(lines), List.copyOf(projects), usage, assets, perf, counts,
                new Reasons(Collections.unmodifiableMap(reasons)), approved, other, List.copyOf(named), extras));
    }

    /** 文档 must match the sections: a 决算 written with 基本支出/项目, or a 预算 with 决算明细, is reported once. */
    private boolean kindMatchesContent(Reader r, DocKind kind) {
        List<String> wrong = kind == DocKind.BUDGET ? FINAL_ONLY : BUDGET_ONLY;
        for (String k : wrong) {
            if (r.value(k) == null) continue;
            if (kind == DocKind.FINAL_ACCOUNTS) {
                ctx.diags().error("E-KIND", r.posOf("文档"), "文档类型写的是部门决算，但内容是部门预算的格式（有“" + k + "”）",
                        "部门决算请按 data/jiaozuo-zhongzhan-2021-final.yaml 的格式填写；如果这是预算，请把“文档”改为“部门预算”。");
            } else {
                ctx.diags().error("E-KIND", r.posOf("文档"), "文档类型写的是部门预算，但内容是部门决算的格式（有“" + k + "”）",
                        "部门预算请按 data/xinxiang-weibin-2025-budget.yaml 的格式填写；如果这是决算，请把“文档”改为“部门决算”。");
            }
            return false;
        }
        return true;
    }

    // ---- header, department, units -------------------------------------------------------------------------------

    /**
     * A year, or 0 when it is missing or not a year: then {@link #badYear} is set, and the catalog, layout and
     * prior-year checks (which all depend on the year) are skipped rather than cascade into errors of their own.
     */
    private int year(Reader r, String key, boolean required) {
        String hint = "写四位年份，例如 2025。科目表、版式和上年比较都按年度选取，年度改正后才会检查这些项。";
        if (r.value(key) instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) && !s.getValue().strip().matches("\\d{1,6}")) {
            ctx.diags().error("E-VALUE", r.posOf(key), "“" + key + "”的值“" + s.getValue().strip() + "”不是年份", hint);
            badYear = true;
            return 0;
        }
        int y = r.count(key, required);
        if (y == 0 && required) badYear = true;
        if (y != 0 && (y < 2000 || y > 2100)) {
            ctx.diags().error("E-VALUE", r.posOf(key), "“" + key + "”" + y + " 不是合理的年份", hint);
            badYear = true;
        }
        return y;
    }

    /** 公开日期: the cover's month and the PDF's creation date (never the clock). */
    private LocalDate publishDate(Reader r, int year) {
        String s = r.str("公开日期");
        LocalDate fallback = LocalDate.of(Math.max(year, 2000), 1, 1);
        if (s.isEmpty()) return fallback;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            ctx.diags().error("E-VALUE", r.posOf("公开日期"), "“公开日期”的值“" + s + "”不是日期",
                    "写成 \"2025-03-01\"（带引号）。");
            return fallback;
        }
    }

    private Department department(Reader r) {
        Department d = new Department(r.str("名称"), r.str("代码"),
                r.label("级次", GovLevel.class).orElse(GovLevel.COUNTY),
                r.str("职责概述"), r.strList("职责"), r.strList("机构设置"),
                r.countOrNull("编制人数"), r.countOrNull("实有人数"), r.str("负责人"), r.str("联系人"),
                r.str("联系电话"), r.str("预算编码"), r.pos());
        r.finish();
        return d;
    }

    private Unit unit(Reader r) {
        String typeText = r.str("类型");
        UnitType type = UnitType.fromLabel(typeText).orElse(UnitType.ADMIN);
        if (!typeText.isEmpty() && UnitType.fromLabel(typeText).isEmpty()) {
            ctx.diags().error("E-VALUE", r.posOf("类型"), "单位类型“" + typeText + "”无效",
                    "可选值：行政、参公、事业（参照公务员法管理的事业单位写“参公”）。");
        }
        Unit u = new Unit(r.str("代码"), r.str("名称"), type, r.str("规格"), r.str("经费形式"),
                r.countOrNull("编制人数"), r.countOrNull("实有人数"), r.pos());
        r.finish();
        return u;
    }

    private Fund fund(Reader r) {
        return r.has("资金") ? r.label("资金", Fund.class).orElse(Fund.APPROPRIATION)
                : Fund.APPROPRIATION;
    }

    // ---- 部门预算: 基本支出, 项目支出 and 项目 -------------------------------------------------------------------------

    /**
     * A required code written plainly ({@code 2101501}) or named by the file ({@code {编码: 2130101, 名称: 行政运行}},
     * for a code the shipped catalog may not hold): the name is kept as a {@link NamedCode} and printed as given.
     */
    private String codeRef(Reader r, String key, String kind) {
        if (!(r.value(key) instanceof MappingNode)) return r.code(key, true);
        Reader m = r.obj(key, true).orElseThrow();
        String code = m.code("编码");
        String name = m.str("名称");
        m.finish();
        if (!code.isEmpty() && !name.isEmpty()) named.add(new NamedCode(kind, code, name, m.posOf("编码")));
        return code;
    }

    /**
     * A 基本支出 block, or a 项目支出 block (project money by 功能科目 when the documents give only the total, not the
     * amount of each project): unit × 项 × fund, amounts by 经济科目 at 款 level ({@code 30101: 14.74}) or, when the
     * split is unknown, at 类 level ({@code 301: 25.38}); an amount may be {@code {金额: 1.20, 名称: …}} to name a code.
     */
    private void spendBlock(Reader r, Nature nature) {
        String unit = r.str("单位");
        String fn = codeRef(r, "功能科目", NamedCode.FUNCTION);
        SourcePos fnPos = r.posOf("功能科目");
        String fnName = r.str("功能科目名称");
        Fund fund = fund(r);
        String type = nature == Nature.PROJECT ? r.strOrNull("类型") : null;
        r.obj("经济科目").ifPresent(e -> {
            for (NodeTuple t : e.tuples()) {
                String code = e.entryKey(t, "经济科目");
                BigDecimal amt;
                SourcePos at = ctx.pos(t.getKeyNode());
                if (t.getValueNode() instanceof MappingNode) {
                    Reader m = e.obj(((ScalarNode) t.getKeyNode()).getValue()).orElseThrow();
                    Amount a = m.amount("金额");
                    String name = m.str("名称");
                    m.finish();
                    amt = a.value();
                    if (!code.isEmpty() && !name.isEmpty()) named.add(new NamedCode(NamedCode.ECON, code, name, at));
                } else {
                    amt = e.amountOf(t.getValueNode(), "经济科目 " + code);
                }
                if (!code.isEmpty() && amt != null) {
                    facts.add(new Fact(Measure.SPEND, unit, fn, code, fund, nature, null, null, amt, at, type));
                }
            }
            if (e.tuples().isEmpty() && e.isMapping()) {
                ctx.diags().error("E-MISSING", e.pos(), "“经济科目”下没有金额", "至少写一行，例如 30101: 14.74。");
            }
        });
        r.finish();
        lines.add(new Line(unit, fn, fnName, fund, nature, r.pos(), fnPos, null));
    }

    /**
     * Projects carry their own amounts, or (when the documents give only the total) none, the total being written in
     * 项目支出 blocks; one file does one or the other, so that every project table adds up to what it prints.
     */
    private void projectDetail(Reader r, boolean totals) {
        boolean withAmounts = projects.size() > amountless.size();
        if (totals && withAmounts) {
            Project p = projects.stream().filter(x -> !amountless.contains(x)).findFirst().orElseThrow();
            ctx.diags().error("E-SHAPE", r.posOf("项目支出"), "写了“项目支出”合计，又有项目“" + p.name() + "”（第 "
                            + p.pos().line() + " 行）写了自己的金额",
                    "项目金额都知道时，每个项目写自己的金额，删去“项目支出”；只知道合计时，项目只写名称等，不写金额。");
        } else if (!totals && !amountless.isEmpty()) {
            Project p = amountless.get(0);
            ctx.diags().error("E-MISSING", p.pos(), "项目“" + p.name() + "”没有金额，文件里也没有“项目支出”合计",
                    "写上这个项目的功能科目、经济科目和金额；公开文件只给出项目支出合计时，把合计按功能科目写在“项目支出:”下"
                            + "（写法同“基本支出”），项目只列名称。");
        }
    }

    /** 附加: the province's own items, key → text, list of paragraphs, or {金额: …}. */
    private Map<String, Extra> extras(Reader r) {
        Map<String, Extra> out = new LinkedHashMap<>();
        for (NodeTuple t : r.tuples()) {
            String key = r.entryKey(t, "附加");
            SourcePos at = ctx.pos(t.getKeyNode());
            Node v = t.getValueNode();
            if (v instanceof MappingNode) {
                Reader m = r.obj(key).orElseThrow();
                Amount a = m.amount("金额");
                m.finish();
                facts.add(Fact.item(Measure.OTHER, Extra.PREFIX + key, a.value(), a.pos()));
                out.put(key, new Extra(key, List.of(), true, at));
            } else if (v instanceof SequenceNode) {
                out.put(key, new Extra(key, r.strList(key), false, at));
            } else {
                String text = r.str(key);
                if (!text.isEmpty()) out.put(key, new Extra(key, List.of(text), false, at));
            }
        }
        r.finish();
        return Collections.unmodifiableMap(out);
    }

    private void project(Reader r, String id) {
        String name = r.str("名称");
        String code = r.str("编码");
        String unit = r.str("单位");
        String listed = r.str("列示单位");
        String type = r.str("类型");
        SourcePos typePos = r.posOf("类型");
        boolean noAmount = java.util.stream.Stream.concat(java.util.stream.Stream.of("明细"), Keys.PROJECT_ONE_LINE.stream())
                .noneMatch(r::has);
        if (noAmount) {
            // listed without amounts: the documents give only the total (项目支出)
        } else if (r.has("明细")) {
            List<Reader> ls = r.list("明细");
            for (Reader l : ls) {
                projectLine(l, unit, id);
                l.finish();
            }
            if (ls.isEmpty() && r.value("明细") instanceof SequenceNode) {
                ctx.diags().error("E-MISSING", r.posOf("明细"), "项目“" + name + "”的“明细”是空的",
                        "每行写 {功能科目, 经济科目, 金额}；只有一个科目时不写“明细”，直接写功能科目、经济科目、金额。");
            }
            // ask every single-line key, so none of them is also reported as unknown
            List<String> single = Keys.PROJECT_ONE_LINE.stream().filter(r::has).toList();
            if (!single.isEmpty()) {
                ctx.diags().error("E-SHAPE", r.posOf(single.get(0)), "项目“" + name + "”同时写了“明细”和“"
                                + String.join("”“", single) + "”，后者不会被计入",
                        "只有一个功能科目时直接写功能科目、经济科目、金额；有多个时只写“明细”，每行写 {功能科目, 经济科目, 金额}。");
            }
        } else {
            projectLine(r, unit, id);
        }
        String transfer = r.str("专项转移支付");
        String content = r.str("内容");
        List<String> goals = r.strList("绩效目标");
        List<Indicator> indicators = r.has("绩效指标") ? indicators(r.obj("绩效指标").orElseThrow()) : List.of();
        r.finish();
        Project p = new Project(id, code, name, unit, listed, type, typePos, transfer, content, goals, indicators, r.pos());
        projects.add(p);
        if (noAmount) amountless.add(p);
    }

    /** One line of a project: the project itself when it has a single line (the keys are then required), or 明细[i]. */
    private void projectLine(Reader r, String unit, String id) {
        String fn = codeRef(r, "功能科目", NamedCode.FUNCTION);
        String econ = codeRef(r, "经济科目", NamedCode.ECON);
        Fund fund = fund(r);
        Amount amt = r.amount("金额", true);
        facts.add(new Fact(Measure.SPEND, unit, fn, econ, fund, Nature.PROJECT, id, null, amt.value(), amt.pos()));
    }

    /**
     * 绩效指标: 一级 → list of 三级, or 一级 → 二级 → list of 三级. A 三级 is {名称, 值, 描述?, 依据?, 说明?}.
     */
    private List<Indicator> indicators(Reader r) {
        List<Indicator> out = new ArrayList<>();
        for (NodeTuple t : r.tuples()) {
            String l1 = r.entryKey(t, "绩效指标");
            if (t.getValueNode() instanceof MappingNode) {
                Reader l2s = r.obj(l1).orElseThrow();
                for (NodeTuple t2 : l2s.tuples()) {
                    String l2 = l2s.entryKey(t2, "绩效指标." + l1);
                    for (Reader i : l2s.list(l2)) out.add(indicator(i, l1, l2));
                }
                l2s.finish();
            } else {
                for (Reader i : r.list(l1)) out.add(indicator(i, l1, ""));
            }
        }
        r.finish();
        return List.copyOf(out);
    }

    private Indicator indicator(Reader i, String l1, String l2) {
        Indicator x = new Indicator(l1, l2, i.str("名称"), i.str("值"), i.str("描述"),
                i.str("依据"), i.str("说明"), i.posOf("值"));
        i.finish();
        return x;
    }

    // ---- 部门决算: 决算明细, 结转结余, 基本支出经济分类 ------------------------------------------------------------------

    private void finalLine(Reader r) {
        String fn = codeRef(r, "功能科目", NamedCode.FUNCTION);
        SourcePos at = r.posOf("功能科目");
        // 资金: 财政拨款 (一般公共预算财政拨款, the default), 政府性基金 or 国有资本经营 (公开08/09)
        Fund fund = fund(r);
        if (fund != Fund.APPROPRIATION && fund != Fund.GOV_FUND && fund != Fund.STATE_CAPITAL) {
            ctx.diags().error("E-VALUE", r.posOf("资金"), "部门决算“决算明细”的资金只能是财政拨款、政府性基金或国有资本经营",
                    "非财政拨款的支出写在“其他资金基本支出”“其他资金项目支出”里。");
            fund = Fund.APPROPRIATION;
        }
        Fund f = fund;
        itemAmount(r, "年初预算", a -> new Fact(Measure.INITIAL_BUDGET, null, fn, null, f, null, null, null, a.value(), a.pos()));
        itemAmount(r, "本年收入", a -> new Fact(Measure.INCOME, null, fn, null, f, null, null, null, a.value(), a.pos()));
        itemAmount(r, "基本支出", a -> new Fact(Measure.SPEND, null, fn, null, f, Nature.BASIC, null, null, a.value(), a.pos()));
        itemAmount(r, "项目支出", a -> new Fact(Measure.SPEND, null, fn, null, f, Nature.PROJECT, null, null, a.value(), a.pos()));
        itemAmount(r, "其他资金基本支出", a -> new Fact(Measure.SPEND, null, fn, null, Fund.CARRY_UNIT, Nature.BASIC,
                null, null, a.value(), a.pos()));
        itemAmount(r, "其他资金项目支出", a -> new Fact(Measure.SPEND, null, fn, null, Fund.CARRY_UNIT, Nature.PROJECT,
                null, null, a.value(), a.pos()));
        Reasons.Given why = r.has("差异原因")
                ? new Reasons.Given(r.str("差异原因"), r.posOf("差异原因"), List.of(), r.posOf("差异原因")) : null;
        r.finish();
        lines.add(new Line(null, fn, "", fund, null, at, at, why));
    }

    private void itemAmount(Reader r, String key, java.util.function.Function<Amount, Fact> fact) {
        Amount a = r.amountOrNull(key);
        if (a != null) facts.add(fact.apply(a));
    }

    private void carry(Reader r) {
        carryAmount(r, "年初财政拨款", Measure.OPENING, Fund.APPROPRIATION, true);
        carryAmount(r, "年初其他资金", Measure.OPENING, Fund.CARRY_UNIT, false);
        carryAmount(r, "年末财政拨款", Measure.CLOSING, Fund.APPROPRIATION, true);
        carryAmount(r, "年末其他资金", Measure.CLOSING, Fund.CARRY_UNIT, false);
        r.finish();
    }

    private void carryAmount(Reader r, String key, Measure m, Fund fund, boolean required) {
        Amount a = required ? r.amount(key, true) : r.amountOrNull(key);
        if (a == null) return;
        facts.add(new Fact(m, null, null, null, fund, null, null, key, a.value(), a.pos()));
    }

    private void basicEcon(Reader e) {
        for (NodeTuple t : e.tuples()) {
            String code = e.entryKey(t, "基本支出经济分类");
            BigDecimal amt = e.amountOf(t.getValueNode(), "基本支出经济分类 " + code);
            if (!code.isEmpty() && amt != null) {
                facts.add(new Fact(Measure.ECON, null, null, code, Fund.APPROPRIATION, Nature.BASIC, null, null, amt,
                        ctx.pos(t.getValueNode())));
            }
        }
    }

    // ---- 三公, 机关运行经费, 政府采购, 国有资产 ----------------------------------------------------------------------------

    private void sanGongParts(Reader r, Measure m) {
        for (String part : SANGONG_PARTS) {
            Amount a = r.amount(part);
            facts.add(new Fact(m, null, null, null, Fund.APPROPRIATION, null, null, part, a.value(), a.pos()));
        }
        r.finish();
    }

    private SanGongCounts sanGongBudget(Reader r) {
        sanGongParts(r, Measure.SANGONG);
        return SanGongCounts.NONE;
    }

    private SanGongCounts sanGongFinal(Reader r) {
        r.obj("预算").ifPresent(b -> sanGongParts(b, Measure.SANGONG_BUDGET));
        r.obj("决算").ifPresent(a -> sanGongParts(a, Measure.SANGONG));
        Amount foreign = r.amountOrNull("外宾接待");
        if (foreign != null) {
            facts.add(new Fact(Measure.SANGONG, null, null, null, Fund.APPROPRIATION, null, null, "外宾接待",
                    foreign.value(), foreign.pos()));
        }
        r.obj("差异原因").ifPresent(x -> {
            for (String k : Keys.SANGONG_REASONS.names(Keys.REASON_TEXT)) given(x, k, "三公差异." + k);
            x.finish();
        });
        SanGongCounts c = new SanGongCounts(r.countOrNull("因公出国团组"), r.countOrNull("因公出国人次"),
                r.countOrNull("购置车辆"), r.countOrNull("公务用车保有量"), r.countOrNull("外宾接待团组"),
                r.countOrNull("外宾接待人次"), r.countOrNull("国内接待团组"), r.countOrNull("国内接待人次"),
                r.posOf("公务用车保有量"));
        r.finish();
        return c;
    }

    private String runningCost(Reader r) {
        Amount a = r.amountOrNull("金额");
        if (a != null) facts.add(Fact.item(Measure.RUNNING_COST, "金额", a.value(), a.pos()));
        r.obj("明细").ifPresent(e -> {
            for (NodeTuple t : e.tuples()) {
                String code = e.entryKey(t, "机关运行经费.明细");
                BigDecimal amt = e.amountOf(t.getValueNode(), "机关运行经费.明细 " + code);
                if (!code.isEmpty() && amt != null) {
                    facts.add(new Fact(Measure.RUNNING_COST, null, null, code, Fund.APPROPRIATION, Nature.BASIC, null,
                            "明细", amt, ctx.pos(t.getKeyNode())));
                }
            }
        });
        String usage = r.str("用途");
        r.finish();
        return usage;
    }

    private static final List<String> PROCUREMENT_ITEMS = Keys.PROCUREMENT.names(Shape.AMOUNT);
    private static final List<String> PERFORMANCE_AMOUNTS = Keys.PERFORMANCE.names(Shape.AMOUNT);

    private void procurement(Reader r) {
        for (String k : PROCUREMENT_ITEMS) {
            Amount a = r.amountOrNull(k);
            if (a != null) facts.add(Fact.item(Measure.PROCUREMENT, k, a.value(), a.pos()));
        }
        r.finish();
    }

    /** 国有资产 amounts (万元), in print order. */
    public static final List<String> ASSET_AMOUNTS = Keys.ASSETS.names(Shape.AMOUNT);
    /** 国有资产 equipment counts, in print order. */
    public static final List<String> EQUIPMENT = Keys.ASSETS.names(Shape.COUNT);

    private Assets assets(Reader r) {
        for (String k : ASSET_AMOUNTS) {
            Amount a = r.amountOrNull(k);
            if (a != null) facts.add(Fact.item(Measure.ASSETS, k, a.value(), a.pos()));
        }
        Map<String, Integer> vehicles = new LinkedHashMap<>();
        Map<String, SourcePos> kindPos = new LinkedHashMap<>();
        Integer vehicleTotal = null;
        SourcePos vehiclesPos = r.posOf("车辆");
        if (r.value("车辆") instanceof MappingNode) {
            Reader v = r.obj("车辆").orElseThrow();
            for (NodeTuple t : v.tuples()) {
                String kind = v.entryKey(t, "国有资产.车辆");
                vehicles.put(kind, v.count(kind));
                kindPos.put(kind, ctx.pos(t.getKeyNode()));
            }
            v.finish();
        } else if (r.has("车辆")) {
            vehicleTotal = r.count("车辆");
        }
        Map<String, Integer> equipment = new LinkedHashMap<>();
        for (String k : EQUIPMENT) {
            Integer n = r.countOrNull(k);
            if (n != null) equipment.put(k, n);
        }
        Assets a = new Assets(r.str("截止日期"), Collections.unmodifiableMap(vehicles),
                Collections.unmodifiableMap(kindPos), vehicleTotal,
                r.str("其他用车说明"), Collections.unmodifiableMap(equipment), r.number("房屋面积"),
                r.number("办公用房面积"), r.str("变动原因"), r.pos(), vehiclesPos);
        r.finish();
        return a;
    }

    // ---- 绩效 -------------------------------------------------------------------------------------------------------

    private Performance performance(Reader r) {
        for (String k : PERFORMANCE_AMOUNTS) {
            Amount a = r.amountOrNull(k);
            if (a != null) facts.add(Fact.item(Measure.OTHER, k, a.value(), a.pos()));
        }
        List<Performance.SubGoal> subGoals = new ArrayList<>();
        for (Reader g : r.list("分项目标")) {
            subGoals.add(new Performance.SubGoal(g.str("名称"), g.str("目标"), g.str("指标")));
            g.finish();
        }
        List<Performance.Task> tasks = new ArrayList<>();
        for (Reader t : r.list("年度主要任务")) {
            tasks.add(new Performance.Task(t.str("名称"), t.str("内容")));
            t.finish();
        }
        List<Indicator> indicators = new ArrayList<>();
        for (Reader g : r.list("整体指标")) {
            String l1 = g.str("一级");
            String l2 = g.str("二级");
            for (Reader i : g.list("指标")) indicators.add(indicator(i, l1, l2));
            g.finish();
        }
        List<Performance.SelfRow> rows = new ArrayList<>();
        for (Reader g : r.list("自评指标")) {
            String l1 = g.str("一级");
            String l2 = g.str("二级");
            for (Reader i : g.list("指标")) {
                rows.add(new Performance.SelfRow(l1, l2, i.str("名称"), i.str("指标值"), i.str("说明"),
                        i.str("完成值"), i.number("分值"), i.number("得分"), i.str("原因")));
                i.finish();
            }
            g.finish();
        }
        Performance p = new Performance(r.str("说明"), r.countOrNull("上年评价项目数"), r.str("上年评价结论"),
                r.countOrNull("拟评价项目数"), r.str("总体目标"), List.copyOf(subGoals), r.strList("保障措施"),
                r.strList("年度履职目标"), r.strList("目标完成情况"), List.copyOf(tasks),
                List.copyOf(indicators), r.countOrNull("项目数"), r.countOrNull("自评项目数"),
                r.countOrNull("重点评价项目数"), r.countOrNull("批复绩效目标项目数"), r.str("批复绩效目标说明"),
                r.str("整体自评得分"), r.str("项目自评平均得分"), r.str("重点评价结果"),
                r.number("预算执行分值"), r.number("预算执行得分"), List.copyOf(rows));
        r.finish();
        return p;
    }

    // ---- 上年, 变动原因, 批复 -------------------------------------------------------------------------------------------

    /**
     * The single figures a file may give (细目 of a table's 取), by what they measure; 附加 items are
     * {@code 附加.<key>} of {@link Measure#OTHER}, any key.
     */
    public static Map<Measure, List<String>> items() {
        Map<Measure, List<String>> m = new java.util.EnumMap<>(Measure.class);
        List<String> sanGong = new ArrayList<>(SANGONG_PARTS);
        sanGong.add("外宾接待");
        m.put(Measure.SANGONG, List.copyOf(sanGong));
        m.put(Measure.SANGONG_BUDGET, SANGONG_PARTS);
        m.put(Measure.PROCUREMENT, PROCUREMENT_ITEMS);
        m.put(Measure.ASSETS, ASSET_AMOUNTS);
        m.put(Measure.RUNNING_COST, List.of("金额", "明细"));
        List<String> prior = new ArrayList<>(PRIOR_ITEMS);
        for (String p : SANGONG_PARTS) prior.add("三公." + p);
        m.put(Measure.PRIOR, List.copyOf(prior));
        m.put(Measure.OTHER, PERFORMANCE_AMOUNTS);
        m.put(Measure.OPENING, List.of("年初财政拨款", "年初其他资金"));
        m.put(Measure.CLOSING, List.of("年末财政拨款", "年末其他资金"));
        return Collections.unmodifiableMap(m);
    }

    /** 上年 figures a file may give, as written. */
    public static final List<String> PRIOR_ITEMS = Keys.PRIOR.names(Shape.AMOUNT);

    private void prior(Reader r) {
        for (String k : PRIOR_ITEMS) {
            Amount a = r.amountOrNull(k);
            if (a != null) facts.add(Fact.item(Measure.PRIOR, k, a.value(), a.pos()));
        }
        r.obj("三公经费").ifPresent(s -> {
            for (String part : SANGONG_PARTS) {
                Amount a = s.amount(part);
                facts.add(new Fact(Measure.PRIOR, null, null, null, Fund.APPROPRIATION, null, null, "三公." + part,
                        a.value(), a.pos()));
            }
            s.finish();
        });
        r.finish();
    }

    /** Keys of 变动原因, in the order a document discusses them. */
    public static final List<String> REASON_KEYS = Keys.REASONS.names(Keys.REASON_TEXT);

    private void reasons(Reader r) {
        for (String k : REASON_KEYS) given(r, k, k);
        r.finish();
    }

    /**
     * One reason: plain text, or {说明: text, 构成: [{说明, 金额}]} where 金额 is signed (the part of the change it
     * explains).
     */
    private void given(Reader r, String key, String as) {
        if (!r.has(key)) return;
        if (!(r.value(key) instanceof MappingNode)) {
            String text = r.str(key);
            if (!text.isEmpty()) reasons.put(as, new Reasons.Given(text, r.posOf(key), List.of(), r.posOf(key)));
            return;
        }
        Reader m = r.obj(key).orElseThrow();
        String text = m.str("说明");
        List<Reasons.Part> parts = new ArrayList<>();
        for (Reader p : m.list("构成")) {
            String what = p.str("说明");
            Amount amt = p.signedAmount("金额");
            parts.add(new Reasons.Part(what, amt.value(), amt.pos()));
            p.finish();
        }
        SourcePos partsPos = m.has("构成") ? m.posOf("构成") : r.posOf(key);
        m.finish();
        reasons.put(as, new Reasons.Given(text, r.posOf(key), List.copyOf(parts), partsPos));
    }

    private static final List<String> APPROVED_KEYS = Keys.APPROVED.names(Shape.AMOUNT);

    private Approved approved(Reader r) {
        Map<String, Amount> totals = new LinkedHashMap<>();
        for (String k : APPROVED_KEYS) {
            Amount a = r.amountOrNull(k);
            if (a != null) totals.put(k, a);
        }
        List<Approved.Keyed> units = keyed(r, "单位", "批复.单位");
        List<Approved.Keyed> classes = keyed(r, "类", "控制数.类");
        LocalDate date = null;
        if (r.has("日期")) {
            String s = r.str("日期");
            try {
                date = LocalDate.parse(s);
            } catch (DateTimeException e) {
                ctx.diags().error("E-VALUE", r.posOf("日期"), "“批复.日期”的值“" + s + "”不是日期", "写成 \"2025-02-10\"（带引号）。");
            }
        }
        SourcePos datePos = r.posOf("日期");
        r.finish();
        return new Approved(Collections.unmodifiableMap(totals), units, classes, date, datePos);
    }

    private List<Approved.Keyed> keyed(Reader r, String key, String name) {
        List<Approved.Keyed> out = new ArrayList<>();
        r.obj(key).ifPresent(u -> {
            for (NodeTuple t : u.tuples()) {
                String code = u.entryKey(t, name);
                BigDecimal amt = u.amountOf(t.getValueNode(), name + " " + code);
                if (amt != null && !code.isEmpty()) {
                    out.add(new Approved.Keyed(code, ctx.pos(t.getKeyNode()), new Amount(amt, ctx.pos(t.getValueNode()))));
                }
            }
        });
        return List.copyOf(out);
    }
}
