package org.budgetpdf.compute;

import org.budgetpdf.model.Fund;
import org.budgetpdf.model.Labeled;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.Nature;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filter syntax of table declarations and templates: a mapping from dimension names to a value or a list of
 * values, e.g. {@code {资金: 一般公共预算, 性质: 基本, 经济: [301, 303]}}; {@code 非: {…}} excludes. Fund groups
 * ({@link Fund#GROUPS}) expand to their funds.
 */
public final class FilterText {
    private FilterText() {
    }

    /** A filter written as YAML flow text; throws {@link IllegalArgumentException} with a message in Chinese. */
    public static Filter parse(String text) {
        Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (o == null) return Filter.ALL;
        if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException("取数条件应当写成 {维度: 值}：" + text);
        Map<String, List<String>> spec = new LinkedHashMap<>();
        Map<String, List<String>> not = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (k.equals("非") && e.getValue() instanceof Map<?, ?> n) {
                for (var x : n.entrySet()) not.put(String.valueOf(x.getKey()), values(x.getValue()));
            } else {
                spec.put(k, values(e.getValue()));
            }
        }
        return of(spec, not);
    }

    private static List<String> values(Object v) {
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(v));
    }

    /** Builds a filter; throws {@link IllegalArgumentException} naming the unknown dimension or value. */
    public static Filter of(Map<String, List<String>> spec, Map<String, List<String>> not) {
        Filter f = Filter.ALL;
        for (var e : spec.entrySet()) f = f.and(dim(e.getKey()), values(dim(e.getKey()), e.getValue()));
        for (var e : not.entrySet()) f = f.andNot(dim(e.getKey()), values(dim(e.getKey()), e.getValue()));
        return f;
    }

    public static Dim dim(String name) {
        return Dim.of(name).orElseThrow(() -> new IllegalArgumentException("没有“" + name + "”这个取数维度；可用："
                + String.join("、", java.util.Arrays.stream(Dim.values()).map(Dim::label).toList()) + "、非"));
    }

    /** The values as {@link Atom#get} compares them: fund groups expanded, labels checked. */
    public static Set<String> values(Dim d, List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : raw) {
            String s = v.strip();
            switch (d) {
                case FUND -> out.addAll(Fund.byName(s).orElseThrow(() -> new IllegalArgumentException(
                                "资金“" + s + "”不是资金来源，也不是资金分组；资金来源：" + Labeled.labels(Fund.class)
                                        + "；分组：" + String.join("、", Fund.GROUPS.keySet())))
                        .stream().map(Fund::label).toList());
                case MEASURE -> out.add(Labeled.byLabel(Measure.class, s).orElseThrow(() -> new IllegalArgumentException(
                        "数据“" + s + "”不存在；可用：" + Labeled.labels(Measure.class))).label());
                case NATURE -> out.add(Labeled.byLabel(Nature.class, s).orElseThrow(() -> new IllegalArgumentException(
                        "性质只能是“基本”或“项目”，不是“" + s + "”")).label());
                case FUNCTION -> {
                    if (!s.matches("\\d{1,7}")) throw new IllegalArgumentException("功能编码“" + s + "”应当是数字");
                    out.add(s);
                }
                // 经济 may name a group of the catalog edition (人员经费, 公用经费 …), resolved per document
                case ECON, GOV_ECON -> out.add(s);
                default -> out.add(s);
            }
        }
        return out;
    }
}
