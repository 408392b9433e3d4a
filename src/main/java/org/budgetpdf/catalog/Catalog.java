package org.budgetpdf.catalog;

import org.budgetpdf.load.ClasspathFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One edition of the 政府收支分类科目 as far as department budgets use it: 支出功能分类,
 * 部门预算支出经济分类, 政府预算支出经济分类, the 部门→政府 mapping, and obsolete names.
 *
 * <p>Immutable. The shipped editions are the folders {@code /catalog/<year>/} on the class path (see the README
 * there); {@link Catalogs} adds the clerk's local catalog folder on top of them.
 */
public final class Catalog {

    private static final String SHIPPED = "/catalog";
    private static final ConcurrentHashMap<Integer, Catalog> CACHE = new ConcurrentHashMap<>();
    private static volatile List<Integer> shippedEditions;

    private final int editionYear;
    private final int shippedYear;
    private final List<String> localFolders;
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
    private final CatalogReader.Tables tables;

    Catalog(int editionYear, int shippedYear, List<String> localFolders, CatalogReader.Tables t) {
        this.editionYear = editionYear;
        this.shippedYear = shippedYear;
        this.localFolders = List.copyOf(localFolders);
        this.tables = t.copy();
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(t.functions));
        this.econDept = Collections.unmodifiableMap(new LinkedHashMap<>(t.econDept));
        this.econGov = Collections.unmodifiableMap(new LinkedHashMap<>(t.econGov));
        this.econMap = Collections.unmodifiableMap(new LinkedHashMap<>(t.econMap));
        this.obsolete = List.copyOf(t.obsolete);
        this.currentFunctionNames = normalizedNames(functions);
        this.currentEconDeptNames = normalizedNames(econDept);
        this.classOrdinals = Collections.unmodifiableMap(new LinkedHashMap<>(t.classOrdinals));
        Map<String, List<String>> g = new LinkedHashMap<>();
        t.groups.forEach((k, v) -> g.put(k, List.copyOf(v)));
        this.groups = Collections.unmodifiableMap(g);
        this.econFunctions = frozen(t.econFunctions);
        this.functionEcons = frozen(t.functionEcons);
        Map<String, Map<String, String>> v = new LinkedHashMap<>();
        t.vocabulary.forEach((k, m) -> v.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        this.vocabulary = Collections.unmodifiableMap(v);
    }

    private static Map<String, List<String>> frozen(Map<String, List<String>> m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** A copy of this edition's tables, for a local folder to read on top of. */
    CatalogReader.Tables tables() {
        return tables.copy();
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

    /** The shipped edition in force for a budget year (no local catalog): the latest not after it, else the first. */
    public static Catalog forYear(int year) {
        return shipped(inForce(shippedEditions(), year));
    }

    /** The shipped edition of exactly this year (one of {@link #shippedEditions()}), read once. */
    static Catalog shipped(int edition) {
        return CACHE.computeIfAbsent(edition, Catalog::load);
    }

    /** The edition years shipped: the year folders under /catalog/ on the class path, ascending. */
    public static List<Integer> shippedEditions() {
        List<Integer> e = shippedEditions;
        if (e == null) shippedEditions = e = listShipped();
        return e;
    }

    /** Of ascending edition years, the one in force for a budget year: the latest not after it, else the first. */
    static int inForce(List<Integer> editions, int year) {
        int chosen = editions.get(0);
        for (int e : editions) {
            if (e <= year) chosen = e;
        }
        return chosen;
    }

    /** The year an edition is for: the shipped year, or the year of the clerk's folder that adds an edition. */
    public int editionYear() {
        return editionYear;
    }

    /** The shipped edition this one is (or extends): "不在本工具自带的2025年科目表中" names it. */
    public int shippedYear() {
        return shippedYear;
    }

    /** The clerk's folders read on top of the shipped edition ("catalog/2025"), oldest first; empty: shipped only. */
    public List<String> localFolders() {
        return localFolders;
    }

    /**
     * The 类 and 款 above a 功能分类 code (3, 5 or 7 digits) that are not in this edition, 类 first; empty when all
     * are there. A code the data names with its own name is acceptable only under an existing 类 and 款.
     */
    public List<String> missingFunctionParents(String code) {
        return missingParents(normalizeCode(code), functions);
    }

    /** The 类 above a 部门经济分类 款 when it is not in this edition; empty when it is (or the code is a 类). */
    public List<String> missingEconDeptParents(String code) {
        return missingParents(normalizeCode(code), econDept);
    }

    private static List<String> missingParents(String code, Map<String, String> codes) {
        List<String> out = new ArrayList<>();
        for (int len : new int[]{3, 5}) {
            if (code.length() > len && !codes.containsKey(code.substring(0, len))) out.add(code.substring(0, len));
        }
        return List.copyOf(out);
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
        return Optional.ofNullable(econMap.get(code + "|" + CatalogReader.ANY_TYPE));
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

    private static List<Integer> listShipped() {
        List<Integer> years = new ArrayList<>();
        for (String name : shippedFolders()) {
            if (name.matches("\\d{4}")) years.add(Integer.parseInt(name));
        }
        if (years.isEmpty()) throw new IllegalStateException("no edition folder under " + SHIPPED);
        Collections.sort(years);
        return List.copyOf(years);
    }

    /**
     * The names of the folders under /catalog/. In the jar they are read from its directory of entries, which the class
     * loader has read already: a zip file system over the whole jar (20,000 entries) would cost every start a tenth of
     * a second. Under target/classes, the folder is listed.
     */
    private static Set<String> shippedFolders() {
        java.net.URL url = Catalog.class.getResource(SHIPPED);
        if (url == null) throw new IllegalStateException("missing catalog resource folder " + SHIPPED);
        Set<String> names = new java.util.TreeSet<>();
        try {
            if (url.openConnection() instanceof java.net.JarURLConnection jar) {
                String prefix = SHIPPED.substring(1) + "/";
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(Path.of(jar.getJarFileURL().toURI()).toFile())) {
                    zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith(prefix))
                            .map(n -> n.substring(prefix.length())).filter(n -> n.indexOf('/') > 0)
                            .forEach(n -> names.add(n.substring(0, n.indexOf('/'))));
                }
                return names;
            }
            Path root = ClasspathFolder.of(SHIPPED).orElseThrow(() -> new IllegalStateException("missing catalog resource folder " + SHIPPED));
            try (Stream<Path> s = Files.list(root)) {
                s.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString().replace("/", "")));
            }
            return names;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list " + SHIPPED, e);
        }
    }

    private static Catalog load(int year) {
        CatalogReader.Tables t = new CatalogReader.Tables();
        CatalogReader.read(t, name -> {
            String resource = SHIPPED + "/" + year + "/" + name;
            try (java.io.InputStream in = Catalog.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing catalog resource catalog/" + year + "/" + name);
                return Optional.of(new CatalogReader.Csv("catalog/" + year + "/" + name, lines(in.readAllBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read catalog/" + year + "/" + name, e);
            }
        }, CatalogReader.STRICT);
        return new Catalog(year, year, List.of(), t);
    }

    /** UTF-8 text as lines, without a byte order mark. Throws CharacterCodingException on bytes that are not UTF-8. */
    static List<String> lines(byte[] bytes) throws java.nio.charset.CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return text.lines().toList();
    }
}
