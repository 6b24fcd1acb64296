package org.wasmlang.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides, one call at a time, when an engine has warmed up and when enough steady calls
 * were measured. Warm-up ends at the first window of {@code window} consecutive calls whose
 * spread (max - min) is at most {@code tolerance} of their median, and during which the JVM
 * spent at most {@code tolerance} of the window's time compiling (see {@link CompilerActivity}),
 * or when the warm-up budget runs out. Then {@code measuredIterations} further calls are measured (fewer, but at
 * least {@link #MINIMUM_MEASURED}, when the measuring budget runs out first). A measured call
 * during which the JIT compiled for more than {@code tolerance} of its time (a late
 * compilation, say of a caller that is called once per run) sends the meter back to warming
 * up, so that no measured call ran beside the compiler; once the warm-up budget is spent it
 * measures whatever comes.
 *
 * <p>It sees only call durations, never a clock, so the harness can replay a list of
 * durations (from a child JVM or a native run) and get the same verdict the run got.
 */
final class SteadyStateMeter {

    static final int MINIMUM_MEASURED = 3;

    private final int window;
    private final double tolerance;
    private final long warmupBudgetNanos;
    private final int measuredIterations;
    private final long measureBudgetNanos;

    private final List<Long> durations = new ArrayList<>();
    private final List<Long> compiling = new ArrayList<>();
    private long totalNanos;
    private boolean warmingUp = true;
    private boolean done;
    private boolean steady;
    private int warmupIterations;
    private long warmupNanos;
    private int measureStart;
    private long measuredNanos;

    SteadyStateMeter(int window, double tolerance, double warmupBudgetSeconds, int measuredIterations,
                    double measureBudgetSeconds) {
        this.window = window;
        this.tolerance = tolerance;
        this.warmupBudgetNanos = (long) (warmupBudgetSeconds * 1e9);
        this.measuredIterations = measuredIterations;
        this.measureBudgetNanos = (long) (measureBudgetSeconds * 1e9);
    }

    /** Records a call of an engine that compiles nothing (a native executable). */
    boolean record(long nanos) {
        return record(nanos, 0);
    }

    /**
     * Records one call's duration and the compile time spent while it ran; returns whether
     * the harness should make another call.
     */
    boolean record(long nanos, long compileNanos) {
        if (done) {
            return false;
        }
        durations.add(nanos);
        compiling.add(Math.max(0, compileNanos));
        totalNanos += nanos;
        if (warmingUp) {
            if (durations.size() >= window && isSteady(durations.size() - window)) {
                endWarmup(true, durations.size() - window);
            } else if (totalNanos >= warmupBudgetNanos) {
                endWarmup(false, durations.size());
            }
            return true;
        }
        if (steady && compileNanos > tolerance * nanos) {
            warmingUp = true;
            return true;
        }
        measuredNanos += nanos;
        int measured = durations.size() - measureStart;
        if (measured >= measuredIterations || (measured >= MINIMUM_MEASURED && measuredNanos >= measureBudgetNanos)) {
            done = true;
        }
        return !done;
    }

    private boolean isSteady(int windowStart) {
        long[] last = durations.subList(windowStart, windowStart + window).stream().mapToLong(Long::longValue).toArray();
        long min = Arrays.stream(last).min().orElseThrow();
        long max = Arrays.stream(last).max().orElseThrow();
        long windowNanos = Arrays.stream(last).sum();
        long compileNanos = compiling.subList(windowStart, windowStart + window).stream().mapToLong(Long::longValue).sum();
        return max - min <= tolerance * median(last) && compileNanos <= tolerance * windowNanos;
    }

    /**
     * @param firstSteadyIteration the calls before it count as warm-up; the steady window
     *                             itself is not measured again, so it biases nothing
     */
    private void endWarmup(boolean reachedSteadyState, int firstSteadyIteration) {
        warmingUp = false;
        steady = reachedSteadyState;
        warmupIterations = firstSteadyIteration;
        warmupNanos = durations.subList(0, firstSteadyIteration).stream().mapToLong(Long::longValue).sum();
        measureStart = durations.size();
        measuredNanos = 0;
    }

    boolean isDone() {
        return done;
    }

    /** Whether warm-up ended on a steady window (true) or on the warm-up budget (false). */
    boolean reachedSteadyState() {
        return steady;
    }

    int warmupIterations() {
        return warmupIterations;
    }

    long warmupNanos() {
        return warmupNanos;
    }

    int callCount() {
        return durations.size();
    }

    long[] measured() {
        if (warmingUp) {
            return new long[0];
        }
        return durations.subList(measureStart, durations.size()).stream().mapToLong(Long::longValue).toArray();
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
