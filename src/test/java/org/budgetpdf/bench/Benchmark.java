package org.budgetpdf.bench;

import org.openpdf.text.pdf.BaseFont;
import org.budgetpdf.Pipeline;
import org.budgetpdf.ProjectHome;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's renderer against plain Flying Saucer on the same XHTML, in one run (README “性能基准”):
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.budgetpdf.bench.Benchmark</pre>
 * Optional args: data files (default seed 004, 24 pages, and the generated 42-page file of {@link LargeDepartment}),
 * rounds (default 8).
 *
 * <p>Cold time and peak RSS: each engine renders each document once in a fresh JVM
 * ({@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, as bin/budgetpdf), the two engines alternating.
 * Warm ms/page: in this JVM, alternating the engines round by round; medians and their ratios.
 */
public final class Benchmark {
    private Benchmark() {
    }

    enum Engine { OURS, PLAIN }

    record Doc(Path data, String xhtml, String baseUri, int pages) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--cold")) {
            cold(Engine.valueOf(args[1]), Path.of(args[2]));
            return;
        }
        Path home = Path.of("").toAbsolutePath();
        List<Path> files = new ArrayList<>();
        int rounds = 8;
        for (String a : args) {
            if (a.matches("\\d+")) rounds = Integer.parseInt(a);
            else files.add(home.resolve(a));
        }
        if (files.isEmpty()) {
            files.add(home.resolve("data/xinxiang-weibin-2025-budget.yaml"));
            files.add(home.resolve(LargeDepartment.FILE));
        }
        Pipeline p = new Pipeline(home);
        Path fonts = ProjectHome.locate(home).fonts();
        System.out.printf("%-34s %-6s %8s %9s %9s %9s%n", "文件", "引擎", "页数", "字节", "冷启动ms", "峰值RSS MiB");
        List<String> ratios = new ArrayList<>();
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
            for (int i = 0; i < 3; i++) {
                render(Engine.OURS, p, fonts, d);
                render(Engine.PLAIN, p, fonts, d);
            }
            for (int i = 0; i < rounds; i++) {
                for (Engine e : (i % 2 == 0 ? Engine.values() : new Engine[] {Engine.PLAIN, Engine.OURS})) {
                    long t0 = System.nanoTime();
                    bytes[e.ordinal()] = render(e, p, fonts, d).length;
                    ms[e.ordinal()][i] = (System.nanoTime() - t0) / 1e6;
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
        }
        ratios.forEach(System.out::println);
    }

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
        long wall = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(wall + " " + hwm());
    }

    private static long hwm() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", ""));
        }
        return 0;
    }

    private static long[] spawnCold(Engine e, Path data) throws Exception {
        Process pr = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m", "-cp", classPath(),
                Benchmark.class.getName(), "--cold", e.name(), data.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        pr.waitFor();
        String[] parts = line.substring(line.lastIndexOf('\n') + 1).split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
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

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long median3(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
