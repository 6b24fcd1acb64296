package org.wasmlang.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The peer benchmark's command line:
 * {@code peers [WORKLOAD...] [--engines=a,b,...] [--iterations N] [--warmup-seconds S]
 * [--measure-seconds S] [--window K] [--tolerance F] [--rounds N] [--in-process]
 * [--workloads-dir DIR] [--markdown FILE]}. Options take their value after {@code =} or as the next argument.
 */
record PeerSettings(List<String> workloads, List<String> engines, int iterations, double warmupSeconds,
                double measureSeconds, int window, double tolerance, int rounds, boolean inProcess,
                Path workloadsDirectory, Path markdownFile) {

    static final String USAGE = """
                    usage: benchmarks/run peers [WORKLOAD...] [OPTIONS]
                      WORKLOAD            a NAME.wasm in benchmarks/workloads (default: all of them)
                      --engines=LIST      comma-separated, from: %s
                                          (default: %s)
                      --iterations N      steady calls to measure after warm-up (default 10)
                      --warmup-seconds S  warm-up budget per engine and workload (default 60)
                      --measure-seconds S stop measuring after S seconds, once 3 calls are in (default 30)
                      --window K          warm-up ends at K consecutive calls within the tolerance (default 5)
                      --tolerance F       allowed spread of those K calls, relative to their median, and
                                          allowed JIT compile time during them, relative to their sum (default 0.05)
                      --rounds N          measure every engine N times per workload, the engines taking
                                          turns, and keep each engine's median round (default 1): the
                                          machine's speed drifts, turns spread the drift over all engines
                      --in-process        run every engine in this JVM instead of a fresh JVM each
                      --workloads-dir DIR where the .wasm files are (default: found from here)
                      --markdown FILE     where the tables go as markdown (default benchmarks/target/peers.md)
                    """.formatted(String.join(",", EngineAdapters.ALL), String.join(",", EngineAdapters.DEFAULT));

    private static final Set<String> VALUE_OPTIONS = Set.of("--engines", "--iterations", "--warmup-seconds",
                    "--measure-seconds", "--window", "--tolerance", "--rounds", "--workloads-dir", "--markdown");

    /** What build.sh appends to the name of a SIMD workload's -msimd128 module. */
    static final String SIMD_SUFFIX = "-simd";

    static PeerSettings parse(String[] args) {
        List<String> workloads = new ArrayList<>();
        List<String> engines = EngineAdapters.DEFAULT;
        int iterations = 10;
        double warmupSeconds = 60;
        double measureSeconds = 30;
        int window = 5;
        double tolerance = 0.05;
        int rounds = 1;
        boolean inProcess = false;
        Path workloadsDirectory = null;
        Path markdownFile = null;
        OptionReader options = new OptionReader(args, VALUE_OPTIONS, Set.of("--in-process"), true);
        while (options.next()) {
            String option = options.option();
            String value = options.value();
            if (option == null) {
                workloads.add(value.endsWith(".wasm") ? value.substring(0, value.length() - 5) : value);
                continue;
            }
            switch (option) {
                case "--in-process" -> inProcess = true;
                case "--engines" -> engines = parseEngines(value);
                case "--iterations" -> iterations = options.positiveInt();
                case "--warmup-seconds" -> warmupSeconds = options.positiveDouble();
                case "--measure-seconds" -> measureSeconds = options.positiveDouble();
                case "--window" -> window = options.positiveInt();
                case "--tolerance" -> tolerance = options.positiveDouble();
                case "--rounds" -> rounds = options.positiveInt();
                case "--workloads-dir" -> workloadsDirectory = Path.of(value);
                case "--markdown" -> markdownFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (workloadsDirectory == null) {
            workloadsDirectory = findWorkloadsDirectory();
        }
        if (markdownFile == null) {
            markdownFile = workloadsDirectory.toAbsolutePath().getParent().resolve("target").resolve("peers.md");
        }
        if (workloads.isEmpty()) {
            workloads = listWorkloads(workloadsDirectory);
        }
        for (String workload : workloads) {
            if (!Files.isRegularFile(workloadsDirectory.resolve(workload + ".wasm"))) {
                throw new IllegalArgumentException("no workload " + workload + ".wasm in " + workloadsDirectory);
            }
        }
        return new PeerSettings(List.copyOf(workloads), engines, iterations, warmupSeconds, measureSeconds, window,
                        tolerance, rounds, inProcess, workloadsDirectory, markdownFile);
    }

    Path wasmFile(String workload) {
        return workloadsDirectory.resolve(workload + ".wasm");
    }

    /**
     * Where build.sh puts the native executables: benchmarks/target/native. NAME-simd, the
     * -msimd128 build of a SIMD workload, has no executable of its own: NAME's (clang -O3,
     * vectorised for the host) is the native reference for both of its modules.
     */
    Path nativeExecutable(String workload) {
        return workloadsDirectory.toAbsolutePath().getParent().resolve("target").resolve("native").resolve(nativeName(workload));
    }

    /** The native executable's name for a workload: NAME-simd runs NAME's. */
    static String nativeName(String workload) {
        return workload.endsWith(SIMD_SUFFIX) ? workload.substring(0, workload.length() - SIMD_SUFFIX.length()) : workload;
    }

    /** The options a child JVM needs to measure the way this run does. */
    List<String> meterArguments() {
        return List.of("--iterations", Integer.toString(iterations), "--warmup-seconds", Double.toString(warmupSeconds),
                        "--measure-seconds", Double.toString(measureSeconds), "--window", Integer.toString(window),
                        "--tolerance", Double.toString(tolerance));
    }

    SteadyStateMeter newMeter() {
        return new SteadyStateMeter(window, tolerance, warmupSeconds, iterations, measureSeconds);
    }

    private static List<String> parseEngines(String value) {
        List<String> engines = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String engine : engines) {
            if (!EngineAdapters.ALL.contains(engine)) {
                throw new IllegalArgumentException("unknown engine " + engine + "; known: " + String.join(",", EngineAdapters.ALL));
            }
        }
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("--engines names no engine");
        }
        return engines;
    }

    /**
     * benchmarks/workloads, found from the harness's own classes (benchmarks/target/classes)
     * or else from the working directory, so the harness runs from any folder.
     */
    private static Path findWorkloadsDirectory() {
        List<Path> candidates = new ArrayList<>();
        try {
            Path classes = Path.of(PeerSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            candidates.add(classes.resolve("../../workloads").normalize());
        } catch (Exception e) {
            // no code source (unusual class loader): the working directory still works
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        candidates.add(workingDirectory.resolve("benchmarks/workloads"));
        candidates.add(workingDirectory.resolve("workloads"));
        candidates.add(workingDirectory.resolve("../benchmarks/workloads").normalize());
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate) && !listWorkloads(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("cannot find benchmarks/workloads; run from the repository or pass --workloads-dir");
    }

    private static List<String> listWorkloads(Path directory) {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                            .filter(name -> name.endsWith(".wasm"))
                            .map(name -> name.substring(0, name.length() - 5))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
