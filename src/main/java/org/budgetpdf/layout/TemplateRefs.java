package org.budgetpdf.layout;

import org.budgetpdf.bind.Binder;
import org.budgetpdf.bind.Suggest;
import org.budgetpdf.compute.FilterText;
import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a template writes as literal arguments — {@code r.table("预算03")}, {@code f.fund("政府性基金")},
 * {@code f.generalProjectType("其他运转类")}, {@code f.sum("{资金: …}")}, {@code f.reason("收支总计")},
 * {@code f.prior("收支总计")}, {@code ast.amount("资产总额")} — checked against the layout's tables, its 词表 and the
 * data format when the layout is read, so a name that does not exist is an error at the template's line at `check`,
 * also in a branch this file's data never takes. (What a template does with the data it reads is checked by rendering
 * it at `check`, see the pipeline.)
 */
public final class TemplateRefs {
    private TemplateRefs() {
    }

    /** A name that does not exist, at 1-based line and column, with its message and hint. */
    public record Finding(int line, int col, int length, String message, String hint) {
    }

    private static final Pattern CALL = Pattern.compile(
            "\\.(table|fund|projectType|generalProjectType|sum|reason|prior|amount)\\(\\s*(\"([^\"]*)\"|'([^']*)')");

    public static List<Finding> scan(String text, Layout layout) {
        List<Finding> out = new ArrayList<>();
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            String what = m.group(1);
            String arg = m.group(3) != null ? m.group(3) : m.group(4);
            int at = m.start(2) + 1;
            String problem = switch (what) {
                case "table" -> layout.tables().containsKey(arg) ? null : unknown("表格", arg, layout.tables().keySet(),
                        "tables.yaml 中声明的表");
                case "fund" -> Fund.byName(arg).isPresent() ? null : unknown("资金", arg, funds(), "资金来源和分组");
                case "projectType", "generalProjectType" -> projectType(layout, arg);
                case "sum" -> filter(layout, arg);
                case "reason" -> reasonKeys().contains(arg) ? null : unknown("原因", arg, reasonKeys(), "“变动原因”的项");
                case "prior" -> Binder.items().get(Measure.PRIOR).contains(arg) ? null
                        : unknown("上年数", arg, Binder.items().get(Measure.PRIOR), "“上年”的项");
                case "amount" -> Binder.ASSET_AMOUNTS.contains(arg) ? null
                        : unknown("国有资产金额", arg, Binder.ASSET_AMOUNTS, "“国有资产”的金额项");
                default -> null;
            };
            if (problem == null) continue;
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            out.add(new Finding(line, at - lineStart + 1, arg.codePointCount(0, arg.length()), problem,
                    "模板里写的名称要与版式和数据格式中的名称一致；写法见 templates/README.md“模板（document.ftlh）”一节。"));
        }
        return out;
    }

    private static List<String> funds() {
        List<String> all = new ArrayList<>();
        for (Fund f : Fund.values()) all.add(f.label());
        all.addAll(Fund.GROUPS.keySet());
        return all;
    }

    private static List<String> reasonKeys() {
        List<String> keys = new ArrayList<>(Binder.REASON_KEYS);
        for (String k : List.of("因公出国", "公务用车", "公务接待")) keys.add("三公差异." + k);
        return keys;
    }

    private static String projectType(Layout layout, String category) {
        Vocabulary v = layout.vocab().get(Layout.PROJECT_TYPE);
        if (v == null) {
            return "模板按项目类型“" + category + "”取数，但版式的 layout.yaml 没有“词表: 项目类型”，数据中的项目类型放不进任何一类";
        }
        return v.categories().containsKey(category) ? null : unknown("项目类型", category, v.categories().keySet(),
                "layout.yaml“词表: 项目类型”的类别");
    }

    /** A filter written in a template: its syntax, and its 项目类型 against the 词表. */
    private static String filter(Layout layout, String text) {
        Filter f;
        try {
            f = FilterText.parse(text);
        } catch (RuntimeException e) {
            return "取数条件“" + text + "”写错了：" + e.getMessage();
        }
        for (Filter.Constraint c : f.parts()) {
            if (c.dim() != Dim.PROJECT_TYPE) continue;
            for (String v : c.values()) {
                String p = projectType(layout, v);
                if (p != null) return p;
            }
        }
        return null;
    }

    static String unknown(String what, String name, Collection<String> known, String where) {
        String guess = Suggest.closest(name, known).map(g -> "（是不是“" + g + "”？）").orElse("");
        return "模板用到的" + what + "“" + name + "”不存在" + guess + "；" + where + "：" + String.join("、", known);
    }

    /** For messages about a map of names. */
    static <K> List<String> names(Map<K, ?> m, Function<K, String> f) {
        return m.keySet().stream().map(f).toList();
    }
}
