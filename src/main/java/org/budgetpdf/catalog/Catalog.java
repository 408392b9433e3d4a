package org.budgetpdf.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One edition of the 政府收支分类科目 as far as department budgets use it: 支出功能分类,
 * 部门预算支出经济分类, 政府预算支出经济分类, the 部门→政府 mapping, and obsolete names.
 *
 * <p>Immutable. Data lives in {@code /catalog/<year>/*.csv} on the classpath (see the README there).
 */
public final class Catalog {

    /** Edition years shipped under /catalog/, ascending. Add a year here when adding a folder. */
    public static final List<Integer> EDITIONS = List.of(2021, 2025);

    private static final String ANY_TYPE = "*";
    private static final ConcurrentHashMap<Integer, Catalog> CACHE = new ConcurrentHashMap<>();

    private final int editionYear;
    private final Map<String, String> functions;
    private final Map<String, String> econDept;
    private final Map<String, String> econGov;
    private final Map<String, String> econMap; // key: deptCode + "|" + unit label or "*"
    private final List<Obsolete> obsolete;
    private final Set<String> currentFunctionNames;
    private final Set<String> currentEconDeptNames;
    private final Map<String, String> classOrdinals;
    private final Map<String, List<String>> groups;
    private final Map<String, List<String>> econFunctions;
    private final Map<String, List<String>> functionEcons;
    private final Map<String, Map<String, String>> vocabulary;

    private Catalog(int editionYear, Map<String, String> functions, Map<String, String> econDept,
                    Map<String, String> econGov, Map<String, String> econMap, List<Obsolete> obsolete,
                    Map<String, String> classOrdinals, Map<String, List<String>> groups,
                    Map<String, List<String>> econFunctions, Map<String, List<String>> functionEcons,
                    Map<String, Map<String, String>> vocabulary) {
        this.editionYear = editionYear;
        this.functions = Collections.unmodifiableMap(functions);
        this.econDept = Collections.unmodifiableMap(econDept);
        this.econGov = Collections.unmodifiableMap(econGov);
        this.econMap = Collections.unmodifiableMap(econMap);
        this.obsolete = List.copyOf(obsolete);
        this.currentFunctionNames = normalizedNames(functions);
        this.currentEconDeptNames = normalizedNames(econDept);
        this.classOrdinals = Collections.unmodifiableMap(classOrdinals);
        this.groups = Collections.unmodifiableMap(groups);
        this.econFunctions = Collections.unmodifiableMap(econFunctions);
        this.functionEcons = Collections.unmodifiableMap(functionEcons);
        this.vocabulary = Collections.unmodifiableMap(vocabulary);
    }

    /** The official ordinal of a 功能分类类 in this edition (219 → 十九); empty for a code that is not a 类. */
    public Optional<String> classOrdinal(String code) {
        return Optional.ofNullable(classOrdinals.get(code));
    }

    /** Every 功能分类类 of the edition, in code order. */
    public List<String> classes() {
        return List.copyOf(classOrdinals.keySet());
    }

    /**
     * A named group of 部门经济分类 codes (prefixes) from groups.csv: 人员经费, 公用经费, 基本支出经济类, 三公.因公出国 …;
     * empty when the edition does not define it.
     */
    public List<String> group(String name) {
        return groups.getOrDefault(name, List.of());
    }

    /** rules.md B16: the 功能分类项 an economic 款 is usually listed under (econ_function.csv); empty: no rule. */
    public List<String> usualFunctions(String econ) {
        return econFunctions.getOrDefault(econ, List.of());
    }

    /** rules.md B16/B18 reversed: the only economic 款 a 功能分类项 takes (function_econ.csv); empty: no rule. */
    public List<String> usualEcons(String function) {
        return functionEcons.getOrDefault(function, List.of());
    }

    /**
     * The edition's vocabulary of one kind (项目类型, 一级指标, 二级指标, 车辆), value → parent (empty when none), in
     * file order.
     */
    public Map<String, String> vocabulary(String kind) {
        return vocabulary.getOrDefault(kind, Map.of());
    }

    /** The edition in force for a budget year: the latest edition not after it, else the first. */
    public static Catalog forYear(int year) {
        return CACHE.computeIfAbsent(editionFor(year), Catalog::load);
    }

    /** Edition year used for a budget year (2021 for 2021–2024, 2025 from 2025). */
    public static int editionFor(int year) {
        int chosen = EDITIONS.get(0);
        for (int e : EDITIONS) {
            if (e <= year) chosen = e;
        }
        return chosen;
    }

    public int editionYear() {
        return editionYear;
    }

    /** Name of a 支出功能分类 类/款/项 (3, 5 or 7 digits; "210 15 01" is accepted). */
    public Optional<String> functionName(String code) {
        return Optional.ofNullable(functions.get(normalizeCode(code)));
    }

    /** Name of a 部门预算支出经济分类 类 or 款 (3 or 5 digits). */
    public Optional<String> econDeptName(String code) {
        return Optional.ofNullable(econDept.get(normalizeCode(code)));
    }

    /** Name of a 政府预算支出经济分类 类 or 款 (3 or 5 digits). */
    public Optional<String> econGovName(String code) {
        return Optional.ofNullable(econGov.get(normalizeCode(code)));
    }

    /** The 政府经济分类 款 a 部门经济分类 款 maps to for a unit of the given type. */
    public Optional<String> govEconFor(String deptCode, UnitType type) {
        String code = normalizeCode(deptCode);
        String specific = econMap.get(code + "|" + type.mappingLabel());
        if (specific != null) return Optional.of(specific);
        return Optional.ofNullable(econMap.get(code + "|" + ANY_TYPE));
    }

    /** The obsolete entry for exactly this code and name, if the pair is listed as obsolete. */
    public Optional<Obsolete> obsolete(String code, String name) {
        String c = normalizeCode(code);
        String n = normalizeName(name);
        for (Obsolete o : obsolete) {
            if (o.code().equals(c) && normalizeName(o.name()).equals(n)) return Optional.of(o);
        }
        return Optional.empty();
    }

    /**
     * An obsolete entry matched by name alone. Names that are also current names of the same kind
     * (e.g. 住房公积金, now 30113) are ambiguous without the code and never match here.
     */
    public Optional<Obsolete> obsoleteByName(String name) {
        String n = normalizeName(name);
        for (Obsolete o : obsolete) {
            if (!normalizeName(o.name()).equals(n)) continue;
            Set<String> current = Obsolete.FUNCTION.equals(o.kind()) ? currentFunctionNames : currentEconDeptNames;
            if (!current.contains(n)) return Optional.of(o);
        }
        return Optional.empty();
    }

    /** All obsolete entries listed for a code (any name), in file order. */
    public List<Obsolete> obsoleteForCode(String code) {
        String c = normalizeCode(code);
        List<Obsolete> out = new ArrayList<>();
        for (Obsolete o : obsolete) {
            if (o.code().equals(c)) out.add(o);
        }
        return List.copyOf(out);
    }

    /** All function codes and names, in file order. */
    public Map<String, String> functions() {
        return functions;
    }

    public Map<String, String> econDept() {
        return econDept;
    }

    public Map<String, String> econGov() {
        return econGov;
    }

    public List<Obsolete> obsoleteEntries() {
        return obsolete;
    }

    /** "类" for 3 digits, "款" for 5, "项" for 7. */
    public static String functionLevelName(int digits) {
        return switch (digits) {
            case 3 -> "类";
            case 5 -> "款";
            case 7 -> "项";
            default -> throw new IllegalArgumentException("no function level has " + digits + " digits");
        };
    }

    /** Removes the spaces tables print between 类, 款 and 项 ("210 15 01" → "2101501"). */
    public static String normalizeCode(String code) {
        if (code == null) return "";
        StringBuilder sb = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (!Character.isWhitespace(ch) && !Character.isSpaceChar(ch)) sb.append(ch);
        }
        return sb.toString();
    }

    /** Drops whitespace and makes ASCII parentheses full-width, as the catalog writes them. */
    static String normalizeName(String name) {
        return normalizeCode(name).replace('(', '（').replace(')', '）');
    }

    private static Set<String> normalizedNames(Map<String, String> codes) {
        Set<String> out = new HashSet<>();
        for (String n : codes.values()) out.add(normalizeName(n));
        return Set.copyOf(out);
    }

    // ---- loading -------------------------------------------------------------------------

    private static Catalog load(int year) {
        String dir = "/catalog/" + year + "/";
        Map<String, String> functions = codeNames(read(dir + "function.csv", "code,name"), Set.of(3, 5, 7));
        Map<String, String> econDept = codeNames(read(dir + "econ_dept.csv", "code,name"), Set.of(3, 5));
        Map<String, String> econGov = codeNames(read(dir + "econ_gov.csv", "code,name"), Set.of(3, 5));

        Map<String, String> econMap = new LinkedHashMap<>();
        for (Row r : read(dir + "econ_map.csv", "dept_code,unit_type,gov_code")) {
            String dept = r.digits(0, Set.of(5));
            String type = r.cell(1);
            if (!type.equals(ANY_TYPE) && !type.equals(UnitType.ADMIN.label())
                    && !type.equals(UnitType.INSTITUTION.label())) {
                throw r.error("unit_type must be 行政, 事业 or *, not '" + type + "'");
            }
            String gov = r.digits(2, Set.of(5));
            if (econMap.putIfAbsent(dept + "|" + type, gov) != null) {
                throw r.error("duplicate mapping for " + dept + " / " + type);
            }
        }

        List<Obsolete> obsolete = new ArrayList<>();
        for (Row r : read(dir + "obsolete.csv", "code,name,kind,replacement,note")) {
            String kind = r.cell(2);
            if (!kind.equals(Obsolete.FUNCTION) && !kind.equals(Obsolete.ECON_DEPT)) {
                throw r.error("kind must be function or econ_dept, not '" + kind + "'");
            }
            String name = r.cell(1);
            if (name.isEmpty()) throw r.error("empty name");
            obsolete.add(new Obsolete(r.digits(0, Set.of(3, 5, 7)), name, kind, r.cell(3), r.cell(4)));
        }
        // rules.md B17: every 部门经济分类 款 has its 政府经济分类 款 for 行政 (参公) and 事业 units, so every table row of
        // a 部门 款 has its 政府 款; a gap is an error of the catalog data, not of a department's file
        for (String code : econDept.keySet()) {
            if (code.length() != 5) continue;
            for (String type : List.of(UnitType.ADMIN.label(), UnitType.INSTITUTION.label())) {
                String gov = econMap.getOrDefault(code + "|" + type, econMap.get(code + "|" + ANY_TYPE));
                if (gov == null) {
                    throw new IllegalStateException("catalog/" + year + "/econ_map.csv: no mapping for " + code + " / " + type);
                }
                if (!econGov.containsKey(gov)) {
                    throw new IllegalStateException("catalog/" + year + "/econ_map.csv: " + gov + " is not in econ_gov.csv");
                }
            }
        }
        Map<String, String> ordinals = new LinkedHashMap<>();
        for (Row r : read(dir + "class_order.csv", "code,ordinal")) {
            String code = r.digits(0, Set.of(3));
            if (!functions.containsKey(code)) throw r.error("class " + code + " is not in function.csv");
            if (ordinals.putIfAbsent(code, r.cell(1)) != null) throw r.error("duplicate class " + code);
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Row r : read(dir + "groups.csv", "group,codes")) {
            List<String> codes = List.of(r.cell(1).split("\\s+"));
            for (String c : codes) {
                if (!econDept.containsKey(c)) throw r.error("'" + c + "' is not in econ_dept.csv");
            }
            if (groups.putIfAbsent(r.cell(0), codes) != null) throw r.error("duplicate group " + r.cell(0));
        }
        Map<String, List<String>> econFunctions = pairs(read(dir + "econ_function.csv", "econ,function"), econDept,
                functions);
        Map<String, List<String>> functionEcons = pairs(read(dir + "function_econ.csv", "function,econ"), functions,
                econDept);
        Map<String, Map<String, String>> vocabulary = new LinkedHashMap<>();
        for (Row r : read(dir + "vocabulary.csv", "kind,value,parent")) {
            Map<String, String> kind = vocabulary.computeIfAbsent(r.cell(0), k -> new LinkedHashMap<>());
            if (kind.putIfAbsent(r.cell(1), r.cell(2)) != null) throw r.error("duplicate " + r.cell(1));
        }
        vocabulary.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return new Catalog(year, functions, econDept, econGov, econMap, obsolete, ordinals, groups, econFunctions,
                functionEcons, vocabulary);
    }

    private static Map<String, List<String>> pairs(List<Row> rows, Map<String, String> keys, Map<String, String> values) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!keys.containsKey(r.cell(0))) throw r.error("'" + r.cell(0) + "' is not in the catalog");
            if (!values.containsKey(r.cell(1))) throw r.error("'" + r.cell(1) + "' is not in the catalog");
            out.computeIfAbsent(r.cell(0), k -> new ArrayList<>()).add(r.cell(1));
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    private static Map<String, String> codeNames(List<Row> rows, Set<Integer> lengths) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : rows) {
            String code = r.digits(0, lengths);
            String name = r.cell(1);
            if (name.isEmpty()) throw r.error("empty name for " + code);
            if (out.putIfAbsent(code, name) != null) throw r.error("duplicate code " + code);
        }
        return out;
    }

    /** One data line of a catalog CSV, with its place for error messages. */
    private record Row(String file, int line, String[] cells) {
        String cell(int i) {
            return cells[i];
        }

        String digits(int i, Set<Integer> lengths) {
            String v = cells[i];
            if (!v.chars().allMatch(ch -> ch >= '0' && ch <= '9') || !lengths.contains(v.length())) {
                throw error("'" + v + "' is not a code of " + lengths + " digits");
            }
            return v;
        }

        IllegalStateException error(String message) {
            return new IllegalStateException(file + ":" + line + ": " + message);
        }
    }

    private static List<Row> read(String resource, String header) {
        String file = resource.substring(1);
        try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing catalog resource " + file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            int columns = header.split(",").length;
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1) {
                    if (line.startsWith("\uFEFF")) line = line.substring(1);
                    if (!line.strip().equals(header)) {
                        throw new IllegalStateException(file + ":1: header must be '" + header + "'");
                    }
                    continue;
                }
                if (line.isBlank()) continue;
                String[] cells = line.split(",", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(file + ":" + lineNo + ": expected " + columns
                            + " fields, found " + cells.length);
                }
                for (int i = 0; i < cells.length; i++) cells[i] = cells[i].strip();
                rows.add(new Row(file, lineNo, cells));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
