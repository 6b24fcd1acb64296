package org.wasmlang.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the peer benchmark's results into tables: one per workload (every engine's load,
 * warm-up and steady state), then steady-state times side by side, then the ratios the
 * issue sets targets for.
 */
final class PeerReport {

    /** A WasmLang mode divided by a peer, with the largest ratio that meets the target. */
    private record Ratio(String numerator, String denominator, double target) {
        String header() {
            String name = numerator + " / " + denominator;
            return Double.isNaN(target) ? name : name + String.format(Locale.ROOT, " (target <= %.1f)", target);
        }
    }

    private static final List<Ratio> WASMLANG_RATIOS = List.of(
                    new Ratio(EngineAdapters.WASMLANG, EngineAdapters.GRAALWASM, 1.0),
                    new Ratio(EngineAdapters.WASMLANG, EngineAdapters.GRAALWASM_VECTOR, Double.NaN),
                    new Ratio(EngineAdapters.WASMLANG, EngineAdapters.NATIVE, 1.5),
                    new Ratio(EngineAdapters.WASMLANG, EngineAdapters.CHICORY_COMPILER, Double.NaN),
                    new Ratio(EngineAdapters.WASMLANG, EngineAdapters.CHICORY_INTERPRETER, Double.NaN),
                    new Ratio(EngineAdapters.WASMLANG_INTERPRETER, EngineAdapters.CHICORY_INTERPRETER, 0.5),
                    new Ratio(EngineAdapters.WASMLANG_INTERPRETER, EngineAdapters.GRAALWASM_INTERPRETER, Double.NaN));

    /**
     * Above this load average per core other work competed with the measurement: the engine
     * under test keeps about one core busy (plus JIT threads) on its own.
     */
    private static final double BUSY_LOAD_PER_CORE = 1.5;

    /** workload -> engine -> result, in the order they ran. */
    private final Map<String, Map<String, EngineResult>> results = new LinkedHashMap<>();
    private final PeerSettings settings;

    PeerReport(PeerSettings settings) {
        this.settings = settings;
    }

    void add(String workload, EngineResult result) {
        results.computeIfAbsent(workload, name -> new LinkedHashMap<>()).put(result.engine(), result);
    }

    /**
     * The checksum a workload should return: native's when native ran, else the one most
     * engines agree on. Null when nothing succeeded.
     */
    Long expectedChecksum(String workload) {
        Map<String, EngineResult> byEngine = results.getOrDefault(workload, Map.of());
        EngineResult nativeResult = byEngine.get(EngineAdapters.NATIVE);
        if (nativeResult != null && nativeResult.succeeded()) {
            return nativeResult.checksum();
        }
        Map<Long, Integer> votes = new HashMap<>();
        for (EngineResult result : byEngine.values()) {
            if (result.succeeded()) {
                votes.merge(result.checksum(), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Engines whose checksum differs from the expected one, as "engine returned X" lines. */
    List<String> checksumMismatches(String workload) {
        Long expected = expectedChecksum(workload);
        List<String> mismatches = new ArrayList<>();
        for (EngineResult result : results.getOrDefault(workload, Map.of()).values()) {
            if (result.succeeded() && expected != null && result.checksum() != expected) {
                mismatches.add(result.engine() + " returned " + result.checksum() + ", expected " + expected);
            }
        }
        return mismatches;
    }

    Table workloadTable(String workload) {
        Table table = new Table(List.of("engine", "load", "warm-up", "warm-up calls", "steady (median)", "min", "measured",
                        "wasmlang / engine", "notes"));
        Map<String, EngineResult> byEngine = results.getOrDefault(workload, Map.of());
        Long expected = expectedChecksum(workload);
        for (EngineResult result : byEngine.values()) {
            if (!result.succeeded()) {
                table.addRow(List.of(result.engine(), "FAILED", "", "", "", "", "", "",
                                "engine " + result.engine() + " failed: " + result.failure()));
                continue;
            }
            String warmupCalls = result.warmupIterations() + (result.reachedSteadyState() ? "" : " (budget)");
            List<String> notes = new ArrayList<>();
            if (expected != null && result.checksum() != expected) {
                notes.add("CHECKSUM MISMATCH: " + result.checksum() + ", expected " + expected);
            }
            if (!result.reachedSteadyState()) {
                notes.add("no steady state within " + seconds((long) (settings.warmupSeconds() * 1e9)));
            }
            if (result.loadAverage() > BUSY_LOAD_PER_CORE * Runtime.getRuntime().availableProcessors()) {
                notes.add(String.format(Locale.ROOT, "busy machine (load average %.1f)", result.loadAverage()));
            }
            table.addRow(List.of(result.engine(),
                            result.engine().equals(EngineAdapters.NATIVE) ? "-" : milliseconds(result.loadNanos()),
                            seconds(result.warmupNanos()),
                            warmupCalls,
                            milliseconds(result.steadyNanos()),
                            milliseconds(result.minimumNanos()),
                            Integer.toString(result.measuredNanos().length),
                            ratioText(steady(workload, EngineAdapters.WASMLANG), steady(workload, result.engine()), Double.NaN),
                            String.join("; ", notes)));
        }
        return table;
    }

    /** Steady-state milliseconds, one row per workload, one column per engine. */
    Table steadyStateTable() {
        List<String> headers = new ArrayList<>();
        headers.add("workload");
        headers.addAll(settings.engines());
        Table table = new Table(headers);
        for (String workload : results.keySet()) {
            List<String> row = new ArrayList<>();
            row.add(workload);
            for (String engine : settings.engines()) {
                double nanos = steady(workload, engine);
                row.add(Double.isNaN(nanos) ? "failed" : milliseconds((long) nanos));
            }
            table.addRow(row);
        }
        return table;
    }

    static final String NO_WASMLANG_RATIOS = "(none: this run measured no WasmLang mode together with its peer)";

    /** The ratios the targets speak of (lower is better for WasmLang), with a geometric mean. */
    Table wasmLangRatioTable() {
        return ratioTable(wasmLangRatios());
    }

    boolean hasWasmLangRatios() {
        return !wasmLangRatios().isEmpty();
    }

    private List<Ratio> wasmLangRatios() {
        return WASMLANG_RATIOS.stream()
                        .filter(r -> settings.engines().contains(r.numerator()) && settings.engines().contains(r.denominator()))
                        .toList();
    }

    /** Every engine against the native clang build, which needs no WasmLang to be meaningful. */
    Table nativeRatioTable() {
        List<Ratio> ratios = settings.engines().stream()
                        .filter(engine -> !engine.equals(EngineAdapters.NATIVE))
                        .map(engine -> new Ratio(engine, EngineAdapters.NATIVE, Double.NaN))
                        .toList();
        return ratioTable(ratios);
    }

    private Table ratioTable(List<Ratio> ratios) {
        List<String> headers = new ArrayList<>();
        headers.add("workload");
        ratios.forEach(ratio -> headers.add(ratio.header()));
        Table table = new Table(headers);
        double[] logSums = new double[ratios.size()];
        int[] counts = new int[ratios.size()];
        for (String workload : results.keySet()) {
            List<String> row = new ArrayList<>();
            row.add(workload);
            for (int i = 0; i < ratios.size(); i++) {
                Ratio ratio = ratios.get(i);
                double numerator = steady(workload, ratio.numerator());
                double denominator = steady(workload, ratio.denominator());
                row.add(ratioText(numerator, denominator, ratio.target()));
                if (!Double.isNaN(numerator) && !Double.isNaN(denominator)) {
                    logSums[i] += Math.log(numerator / denominator);
                    counts[i]++;
                }
            }
            table.addRow(row);
        }
        List<String> meanRow = new ArrayList<>();
        meanRow.add("geometric mean");
        for (int i = 0; i < ratios.size(); i++) {
            meanRow.add(counts[i] == 0 ? "n/a" : ratioText(Math.exp(logSums[i] / counts[i]), 1, ratios.get(i).target()));
        }
        table.addRow(meanRow);
        return table;
    }

    /** The whole report as markdown, for benchmarks/target/peers.md. */
    String toMarkdown(String runDescription) {
        StringBuilder markdown = new StringBuilder();
        markdown.append("# WasmLang against its peers\n\n");
        markdown.append(runDescription).append('\n');
        markdown.append("""
                        Warm-up is the time spent in run() calls before the first of %d consecutive calls whose
                        spread is within %s of their median and during which the JVM compiled for at most
                        that share of their time ("budget" when that did not happen within %s);
                        steady state is the median of the calls measured after that window (a measured call
                        during which the JIT compiled sends the engine back to warming up). Ratios are
                        steady-state time divided by steady-state time: below 1 means the first engine is faster.

                        """.formatted(settings.window(), percent(settings.tolerance()), seconds((long) (settings.warmupSeconds() * 1e9))));
        markdown.append("## Steady state (median per call)\n\n").append(steadyStateTable().toMarkdown()).append('\n');
        markdown.append("## WasmLang ratios\n\n")
                        .append(hasWasmLangRatios() ? wasmLangRatioTable().toMarkdown() : NO_WASMLANG_RATIOS + "\n")
                        .append('\n');
        if (settings.engines().contains(EngineAdapters.NATIVE)) {
            markdown.append("## Every engine against native clang\n\n").append(nativeRatioTable().toMarkdown()).append('\n');
        }
        for (String workload : results.keySet()) {
            Long expected = expectedChecksum(workload);
            markdown.append("## ").append(workload).append(expected == null ? "" : " (checksum " + expected + ")").append("\n\n");
            for (String mismatch : checksumMismatches(workload)) {
                markdown.append("**CHECKSUM MISMATCH: ").append(mismatch).append("**\n\n");
            }
            markdown.append(workloadTable(workload).toMarkdown()).append('\n');
        }
        return markdown.toString();
    }

    Iterable<String> workloads() {
        return results.keySet();
    }

    /** A successful engine's steady-state nanoseconds, or NaN. */
    private double steady(String workload, String engine) {
        EngineResult result = results.getOrDefault(workload, Map.of()).get(engine);
        return result == null || !result.succeeded() ? Double.NaN : result.steadyNanos();
    }

    private static String ratioText(double numerator, double denominator, double target) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return "n/a";
        }
        double ratio = numerator / denominator;
        String text = String.format(Locale.ROOT, "%.2f", ratio);
        if (Double.isNaN(target)) {
            return text;
        }
        return text + (ratio <= target ? " ok" : " MISS");
    }

    static String milliseconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
