package org.budgetpdf.catalog;

import org.budgetpdf.diag.SourcePos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the CSV files of one catalog folder into an edition's tables. The same checks run on the shipped folders
 * and on the clerk's local folder; only where a problem goes differs ({@link Problems}): a shipped fault is the
 * program's and stops it, a local one is an E-CATALOG diagnostic and its row is left out.
 *
 * <p>A local folder is read on top of the edition it extends: a row with a code already there renames it, a new
 * code is added. Its files are optional; each file is read only when present.
 */
final class CatalogReader {
    private CatalogReader() {
    }

    /** The files of a catalog folder with their header lines, in reading order (later files refer to earlier). */
    static final Map<String, String> FILES = orderedFiles();

    static final String ANY_TYPE = "*";

    private static Map<String, String> orderedFiles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("function.csv", "code,name");
        m.put("econ_dept.csv", "code,name");
        m.put("econ_gov.csv", "code,name");
        m.put("econ_map.csv", "dept_code,unit_type,gov_code");
        m.put("obsolete.csv", "code,name,kind,replacement,note");
        m.put("class_order.csv", "code,ordinal");
        m.put("groups.csv", "group,codes");
        m.put("econ_function.csv", "econ,function");
        m.put("function_econ.csv", "function,econ");
        m.put("vocabulary.csv", "kind,value,parent");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Where a problem of a catalog file goes. */
    interface Problems {
        void report(SourcePos at, String message, String hint);
    }

    /** Shipped files: a problem is a fault of the program, reported by throwing. */
    static final Problems STRICT = (at, message, hint) -> {
        throw new IllegalStateException("catalog resource " + at + ": " + message);
    };

    /** One file as read: its name as shown in messages and its lines (BOM removed). */
    record Csv(String shown, List<String> lines) {
    }

    /** One data line, its cells stripped, with the 1-based column of each cell for messages. */
    record Row(String file, int line, String[] cells, int[] cols) {
        String cell(int i) {
            return cells[i];
        }

        SourcePos at(int i) {
            return new SourcePos(file, line, cols[i]);
        }
    }

    /** The mutable contents of an edition while its folders are read. */
    static final class Tables {
        final Map<String, String> functions = new LinkedHashMap<>();
        final Map<String, String> econDept = new LinkedHashMap<>();
        final Map<String, String> econGov = new LinkedHashMap<>();
        /** key: dept code + "|" + 行政, 事业 or * */
        final Map<String, String> econMap = new LinkedHashMap<>();
        final List<Obsolete> obsolete = new ArrayList<>();
        final Map<String, String> classOrdinals = new LinkedHashMap<>();
        final Map<String, List<String>> groups = new LinkedHashMap<>();
        final Map<String, List<String>> econFunctions = new LinkedHashMap<>();
        final Map<String, List<String>> functionEcons = new LinkedHashMap<>();
        final Map<String, Map<String, String>> vocabulary = new LinkedHashMap<>();

        Tables copy() {
            Tables t = new Tables();
            t.functions.putAll(functions);
            t.econDept.putAll(econDept);
            t.econGov.putAll(econGov);
            t.econMap.putAll(econMap);
            t.obsolete.addAll(obsolete);
            t.classOrdinals.putAll(classOrdinals);
            groups.forEach((k, v) -> t.groups.put(k, List.copyOf(v)));
            econFunctions.forEach((k, v) -> t.econFunctions.put(k, new ArrayList<>(v)));
            functionEcons.forEach((k, v) -> t.functionEcons.put(k, new ArrayList<>(v)));
            vocabulary.forEach((k, v) -> t.vocabulary.put(k, new LinkedHashMap<>(v)));
            return t;
        }
    }

    /**
     * Reads the files of one folder into {@code t}.
     *
     * @param files file name → its text, empty when the folder has no such file (the shipped folders have all)
     */
    static void read(Tables t, Function<String, Optional<Csv>> files, Problems p) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (var e : FILES.entrySet()) rows.put(e.getKey(), files.apply(e.getKey()).map(f -> rows(f, e.getValue(), p)).orElse(List.of()));

        Map<String, Row> newFunctions = codeNames(rows.get("function.csv"), t.functions, Set.of(3, 5, 7), "功能分类", p);
        Map<String, Row> newDept = codeNames(rows.get("econ_dept.csv"), t.econDept, Set.of(3, 5), "部门经济分类", p);
        Map<String, Row> newGov = codeNames(rows.get("econ_gov.csv"), t.econGov, Set.of(3, 5), "政府经济分类", p);
        parents(newFunctions, t.functions, p);
        parents(newDept, t.econDept, p);
        parents(newGov, t.econGov, p);
        econMap(rows.get("econ_map.csv"), t, p);
        mappedBothWays(newDept, t, p);
        obsolete(rows.get("obsolete.csv"), t, p);
        classOrder(rows.get("class_order.csv"), t, p);
        groups(rows.get("groups.csv"), t, p);
        pairs(rows.get("econ_function.csv"), t.econFunctions, t.econDept, "部门经济分类", t.functions, "功能分类", p);
        pairs(rows.get("function_econ.csv"), t.functionEcons, t.functions, "功能分类", t.econDept, "部门经济分类", p);
        vocabulary(rows.get("vocabulary.csv"), t, p);
    }

    // ---- the files -------------------------------------------------------------------------------

    /** code,name rows; returns the codes this file added (not those it renamed), with their rows. */
    private static Map<String, Row> codeNames(List<Row> rows, Map<String, String> into, Set<Integer> lengths, String what,
                                              Problems p) {
        Map<String, Row> added = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (!digits(r, 0, lengths, what, p)) continue;
            String code = r.cell(0);
            String name = r.cell(1);
            if (name.isEmpty()) {
                p.report(r.at(1), "编码 " + code + " 没有名称", "每行写“编码,名称”，例如 2130101,行政运行。");
                continue;
            }
            if (!seen.add(code)) {
                p.report(r.at(0), "编码 " + code + " 在这个文件中写了两次", "删去其中一行。");
                continue;
            }
            if (into.put(code, name) == null) added.put(code, r);
        }
        return added;
    }

    /** Each added 款 has its 类 and each 项 its 款; an orphan is reported and removed. */
    private static void parents(Map<String, Row> added, Map<String, String> codes, Problems p) {
        for (var e : added.entrySet()) {
            String code = e.getKey();
            for (int len : new int[]{3, 5}) {
                if (code.length() <= len) continue;
                String parent = code.substring(0, len);
                if (codes.containsKey(parent)) continue;
                String level = len == 3 ? "类" : "款";
                p.report(e.getValue().at(0), "编码 " + code + " 的" + level + " " + parent + " 不在科目表中",
                        "先在同一文件中加上" + level + " " + parent + " 这一行（编码,名称），或核对编码。");
                codes.remove(code);
                break;
            }
        }
    }

    private static void econMap(List<Row> rows, Tables t, Problems p) {
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (!digits(r, 0, Set.of(5), "部门经济分类款", p) || !digits(r, 2, Set.of(5), "政府经济分类款", p)) continue;
            String dept = r.cell(0);
            String type = r.cell(1);
            String gov = r.cell(2);
            if (!type.equals(ANY_TYPE) && !type.equals(UnitType.ADMIN.label()) && !type.equals(UnitType.INSTITUTION.label())) {
                p.report(r.at(1), "单位类型“" + type + "”无效", "unit_type 一列写 行政（参公单位同行政）、事业，或 *（各类单位相同）。");
                continue;
            }
            if (!t.econDept.containsKey(dept)) {
                p.report(r.at(0), "部门经济分类款 " + dept + " 不在科目表中", "先在 econ_dept.csv 中加上这个款，或核对编码。");
                continue;
            }
            if (!t.econGov.containsKey(gov)) {
                p.report(r.at(2), "政府经济分类款 " + gov + " 不在科目表中", "先在 econ_gov.csv 中加上这个款，或核对编码。");
                continue;
            }
            if (!seen.add(dept + "|" + type)) {
                p.report(r.at(0), dept + " 对 " + type + " 的对应关系写了两次", "删去其中一行。");
                continue;
            }
            t.econMap.put(dept + "|" + type, gov);
        }
    }

    /**
     * rules.md B17: every 部门经济分类 款 has its 政府经济分类 款 for 行政 (参公) and 事业 units, so every table row of a
     * 部门 款 has its 政府 款. A new 款 without both is reported at its row and removed.
     */
    private static void mappedBothWays(Map<String, Row> added, Tables t, Problems p) {
        for (var e : added.entrySet()) {
            String code = e.getKey();
            if (code.length() != 5) continue;
            List<String> missing = new ArrayList<>();
            for (String type : List.of(UnitType.ADMIN.label(), UnitType.INSTITUTION.label())) {
                String gov = t.econMap.getOrDefault(code + "|" + type, t.econMap.get(code + "|" + ANY_TYPE));
                if (gov == null || !t.econGov.containsKey(gov)) missing.add(type);
            }
            if (missing.isEmpty()) continue;
            p.report(e.getValue().at(0), "部门经济分类款 " + code + " 没有" + String.join("、", missing) + "单位对应的政府经济分类款",
                    "在同一文件夹的 econ_map.csv 中为它写对应关系，例如 " + code + ",*,50299（行政、事业相同时写 *）。");
            t.econDept.remove(code);
        }
    }

    private static void obsolete(List<Row> rows, Tables t, Problems p) {
        for (Row r : rows) {
            if (!digits(r, 0, Set.of(3, 5, 7), "科目", p)) continue;
            String kind = r.cell(2);
            if (!kind.equals(Obsolete.FUNCTION) && !kind.equals(Obsolete.ECON_DEPT)) {
                p.report(r.at(2), "kind 一列应为 function 或 econ_dept，不是“" + kind + "”", "function：功能分类；econ_dept：部门经济分类。");
                continue;
            }
            if (r.cell(1).isEmpty()) {
                p.report(r.at(1), "停用科目 " + r.cell(0) + " 没有名称", "写出停用的名称。");
                continue;
            }
            t.obsolete.add(new Obsolete(r.cell(0), r.cell(1), kind, r.cell(3), r.cell(4)));
        }
    }

    private static void classOrder(List<Row> rows, Tables t, Problems p) {
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (!digits(r, 0, Set.of(3), "功能分类类", p)) continue;
            String code = r.cell(0);
            if (!t.functions.containsKey(code)) {
                p.report(r.at(0), "类 " + code + " 不在功能分类中", "先在 function.csv 中加上这个类。");
            } else if (r.cell(1).isEmpty()) {
                p.report(r.at(1), "类 " + code + " 没有序号", "写出表格中的序号，例如 213,十三。");
            } else if (!seen.add(code)) {
                p.report(r.at(0), "类 " + code + " 写了两次", "删去其中一行。");
            } else {
                t.classOrdinals.put(code, r.cell(1));
            }
        }
    }

    private static void groups(List<Row> rows, Tables t, Problems p) {
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            List<String> codes = List.of(r.cell(1).split("\\s+"));
            Optional<String> unknown = codes.stream().filter(c -> !t.econDept.containsKey(c)).findFirst();
            if (r.cell(0).isEmpty()) {
                p.report(r.at(0), "分组没有名称", "例如 人员经费,301 303。");
            } else if (unknown.isPresent()) {
                p.report(r.at(1), "“" + unknown.get() + "”不在部门经济分类中", "codes 一列写部门经济分类的类或款，用空格分开。");
            } else if (!seen.add(r.cell(0))) {
                p.report(r.at(0), "分组“" + r.cell(0) + "”写了两次", "删去其中一行。");
            } else {
                t.groups.put(r.cell(0), codes);
            }
        }
    }

    private static void pairs(List<Row> rows, Map<String, List<String>> into, Map<String, String> keys, String keyWhat,
                              Map<String, String> values, String valueWhat, Problems p) {
        for (Row r : rows) {
            if (!keys.containsKey(r.cell(0))) {
                p.report(r.at(0), "“" + r.cell(0) + "”不在" + keyWhat + "中", "核对编码。");
            } else if (!values.containsKey(r.cell(1))) {
                p.report(r.at(1), "“" + r.cell(1) + "”不在" + valueWhat + "中", "核对编码。");
            } else {
                List<String> list = into.computeIfAbsent(r.cell(0), k -> new ArrayList<>());
                if (!list.contains(r.cell(1))) list.add(r.cell(1));
            }
        }
    }

    private static void vocabulary(List<Row> rows, Tables t, Problems p) {
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (r.cell(0).isEmpty() || r.cell(1).isEmpty()) {
                p.report(r.at(r.cell(0).isEmpty() ? 0 : 1), "词表的一行要写 kind 和 value", "例如 项目类型,特定目标类,");
            } else if (!seen.add(r.cell(0) + "|" + r.cell(1))) {
                p.report(r.at(1), "“" + r.cell(1) + "”在这个文件中写了两次", "删去其中一行。");
            } else {
                t.vocabulary.computeIfAbsent(r.cell(0), k -> new LinkedHashMap<>()).put(r.cell(1), r.cell(2));
            }
        }
    }

    // ---- cells -----------------------------------------------------------------------------------

    private static boolean digits(Row r, int i, Set<Integer> lengths, String what, Problems p) {
        String v = r.cell(i);
        if (v.chars().allMatch(ch -> ch >= '0' && ch <= '9') && lengths.contains(v.length())) return true;
        List<String> ls = lengths.stream().sorted().map(String::valueOf).toList();
        p.report(r.at(i), "“" + v + "”不是" + what + "编码", what + "编码是 " + String.join("、", ls)
                + " 位数字，例如 2130101；编码与名称之间用英文逗号分开，名称中不能有英文逗号。");
        return false;
    }

    /** The data rows of a file after its header; a wrong header or field count is reported and skips the file or row. */
    static List<Row> rows(Csv f, String header, Problems p) {
        List<String> lines = f.lines();
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            p.report(new SourcePos(f.shown(), 1, 1), lines.isEmpty() ? "文件是空的" : "第一行应为表头“" + header + "”",
                    "第一行照写表头 " + header + "，从第二行起每行一条。");
            return List.of();
        }
        int columns = header.split(",").length;
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) continue;
            String[] cells = line.split(",", -1);
            if (cells.length != columns) {
                p.report(new SourcePos(f.shown(), n + 1, 1), "这一行有 " + cells.length + " 列，应为 " + columns + " 列（" + header + "）",
                        "各列之间用英文逗号分开；名称中不能有英文逗号（可改用中文逗号“，”）。");
                continue;
            }
            int[] cols = new int[columns];
            int at = 0; // chars before the cell
            for (int i = 0; i < columns; i++) {
                String raw = cells[i];
                int lead = raw.length() - raw.stripLeading().length();
                cols[i] = line.codePointCount(0, Math.min(line.length(), at + lead)) + 1;
                at += raw.length() + 1;
                cells[i] = raw.strip();
            }
            rows.add(new Row(f.shown(), n + 1, cells, cols));
        }
        return rows;
    }
}
