package org.budgetpdf.bench;

import org.openpdf.text.pdf.BaseFont;
import org.budgetpdf.Main;
import org.budgetpdf.Pipeline;
import org.budgetpdf.ProjectHome;
import org.budgetpdf.diag.Steps;
import org.xhtmlrenderer.pdf.ITextRenderer;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The performance figures of README and docs/performance.md, all from this one command:
 * <pre>mvn -q package -DskipTests
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.budgetpdf.bench.Benchmark</pre>
 * Args: data files (default seed 004 and the generated file of {@link LargeDepartment}), rounds
 * (default 8), {@code --pages} (memory and time against the number of pages, below).
 *
 * <ol>
 *   <li><b>Against plain Flying Saucer</b> on the same XHTML. Cold time and peak RSS: each engine renders each document
 *       once in a fresh JVM from target/classes ({@link #CHILD_FLAGS}, no start-up cache), the two alternating, median
 *       of 3. Warm ms/page: in this JVM (its flags are printed), after 3 rounds of warm-up, alternating the engines
 *       round by round, median.</li>
 *   <li><b>Layout passes</b> (issue 16): of the warm rounds, the time of all layout work of a document (table fitting,
 *       every layout pass, every refit round) against its first plain layout pass, target ≤ 1.2×.</li>
 *   <li><b>Cold start</b> (issue 18): {@code bin/budgetpdf build} of seed 004 with target/budgetpdf.jar (so run
 *       {@code mvn -q package} first), as a clerk runs it: the first run, which makes the start-up cache, then 5 runs
 *       with it, median; beside the same JVM options with an AppCDS archive and with none, and {@code java -jar}
 *       without options. Target ≤ 1.0 s; Typst's 0.65–0.72 s for its 39-page reference document is the figure issue 18
 *       quotes, not measured here.</li>
 *   <li><b>{@code --pages}</b> (issue 18): seed 004 and the generated department with its projects repeated (about
 *       100 and 400 pages), each built by {@link Main} in a fresh JVM with the flags of bin/budgetpdf: peak RSS, the
 *       largest heap left after a garbage collection, and the time; median of 3.</li>
 * </ol>
 */
public final class Benchmark {
    private Benchmark() {
    }

    /** The JVM options of bin/budgetpdf (LauncherScriptTest keeps them equal), for the fresh JVMs measured here. */
    public static final List<String> CHILD_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m", "-Xss4m");
    static final Path SEED_004 = Path.of("data/xinxiang-weibin-2025-budget.yaml");
    /** Issue 18's targets and reference. */
    static final double COLD_TARGET_S = 1.0;
    static final double LAYOUT_TARGET = 1.2;
    static final String TYPST = "Typst 0.65–0.72 s（39 页的参照文档，issue 18 给出的数，这里没有测）";
    /** Step names of PdfRenderer: table fitting, one layout pass, one refit round. */
    static final String FIT = "表格排版";
    static final String PASS = "排版";
    static final String REFIT = "版面改正";

    enum Engine { OURS, PLAIN }

    record Doc(Path data, String xhtml, String baseUri, int pages) {
    }

    /** One warm round of our pipeline: its layout work as recorded by {@link Steps}. */
    record Passes(long fit, List<Long> passes, long refit) {
        long total() {
            return fit + refit + passes.stream().mapToLong(Long::longValue).sum();
        }

        double ratio() {
            return (double) total() / passes.get(0);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--cold")) {
            cold(Engine.valueOf(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length == 3 && args[0].equals("--size")) {
            size(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        Path home = Path.of("").toAbsolutePath();
        List<Path> files = new ArrayList<>();
        int rounds = 8;
        boolean pages = false;
        for (String a : args) {
            if (a.equals("--pages")) pages = true;
            else if (a.matches("\\d+")) rounds = Integer.parseInt(a);
            else if (!a.isBlank()) files.add(home.resolve(a));
        }
        if (files.isEmpty()) {
            files.add(home.resolve(SEED_004));
            files.add(home.resolve(LargeDepartment.FILE));
        }
        System.out.println(conditions(rounds));
        Pipeline p = new Pipeline(home);
        Path fonts = ProjectHome.locate(home).fonts();
        System.out.printf("%n%-34s %-6s %8s %9s %9s %9s%n", "文件", "引擎", "页数", "字节", "冷启动ms", "峰值RSS MiB");
        List<String> ratios = new ArrayList<>();
        List<String> layout = new ArrayList<>();
        for (Path f : files) {
            Doc d = doc(p, f);
            long[][] cold = new long[2][6]; // per engine: 3 wall times, 3 peak RSS
            for (int i = 0; i < 3; i++) { // alternating fresh JVMs, median of 3
                for (Engine e : Engine.values()) {
                    long[] r = spawnCold(e, f);
                    cold[e.ordinal()][i] = r[0];
                    cold[e.ordinal()][3 + i] = r[1];
                }
            }
            // warm: alternate engines, same XHTML
            double[][] ms = new double[2][rounds];
            int[] bytes = new int[2];
            List<Passes> passes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                render(Engine.OURS, p, fonts, d);
                render(Engine.PLAIN, p, fonts, d);
            }
            for (int i = 0; i < rounds; i++) {
                for (Engine e : (i % 2 == 0 ? Engine.values() : new Engine[] {Engine.PLAIN, Engine.OURS})) {
                    long t0 = System.nanoTime();
                    Steps.Recorded<byte[]> r = Steps.recording(() -> render(e, p, fonts, d));
                    ms[e.ordinal()][i] = (System.nanoTime() - t0) / 1e6;
                    bytes[e.ordinal()] = r.result().length;
                    if (e == Engine.OURS) passes.add(passes(r.steps()));
                }
            }
            double[] perPage = new double[2];
            long[] coldMs = new long[2];
            long[] rss = new long[2];
            for (Engine e : Engine.values()) {
                int k = e.ordinal();
                perPage[k] = median(ms[k]) / d.pages();
                coldMs[k] = median3(cold[k][0], cold[k][1], cold[k][2]);
                rss[k] = median3(cold[k][3], cold[k][4], cold[k][5]);
                System.out.printf("%-34s %-6s %8d %9d %9d %9d   热：%.2f ms/页%n", home.relativize(f), e == Engine.OURS ? "本项目" : "原版FS",
                        d.pages(), bytes[k], coldMs[k], rss[k] / 1024, perPage[k]);
            }
            ratios.add(String.format("%s：本项目/原版FS  热 ms/页 %.2f，冷启动 %.2f，字节 %.2f，峰值RSS %.2f", f.getFileName(),
                    perPage[0] / perPage[1], (double) coldMs[0] / coldMs[1], (double) bytes[0] / bytes[1], (double) rss[0] / rss[1]));
            layout.add(layoutLine(f.getFileName().toString(), passes));
        }
        ratios.forEach(System.out::println);

        System.out.printf("%n排版工作（issue 16，热测各轮的中位数）：表格排版 + 各遍排版 + 版面改正，对第一遍排版之比，目标 ≤ %.1f 倍%n",
                LAYOUT_TARGET);
        layout.forEach(System.out::println);

        System.out.println();
        System.out.println(launcherCold(home));

        if (pages) {
            System.out.println();
            pages(home);
        }
    }

    // ---- conditions -------------------------------------------------------------------------------------------------

    /** What the figures depend on: the JVM and its flags, the rounds, the machine and its load. */
    static String conditions(int rounds) {
        var rt = ManagementFactory.getRuntimeMXBean();
        return String.format(Locale.ROOT, "Java %s（%s）；本 JVM（热测）的参数 %s；热测先预热 3 轮，再测 %d 轮取中位数；"
                        + "新启动的 JVM（冷启动、--pages）的参数 %s；%d 核，开始时负载 %s",
                System.getProperty("java.version"), System.getProperty("java.home"), rt.getInputArguments(), rounds,
                String.join(" ", CHILD_FLAGS), Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // ---- layout passes (issue 16) -----------------------------------------------------------------------------------

    static Passes passes(List<Steps.Run> steps) {
        long fit = 0;
        long refit = 0;
        List<Long> passes = new ArrayList<>();
        for (Steps.Run r : steps) {
            switch (r.name()) {
                case FIT -> fit += r.nanos();
                case PASS -> passes.add(r.nanos());
                case REFIT -> refit += r.nanos();
                default -> {
                }
            }
        }
        if (passes.isEmpty()) {
            throw new IllegalStateException("没有记录到“" + PASS + "”这一步：PdfRenderer 的步骤名改了？记录到的：" + steps);
        }
        return new Passes(fit, passes, refit);
    }

    static String layoutLine(String name, List<Passes> rounds) {
        double fit = median(rounds.stream().mapToDouble(r -> r.fit() / 1e6).toArray());
        double first = median(rounds.stream().mapToDouble(r -> r.passes().get(0) / 1e6).toArray());
        double later = median(rounds.stream().mapToDouble(r -> r.passes().stream().skip(1).mapToLong(Long::longValue).sum() / 1e6).toArray());
        double refit = median(rounds.stream().mapToDouble(r -> r.refit() / 1e6).toArray());
        double total = median(rounds.stream().mapToDouble(r -> r.total() / 1e6).toArray());
        double ratio = median(rounds.stream().mapToDouble(Passes::ratio).toArray());
        String counts = rounds.stream().map(r -> String.valueOf(r.passes().size())).distinct().collect(Collectors.joining("/"));
        return String.format(Locale.ROOT, "%s：表格排版 %.0f ms + 排版 %s 遍（第一遍 %.0f ms，其后共 %.0f ms）+ 版面改正 %.0f ms = %.0f ms，"
                + "对第一遍 %.2f 倍（目标 ≤ %.1f 倍，%s）", name, fit, counts, first, later, refit, total, ratio, LAYOUT_TARGET,
                ratio <= LAYOUT_TARGET ? "达到" : "没有达到");
    }

    // ---- engines ----------------------------------------------------------------------------------------------------

    private static Doc doc(Pipeline p, Path f) throws Exception {
        Pipeline.Checked c = p.check(f, f.getFileName().toString());
        if (!c.ok()) throw new IllegalStateException("数据有错误：" + c.diags().sorted());
        Pipeline.Built b = p.render(c);
        return new Doc(f, b.xhtml(), c.layout().orElseThrow().folder().toUri().toString(), b.result().pages());
    }

    /** OURS: the whole pipeline (check, template, render); PLAIN: Flying Saucer as its README shows it, on our XHTML. */
    private static byte[] render(Engine e, Pipeline p, Path fonts, Doc d) throws Exception {
        if (e == Engine.OURS) {
            Pipeline.Checked c = p.check(d.data(), d.data().getFileName().toString());
            return p.render(c).result().pdf();
        }
        ITextRenderer r = new ITextRenderer();
        try (Stream<Path> s = Files.list(fonts)) {
            for (Path font : s.filter(x -> x.toString().endsWith(".ttf")).sorted().toList()) {
                r.getFontResolver().addFont(font.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
        }
        r.setDocumentFromString(d.xhtml(), d.baseUri());
        r.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.createPDF(out);
        return out.toByteArray();
    }

    /** Child JVM: render once, print "wall-ms rss-kib" (wall from JVM start). */
    private static void cold(Engine e, Path data) throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Pipeline p = new Pipeline(home);
        Path fonts = ProjectHome.locate(home).fonts();
        if (e == Engine.OURS) {
            render(e, p, fonts, new Doc(data, "", "", 0));
        } else {
            Doc d = doc(p, data); // the XHTML comes from our templates; then plain FS renders it
            render(e, p, fonts, d);
        }
        long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(wall + " " + hwm());
    }

    private static long hwm() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", ""));
        }
        return 0;
    }

    private static long[] spawnCold(Engine e, Path data) throws Exception {
        return child("--cold", e.name(), data.toString());
    }

    /** Runs this class in a fresh JVM with {@link #CHILD_FLAGS}; the numbers of its last output line. */
    private static long[] child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(CHILD_FLAGS);
        cmd.addAll(List.of("-cp", classPath(), Benchmark.class.getName()));
        cmd.addAll(List.of(args));
        Process pr = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (pr.waitFor() != 0 || out.isEmpty()) throw new IllegalStateException("子进程失败：" + cmd + "\n" + out);
        return Arrays.stream(out.substring(out.lastIndexOf('\n') + 1).split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /**
     * The class path of this program for a child JVM. Under {@code mvn exec:java} the project's classes are in the
     * class loader the plugin made, not on {@code java.class.path} (which is then Maven's own launcher).
     */
    private static String classPath() {
        if (Benchmark.class.getClassLoader() instanceof java.net.URLClassLoader u && u.getURLs().length > 0) {
            List<String> parts = new ArrayList<>();
            for (java.net.URL url : u.getURLs()) {
                try {
                    parts.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    // not a file: a child JVM could not use it anyway
                }
            }
            return String.join(java.io.File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    // ---- cold start through the launcher (issue 18 item 7) ---------------------------------------------------------

    /**
     * bin/budgetpdf build of seed 004: the first run (it makes the start-up cache), then 5 runs with the cache,
     * alternating with the same JVM options and an AppCDS archive (what the launcher does on Java 21-24), with no cache
     * of ours (the JDK's own class archive only), and (3 runs) {@code java -jar} with no options.
     */
    static String launcherCold(Path home) throws Exception {
        String head = "冷启动（bin/budgetpdf build 种子 004，从启动进程到退出）：";
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return head + "没有测（基准程序运行的是 POSIX 脚本 bin/budgetpdf）";
        }
        Path jar = home.resolve("target/budgetpdf.jar");
        if (!Files.isRegularFile(jar)) return head + "没有测：没有 target/budgetpdf.jar，先运行 mvn -q package -DskipTests";
        FileTime newest = newestClass(home.resolve("target/classes"));
        if (newest != null && Files.getLastModifiedTime(jar).compareTo(newest) < 0) {
            return head + "没有测：target/budgetpdf.jar 比 target/classes 中的类旧，先运行 mvn -q package -DskipTests";
        }
        Path out = Files.createTempDirectory("budgetpdf-bench");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> build = List.of("-Dbudgetpdf.launcher=bin/budgetpdf", "-jar", jar.toString(), "build", "--out", out.toString(),
                    SEED_004.toString());
            List<String> launcher = List.of("/bin/sh", home.resolve("bin/budgetpdf").toString(), "build", "--out", out.toString(),
                    SEED_004.toString());
            Path jsa = out.resolve("appcds.jsa");
            List<String> none = java(java, List.of("-Xshare:auto"), build);
            List<String> appcds = java(java, List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), build);
            List<String> plain = List.of(java, "-jar", jar.toString(), "build", "--out", out.toString(), SEED_004.toString());
            for (Path c : caches(jar)) Files.delete(c);
            double first = timed(home, launcher);
            List<Path> made = caches(jar);
            timed(home, java(java, List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), build));
            double[] runs = new double[5];
            double[] appcdsRuns = new double[5];
            double[] noneRuns = new double[5];
            double[] plainRuns = new double[3];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = timed(home, launcher);
                appcdsRuns[i] = timed(home, appcds);
                noneRuns[i] = timed(home, none);
                if (i < plainRuns.length) plainRuns[i] = timed(home, plain);
            }
            String steps = steps(home, launcher);
            double median = median(runs);
            String cache = made.isEmpty() ? "没有生成启动缓存"
                    : made.stream().map(c -> c.getFileName() + " " + size(c) / (1 << 20) + " MiB").collect(Collectors.joining("、"));
            return String.format(Locale.ROOT, "%s%.2f s（5 次中位数，最快 %.2f s；目标 ≤ %.1f s，%s；%s）。%n"
                            + "  第一次运行 %.2f s（同时生成启动缓存：%s）。同样的参数：AppCDS 归档（Java 21–24 的做法）%.2f s，"
                            + "不带本程序的缓存 %.2f s（各 5 次中位数）；java -jar 不带参数 %.2f s（3 次中位数）。负载 %s%n"
                            + "  带启动缓存的一次运行的各步（BUDGETPDF_TIMINGS=1，墙钟；“检查”含“模板”）：%n%s",
                    head, median, Arrays.stream(runs).min().orElse(0), COLD_TARGET_S, median <= COLD_TARGET_S ? "达到" : "没有达到",
                    TYPST, first, cache, median(appcdsRuns), median(noneRuns), median(plainRuns), loadAverage(), steps);
        } finally {
            deleteTree(out);
        }
    }

    /** The step timings one run of {@code cmd} prints with BUDGETPDF_TIMINGS=1, indented. */
    private static String steps(Path dir, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("BUDGETPDF_TIMINGS", "1");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return err.lines().filter(l -> l.startsWith("计时：")).map(l -> "    " + l).collect(Collectors.joining(System.lineSeparator()));
    }

    /** {@code java} with the launcher's options, {@code extra} and {@code args}. */
    private static List<String> java(String java, List<String> extra, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(CHILD_FLAGS);
        cmd.addAll(extra);
        cmd.addAll(args);
        return cmd;
    }

    /** The start-up caches of bin/budgetpdf beside the jar (AOT cache on Java 25, AppCDS archive before). */
    static List<Path> caches(Path jar) throws IOException {
        try (Stream<Path> s = Files.list(jar.getParent())) {
            return s.filter(f -> f.getFileName().toString().matches("budgetpdf.*\\.(aot|jsa)")).sorted().toList();
        }
    }

    private static FileTime newestClass(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) return null;
        try (Stream<Path> s = Files.walk(classes)) {
            return s.filter(f -> f.toString().endsWith(".class")).map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    /** Seconds from starting {@code cmd} (in {@code dir}, JAVA_HOME = this JVM's) to its exit; fails unless it exits 0. */
    private static double timed(Path dir, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        long t0 = System.nanoTime();
        int code = pb.start().waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) throw new IllegalStateException("退出码 " + code + "：" + cmd);
        return s;
    }

    private static long size(Path f) {
        return f.toFile().length(); // 0 when it is gone
    }

    // ---- memory and time against pages (issue 18 item 8) ------------------------------------------------------------

    /** Copies of the generated department's projects for about 100 and 400 pages. */
    static final int[] COPIES = {5, 23};

    static void pages(Path home) throws Exception {
        Path dir = Files.createTempDirectory("budgetpdf-pages");
        try {
            List<Path> docs = new ArrayList<>(List.of(home.resolve(SEED_004)));
            for (int copies : COPIES) {
                Path f = dir.resolve("large-x" + copies + ".yaml");
                Files.writeString(f, LargeDepartment.generate(copies), StandardCharsets.UTF_8);
                docs.add(f);
            }
            System.out.println("页数与内存、时间（--pages；每个文档在新启动的 JVM 中由 Main build 生成一次，参数同 bin/budgetpdf，"
                    + "不带启动缓存；3 次中位数；“GC 后堆”是每次垃圾回收后堆中剩下的最大量）：");
            System.out.printf("%-22s %6s %12s %12s %10s %9s %12s%n", "文件", "页数", "峰值RSS MiB", "GC后堆 MiB", "用时 ms",
                    "ms/页", "比上一行每页");
            long[] first = null;
            long[] last = null;
            for (Path f : docs) {
                long[][] r = new long[3][];
                for (int i = 0; i < 3; i++) r[i] = child("--size", f.toString(), dir.resolve("out").toString());
                // pages, wall ms, rss KiB, heap after GC bytes: the median of each
                long[] m = new long[4];
                for (int k = 0; k < 4; k++) m[k] = median3(r[0][k], r[1][k], r[2][k]);
                String marginal = last == null ? "" : String.format(Locale.ROOT, "%.1f ms", (double) (m[1] - last[1]) / (m[0] - last[0]));
                System.out.printf(Locale.ROOT, "%-22s %6d %12d %12d %10d %9.1f %12s%n", f.getFileName(), m[0], m[2] / 1024,
                        m[3] >> 20, m[1], (double) m[1] / m[0], marginal);
                if (first == null) first = m;
                last = m;
            }
            if (first != null && last != first) {
                System.out.printf(Locale.ROOT, "%d 页对 %d 页：峰值 RSS %.2f 倍，GC 后堆 %.2f 倍（目标 ≤ 1.2 倍）；负载 %s%n", last[0], first[0],
                        (double) last[2] / first[2], (double) last[3] / first[3], loadAverage());
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Child JVM: builds {@code data} with Main into {@code out}; prints "pages wall-ms rss-kib heap-after-gc-bytes". */
    private static void size(Path data, Path out) throws Exception {
        AtomicLong afterGc = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
                if (!(n.getUserData() instanceof CompositeData cd)) return;
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(cd).getGcInfo();
                long used = info.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                afterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int code = Main.run(new String[] {"build", "--out", out.toString(), data.toString()}, quiet, quiet, Path.of("").toAbsolutePath());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (code != 0) throw new IllegalStateException("build 退出码 " + code);
        long rss = hwm();
        String name = data.getFileName().toString();
        Path pdf = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        int pages;
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            pages = d.getNumberOfPages();
        }
        System.out.println(pages + " " + ms + " " + rss + " " + afterGc.get());
    }

    // ---- small things -----------------------------------------------------------------------------------------------

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long median3(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
