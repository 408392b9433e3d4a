package org.budgetpdf.scaffold;

import org.budgetpdf.compute.Atom;
import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.compute.Views;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Nature;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code next-year --决算}: the 部门决算 of a year from that year's 部门预算. The 预算数 are filled from the budget: each
 * 功能科目's 年初预算 (一般公共预算 money, or 政府性基金 / 国有资本经营 on their own lines) and the “三公” 预算. The 决算
 * columns start from the same figures (决算 = 预算 until the clerk enters the year's actuals), so the file checks and
 * builds at once; everything to replace is listed under 待核对. The department, units, 政府采购, 国有资产, 机关运行经费
 * and 绩效 sections are copied as written.
 */
final class FinalFromBudget {
    private FinalFromBudget() {
    }

    /** Sections of the budget copied as they are, in the order a 决算 file has them. */
    private static final List<String> COPIED_HEAD = List.of("部门", "单位");
    private static final List<String> COPIED_TAIL = List.of("政府采购", "国有资产", "机关运行经费", "绩效", "其他事项");

    /** The 决算明细 line an amount of the budget goes to; null for money that is not 财政拨款 (其他资金). */
    private static Fund lineFund(Fund f) {
        return switch (f) {
            case APPROPRIATION, GENERAL_OTHER, CARRY_GENERAL -> Fund.APPROPRIATION;
            case GOV_FUND, CARRY_GOV_FUND -> Fund.GOV_FUND;
            case STATE_CAPITAL, CARRY_STATE_CAPITAL -> Fund.STATE_CAPITAL;
            default -> null;
        };
    }

    private static boolean carried(Fund f) {
        return f == Fund.CARRY_GENERAL || f == Fund.CARRY_GOV_FUND || f == Fund.CARRY_STATE_CAPITAL;
    }

    /** One 决算明细 entry. */
    private static final class Line {
        Money initial = Money.ZERO;
        Money income = Money.ZERO;
        Money basic = Money.ZERO;
        Money project = Money.ZERO;
        Money otherBasic = Money.ZERO;
        Money otherProject = Money.ZERO;
    }

    static NextYear.Written write(SourceFile src, Realized r, String sourceName) {
        int year = r.doc().year();
        boolean yuan = NextYear.yuan(src);
        MappingNode root = (MappingNode) src.root();
        YamlText budget = YamlText.parse(String.join("\n", src.lines()) + "\n");
        Figures f = r.dept();

        // the budget's spending, rounded as printed, by 功能科目 and line
        Map<String, Line> lines = new TreeMap<>();
        Map<String, Money> econ = new TreeMap<>();
        Money openingFiscal = Money.ZERO;
        Money openingOther = Money.ZERO;
        for (Atom a : r.cube().atoms()) {
            if (a.fact().measure() != Measure.SPEND || a.fact().fund() == null) continue;
            Fund fund = a.fact().fund();
            Fund line = lineFund(fund);
            boolean basic = a.fact().nature() == Nature.BASIC;
            Line l = lines.computeIfAbsent(a.fact().function() + "|" + (line == null ? Fund.APPROPRIATION : line).label(), k -> new Line());
            Money m = a.shown();
            if (line == null) {
                if (basic) l.otherBasic = l.otherBasic.plus(m);
                else l.otherProject = l.otherProject.plus(m);
                openingOther = openingOther.plus(m);
                continue;
            }
            if (basic) l.basic = l.basic.plus(m);
            else l.project = l.project.plus(m);
            if (carried(fund)) {
                openingFiscal = openingFiscal.plus(m);
            } else {
                l.income = l.income.plus(m); // this year's money: the 年初预算 as well
                l.initial = l.initial.plus(m);
            }
            if (basic && line == Fund.APPROPRIATION) econ.merge(a.fact().econ(), m, Money::plus);
        }

        List<NextYear.Review> reviews = new ArrayList<>();
        for (String k : COPIED_HEAD) textYearsOf(root, k, reviews);
        for (String k : COPIED_TAIL) textYearsOf(root, k, reviews);
        reviews.add(new NextYear.Review("公开日期", "公开日期暂定为 " + (year + 1) + "-09-01，请改为实际的公开日期"));
        if (budget.has("部门")) reviews.add(new NextYear.Review("部门", "部门的职责、机构设置是从预算抄来的，核对年内有没有变化"));
        if (budget.has("单位")) reviews.add(new NextYear.Review("单位", "单位是从预算抄来的，核对年内有没有新增、撤并或改名的单位"));
        reviews.add(new NextYear.Review("决算明细", "年初预算取自 " + year + " 年预算；本年收入、基本支出、项目支出暂按预算数填写，"
                + "请照 " + year + " 年的决算改正，决算与年初预算不同的项写“差异原因”"));
        reviews.add(new NextYear.Review("结转结余", "结转结余暂按预算填写（年末为 0），请照决算填写年初、年末的结转和结余"));
        reviews.add(new NextYear.Review("基本支出经济分类", "公开06表暂按预算的基本支出填写，请照决算改正"));
        reviews.add(new NextYear.Review("三公经费", "“预算”取自 " + year + " 年预算；“决算”暂按预算数填写，请照决算改正，"
                + "并补上车辆、团组、人次等数量（写法见 data/jiaozuo-zhongzhan-2021-final.yaml）"));
        for (String k : COPIED_TAIL) {
            if (budget.has(k) && !k.equals("其他事项")) reviews.add(new NextYear.Review(k, k + "是从预算抄来的，请改为决算的情况"
                    + (k.equals("绩效") ? "，并填写绩效自评（自评指标、项目数、自评项目数……，写法见 data/jiaozuo-zhongzhan-2021-final.yaml）" : "")));
        }
        reviews.add(new NextYear.Review(null, "上年：填写 " + (year - 1) + " 年的决算数（收支总计、财政拨款收支总计、一般公共预算财政拨款支出），"
                + "用于“比上年增加（减少）”；有 " + (year - 1) + " 年的决算文件时，可以用 next-year 由它写出 " + year + " 年的决算"));
        reviews.add(new NextYear.Review(null, "控制数：收到 " + year + " 年决算的批复后，照批复在文件末尾填写“控制数:”（本年支出、基本支出……，"
                + "可省略）；填了检查器才能发现录错的金额"));

        StringBuilder sb = new StringBuilder();
        String name = r.doc().department() == null ? "" : r.doc().department().name();
        sb.append("# ").append(name).append(" ").append(year).append(" 年度部门决算\n\n");
        sb.append("# ---- ").append(year).append(" 年部门决算：由 next-year --决算 从 ").append(sourceName).append(" 写出 ----\n");
        sb.append("# 预算数（各项的年初预算、“三公”经费预算）取自 ").append(year).append(" 年部门预算；决算数暂按预算数填写，是填写的起点。\n");
        sb.append("# 逐项核对、改正，每核对完一项就删去下面对应的一行；全部核对完后删去整个“待核对”。\n");
        sb.append("# check 会逐条列出还没有核对的项（警告 W-REVIEW）；一项没删之前，那一段里的其他警告先不列出。\n");
        sb.append("待核对:\n");
        for (NextYear.Review rv : reviews) sb.append("  - ").append(rv.yaml()).append('\n');
        sb.append('\n');
        sb.append("文档: 部门决算\n");
        sb.append("年度: ").append(year).append('\n');
        sb.append("金额单位: ").append(yuan ? "元" : "万元").append('\n');
        sb.append("公开日期: \"").append(year + 1).append("-09-01\"\n\n");
        for (String k : COPIED_HEAD) budget.block(k).ifPresent(b -> sb.append(b.text()));
        ensureBlank(sb);

        sb.append("# 决算明细：每个功能分类项一段。年初预算为一般公共预算（或政府性基金、国有资本经营）的年初预算；\n");
        sb.append("# 本年收入为财政拨款收入；基本支出、项目支出为财政拨款支出；其他资金基本支出、项目支出为非财政拨款支出。\n");
        sb.append("决算明细:\n");
        for (var e : lines.entrySet()) {
            String code = e.getKey().substring(0, e.getKey().indexOf('|'));
            String fund = e.getKey().substring(e.getKey().indexOf('|') + 1);
            Line l = e.getValue();
            String nm = f.functionName(code);
            sb.append("  - 功能科目: ").append(code).append(nm == null || nm.isEmpty() ? "" : "            # " + nm).append('\n');
            if (!fund.equals(Fund.APPROPRIATION.label())) sb.append("    资金: ").append(fund).append('\n');
            put(sb, "年初预算", l.initial, yuan);
            put(sb, "本年收入", l.income, yuan);
            put(sb, "基本支出", l.basic, yuan);
            put(sb, "项目支出", l.project, yuan);
            put(sb, "其他资金基本支出", l.otherBasic, yuan);
            put(sb, "其他资金项目支出", l.otherProject, yuan);
        }
        sb.append('\n');
        sb.append("结转结余:\n");
        sb.append("  年初财政拨款: ").append(NextYear.amount(openingFiscal, yuan)).append('\n');
        if (!openingOther.isZero()) sb.append("  年初其他资金: ").append(NextYear.amount(openingOther, yuan)).append('\n');
        sb.append("  年末财政拨款: ").append(NextYear.amount(Money.ZERO, yuan)).append('\n');
        if (!openingOther.isZero()) sb.append("  年末其他资金: ").append(NextYear.amount(Money.ZERO, yuan)).append('\n');
        sb.append('\n');
        sb.append("# 公开06：一般公共预算财政拨款基本支出，按部门经济分类款；合计等于决算明细的基本支出。\n");
        sb.append("基本支出经济分类:\n");
        for (var e : econ.entrySet()) {
            String nm = f.econName(e.getKey());
            sb.append("  ").append(e.getKey()).append(": ").append(NextYear.amount(e.getValue(), yuan))
                    .append(nm == null || nm.isEmpty() ? "" : "    # " + nm).append('\n');
        }
        sb.append('\n');
        Views.SanGong s = f.sanGong();
        if (s.given()) {
            String parts = parts(s, yuan);
            sb.append("三公经费:\n");
            sb.append("  预算: ").append(parts).append('\n');
            sb.append("  决算: ").append(parts).append('\n');
            Integer cars = vehicles(root);
            if (cars != null) sb.append("  公务用车保有量: ").append(cars).append('\n');
            sb.append('\n');
        }
        for (String k : COPIED_TAIL) budget.block(k).ifPresent(b -> {
            sb.append(b.text());
            ensureBlank(sb);
        });
        return new NextYear.Written(sb.toString(), reviews.size(), year, DocKind.FINAL_ACCOUNTS);
    }

    private static void put(StringBuilder sb, String key, Money m, boolean yuan) {
        if (!m.isZero()) sb.append("    ").append(key).append(": ").append(NextYear.amount(m, yuan)).append('\n');
    }

    private static String parts(Views.SanGong s, boolean yuan) {
        List<String> out = new ArrayList<>();
        for (Views.Part p : List.of(s.abroad(), s.carPurchase(), s.carRunning(), s.reception())) {
            out.add(p.name() + ": " + NextYear.amount(p.amount(), yuan));
        }
        return "{" + String.join(", ", out) + "}";
    }

    /** The vehicles the budget's 国有资产 gives (by kind, or a total): the 决算's 公务用车保有量 must agree (D10). */
    private static Integer vehicles(MappingNode root) {
        if (!(NextYear.child(root, "国有资产") instanceof MappingNode a)) return null;
        Node v = NextYear.child(a, "车辆");
        if (v instanceof ScalarNode s && s.getValue().strip().matches("\\d{1,6}")) return Integer.parseInt(s.getValue().strip());
        if (!(v instanceof MappingNode m)) return null;
        int n = 0;
        for (NodeTuple t : m.getValue()) {
            if (!(t.getValueNode() instanceof ScalarNode s) || !s.getValue().strip().matches("\\d{1,6}")) return null;
            n += Integer.parseInt(s.getValue().strip());
        }
        return n;
    }

    private static void textYearsOf(MappingNode root, String key, List<NextYear.Review> out) {
        Node n = NextYear.child(root, key);
        if (n != null) NextYear.textYears(n, key, out, "这段文字是从预算抄来的，核对在决算里是否仍然对");
    }

    private static void ensureBlank(StringBuilder sb) {
        if (sb.length() >= 2 && !(sb.charAt(sb.length() - 1) == '\n' && sb.charAt(sb.length() - 2) == '\n')) sb.append('\n');
    }
}
