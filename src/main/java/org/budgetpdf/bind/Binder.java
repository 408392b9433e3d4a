package org.budgetpdf.bind;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.model.Amount;
import org.budgetpdf.model.Approved;
import org.budgetpdf.model.Assets;
import org.budgetpdf.model.BasicLine;
import org.budgetpdf.model.BudgetDoc;
import org.budgetpdf.model.Department;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.EconAmount;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Indicator;
import org.budgetpdf.model.Performance;
import org.budgetpdf.model.PriorYear;
import org.budgetpdf.model.Procurement;
import org.budgetpdf.model.Project;
import org.budgetpdf.model.ProjectLine;
import org.budgetpdf.model.ProjectType;
import org.budgetpdf.model.Reasons;
import org.budgetpdf.model.RunningCost;
import org.budgetpdf.model.ThreePublic;
import org.budgetpdf.model.Unit;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** YAML nodes → model records. Reports shape and type errors; relations between figures are the checker's. */
public final class Binder {
    private static final int FUNCTION_ITEM = 7;
    private static final int ECON_ITEM = 5;
    private static final List<String> PROJECT_INDICATOR_KINDS = List.of("成本指标", "产出指标", "效益指标", "满意度指标");

    /** Dispatch by document kind: 文档: 部门决算 in the 决算 format goes to {@link FinalBinder}. */
    public Optional<? extends org.budgetpdf.model.Disclosure> bindAny(SourceFile src, Diagnostics diags) {
        return FinalBinder.isFinal(src) ? new FinalBinder().bind(src, diags) : bind(src, diags);
    }

    public Optional<BudgetDoc> bind(SourceFile src, Diagnostics diags) {
        if (src.root() == null) return Optional.empty();
        Reader.Ctx ctx = new Reader.Ctx(src.name(), diags);
        Reader r = new Reader(ctx, "", src.root());

        DocKind kind = r.label("文档", DocKind.class, true, "文档类型").orElse(DocKind.BUDGET);
        int year = Common.year(r, "年度", true);
        int catalogYear = r.has("科目年度") ? Common.year(r, "科目年度", false) : year;
        ctx.amountUnit(r);
        LocalDate publish = Common.publishDate(r, year);
        if (kind == DocKind.FINAL_ACCOUNTS) {
            diags.error("E-KIND", r.posOf("文档"), "文档类型写的是部门决算，但内容是部门预算的格式（有“基本支出”“项目”）", "部门决算请按 data/jiaozuo-zhongzhan-2021-final.yaml 的格式填写；如果这是预算，请把“文档”改为“部门预算”。");
        }

        Department dept = r.obj("部门", true).map(d -> Common.department(d, true)).orElse(null);
        List<Unit> units = r.list("单位", true).stream().map(Common::unit).toList();
        if (units.isEmpty() && r.value("单位") instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            diags.error("E-MISSING", r.posOf("单位"), "“单位”下没有任何预算单位", "在“单位:”下至少写一个单位（第一个是本级）。");
        }
        List<BasicLine> basic = r.list("基本支出", false).stream().map(this::basicLine).toList();
        List<Project> projects = r.list("项目", false).stream().map(this::project).toList();
        ThreePublic sanGong = r.obj("三公经费", true).map(Common::threePublic).orElse(ThreePublic.ZERO);
        RunningCost running = r.obj("机关运行经费", false).map(this::runningCost)
                .orElse(new RunningCost(null, ""));
        Procurement procurement = r.obj("政府采购", true).map(this::procurement)
                .orElse(new Procurement(Amount.ZERO, Amount.ZERO, Amount.ZERO));
        Assets assets = r.obj("国有资产", true).map(this::assets).orElse(null);
        Performance perf = r.obj("绩效", true).map(this::performance).orElse(null);
        PriorYear prior = r.obj("上年", true).map(this::prior).orElse(null);
        Reasons reasons = r.obj("变动原因", false).map(this::reasons).orElse(Reasons.NONE);
        Approved approved = r.obj("批复", false).map(this::approved).orElse(null);
        r.finish();

        if (dept == null || assets == null || perf == null || prior == null) return Optional.empty();
        return Optional.of(new BudgetDoc(src.name(), kind, year, catalogYear, publish, dept, units, basic, projects,
                sanGong, running, procurement, assets, perf, prior, reasons, approved));
    }

    private BasicLine basicLine(Reader r) {
        String unit = r.str("单位", true);
        String fn = r.code("功能科目", true, "功能分类项", FUNCTION_ITEM);
        SourcePos fnPos = r.posOf("功能科目");
        String fnName = r.str("功能科目名称", false);
        Fund fund = r.has("资金") ? r.label("资金", Fund.class, false, "资金来源").orElse(Fund.APPROPRIATION)
                : Fund.APPROPRIATION;
        List<EconAmount> econ = new ArrayList<>();
        r.obj("经济科目", true).ifPresent(e -> {
            for (NodeTuple t : e.tuples()) {
                String code = e.codeOf(t.getKeyNode(), "经济科目", "部门经济分类款", ECON_ITEM);
                BigDecimal amt = e.amountOf(t.getValueNode(), "经济科目 " + code);
                if (!code.isEmpty() && amt != null) econ.add(new EconAmount(code, amt, r.ctx().pos(t.getKeyNode())));
            }
            if (e.tuples().isEmpty() && e.isMapping()) {
                r.ctx().diags().error("E-MISSING", e.pos(), "“经济科目”下没有金额", "至少写一行，例如 30101: 14.74。");
            }
        });
        r.finish();
        return new BasicLine(unit, fn, fnName, fund, List.copyOf(econ), r.pos(), fnPos);
    }

    private Project project(Reader r) {
        String name = r.str("名称", true);
        String code = r.str("编码", false);
        String unit = r.str("单位", true);
        String listed = r.str("列示单位", false);
        ProjectType type = r.label("类型", ProjectType.class, true, "项目类型").orElse(ProjectType.SPECIFIC);
        List<ProjectLine> lines = new ArrayList<>();
        if (r.has("明细")) {
            for (Reader l : r.list("明细", true)) {
                lines.add(projectLine(l));
                l.finish();
            }
            if (lines.isEmpty() && r.value("明细") instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
                r.ctx().diags().error("E-MISSING", r.posOf("明细"), "项目“" + name + "”的“明细”是空的",
                        "每行写 {功能科目, 经济科目, 金额}；只有一个科目时不写“明细”，直接写功能科目、经济科目、金额。");
            }
            // ask every single-line key, so none of them is also reported as unknown
            List<String> single = java.util.stream.Stream.of("功能科目", "经济科目", "金额", "资金").filter(r::has).toList();
            if (!single.isEmpty()) {
                r.ctx().diags().error("E-SHAPE", r.posOf(single.get(0)), "项目“" + name + "”同时写了“明细”和“"
                                + String.join("”“", single) + "”，后者不会被计入",
                        "只有一个功能科目时直接写功能科目、经济科目、金额；有多个时只写“明细”，每行写 {功能科目, 经济科目, 金额}。");
            }
        } else {
            lines.add(projectLine(r));
        }
        String transfer = r.str("专项转移支付", false);
        List<Indicator> indicators = new ArrayList<>();
        r.obj("绩效指标", false).ifPresent(p -> {
            for (String kind : PROJECT_INDICATOR_KINDS) {
                for (Reader i : p.list(kind, false)) {
                    indicators.add(new Indicator(kind, "", i.str("名称", true), i.str("值", true), i.str("说明", false),
                            i.posOf("值")));
                    i.finish();
                }
            }
            p.finish();
        });
        r.finish();
        return new Project(code, name, unit, listed, type, List.copyOf(lines), transfer, List.copyOf(indicators), r.pos());
    }

    private ProjectLine projectLine(Reader r) {
        String fn = r.code("功能科目", true, "功能分类项", FUNCTION_ITEM);
        String econ = r.code("经济科目", true, "部门经济分类款", ECON_ITEM);
        Fund fund = r.has("资金") ? r.label("资金", Fund.class, false, "资金来源").orElse(Fund.APPROPRIATION)
                : Fund.APPROPRIATION;
        Amount amt = r.amount("金额", true);
        return new ProjectLine(fn, econ, fund, amt.value(), amt.pos());
    }

    private RunningCost runningCost(Reader r) {
        RunningCost c = new RunningCost(r.has("金额") ? r.amount("金额", false) : null, r.str("用途", false));
        r.finish();
        return c;
    }

    private Procurement procurement(Reader r) {
        Procurement p = new Procurement(r.amount("货物", true), r.amount("工程", true), r.amount("服务", true));
        r.finish();
        return p;
    }

    private Assets assets(Reader r) {
        Amount total = r.amount("资产总额", true);
        Amount fixed = r.amount("固定资产", true);
        Amount intangible = r.amount("无形资产", true);
        Amount prior = r.has("上年资产总额") ? r.amount("上年资产总额", false) : null;
        String reason = r.str("变动原因", false);
        int[] cars = new int[4];
        r.obj("车辆", true).ifPresent(c -> {
            cars[0] = c.count("一般公务用车", true);
            cars[1] = c.count("一般执法执勤用车", true);
            cars[2] = c.count("特种专业技术用车", true);
            cars[3] = c.count("其他用车", true);
            c.finish();
        });
        Assets a = new Assets(total, fixed, intangible, prior, reason, cars[0], cars[1], cars[2], cars[3],
                r.str("其他用车说明", false), r.count("单价50万元以上通用设备", true), r.count("单价100万元以上专用设备", true));
        r.finish();
        return a;
    }

    private Performance performance(Reader r) {
        String statement = r.str("说明", true);
        int n = r.count("上年评价项目数", false);
        Amount amt = r.amount("上年评价金额", false);
        String conclusion = r.str("上年评价结论", false);
        List<String> goals = r.strList("年度履职目标", true);
        List<Performance.Task> tasks = new ArrayList<>();
        for (Reader t : r.list("年度主要任务", true)) {
            tasks.add(new Performance.Task(t.str("名称", true), t.str("内容", true)));
            t.finish();
        }
        List<Indicator> indicators = new ArrayList<>();
        for (Reader g : r.list("整体指标", true)) {
            String l1 = g.str("一级", true);
            String l2 = g.str("二级", true);
            for (Reader i : g.list("指标", true)) {
                indicators.add(new Indicator(l1, l2, i.str("名称", true), i.str("值", true), i.str("说明", false),
                        i.posOf("值")));
                i.finish();
            }
            g.finish();
        }
        r.finish();
        return new Performance(statement, n, amt, conclusion, goals, List.copyOf(tasks), List.copyOf(indicators));
    }

    private PriorYear prior(Reader r) {
        PriorYear p = new PriorYear(r.amount("收支总计", true), r.amount("一般公共预算", true),
                r.amount("政府性基金", false), r.amount("国有资本经营", false),
                r.obj("三公经费", true).map(Common::threePublic).orElse(ThreePublic.ZERO),
                r.amount("机关运行经费", true));
        r.finish();
        return p;
    }

    private Reasons reasons(Reader r) {
        Map<String, Reasons.Given> given = new LinkedHashMap<>();
        Reasons x = new Reasons(reason(r, "收支总计", given), reason(r, "政府性基金", given),
                reason(r, "国有资本经营", given), reason(r, "因公出国", given), reason(r, "公务用车购置", given),
                reason(r, "公务用车运行", given), reason(r, "公务接待", given), reason(r, "机关运行经费", given),
                java.util.Collections.unmodifiableMap(given));
        r.finish();
        return x;
    }

    /**
     * One 变动原因: plain text, or {说明: text, 构成: [{说明, 金额}]} where 金额 is signed (the part of the change
     * it explains). Either way the templates get the text.
     */
    private String reason(Reader r, String key, Map<String, Reasons.Given> given) {
        if (!(r.value(key) instanceof MappingNode)) {
            String text = r.str(key, false);
            if (!text.isEmpty()) given.put(key, new Reasons.Given(text, r.posOf(key), List.of(), r.posOf(key)));
            return text;
        }
        Reader m = r.obj(key, false).orElseThrow();
        String text = m.str("说明", true);
        List<Reasons.Part> parts = new ArrayList<>();
        for (Reader p : m.list("构成", false)) {
            String what = p.str("说明", true);
            Amount amt = p.signedAmount("金额", true);
            parts.add(new Reasons.Part(what, amt.value(), amt.pos()));
            p.finish();
        }
        SourcePos partsPos = m.has("构成") ? m.posOf("构成") : r.posOf(key);
        m.finish();
        given.put(key, new Reasons.Given(text, r.posOf(key), List.copyOf(parts), partsPos));
        return text;
    }

    private Approved approved(Reader r) {
        Amount total = r.has("支出总计") ? r.amount("支出总计", false) : null;
        Amount income = r.has("收入总计") ? r.amount("收入总计", false) : null;
        Amount basic = r.has("基本支出") ? r.amount("基本支出", false) : null;
        Amount project = r.has("项目支出") ? r.amount("项目支出", false) : null;
        Amount threePublic = r.has("三公经费合计") ? r.amount("三公经费合计", false) : null;
        Amount running = r.has("机关运行经费") ? r.amount("机关运行经费", false) : null;
        List<Approved.UnitTotal> units = new ArrayList<>();
        r.obj("单位", false).ifPresent(u -> {
            for (NodeTuple t : u.tuples()) {
                String code = ((ScalarNode) t.getKeyNode()).getValue().strip();
                BigDecimal amt = u.amountOf(t.getValueNode(), "批复.单位 " + code);
                if (amt != null) {
                    units.add(new Approved.UnitTotal(code, r.ctx().pos(t.getKeyNode()),
                            new Amount(amt, r.ctx().pos(t.getValueNode()))));
                }
            }
        });
        Approved a = new Approved(total, basic, project, income, threePublic, running, List.copyOf(units));
        r.finish();
        return a;
    }
}
