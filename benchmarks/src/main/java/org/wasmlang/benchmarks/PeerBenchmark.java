package org.wasmlang.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code benchmarks/run peers}: runs the C workloads in benchmarks/workloads on WasmLang,
 * GraalWasm, Chicory (interpreter and compiler) and as native clang executables, one
 * engine at a time, each Wasm engine in a fresh JVM with this JVM's flags. Prints per
 * workload the warm-up, the steady state and WasmLang's ratio to each peer, and writes the
 * same tables as markdown (benchmarks/target/peers.md).
 */
public final class PeerBenchmark implements BenchmarkMain.Benchmark {

    @Override
    public String description() {
        return "C workloads on WasmLang, GraalWasm, Chicory and native: warm-up, steady state, ratios (--help)";
    }

    @Override
    public void run(String[] args) throws IOException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(PeerSettings.USAGE);
            return;
        }
        PeerSettings settings;
        try {
            settings = PeerSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("peers: " + e.getMessage());
            System.err.print(PeerSettings.USAGE);
            System.exit(2);
            return;
        }
        String runDescription = describeRun(settings);
        System.out.println(runDescription);

        PeerReport report = new PeerReport(settings);
        for (String workload : settings.workloads()) {
            System.out.println("== " + workload);
            Map<String, List<EngineResult>> rounds = new LinkedHashMap<>();
            for (int round = 1; round <= settings.rounds(); round++) {
                for (String engine : settings.engines()) {
                    String turn = settings.rounds() == 1 ? "" : " (round " + round + "/" + settings.rounds() + ")";
                    System.out.print("  " + engine + turn + " ... ");
                    System.out.flush();
                    EngineResult result = PeerMeasurements.measure(engine, workload, settings).withLoadAverage(LoadAverage.oneMinute());
                    System.out.println(summarize(result));
                    rounds.computeIfAbsent(engine, name -> new ArrayList<>()).add(result);
                }
            }
            for (List<EngineResult> results : rounds.values()) {
                report.add(workload, medianRound(results));
            }
            if (settings.rounds() > 1) {
                printPairedRatios(rounds);
            }
            for (String mismatch : report.checksumMismatches(workload)) {
                System.out.println("!!!!!!!! CHECKSUM MISMATCH on " + workload + ": " + mismatch + " !!!!!!!!");
            }
        }

        for (String workload : report.workloads()) {
            Long expected = report.expectedChecksum(workload);
            System.out.println();
            System.out.println(workload + (expected == null ? "" : " (checksum " + expected + ")"));
            System.out.print(report.workloadTable(workload).toText());
        }
        System.out.println();
        System.out.println("Steady state (median per call)");
        System.out.print(report.steadyStateTable().toText());
        System.out.println();
        System.out.println("WasmLang ratios (steady state; below 1 means WasmLang is faster)");
        System.out.print(report.hasWasmLangRatios() ? report.wasmLangRatioTable().toText() : PeerReport.NO_WASMLANG_RATIOS + "\n");
        if (settings.engines().contains(EngineAdapters.NATIVE)) {
            System.out.println();
            System.out.println("Every engine against native clang");
            System.out.print(report.nativeRatioTable().toText());
        }

        Path markdown = settings.markdownFile();
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, report.toMarkdown(runDescription));
        System.out.println();
        System.out.println("wrote " + markdown);
    }

    /**
     * WasmLang's ratio to each peer within each round, where both ran minutes apart at most,
     * and the median of those: steadier than the ratio of median rounds when the machine's
     * speed drifts between rounds.
     */
    private static void printPairedRatios(Map<String, List<EngineResult>> rounds) {
        for (String mode : List.of(EngineAdapters.WASMLANG, EngineAdapters.WASMLANG_INTERPRETER)) {
            List<EngineResult> ours = rounds.get(mode);
            if (ours == null) {
                continue;
            }
            for (Map.Entry<String, List<EngineResult>> peer : rounds.entrySet()) {
                if (peer.getKey().startsWith(EngineAdapters.WASMLANG)) {
                    continue;
                }
                List<Double> ratios = new ArrayList<>();
                for (int round = 0; round < ours.size(); round++) {
                    EngineResult mine = ours.get(round);
                    EngineResult theirs = peer.getValue().get(round);
                    if (mine.succeeded() && theirs.succeeded()) {
                        ratios.add((double) mine.steadyNanos() / theirs.steadyNanos());
                    }
                }
                if (ratios.isEmpty()) {
                    continue;
                }
                List<Double> sorted = new ArrayList<>(ratios);
                sorted.sort(null);
                double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
                StringBuilder line = new StringBuilder("  " + mode + " / " + peer.getKey() + " per round:");
                for (double ratio : ratios) {
                    line.append(String.format(Locale.ROOT, " %.2f", ratio));
                }
                System.out.println(line.append(String.format(Locale.ROOT, " (median %.2f)", median)));
            }
        }
    }

    /** The round with the median steady state (the lower of the middle two), or a failed round. */
    static EngineResult medianRound(List<EngineResult> results) {
        for (EngineResult result : results) {
            if (!result.succeeded()) {
                return result;
            }
        }
        List<EngineResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingLong(EngineResult::steadyNanos));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String summarize(EngineResult result) {
        if (!result.succeeded()) {
            return "engine " + result.engine() + " failed: " + result.failure();
        }
        String load = result.engine().equals(EngineAdapters.NATIVE) ? "" : "load " + PeerReport.milliseconds(result.loadNanos()) + ", ";
        return String.format(Locale.ROOT, "%swarm-up %s (%d calls%s), steady %s (median of %d), checksum %d, load average %.1f",
                        load, PeerReport.seconds(result.warmupNanos()),
                        result.warmupIterations(), result.reachedSteadyState() ? "" : ", budget ran out",
                        PeerReport.milliseconds(result.steadyNanos()), result.measuredNanos().length, result.checksum(),
                        result.loadAverage());
    }

    private static String describeRun(PeerSettings settings) {
        return String.format(Locale.ROOT, """
                        Run %s on %s %s (%s), %d cores; engines %s; \
                        warm-up window %d calls within %.0f%%, budget %.0f s; %d measured calls, budget %.0f s; %s%s.
                        """,
                        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                        String.join(",", settings.engines()), settings.window(), settings.tolerance() * 100,
                        settings.warmupSeconds(), settings.iterations(), settings.measureSeconds(),
                        settings.inProcess() ? "all engines in one JVM" : "a fresh JVM per engine and workload",
                        settings.rounds() == 1 ? "" : "; " + settings.rounds() + " rounds, each engine's median round kept");
    }

    /**
     * The child JVM's entry point: {@code --child ENGINE WASM_FILE [meter options]}. The
     * parent starts it with its own JVM flags and class path and reads its standard output.
     */
    public static void main(String[] args) {
        if (args.length < 3 || !args[0].equals("--child")) {
            System.err.println("PeerBenchmark runs as: BenchmarkMain peers ...; directly only as --child ENGINE WASM_FILE [OPTIONS]");
            System.exit(2);
        }
        Path wasmFile = Path.of(args[2]);
        String workload = wasmFile.getFileName().toString().replaceFirst("\\.wasm$", "");
        List<String> settingsArguments = new ArrayList<>(Arrays.asList(args).subList(3, args.length));
        settingsArguments.addAll(List.of("--workloads-dir", wasmFile.toAbsolutePath().getParent().toString(), workload));
        PeerSettings settings = PeerSettings.parse(settingsArguments.toArray(String[]::new));
        System.exit(PeerMeasurements.runAsChild(args[1], wasmFile, settings));
    }
}
