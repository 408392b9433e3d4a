package org.budgetpdf.check;

import org.budgetpdf.bind.Binder;
import org.budgetpdf.compute.Dim;
import org.budgetpdf.compute.Figures;
import org.budgetpdf.compute.Filter;
import org.budgetpdf.compute.Money;
import org.budgetpdf.compute.Realize;
import org.budgetpdf.compute.Realized;
import org.budgetpdf.compute.Views;
import org.budgetpdf.diag.Diagnostics;
import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.load.SourceFile;
import org.budgetpdf.load.YamlLoader;
import org.budgetpdf.model.Disclosure;
import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * D12 (rules.md, year to year) and B24 (unit roll-up) across files of the same folder:
 * <ul>
 *   <li>预算 of year Y: last year's 预算 file of the same department (部门.代码) gives the figures this file calls 上年;</li>
 *   <li>决算 of year Y: the 预算 file of year Y gives the 年初预算 (一般公共预算) and the “三公” 预算;</li>
 *   <li>a unit's own file (its 部门.代码 is one of this file's 单位 codes, same kind and year) totals what this file
 *       gives for that unit.</li>
 * </ul>
 * Each difference is reported on the line of the figure here, naming the file and figure there. Files that do not
 * bind are skipped (they are checked on their own).
 */
final class OtherFiles {
    private OtherFiles() {
    }

    private static final Pattern YEAR = Pattern.compile("\"?(\\d{4}).*");
    private static final Pattern CODE = Pattern.compile("[\"']?([0-9A-Za-z]+).*");

    record Other(Path path, String name, Realized realized) {
        Figures f() {
            return realized.dept();
        }
    }

    static void compare(Context ctx, Diagnostics x) {
        Disclosure d = ctx.doc();
        if (d.department() == null || ctx.source() == null) return;
        if (ctx.source().path() == null) return;
        Path here = ctx.source().path().toAbsolutePath().normalize();
        if (!Files.isRegularFile(here)) return;
        Path dir = here.getParent();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            // regular files only: a FIFO or device named *.yaml would block the read forever
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && !p.normalize().equals(here)
                    && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return;
        }
        String code = d.department().code();
        for (Path p : files) {
            Header h = header(p);
            if (h == null) continue;
            String kind = h.kind();
            String year = h.year();
            String dept = h.dept();
            int y = Integer.parseInt(year);
            boolean budget = kind.equals(DocKind.BUDGET.label());
            if (dept.equals(code) && budget && d.isBudget() && y == d.year() - 1) {
                load(p, ctx).ifPresent(o -> priorBudget(ctx, o, x));
            } else if (dept.equals(code) && budget && !d.isBudget() && y == d.year()) {
                load(p, ctx).ifPresent(o -> sameYearBudget(ctx, o, x));
            } else if (!dept.equals(code) && kind.equals(d.kind().label()) && y == d.year() && d.unit(dept) != null) {
                load(p, ctx).ifPresent(o -> unitFile(ctx, dept, o, x));
            }
        }
    }

    /** 文档, 年度 and 部门.代码 as written at the top of a file; null when one is missing or the file cannot be read. */
    record Header(String kind, String year, String dept) {
    }

    private record Stamp(long modified, long size, Header header) {
    }

    /**
     * Headers by file, kept while the file's time and size are unchanged: checking a folder of N files reads each
     * header once instead of N times (the mutation fuzz test checks hundreds of files in one folder).
     */
    private static final Map<Path, Stamp> HEADERS = new java.util.concurrent.ConcurrentHashMap<>();

    static Header header(Path p) {
        try {
            long modified = Files.getLastModifiedTime(p).toMillis();
            long size = Files.size(p);
            Stamp s = HEADERS.get(p);
            if (s != null && s.modified() == modified && s.size() == size) return s.header();
            String head;
            try (var in = Files.newInputStream(p)) {
                // the header keys come first; 8 KB is plenty and keeps a large or binary file cheap
                head = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
            }
            Header h = parse(head);
            if (HEADERS.size() > 10_000) HEADERS.clear();
            HEADERS.put(p, new Stamp(modified, size, h));
            return h;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * 文档, 年度 and 部门.代码 from the top of a file, one line at a time (a pattern over the whole text backtracked
     * exponentially on a 部门 block without 代码). 代码 counts on any indented line of the 部门 block.
     */
    static Header parse(String head) {
        String kind = null;
        String year = null;
        String dept = null;
        boolean inDept = false;
        for (String line : head.split("\n", -1)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            if (!Character.isWhitespace(line.charAt(0))) {
                String rest = value(line);
                inDept = line.startsWith("部门:") && rest.isEmpty();
                if (line.startsWith("文档:") && kind == null && !rest.isEmpty()) kind = rest.split("\\s+")[0];
                if (line.startsWith("年度:") && year == null) year = group(YEAR, rest);
            } else if (inDept && dept == null && line.stripLeading().startsWith("代码:")) {
                dept = group(CODE, value(line.stripLeading()));
            }
        }
        return kind == null || year == null || dept == null ? null : new Header(kind, year, dept);
    }

    /** The text after the first colon, without a trailing comment. */
    private static String value(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) return "";
        String v = line.substring(colon + 1);
        int hash = v.indexOf(" #");
        return (hash >= 0 ? v.substring(0, hash) : v).strip();
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.matches() ? m.group(1) : null;
    }

    private static Optional<Other> load(Path p, Context ctx) {
        Diagnostics quiet = new Diagnostics();
        String name = display(p, ctx);
        SourceFile src = new YamlLoader().load(p, name, quiet);
        if (quiet.hasErrors()) return Optional.empty();
        Optional<Disclosure> d = new Binder().bind(src, quiet);
        if (d.isEmpty() || quiet.hasErrors()) return Optional.empty();
        return Optional.of(new Other(p, name, Realize.of(d.get(), ctx.catalogs().forYear(d.get().catalogYear()))));
    }

    /** The other file's name as the user sees this one's: this file's display name with the file name replaced. */
    private static String display(Path p, Context ctx) {
        String here = ctx.source().name().replace('\\', '/');
        int slash = here.lastIndexOf('/');
        return (slash < 0 ? "" : here.substring(0, slash + 1)) + p.getFileName();
    }

    private static void priorBudget(Context ctx, Other o, Diagnostics x) {
        Figures f = ctx.dept();
        Figures t = o.f();
        Map<String, Money> there = new LinkedHashMap<>();
        there.put("收支总计", t.total());
        there.put("一般公共预算", t.general());
        there.put("政府性基金", t.govFund());
        there.put("国有资本经营", t.stateCapital());
        there.put("基本支出", t.basic());
        there.put("项目支出", t.project());
        if (t.running() != null) there.put("机关运行经费", t.running().amount());
        for (var e : there.entrySet()) {
            Money prior = f.prior(e.getKey());
            if (prior == null || e.getValue() == null || prior.equals(e.getValue())) continue;
            differ(x, priorPos(ctx, Measure.PRIOR, e.getKey()), "上年." + e.getKey(), prior, o, e.getKey(), e.getValue(),
                    (ctx.doc().year() - 1) + "年预算");
        }
        Views.SanGong s = f.sanGong();
        Views.SanGong ts = t.sanGong();
        if (s.prior() == null || !ts.given()) return;
        sanGongPart(ctx, x, o, "因公出国", s.abroad().prior(), ts.abroad().amount(), Measure.PRIOR, "三公.");
        sanGongPart(ctx, x, o, "公务用车购置", s.carPurchase().prior(), ts.carPurchase().amount(), Measure.PRIOR, "三公.");
        sanGongPart(ctx, x, o, "公务用车运行", s.carRunning().prior(), ts.carRunning().amount(), Measure.PRIOR, "三公.");
        sanGongPart(ctx, x, o, "公务接待", s.reception().prior(), ts.reception().amount(), Measure.PRIOR, "三公.");
    }

    private static void sameYearBudget(Context ctx, Other o, Diagnostics x) {
        Figures f = ctx.dept();
        Figures t = o.f();
        Filter init = Filter.of(Dim.MEASURE, Measure.INITIAL_BUDGET.label());
        if (ctx.cube().has(init) && !f.initialBudget().equals(t.general())) {
            var first = ctx.cube().select(init).get(0).fact().pos();
            differ(x, first, "各项“年初预算”之和", f.initialBudget(), o, "一般公共预算", t.general(), ctx.doc().year() + "年预算");
        }
        Views.SanGong s = f.sanGong();
        Views.SanGong ts = t.sanGong();
        if (s.budget() == null || !ts.given()) return;
        sanGongPart(ctx, x, o, "因公出国", s.abroad().budget(), ts.abroad().amount(), Measure.SANGONG_BUDGET, "");
        sanGongPart(ctx, x, o, "公务用车购置", s.carPurchase().budget(), ts.carPurchase().amount(), Measure.SANGONG_BUDGET, "");
        sanGongPart(ctx, x, o, "公务用车运行", s.carRunning().budget(), ts.carRunning().amount(), Measure.SANGONG_BUDGET, "");
        sanGongPart(ctx, x, o, "公务接待", s.reception().budget(), ts.reception().amount(), Measure.SANGONG_BUDGET, "");
    }

    private static void sanGongPart(Context ctx, Diagnostics x, Other o, String part, Money here, Money there, Measure m,
                                    String prefix) {
        if (here == null || there == null || here.equals(there)) return;
        differ(x, priorPos(ctx, m, prefix + part), (prefix.isEmpty() ? "三公经费.预算." : "上年.三公经费.") + part, here, o,
                "三公经费." + part, there, m == Measure.PRIOR ? (ctx.doc().year() - 1) + "年预算" : ctx.doc().year() + "年预算");
    }

    private static void unitFile(Context ctx, String unit, Other o, Diagnostics x) {
        Figures here = ctx.realized().unit(unit);
        if (here == null) return;
        Money mine = here.total();
        Money theirs = o.f().total();
        if (mine.equals(theirs)) return;
        SourcePos at = ctx.doc().unit(unit).pos();
        x.error("E-OTHER-FILE", at, "单位 " + unit + " 在本文件中合计 " + mine.table() + " 万元，与它自己的文件 " + o.name()
                        + " 的收支总计 " + theirs.table() + " 万元不符，相差 " + mine.minus(theirs).value().abs().setScale(2).toPlainString()
                        + " 万元",
                "部门文件中每个单位的数应等于该单位自己文件的数（部门 = 各单位之和）；请逐行核对这个单位的基本支出和项目。");
    }

    private static SourcePos priorPos(Context ctx, Measure m, String item) {
        var a = ctx.cube().select(Filter.of(Dim.MEASURE, m.label()).and(Dim.ITEM, item));
        return a.isEmpty() ? SourcePos.fileOnly(ctx.doc().file()) : a.get(0).fact().pos();
    }

    private static void differ(Diagnostics x, SourcePos at, String what, Money here, Other o, String thereWhat, Money there,
                               String thereLabel) {
        x.error("E-OTHER-FILE", at, what + " " + here.table() + " 与 " + o.name() + "（" + thereLabel + "）的" + thereWhat + " "
                        + there.table() + " 不符，相差 " + here.minus(there).value().abs().setScale(2).toPlainString() + " 万元",
                "同一部门前后两个文件的数要一致；请核对这里的数，或那个文件里的“" + thereWhat + "”。");
    }
}
