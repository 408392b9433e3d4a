package org.budgetpdf.diag;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wall time of each pipeline step, summed over files and threads, printed after a run when
 * {@code BUDGETPDF_TIMINGS=1} (or {@code -Dbudgetpdf.timings=true}) is set. Off, it costs one
 * boolean test and a thread-local read per step: the figures for issue 9 come from the real program, not from a copy.
 */
public final class Steps {
    public static final boolean ON = Boolean.getBoolean("budgetpdf.timings")
            || "1".equals(System.getenv("BUDGETPDF_TIMINGS"));
    private static final Map<String, long[]> TOTALS = new LinkedHashMap<>();
    private static long firstNanos;
    /** The steps this thread runs inside {@link #recording}, in order; null outside. */
    private static final ThreadLocal<List<Run>> RECORDING = new ThreadLocal<>();

    private Steps() {
    }

    @FunctionalInterface
    public interface Step<T, X extends Exception> {
        T run() throws X;
    }

    /** One step as it ran: its name and wall time. */
    public record Run(String name, long nanos) {
    }

    /** What {@link #recording} returns: the work's result and the steps it ran on this thread, in order. */
    public record Recorded<T>(T result, List<Run> steps) {
    }

    /**
     * Runs {@code work} and returns, with its result, every step it ran on this thread, one entry per run, whether or
     * not timings are on: the benchmark reads each layout pass of a document from it.
     */
    public static <T, X extends Exception> Recorded<T> recording(Step<T, X> work) throws X {
        List<Run> outer = RECORDING.get();
        List<Run> runs = new ArrayList<>();
        RECORDING.set(runs);
        try {
            return new Recorded<>(work.run(), List.copyOf(runs));
        } finally {
            RECORDING.set(outer);
        }
    }

    /** Runs {@code step}, adding its wall time to {@code name}'s total when timings are on. */
    public static <T, X extends Exception> T time(String name, Step<T, X> step) throws X {
        List<Run> runs = RECORDING.get();
        if (!ON && runs == null) return step.run();
        long t0 = System.nanoTime();
        if (ON) {
            synchronized (TOTALS) {
                if (firstNanos == 0) firstNanos = t0;
            }
        }
        try {
            return step.run();
        } finally {
            long nanos = System.nanoTime() - t0;
            if (runs != null) runs.add(new Run(name, nanos));
            add(name, nanos);
        }
    }

    /** Adds a duration measured elsewhere. */
    public static void add(String name, long nanos) {
        if (!ON) return;
        synchronized (TOTALS) {
            long[] t = TOTALS.computeIfAbsent(name, k -> new long[2]);
            t[0] += nanos;
            t[1]++;
        }
    }

    /** One line per step, in the order the steps first ran, after the time from JVM start to the first step. */
    public static void print(PrintStream err) {
        if (!ON) return;
        // JVM creation to the first step: start-up and class loading before any of our work.
        long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                - (System.nanoTime() - firstNanos) / 1_000_000;
        err.printf("计时：JVM 启动       %6d ms%n", jvm);
        synchronized (TOTALS) {
            TOTALS.forEach((k, v) -> err.printf("计时：%-12s %6d ms（%d 次）%n", k, v[0] / 1_000_000, v[1]));
        }
    }
}
