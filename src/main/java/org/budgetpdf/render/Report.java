package org.budgetpdf.render;

import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Numerals;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.layout.TableEngine;
import org.budgetpdf.layout.TableSpec;
import org.budgetpdf.layout.TableView;
import org.budgetpdf.model.Department;
import org.budgetpdf.model.Disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a layout's template reads as {@code r}: the department's figures ({@code r.f}), each unit's ({@code r.units}),
 * the department's description, the layout's tables made for any scope, and a few helpers. Everything here is
 * computed from the realized figures; the template holds only wording and layout.
 */
public final class Report {
    private final Realized realized;
    private final Layout layout;
    private final Map<String, TableView> cache = new LinkedHashMap<>();
    /** The 附加 keys the template asked for (the checker lists the ones never asked for, W-UNUSED). */
    private final java.util.Set<String> extrasRead = java.util.Collections.synchronizedSet(new java.util.TreeSet<>());

    public Report(Realized realized, Layout layout) {
        this.realized = realized;
        this.layout = layout;
    }

    public Figures getF() {
        return realized.dept();
    }

    public List<Figures> getUnits() {
        return realized.units();
    }

    public Department getDept() {
        return realized.doc().department();
    }

    public Disclosure getDoc() {
        return realized.doc();
    }

    public int getYear() {
        return realized.doc().year();
    }

    public int getPriorYear() {
        return realized.doc().year() - 1;
    }

    /** 区级 / 县级 …: the glossary says “区级财政当年拨付的资金”. */
    public String getGovLevel() {
        return realized.doc().department().level().label();
    }

    /** The cover's month: “2025年3月”. */
    public String getPublishMonth() {
        var d = realized.doc().publishDate();
        return d.getYear() + "年" + d.getMonthValue() + "月";
    }

    public String getLayout() {
        return layout.name();
    }

    /** The department's tables in the order tables.yaml declares them. */
    public List<TableView> getTables() {
        List<TableView> out = new ArrayList<>();
        for (String key : layout.tables().keySet()) out.add(table(key));
        return out;
    }

    /**
     * Every table made so far, in the order the template first asked for it: after the render, the tables the
     * document prints (and perhaps some it only read a figure of).
     */
    public List<TableView> tablesMade() {
        return List.copyOf(cache.values());
    }

    /** One declared table for the department. */
    public TableView table(String key) {
        return table(key, null);
    }

    /** One declared table for a unit (its code) or, with null, for the department. */
    public TableView table(String key, String unitCode) {
        return cache.computeIfAbsent(key + "|" + unitCode, k -> {
            TableSpec spec = layout.tables().get(key);
            if (spec == null) {
                throw new IllegalArgumentException("表格“" + key + "”没有在 templates/" + layout.name()
                        + "/tables.yaml 中声明；已声明：" + String.join("、", layout.tables().keySet()));
            }
            Figures scope = unitCode == null ? realized.dept() : realized.unit(unitCode);
            if (scope == null) throw new IllegalArgumentException("没有代码为 " + unitCode + " 的单位");
            return TableEngine.build(spec, realized, scope);
        });
    }

    /** One item of 附加 as a template prints it: its text (paragraphs joined) and paragraphs, or its amount. */
    public record ExtraView(String key, String text, List<String> paragraphs, org.budgetpdf.compute.Money amount) {
    }

    /**
     * A province's own item, {@code r.extra("本地说明")}: null when the file does not give it (the template leaves its
     * sentence out, {@code <#if r.extra("本地说明")??>}).
     */
    public ExtraView extra(String key) {
        extrasRead.add(key);
        org.budgetpdf.model.Extra e = realized.doc().extras().get(key);
        if (e == null) return null;
        org.budgetpdf.compute.Money amount = e.amount() ? realized.dept().sum(org.budgetpdf.compute.Filter.of(
                org.budgetpdf.compute.Dim.MEASURE, org.budgetpdf.model.Measure.OTHER.label())
                .and(org.budgetpdf.compute.Dim.ITEM, org.budgetpdf.model.Extra.PREFIX + key)) : null;
        return new ExtraView(key, String.join("", e.paragraphs()), e.paragraphs(), amount);
    }

    /** The 附加 keys the template asked for so far. */
    public java.util.Set<String> extrasRead() {
        return java.util.Set.copyOf(extrasRead);
    }

    /** Chinese numerals for headings: 1 → 一, 21 → 二十一 (any count of duties, sections, tables). */
    public String cn(int n) {
        return Numerals.cn(n);
    }
}
