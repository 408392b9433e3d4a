package org.budgetpdf.bind;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.model.Amount;
import org.budgetpdf.model.Department;
import org.budgetpdf.model.EconAmount;
import org.budgetpdf.model.FinalDoc;
import org.budgetpdf.model.Performance;
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

/**
 * YAML nodes → {@link FinalDoc} (文档: 部门决算). Same {@link Reader}, same messages as the budget binder.
 * Amounts may be written in 元 (金额单位: 元, at most two decimals); Reader hands them on in 万元, unrounded.
 */
public final class FinalBinder {
    /** Top-level keys only the budget format has: a 部门决算 file written with them is the budget binder's E-KIND. */
    private static final List<String> BUDGET_ONLY = List.of("基本支出", "项目");


    /** True when the file says 文档: 部门决算 and is written in the 决算 format. */
    public static boolean isFinal(SourceFile src) {
        if (!(src.root() instanceof MappingNode m)) return false;
        boolean kind = false;
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
            if (BUDGET_ONLY.contains(k.getValue())) return false;
            if (k.getValue().equals("文档") && t.getValueNode() instanceof ScalarNode v && v.getValue().strip().equals("部门决算")) {
                kind = true;
            }
        }
        return kind;
    }

    public Optional<FinalDoc> bind(SourceFile src, Diagnostics diags) {
        if (src.root() == null) return Optional.empty();
        Reader.Ctx ctx = new Reader.Ctx(src.name(), diags);
        Reader r = new Reader(ctx, "", src.root());
        r.str("文档", true);
        int year = Common.year(r, "年度", true);
        int catalogYear = r.has("科目年度") ? Common.year(r, "科目年度", false) : year;
        ctx.amountUnit(r);
        LocalDate publish = Common.publishDate(r, year);

        Department dept = r.obj("部门", true).map(d -> Common.department(d, false)).orElse(null);
        List<Unit> units = r.list("单位", true).stream().map(Common::unit).toList();
        List<FinalDoc.Line> lines = r.list("决算明细", true).stream().map(this::line).toList();
        FinalDoc.Carry carry = r.obj("结转结余", true).map(this::carry).orElse(null);
        List<EconAmount> econ = new ArrayList<>();
        r.obj("基本支出经济分类", true).ifPresent(e -> {
            for (NodeTuple t : e.tuples()) {
                String code = e.codeOf(t.getKeyNode(), "基本支出经济分类", "部门经济分类款", 5);
                BigDecimal amt = e.amountOf(t.getValueNode(), "基本支出经济分类 " + code);
                if (!code.isEmpty() && amt != null) econ.add(new EconAmount(code, amt, ctx.pos(t.getValueNode())));
            }
        });
        FinalDoc.SanGong sanGong = r.obj("三公经费", true).map(this::sanGong).orElse(null);
        Amount running = r.has("机关运行经费") ? r.amount("机关运行经费", false) : null;
        FinalDoc.Procurement procurement = r.obj("政府采购", true).map(this::procurement).orElse(null);
        FinalDoc.Assets assets = r.obj("国有资产", true).map(this::assets).orElse(null);
        FinalDoc.Perf perf = r.obj("绩效", true).map(this::perf).orElse(null);
        FinalDoc.Prior prior = r.obj("上年", true).map(p -> {
            FinalDoc.Prior x = new FinalDoc.Prior(p.amount("收支总计", true), p.amount("财政拨款收支总计", true),
                    p.amount("一般公共预算财政拨款支出", true));
            p.finish();
            return x;
        }).orElse(null);
        FinalDoc.Reasons reasons = r.obj("变动原因", false).map(p -> {
            FinalDoc.Reasons x = new FinalDoc.Reasons(p.str("收支总计", false), p.str("财政拨款", false),
                    p.str("一般公共预算", false));
            p.finish();
            return x;
        }).orElse(new FinalDoc.Reasons("", "", ""));
        FinalDoc.Declared declared = r.obj("控制数", false).map(this::declared).orElse(null);
        r.finish();

        if (dept == null || carry == null || sanGong == null || procurement == null || assets == null || perf == null
                || prior == null) {
            return Optional.empty();
        }
        return Optional.of(new FinalDoc(src.name(), year, catalogYear, publish, dept, units, lines, carry,
                List.copyOf(econ), sanGong, procurement, assets, perf, prior, reasons, running, declared));
    }

    private Amount optional(Reader r, String key) {
        return r.has(key) ? r.amount(key, false) : new Amount(BigDecimal.ZERO, r.pos());
    }

    private FinalDoc.Line line(Reader r) {
        String fn = r.code("功能科目", true, "功能分类项", 7);
        FinalDoc.Line l = new FinalDoc.Line(fn, optional(r, "年初预算"), optional(r, "本年收入"), optional(r, "基本支出"),
                optional(r, "项目支出"), optional(r, "其他资金基本支出"), optional(r, "其他资金项目支出"),
                r.str("差异原因", false), r.posOf("功能科目"));
        r.finish();
        return l;
    }

    private FinalDoc.Carry carry(Reader r) {
        FinalDoc.Carry c = new FinalDoc.Carry(r.amount("年初财政拨款", true), optional(r, "年初其他资金"),
                r.amount("年末财政拨款", true), optional(r, "年末其他资金"));
        r.finish();
        return c;
    }

    private FinalDoc.SanGong sanGong(Reader r) {
        ThreePublic budget = r.obj("预算", true).map(Common::threePublic).orElse(ThreePublic.ZERO);
        ThreePublic actual = r.obj("决算", true).map(Common::threePublic).orElse(ThreePublic.ZERO);
        String[] why = {"", "", ""};
        r.obj("差异原因", false).ifPresent(x -> {
            why[0] = x.str("因公出国", false);
            why[1] = x.str("公务用车", false);
            why[2] = x.str("公务接待", false);
            x.finish();
        });
        FinalDoc.SanGong s = new FinalDoc.SanGong(budget, actual, optional(r, "外宾接待"),
                r.count("因公出国团组", true), r.count("因公出国人次", true), r.count("购置车辆", true),
                r.count("公务用车保有量", true), r.count("外宾接待团组", true), r.count("外宾接待人次", true),
                r.count("国内接待团组", true), r.count("国内接待人次", true), why[0], why[1], why[2]);
        r.finish();
        return s;
    }

    private FinalDoc.Procurement procurement(Reader r) {
        FinalDoc.Procurement p = new FinalDoc.Procurement(r.amount("货物", true), r.amount("工程", true),
                r.amount("服务", true), r.amount("中小企业", true), r.amount("小微企业", true));
        r.finish();
        return p;
    }

    private FinalDoc.Assets assets(Reader r) {
        int[] c = new int[7];
        String[] kinds = {"领导干部用车", "机要通信用车", "应急保障车", "执法执勤用车", "特种专业技术用车", "离退休干部用车", "其他用车"};
        r.obj("车辆", true).ifPresent(v -> {
            for (int i = 0; i < kinds.length; i++) c[i] = v.count(kinds[i], true);
            v.finish();
        });
        FinalDoc.Assets a = new FinalDoc.Assets(c[0], c[1], c[2], c[3], c[4], c[5], c[6],
                r.count("单价50万元以上通用设备", true), r.count("单价100万元以上专用设备", true), r.posOf("车辆"));
        r.finish();
        return a;
    }

    private FinalDoc.Perf perf(Reader r) {
        int projects = r.count("项目数", true);
        int self = r.count("自评项目数", true);
        Amount selfAmt = r.amount("自评金额", true);
        int key = r.count("重点评价项目数", true);
        Amount keyAmt = r.amount("重点评价金额", true);
        int targets = r.count("批复绩效目标项目数", true);
        String targetNote = r.str("批复绩效目标说明", false);
        String whole = r.str("整体自评得分", true);
        String projectScore = r.str("项目自评平均得分", true);
        String keyResult = r.str("重点评价结果", true);
        Amount yearBudget = r.amount("全年预算数", true);
        BigDecimal weight = r.amount("预算执行分值", true).value();
        BigDecimal score = r.amount("预算执行得分", true).value();
        List<String> goals = r.strList("年度履职目标", true);
        List<String> goalResults = r.strList("目标完成情况", false);
        List<Performance.Task> tasks = new ArrayList<>();
        for (Reader t : r.list("年度主要任务", true)) {
            tasks.add(new Performance.Task(t.str("名称", true), t.str("内容", true)));
            t.finish();
        }
        List<FinalDoc.Indicator> rows = new ArrayList<>();
        for (Reader g : r.list("自评指标", true)) {
            String l1 = g.str("一级", true);
            String l2 = g.str("二级", true);
            for (Reader i : g.list("指标", true)) {
                rows.add(new FinalDoc.Indicator(l1, l2, i.str("名称", true), i.str("指标值", true), i.str("说明", false),
                        i.str("完成值", true), i.amount("分值", true).value(), i.amount("得分", true).value(),
                        i.str("原因", false)));
                i.finish();
            }
            g.finish();
        }
        r.finish();
        return new FinalDoc.Perf(projects, self, selfAmt, key, keyAmt, targets, targetNote, whole, projectScore,
                keyResult, yearBudget, weight, score, goals, goalResults, List.copyOf(tasks), List.copyOf(rows));
    }

    private FinalDoc.Declared declared(Reader r) {
        Map<String, Amount> classes = new LinkedHashMap<>();
        r.obj("类", false).ifPresent(c -> {
            for (NodeTuple t : c.tuples()) {
                String code = c.codeOf(t.getKeyNode(), "控制数.类", "功能分类类", 3);
                BigDecimal v = c.amountOf(t.getValueNode(), "控制数.类 " + code);
                if (!code.isEmpty() && v != null) classes.put(code, new Amount(v, r.ctx().pos(t.getValueNode())));
            }
        });
        FinalDoc.Declared d = new FinalDoc.Declared(maybe(r, "年初预算"), maybe(r, "本年收入"), maybe(r, "本年支出"),
                maybe(r, "财政拨款支出"), maybe(r, "基本支出"), maybe(r, "项目支出"), maybe(r, "绩效项目支出"),
                java.util.Collections.unmodifiableMap(classes));
        r.finish();
        return d;
    }

    private Amount maybe(Reader r, String key) {
        return r.has(key) ? r.amount(key, false) : null;
    }
}
