package org.budgetpdf.catalog;

import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The catalog editions a run uses: the shipped ones, each with the clerk's local folder for its year read on top
 * ({@code catalog/<year>/*.csv} beside data/, same format, only the files present). A local folder for a year that
 * ships no edition adds one: the edition in force the year before, plus its rows. Mistakes in the local files are
 * E-CATALOG diagnostics and their rows are left out. Configured once, immutable.
 */
public final class Catalogs {
    static final String CODE = "E-CATALOG";

    private final TreeMap<Integer, Catalog> editions;
    private final Map<String, List<String>> lines;

    private Catalogs(TreeMap<Integer, Catalog> editions, Map<String, List<String>> lines) {
        this.editions = editions;
        this.lines = Collections.unmodifiableMap(lines);
    }

    /** The shipped editions alone. */
    public static Catalogs shipped() {
        TreeMap<Integer, Catalog> m = new TreeMap<>();
        for (int y : Catalog.shippedEditions()) m.put(y, Catalog.shipped(y));
        return new Catalogs(m, Map.of());
    }

    /**
     * The shipped editions with the local folder on top.
     *
     * @param localDir the clerk's catalog folder (home/catalog); nothing is read when it does not exist
     * @param diags    receives E-CATALOG for each mistake in it, positioned as "catalog/2025/function.csv:3:1"
     */
    public static Catalogs load(Path localDir, Diagnostics diags) {
        if (localDir == null || !Files.isDirectory(localDir)) return shipped();
        String shown = localDir.getFileName().toString();
        TreeMap<Integer, Path> local = yearFolders(localDir, shown, diags);
        TreeSet<Integer> years = new TreeSet<>(Catalog.shippedEditions());
        years.addAll(local.keySet());
        TreeMap<Integer, Catalog> editions = new TreeMap<>();
        Map<String, List<String>> lines = new TreeMap<>();
        Catalog previous = null;
        for (int y : years) {
            boolean ships = Catalog.shippedEditions().contains(y);
            Catalog base = ships ? Catalog.shipped(y) : previous != null ? previous : Catalog.shipped(Catalog.shippedEditions().get(0));
            Path dir = local.get(y);
            Catalog c = dir == null ? base : overlay(base, y, dir, shown + "/" + y, diags, lines);
            editions.put(y, c);
            previous = c;
        }
        return new Catalogs(editions, lines);
    }

    /** The edition in force for a budget year: the latest edition not after it, else the first. */
    public Catalog forYear(int year) {
        return editions.get(Catalog.inForce(editions(), year));
    }

    /** The edition years available (shipped and local), ascending. */
    public List<Integer> editions() {
        return List.copyOf(editions.keySet());
    }

    /** The lines of a local catalog file by its shown name, for printing a diagnostic's source line; empty if unknown. */
    public List<String> lines(String shown) {
        return lines.getOrDefault(shown, List.of());
    }

    // ---- the local folder ---------------------------------------------------------------------

    private static TreeMap<Integer, Path> yearFolders(Path localDir, String shown, Diagnostics diags) {
        TreeMap<Integer, Path> out = new TreeMap<>();
        for (Path p : list(localDir)) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) continue;
            if (Files.isDirectory(p) && name.matches("\\d{4}")) {
                out.put(Integer.parseInt(name), p);
            } else if (Files.isDirectory(p)) {
                diags.error(CODE, SourcePos.fileOnly(shown + "/" + name), "科目表文件夹“" + name + "”不是年份",
                        shown + "/ 下每个文件夹以年份命名（如 2025），放这一年起使用的科目表文件；这个文件夹没有读入。");
            } else if (isCsv(name)) {
                diags.error(CODE, SourcePos.fileOnly(shown + "/" + name), "科目表文件 " + shown + "/" + name + " 没有放在年份文件夹中",
                        "移到 " + shown + "/<年份>/ 下，例如 " + shown + "/2025/" + name + "；这个文件没有读入。");
            }
        }
        return out;
    }

    private static Catalog overlay(Catalog base, int year, Path dir, String shown, Diagnostics diags,
                                   Map<String, List<String>> lines) {
        for (Path p : list(dir)) {
            String name = p.getFileName().toString();
            if (isCsv(name) && !CatalogReader.FILES.containsKey(name)) {
                diags.error(CODE, SourcePos.fileOnly(shown + "/" + name), "不认识的科目表文件 " + shown + "/" + name,
                        "可用的文件名：" + String.join("、", CatalogReader.FILES.keySet()) + "；这个文件没有读入。");
            }
        }
        CatalogReader.Tables t = base.tables();
        CatalogReader.read(t, name -> read(dir.resolve(name), shown + "/" + name, diags, lines),
                (at, message, hint) -> diags.error(CODE, at, message, hint + (at.line() == 1 ? "这个文件没有读入。" : "这一行没有读入。")));
        List<String> folders = new ArrayList<>(base.localFolders());
        folders.add(shown);
        return new Catalog(year, base.shippedYear(), folders, t);
    }

    private static Optional<CatalogReader.Csv> read(Path f, String shown, Diagnostics diags, Map<String, List<String>> lines) {
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            List<String> text = Catalog.lines(Files.readAllBytes(f));
            lines.put(shown, text);
            return Optional.of(new CatalogReader.Csv(shown, text));
        } catch (CharacterCodingException e) {
            diags.error(CODE, SourcePos.fileOnly(shown), "科目表文件 " + shown + " 不是 UTF-8 编码",
                    "用记事本或 WPS 打开，“另存为”时编码选 UTF-8（Excel 选“CSV UTF-8”）；这个文件没有读入。");
        } catch (IOException e) {
            diags.error(CODE, SourcePos.fileOnly(shown), "科目表文件 " + shown + " 无法读取",
                    "检查文件是否存在、是否有读取权限；这个文件没有读入。");
        }
        return Optional.empty();
    }

    private static boolean isCsv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
