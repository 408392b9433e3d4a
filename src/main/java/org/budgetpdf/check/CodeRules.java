package org.budgetpdf.check;

import org.budgetpdf.catalog.Catalog;
import org.budgetpdf.catalog.Obsolete;
import org.budgetpdf.compute.Atom;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.model.Fact;
import org.budgetpdf.model.Indicator;
import org.budgetpdf.model.Line;
import org.budgetpdf.layout.Layout;
import org.budgetpdf.layout.Vocabulary;
import org.budgetpdf.model.Measure;
import org.budgetpdf.model.NamedCode;
import org.budgetpdf.model.Nature;
import org.budgetpdf.model.Project;
import org.budgetpdf.model.Unit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules about codes and words against the catalog edition of the document's year. */
final class CodeRules {
    private CodeRules() {
    }

    private static String edition(Catalog c) {
        return c.editionYear() + "年政府收支分类科目";
    }

    /**
     * C01: every 功能分类 and 经济分类 code is in the edition (shipped or local), or named by the file ({编码, 名称}) with
     * its 类 and 款 in the edition (W-CODE-LOCAL: printed as the file names it); an obsolete one names its replacement.
     */
    static void codes(Context ctx, Diagnostics x) {
        Catalog c = ctx.catalog();
        Map<String, NamedCode> named = new java.util.LinkedHashMap<>();
        for (NamedCode n : ctx.doc().named()) {
            NamedCode first = named.putIfAbsent(n.kind() + n.code(), n);
            if (first != null && !first.name().equals(n.name())) {
                x.warning("W-NAME", n.pos(), "科目 " + n.code() + " 在这里写作“" + n.name() + "”，第 " + first.pos().line()
                        + " 行写作“" + first.name() + "”", "同一科目只能有一个名称，表格和文字都用第一次写的“" + first.name() + "”；请改成一致。");
            }
        }
        for (NamedCode n : named.values()) localCode(c, n, x);
        for (Line l : ctx.doc().lines()) {
            if (!named.containsKey(NamedCode.FUNCTION + l.function())) functionCode(c, l.function(), l.givenName(), l.functionPos(), x);
        }
        for (Atom a : ctx.cube().atoms()) {
            Fact f = a.fact();
            if (f.project() != null && f.function() != null && !named.containsKey(NamedCode.FUNCTION + f.function())) {
                functionCode(c, f.function(), "", f.pos(), x);
            }
            if (f.econ() != null && !named.containsKey(NamedCode.ECON + f.econ())) econCode(c, f.econ(), f.pos(), x);
        }
    }

    /** A code the file names: in the catalog, its name should agree; outside it, its 类 and 款 must be there. */
    private static void localCode(Catalog c, NamedCode n, Diagnostics x) {
        boolean function = n.kind().equals(NamedCode.FUNCTION);
        Optional<String> known = function ? c.functionName(n.code()) : c.econDeptName(n.code());
        if (known.isPresent()) {
            if (!known.get().equals(n.name())) {
                x.warning("W-NAME", n.pos(), "科目 " + n.code() + " 写的名称“" + n.name() + "”与科目表“" + known.get() + "”不同",
                        "表格印数据文件写的“" + n.name() + "”；如无特殊原因，删去“名称”，只写编码，使用科目表名称。");
            }
            return;
        }
        List<String> missing = function ? c.missingFunctionParents(n.code()) : c.missingEconDeptParents(n.code());
        String what = function ? "功能分类科目" : "部门预算支出经济分类科目";
        if (!missing.isEmpty()) {
            x.error("E-CODE-UNKNOWN", n.pos(), what + " " + n.code() + "（" + n.name() + "）上级的" + levels(missing)
                            + " 不在" + c.shippedYear() + "年科目表中",
                    "自己写名称的科目，它的类和款要在科目表中：核对编码；确是新设的类或款，在与 data/ 同级的 catalog/"
                            + c.editionYear() + "/" + (function ? "function.csv" : "econ_dept.csv") + " 中补上。");
            return;
        }
        x.warning("W-CODE-LOCAL", n.pos(), what + " " + n.code() + "“" + n.name() + "”不在本工具自带的" + c.shippedYear()
                        + "年科目表中，按数据文件写的名称印出",
                "核对编码和名称与财政批复一致。常用的科目可以加到与 data/ 同级的 catalog/" + c.editionYear() + "/"
                        + (function ? "function.csv" : "econ_dept.csv") + " 中，以后只写编码，也不再有本提示。");
    }

    private static String levels(List<String> codes) {
        return String.join("、", codes.stream().map(k -> (k.length() == 3 ? "类 " : "款 ") + k).toList());
    }

    private static void functionCode(Catalog c, String code, String givenName, SourcePos pos, Diagnostics x) {
        if (code.isEmpty()) return;
        Optional<String> name = c.functionName(code);
        if (name.isEmpty()) {
            List<Obsolete> old = c.obsoleteForCode(code);
            if (old.isEmpty()) {
                unknownCode(c, CodeKind.FUNCTION, code, pos, x);
            } else {
                x.error("E-CODE-OBSOLETE", pos, "功能分类科目 " + code + " 不在" + edition(c) + "中",
                        "该科目已停用，应改为：" + old.get(0).replacement() + "。");
            }
            return;
        }
        if (!givenName.isEmpty() && !givenName.equals(name.get())) {
            Optional<Obsolete> old = c.obsolete(code, givenName);
            if (old.isPresent()) {
                x.error("E-NAME-OBSOLETE", pos, "科目 " + code + " 的名称“" + givenName + "”已过时",
                        "现行名称为“" + name.get() + "”（" + old.get().note() + "）。");
            } else {
                x.warning("W-NAME", pos, "科目 " + code + " 的名称“" + givenName + "”与科目表“" + name.get() + "”不同",
                        "如无特殊原因，请删去“功能科目名称”，使用科目表名称。");
            }
        }
    }

    private static void econCode(Catalog c, String code, SourcePos pos, Diagnostics x) {
        if (code.isEmpty() || c.econDeptName(code).isPresent()) return;
        List<Obsolete> old = c.obsoleteForCode(code);
        if (old.isEmpty()) {
            unknownCode(c, CodeKind.ECON, code, pos, x);
        } else {
            x.error("E-CODE-OBSOLETE", pos, "部门预算支出经济分类科目 " + code + " 不在" + edition(c) + "中",
                    "这是 2018 年改革前的科目，应改为：" + old.get(0).replacement() + "。");
        }
    }

    /** The two code lists a data file names codes of, with the local catalog file that adds to each. */
    enum CodeKind {
        FUNCTION("功能分类科目", "function.csv"),
        ECON("部门预算支出经济分类科目", "econ_dept.csv");

        final String label;
        final String file;

        CodeKind(String label, String file) {
            this.label = label;
            this.file = file;
        }
    }

    /**
     * E-CODE-UNKNOWN: a code neither in the shipped edition nor in the clerk's catalog/ folder. The one place for its
     * wording: the message says truthfully which lists were searched, the hint every way out.
     */
    static void unknownCode(Catalog c, CodeKind kind, String code, SourcePos pos, Diagnostics x) {
        String local = c.localFolders().isEmpty() ? "" : "，也不在本地科目表 " + String.join("、", c.localFolders()) + " 中";
        String folder = "catalog/" + c.editionYear() + "/";
        String check = kind == CodeKind.FUNCTION ? "请先对照财政批复核对编码（常见的是数字颠倒、漏位）。"
                : "请先对照财政批复核对编码；经济分类写到款级（5 位），例如 30101 基本工资。";
        String add = kind == CodeKind.FUNCTION
                ? "确是正式科目、本工具没有收录的，在与 data/ 同级的 " + folder + kind.file + " 中加一行“" + code + ",科目名称”"
                : "确是正式科目、本工具没有收录的，在与 data/ 同级的 " + folder + kind.file + " 中加一行“" + code + ",科目名称”，"
                        + "并在 " + folder + "econ_map.csv 中写明它对应的政府经济分类款";
        String inline = kind == CodeKind.FUNCTION ? "功能科目: {编码: " + code + ", 名称: 科目名称}"
                : "经济科目写成 {编码: " + code + ", 名称: 科目名称}（基本支出中写 " + code + ": {金额: …, 名称: 科目名称}）";
        x.error("E-CODE-UNKNOWN", pos, kind.label + " " + code + " 不在本工具自带的" + c.shippedYear() + "年科目表中" + local,
                check + "确是正式科目、本工具没有收录的，有两种写法：在数据文件中写明名称 " + inline + "；或"
                        + add.replace("确是正式科目、本工具没有收录的，", "") + "（文件第一行写表头 code,name，格式见 README“科目表”一节），不用重新编译。");
    }

    /** B15 / rules.md §1.4: 基本支出 uses only the 经济分类 classes of 人员经费 and 公用经费 (groups.csv). */
    static void basicEconClasses(Context ctx, Diagnostics x) {
        List<String> allowed = ctx.catalog().group("基本支出经济类");
        for (Atom a : ctx.cube().atoms()) {
            Fact f = a.fact();
            if (f.measure() != Measure.SPEND || f.nature() != Nature.BASIC || f.econ() == null) continue;
            if (allowed.stream().anyMatch(f.econ()::startsWith)) continue;
            String cls = f.econ().substring(0, 3);
            x.error("E-BASIC-ECON", f.pos(), "基本支出不能使用经济分类 " + f.econ() + "（" + cls + " 类）",
                    "基本支出只用经济分类 " + String.join("、", allowed) + " 类（人员经费和公用经费）；其他支出请作为项目填写。");
        }
    }

    /**
     * C02: the layout can place every 项目类型 the file writes: its 词表 (layout.yaml) names a category for it, this
     * year's word or another year's. A type it cannot place would be left out of every 项目类型 column, or fall into
     * a catch-all: never silently. A layout without 词表 does not split by type, and takes any.
     */
    static void projectTypes(Context ctx, Diagnostics x) {
        if (ctx.layout() == null) return;
        Vocabulary v = ctx.layout().vocab().get(Layout.PROJECT_TYPE);
        if (v == null) return;
        String where = ctx.layout().file() + ":" + v.pos().line();
        for (Project p : ctx.doc().projects()) {
            if (v.categoryOf(p.type()).isPresent()) continue;
            x.error("E-PROJECT-TYPE", p.type().isEmpty() ? p.pos() : p.typePos(), "项目“" + p.name() + "”的类型"
                            + (p.type().isEmpty() ? "没有写" : "“" + p.type() + "”不是版式 " + ctx.layout().name() + " 的项目类型"),
                    "版式按项目类型分栏：" + v.describe() + "（见 " + where + "）。改写成其中之一；本地另有说法时，在 layout.yaml 的“词表”中加到对应的类下。");
        }
        for (Line l : ctx.doc().lines()) {
            if (l.nature() != Nature.PROJECT) continue;
            String type = ctx.cube().atoms().stream().map(Atom::fact).filter(f -> f.nature() == Nature.PROJECT
                    && f.project() == null && l.unit().equals(f.unit()) && l.function().equals(f.function()) && l.fund() == f.fund())
                    .map(Fact::projectType).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (type != null && v.categoryOf(type).isPresent()) continue;
            x.error("E-PROJECT-TYPE", l.pos(), "“项目支出”中单位 " + l.unit() + " 功能科目 " + l.function() + " 的一段"
                            + (type == null ? "没有写“类型”" : "的类型“" + type + "”不是版式 " + ctx.layout().name() + " 的项目类型"),
                    "版式按项目类型分栏：" + v.describe() + "（见 " + where + "）。在这一段写“类型: …”。");
        }
    }

    /** C03: 绩效指标 一级 and 二级 use the official names of the edition (vocabulary.csv). */
    static void indicatorNames(Context ctx, Diagnostics x) {
        Map<String, String> l1 = ctx.catalog().vocabulary("一级指标");
        Map<String, String> l2 = ctx.catalog().vocabulary("二级指标");
        for (Project p : ctx.doc().projects()) {
            String last = "";
            for (Indicator i : p.indicators()) {
                String key = i.level1() + "|" + i.level2();
                if (key.equals(last)) continue;
                last = key;
                if (!l1.containsKey(i.level1())) {
                    x.warning("W-INDICATOR", i.pos(), "项目“" + p.name() + "”的一级指标“" + i.level1() + "”不是规范名称",
                            "规范的一级指标：" + String.join("、", l1.keySet()) + "。");
                } else if (!i.level2().isEmpty() && !i.level1().equals(l2.get(i.level2()))) {
                    List<String> under = l2.entrySet().stream().filter(e -> e.getValue().equals(i.level1())).map(Map.Entry::getKey).toList();
                    x.warning("W-INDICATOR", i.pos(), "项目“" + p.name() + "”的二级指标“" + i.level2() + "”不在一级指标“" + i.level1() + "”之下",
                            "“" + i.level1() + "”的二级指标：" + String.join("、", under) + "。");
                }
            }
        }
    }

    /** C04: vehicle kinds are the kinds the rules name (vocabulary.csv). */
    static void vehicleKinds(Context ctx, Diagnostics x) {
        var a = ctx.doc().assets();
        if (a == null) return;
        Map<String, String> kinds = ctx.catalog().vocabulary("车辆");
        for (String k : a.vehicles().keySet()) {
            if (kinds.containsKey(k)) continue;
            x.warning("W-VEHICLE", a.vehicleKindPos().get(k), "车辆类别“" + k + "”不是规范的类别", "可用：" + String.join("、", kinds.keySet()) + "。");
        }
    }
}
