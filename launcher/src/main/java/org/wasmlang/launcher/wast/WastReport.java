package org.wasmlang.launcher.wast;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Outcomes of running spec scripts: counts per command kind, failures, skip reasons. */
public final class WastReport {
    /** One failed command: where it is, what it was, and what happened instead. */
    public record Failure(String file, int line, String command, String detail) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + command + ": " + detail;
        }
    }

    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, Integer> skipReasons = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();

    private static final int PASSED = 0;
    private static final int FAILED = 1;
    private static final int SKIPPED = 2;

    void passed(String kind) {
        counts.computeIfAbsent(kind, k -> new int[3])[PASSED]++;
    }

    void failed(String kind, String file, int line, String command, String detail) {
        counts.computeIfAbsent(kind, k -> new int[3])[FAILED]++;
        failures.add(new Failure(file, line, command, detail));
    }

    void skipped(String kind, String reason) {
        counts.computeIfAbsent(kind, k -> new int[3])[SKIPPED]++;
        skipReasons.merge(kind + ": " + reason, 1, Integer::sum);
    }

    /** Adds another report's results to this one. */
    public void add(WastReport other) {
        other.counts.forEach((kind, c) -> {
            int[] mine = counts.computeIfAbsent(kind, k -> new int[3]);
            for (int i = 0; i < 3; i++) {
                mine[i] += c[i];
            }
        });
        other.skipReasons.forEach((reason, n) -> skipReasons.merge(reason, n, Integer::sum));
        failures.addAll(other.failures);
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public int passed() {
        return total(PASSED);
    }

    public int failed() {
        return total(FAILED);
    }

    public int skipped() {
        return total(SKIPPED);
    }

    /** Passed, failed and skipped counts of one command kind (zeros when none ran). */
    public int[] counts(String kind) {
        return counts.getOrDefault(kind, new int[3]).clone();
    }

    private int total(int which) {
        int sum = 0;
        for (int[] c : counts.values()) {
            sum += c[which];
        }
        return sum;
    }

    /** Failures first, then a line per command kind, the skip reasons, and the totals last. */
    public void print(PrintStream out, boolean listFailures) {
        if (listFailures) {
            for (Failure failure : failures) {
                out.println("FAIL " + failure);
            }
        }
        counts.forEach((kind, c) -> out.println(kind + ": " + c[PASSED] + " passed, " + c[FAILED] + " failed, "
                        + c[SKIPPED] + " skipped"));
        skipReasons.forEach((reason, n) -> out.println("  skipped " + n + " " + reason));
        out.println(passed() + " passed, " + failed() + " failed, " + skipped() + " skipped");
    }
}
