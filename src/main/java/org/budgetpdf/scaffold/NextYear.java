package org.budgetpdf.scaffold;

import org.budgetpdf.Pipeline;
import org.budgetpdf.ProjectHome;
import org.budgetpdf.cli.Arguments;
import org.budgetpdf.cli.Launcher;
import org.budgetpdf.cli.Options;
import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.compute.Views;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.DiagnosticFormatter;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.layout.LayoutLoader;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.model.DocKind;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code next-year}: next year's data file from this year's, edited as text so that the clerk's comments and layout
 * stay. 年度 + 1 (and the 公开日期 with it); 上年 holds this year's computed figures; 变动原因 and the year's 批复 go;
 * the layout that claims the new year is chosen; everything else is kept as the starting point and listed under
 * 待核对 at the top (check reports each item, W-REVIEW), with every year written in the free text.
 * With {@code --决算}: the same year's 部门决算 from its 部门预算, the 预算数 (年初预算, 三公 预算) filled in ({@link FinalFromBudget}).
 */
public final class NextYear {
    private NextYear() {
    }

    /** A file written: its text and how many review items it lists. */
    record Written(String text, int reviews, int year, DocKind kind) {
    }

    public static int run(Options.NextYear o, PrintStream out, PrintStream err, Path home, Launcher launcher) throws Options.UsageError {
        if (o.help || o.version) return Common.helpOrVersion(o, out, launcher);
        Path source = Common.oneFile(o.files, "next-year", "某部门-2025-budget.yaml", home);
        String shownSource = Common.shown(home, source);
        Optional<String> notAFile = Arguments.notAFile(source, shownSource);
        if (notAFile.isPresent()) throw new Options.UsageError(notAFile.get());

        Pipeline pipeline = new Pipeline(home);
        Pipeline.Checked c = pipeline.check(source, shownSource);
        if (!c.ok()) {
            DiagnosticFormatter fmt = new DiagnosticFormatter(x -> x.equals(shownSource) ? c.source().lines() : pipeline.layoutLines(x));
            for (Diagnostic d : c.diags().sorted()) if (d.isError()) err.print(fmt.format(d));
            err.println("“" + shownSource + "”有错误，没有写新文件。\n提示：先改正这些错误（上年的数要从没有错误的文件算出），再运行 next-year。");
            return 1;
        }
        Realized r = c.realized().orElseThrow();
        if (o.finalAccounts && !r.doc().isBudget()) {
            throw new Options.UsageError("--决算 要从部门预算写出同一年的部门决算，“" + shownSource + "”已经是部门决算。"
                    + "\n提示：由今年的决算写明年的决算，去掉 --决算。");
        }
        Written w = o.finalAccounts ? FinalFromBudget.write(c.source(), r, shownSource)
                : nextYear(c.source(), r, c.layout().orElseThrow(), layouts(home), shownSource);
        Path target = o.out != null ? home.resolve(o.out) : source.resolveSibling(targetName(source.getFileName().toString(),
                r.doc().year(), o.finalAccounts));
        if (o.out != null && !o.out.endsWith(".yaml") && !o.out.endsWith(".yml")) {
            throw new Options.UsageError("--out 要写新数据文件的名字（以 .yaml 结尾），不是“" + o.out + "”。");
        }
        if (Files.exists(target)) {
            throw new Options.UsageError("“" + Common.shown(home, target) + "”已经存在，没有改动它。\n提示：用 --out 写到另一个文件名，"
                    + "或先把原来的文件改名。");
        }
        if (!Common.write(target, w.text(), home, err)) return 1;
        String shown = Common.shown(home, target);
        out.println("已写出 " + shown + "（" + w.year() + " 年" + w.kind().label() + "），文件开头列了 " + w.reviews() + " 项待核对。");
        out.println("下一步：逐项核对改正，每核对完一项就删去那一行；用这条命令查看还剩哪些：" + launcher.command("check " + shown));
        return 0;
    }

    private static List<Layout> layouts(Path home) {
        LayoutLoader loader = new LayoutLoader(ProjectHome.locate(home).templates());
        return loader.all(new Diagnostics());
    }

    /** x-2025-budget.yaml → x-2026-budget.yaml (or x-2025-final.yaml for --决算); without a year in the name, -2026 is added. */
    static String targetName(String name, int year, boolean toFinal) {
        int dot = name.lastIndexOf('.');
        String base = name.substring(0, dot);
        String ext = name.substring(dot);
        if (toFinal) {
            if (base.contains("budget")) return base.replace("budget", "final") + ext;
            if (base.contains("预算")) return base.replace("预算", "决算") + ext;
            return base + "-final" + ext;
        }
        String y = String.valueOf(year);
        int at = base.lastIndexOf(y);
        if (at >= 0) return base.substring(0, at) + (year + 1) + base.substring(at + y.length()) + ext;
        return base + "-" + (year + 1) + ext;
    }

    // ---- next year's file -------------------------------------------------------------------------------------------

    static Written nextYear(SourceFile src, Realized r, Layout layout, List<Layout> all, String sourceName) {
        int year = r.doc().year();
        int next = year + 1;
        DocKind kind = r.doc().kind();
        boolean yuan = yuan(src);
        MappingNode root = (MappingNode) src.root();
        List<String> lines = new ArrayList<>(src.lines());
        List<Review> reviews = new ArrayList<>();

        // 1. values replaced in place (the line count stays, so the node marks stay valid)
        Edits edits = new Edits(lines);
        scalar(root, "年度").ifPresent(n -> edits.replace(n, quoted(n, String.valueOf(next))));
        scalar(root, "公开日期").ifPresent(n -> {
            String v = n.getValue().strip();
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                String md = v.substring(4).equals("-02-29") ? "-02-28" : v.substring(4);
                String date = (Integer.parseInt(v.substring(0, 4)) + 1) + md;
                edits.replace(n, quoted(n, date));
                reviews.add(new Review("公开日期", "公开日期已改为 " + date + "（原来的日期加一年），请改为实际的公开日期"));
            } else {
                reviews.add(new Review("公开日期", "请填写 " + next + " 年" + kind.label() + "的公开日期"));
            }
        });
        boolean assetsMoved = false;
        if (child(root, "国有资产") instanceof MappingNode a) {
            Optional<ScalarNode> total = scalar(a, "资产总额");
            Optional<ScalarNode> priorTotal = scalar(a, "上年资产总额");
            if (total.isPresent() && priorTotal.isPresent()) {
                edits.replace(priorTotal.get(), total.get().getValue().strip());
                assetsMoved = true;
            }
        }
        edits.apply();

        // 2. years written in the clerk's text: each such value is a review item of its own
        textYears(root, "", reviews, "核对是否要改为 " + next + " 年或删去");

        // 3. sections: this year's detail kept for review
        String y = year + " 年";
        section(root, "部门", reviews, "核对部门的职责、机构设置有没有变化（今年的文字）");
        section(root, "单位", reviews, "核对有没有新增、撤并或改名的单位");
        if (kind == DocKind.BUDGET) {
            section(root, "基本支出", reviews, "基本支出仍是 " + y + "的数，请按 " + next + " 年的预算逐项改正（单位、功能科目、经济科目、金额）");
            section(root, "项目", reviews, "项目仍是 " + y + "的，请按 " + next + " 年的预算增删、改正（金额、类型、内容、绩效指标）");
        } else {
            section(root, "决算明细", reviews, "决算明细仍是 " + y + "的数，请按 " + next + " 年的决算改正（年初预算、本年收入、支出、差异原因）");
            section(root, "结转结余", reviews, "结转结余仍是 " + y + "的数：" + next + " 年初的结转结余是 " + year + " 年末的，请照决算填写");
            section(root, "基本支出经济分类", reviews, "基本支出经济分类（公开06表）仍是 " + y + "的数，请照 " + next + " 年的决算改正");
        }
        section(root, "三公经费", reviews, "“三公”经费仍是 " + y + "的数，请按 " + next + " 年的" + kind.label() + "改正");
        section(root, "机关运行经费", reviews, "机关运行经费仍是 " + y + "的数（和用途），请按 " + next + " 年改正");
        section(root, "政府采购", reviews, "政府采购仍是 " + y + "的数，请按 " + next + " 年改正");
        // a 预算 shows the assets at the end of the year before, a 决算 at the end of its own year
        section(root, "国有资产", reviews, "国有资产仍是 " + y + "文件的数" + (assetsMoved ? "（“上年资产总额”已改为原来的资产总额）" : "")
                + "，请填 " + (kind == DocKind.BUDGET ? year : next) + " 年末的数");
        section(root, "绩效", reviews, "绩效目标和指标仍是 " + y + "的，请按 " + next + " 年改写");
        section(root, "其他事项", reviews, "其他事项是 " + y + "的文字，请核对");

        // 4. whole sections replaced, removed, added
        YamlText t = YamlText.parse(String.join("\n", lines) + "\n");
        String priorBlock = priorBlock(r.dept(), kind, yuan, year, sourceName);
        if (t.has("上年")) t.replace("上年", priorBlock);
        else t.insert("上年", priorBlock, List.of("变动原因", "批复", "控制数", "其他事项", "说明"));
        t.remove("变动原因");
        for (String k : List.of("批复", "控制数")) {
            if (t.has(k)) {
                t.remove(k);
                reviews.add(new Review(null, k + "：" + y + "的控制数已删去；收到 " + next + " 年的批复后，照批复在文件末尾填写“" + k + ":”（可省略）"));
            }
        }
        layoutLine(t, r.doc().layout(), layout, all, kind, year, next, reviews);
        t.remove("待核对");
        t.insert("待核对", reviewBlock(reviews, sourceName, year, next, kind), t.keys().isEmpty() ? List.of() : List.of(t.keys().get(0)));
        return new Written(t.toString(), reviews.size(), next, kind);
    }

    /**
     * 版式: a layout the clerk chose that does not claim this year by default stays; a layout that is the
     * default for this year gives way to the default of the new year; with no default for the new year, this year's
     * layout is written out so that the file still builds.
     */
    private static void layoutLine(YamlText t, String written, Layout used, List<Layout> all, DocKind kind, int year, int next,
                                   List<Review> reviews) {
        Optional<Layout> nextDefault = all.stream().filter(l -> l.isDefaultFor(kind, next)).findFirst();
        boolean claimsThisYear = used.isDefaultFor(kind, year);
        if (!claimsThisYear) return; // chosen by name for its own sake: keep it (written, since it is no default)
        if (nextDefault.isEmpty()) {
            if (written.isEmpty()) {
                t.insert("版式", "版式: " + used.name() + "\n", List.of("金额单位", "公开日期"));
            }
            return;
        }
        if (!written.isEmpty()) t.remove("版式");
        if (!nextDefault.get().name().equals(used.name())) {
            reviews.add(new Review(null, "版式：" + next + " 年的" + kind.label() + "默认用“" + nextDefault.get().title() + "”（" + nextDefault.get().name()
                    + "），" + year + " 年用的是 " + used.name() + "；表格和措辞会不同，生成后请通读一遍"));
        }
    }

    private static String priorBlock(Figures f, DocKind kind, boolean yuan, int year, String sourceName) {
        Map<String, Money> items = new LinkedHashMap<>();
        items.put("收支总计", f.total());
        if (kind == DocKind.BUDGET) {
            items.put("一般公共预算", f.general());
        } else {
            items.put("一般公共预算财政拨款支出", f.general());
        }
        items.put("财政拨款收支总计", f.fiscalTotal());
        items.put("政府性基金", f.govFund());
        items.put("国有资本经营", f.stateCapital());
        items.put("基本支出", f.basic());
        items.put("项目支出", f.project());
        StringBuilder sb = new StringBuilder();
        String what = year + " 年" + (kind == DocKind.BUDGET ? "预算" : "决算") + "数";
        sb.append("# 上年：").append(what).append("，由 next-year 从 ").append(sourceName).append(" 算出，不用改。\n");
        sb.append("上年:\n");
        for (var e : items.entrySet()) sb.append("  ").append(e.getKey()).append(": ").append(amount(e.getValue(), yuan)).append('\n');
        Views.SanGong s = f.sanGong();
        if (s.given()) {
            sb.append("  三公经费:\n");
            for (Views.Part p : List.of(s.abroad(), s.carPurchase(), s.carRunning(), s.reception())) {
                sb.append("    ").append(p.name()).append(": ").append(amount(p.amount(), yuan)).append('\n');
            }
        }
        Views.Running run = f.running();
        if (run.amount() != null) sb.append("  机关运行经费: ").append(amount(run.amount(), yuan)).append('\n');
        return sb.append('\n').toString();
    }

    /** An amount as the file writes it: 万元 with two decimals, or whole 元 when the file is in 元. */
    static String amount(Money m, boolean yuan) {
        if (!yuan) return m.value().setScale(2).toPlainString();
        BigDecimal v = m.value().movePointRight(4).stripTrailingZeros();
        return v.scale() <= 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    static boolean yuan(SourceFile src) {
        return src.root() instanceof MappingNode m && scalar(m, "金额单位").map(n -> n.getValue().strip().equals("元")).orElse(false);
    }

    private static String reviewBlock(List<Review> reviews, String sourceName, int year, int next, DocKind kind) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ---- ").append(next).append(" 年").append(kind.label()).append("：由 next-year 从 ").append(sourceName)
                .append(" 写出 ----\n");
        sb.append("# 年度已改为 ").append(next).append("，“上年”填入了 ").append(year).append(" 年算出的数，变动原因已清空。其余内容仍是 ")
                .append(year).append(" 年的，\n");
        sb.append("# 是填写的起点：逐项核对、改正，每核对完一项就删去下面对应的一行；全部核对完后删去整个“待核对”。\n");
        sb.append("# check 会逐条列出还没有核对的项（警告 W-REVIEW）；一项没删之前，那一段里的其他警告先不列出。\n");
        sb.append("待核对:\n");
        for (Review rv : reviews) sb.append("  - ").append(rv.yaml()).append('\n');
        return sb.append('\n').toString();
    }

    /** One review item: where (a path, or null) and what. */
    record Review(String where, String what) {
        String yaml() {
            String w = what.replace("\"", "“");
            return where == null ? "\"" + w + "\"" : "{位置: \"" + where + "\", 事项: \"" + w + "\"}";
        }
    }

    private static void section(MappingNode root, String key, List<Review> reviews, String what) {
        if (child(root, key) != null) reviews.add(new Review(key, what));
    }

    /** Keys whose values are dates, codes or control lists, not text: their digits are no years to review. */
    private static final Set<String> NOT_TEXT = Set.of("年度", "科目年度", "公开日期", "截止日期", "日期", "说明", "待核对", "批复", "控制数",
            "变动原因");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}(?=年)");

    /** Every value of the clerk's text that names a year: one review item each, at its path. */
    static void textYears(Node n, String path, List<Review> out, String ask) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
                String key = k.getValue().strip();
                if (path.isEmpty() && NOT_TEXT.contains(key) || key.equals("日期")) continue;
                textYears(t.getValueNode(), path.isEmpty() ? key : path + "." + key, out, ask);
            }
        } else if (n instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) textYears(s.getValue().get(i), path + "[" + (i + 1) + "]", out, ask);
        } else if (n instanceof ScalarNode sc) {
            Set<String> years = new LinkedHashSet<>();
            Matcher m = YEAR.matcher(sc.getValue());
            while (m.find()) years.add(m.group() + "年");
            if (!years.isEmpty()) {
                out.add(new Review(path, "文字中的年份“" + String.join("”“", years) + "”：" + ask));
            }
        }
    }

    static Node child(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().strip().equals(key)) return t.getValueNode();
        }
        return null;
    }

    static Optional<ScalarNode> scalar(MappingNode m, String key) {
        return child(m, key) instanceof ScalarNode s ? Optional.of(s) : Optional.empty();
    }

    /** A new value in the quotes the old one had. */
    private static String quoted(ScalarNode n, String value) {
        return switch (n.getScalarStyle()) {
            case DOUBLE_QUOTED -> "\"" + value + "\"";
            case SINGLE_QUOTED -> "'" + value + "'";
            default -> value;
        };
    }

    /** Replacements of single-line scalars in the file's lines, by their node marks (code-point columns). */
    static final class Edits {
        private record Edit(int line, int from, int to, String text) {
        }

        private final List<String> lines;
        private final List<Edit> pending = new ArrayList<>();

        Edits(List<String> lines) {
            this.lines = lines;
        }

        void replace(ScalarNode n, String text) {
            Mark s = n.getStartMark();
            Mark e = n.getEndMark();
            if (s.getLine() != e.getLine()) return; // a folded value: left as it is
            pending.add(new Edit(s.getLine(), s.getColumn(), e.getColumn(), text));
        }

        /** Right to left on each line, so earlier columns stay valid. */
        void apply() {
            pending.sort(java.util.Comparator.comparingInt(Edit::line).thenComparingInt(Edit::from).reversed());
            for (Edit p : pending) {
                String l = lines.get(p.line());
                int from = l.offsetByCodePoints(0, p.from());
                int to = l.offsetByCodePoints(0, p.to());
                lines.set(p.line(), l.substring(0, from) + p.text() + l.substring(to));
            }
        }
    }
}
