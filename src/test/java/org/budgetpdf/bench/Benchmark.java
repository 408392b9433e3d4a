package org.budgetpdf.bench;

import org.budgetpdf.Pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Speed and size of one document, run by hand (README “性能基准”):
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.budgetpdf.bench.Benchmark</pre>
 * Optional args: data file (default the seed 004 file), warm-up rounds, measured rounds.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Path data = home.resolve(args.length > 0 ? args[0] : "data/xinxiang-weibin-2025-budget.yaml");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        long t0 = System.nanoTime();
        Pipeline p = new Pipeline(home);
        Pipeline.Built first = build(p, data);
        long coldMs = (System.nanoTime() - t0) / 1_000_000;
        int pages = first.result().pages();
        int bytes = first.result().pdf().length;

        for (int i = 0; i < warmup; i++) build(p, data);
        long total = 0;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            build(p, data);
            long d = System.nanoTime() - s;
            total += d;
            best = Math.min(best, d);
        }
        double warmMs = total / 1e6 / rounds;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
        }
        System.out.printf("文件：%s%n", home.relativize(data));
        System.out.printf("页数：%d%n", pages);
        System.out.printf("大小：%d 字节（%.0f KB）%n", bytes, bytes / 1024.0);
        System.out.printf("冷启动单次生成（含加载字体、模板）：%d ms%n", coldMs);
        System.out.printf("预热 %d 次后平均：%.1f ms/次，%.2f ms/页（最快 %.1f ms）%n", warmup, warmMs, warmMs / pages, best / 1e6);
        System.out.printf("堆内存峰值（各堆区峰值之和）：%.0f MiB%n", peakHeap / 1024.0 / 1024.0);
    }

    private static Pipeline.Built build(Pipeline p, Path data) throws Exception {
        Pipeline.Checked c = p.check(data, data.getFileName().toString());
        if (!c.ok()) throw new IllegalStateException("数据有错误：" + c.diags().sorted());
        return p.render(c);
    }
}
