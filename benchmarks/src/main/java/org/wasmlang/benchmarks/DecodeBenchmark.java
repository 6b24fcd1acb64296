package org.wasmlang.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;
import org.wasmlang.validation.FunctionInfo;
import org.wasmlang.validation.Validator;
import org.wasmlang.validation.WasmModuleException;

/**
 * How fast a module is decoded and validated, in MB/s (10^6 bytes per second) of the whole
 * file and of its code section. Each module is warmed up until its times settle, then timed
 * over a fixed number of runs on this one thread. Usage:
 * {@code decode [--runs=N] [--warmup=SECONDS] [FILE.wasm...]}; without files it takes every
 * module in {@code benchmarks/workloads/decode}.
 */
final class DecodeBenchmark implements BenchmarkMain.Benchmark {
    private static final Features FEATURES = Features.WASM_2_0;
    private static final String WORKLOAD_FOLDER = "benchmarks/workloads/decode";
    private static final double BYTES_PER_MB = 1e6;
    private static final int CODE_SECTION_ID = 10;

    private static final int DEFAULT_RUNS = 20;
    private static final double DEFAULT_MAX_WARMUP_SECONDS = 10;
    // Below this the JIT may still be compiling the decoder, even if a few runs agree.
    private static final double MIN_WARMUP_SECONDS = 3;
    // Warm-up ends once the median of the last window is within the tolerance of the one before.
    private static final int STABLE_WINDOW = 5;
    private static final double STABLE_TOLERANCE = 0.02;
    private static final double TARGET_CODE_MB_PER_SECOND = 50;

    /** Every result is folded in here and printed, so the JIT cannot drop the work. */
    private static long sink;

    @Override
    public String description() {
        return "decode + validate big modules, MB/s ([--runs=N] [--warmup=SECONDS] [FILE.wasm...];"
                        + " default: " + WORKLOAD_FOLDER + "/*.wasm)";
    }

    @Override
    public void run(String[] args) throws IOException {
        int runs = DEFAULT_RUNS;
        double maxWarmupSeconds = DEFAULT_MAX_WARMUP_SECONDS;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--warmup=")) {
                maxWarmupSeconds = Double.parseDouble(arg.substring("--warmup=".length()));
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("decode: unknown option " + arg);
            } else {
                files.add(Path.of(arg));
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("decode: --runs must be at least 1");
        }
        if (files.isEmpty()) {
            files = defaultModules();
        }

        System.out.printf(Locale.ROOT, "decode: %d module(s); warm-up %.0f-%.0f s each, then %d timed runs;"
                        + " single thread; MB = 10^6 bytes; %s %s; load average %.2f%n", files.size(),
                        Math.min(MIN_WARMUP_SECONDS, maxWarmupSeconds), maxWarmupSeconds, runs,
                        System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), loadAverage());
        List<Result> results = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            try {
                Result result = measure(name, bytes, runs, maxWarmupSeconds);
                print(result);
                results.add(result);
            } catch (WasmModuleException e) {
                System.out.println(name + ": REJECTED: " + e.getMessage());
                rejected.add(name);
            }
        }
        printSummary(results, rejected);
        // Other processes on the machine skew the times; the load tells a reader whether there were any.
        System.out.printf(Locale.ROOT, "(load average %.2f; sink %d)%n", loadAverage(), sink);
        if (!rejected.isEmpty()) {
            System.exit(1);
        }
    }

    private record Result(String name, long totalBytes, long codeBytes, int functions, int warmupRuns,
                    double warmupSeconds, long[] decodeNanos, long[] validateNanos, long[] bothNanos,
                    long decodeAllocatedBytes, long validateAllocatedBytes) {
    }

    private static Result measure(String name, byte[] bytes, int runs, double maxWarmupSeconds) {
        // The first run also rejects a module before any time is spent on it.
        Module first = ModuleDecoder.decode(bytes, FEATURES);
        sink += consume(first, Validator.validate(first, FEATURES));

        long warmupStart = System.nanoTime();
        List<Long> warmupNanos = new ArrayList<>();
        while (true) {
            long start = System.nanoTime();
            Module module = ModuleDecoder.decode(bytes, FEATURES);
            sink += consume(module, Validator.validate(module, FEATURES));
            long end = System.nanoTime();
            warmupNanos.add(end - start);
            double elapsedSeconds = (end - warmupStart) / 1e9;
            if (elapsedSeconds >= maxWarmupSeconds
                            || (elapsedSeconds >= MIN_WARMUP_SECONDS && isStable(warmupNanos))) {
                break;
            }
        }
        double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
        // Start the timed runs on an empty young generation, so no run pays for warm-up garbage.
        System.gc();

        long[] decodeNanos = new long[runs];
        long[] validateNanos = new long[runs];
        long[] bothNanos = new long[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            Module module = ModuleDecoder.decode(bytes, FEATURES);
            long decoded = System.nanoTime();
            FunctionInfo[] infos = Validator.validate(module, FEATURES);
            long validated = System.nanoTime();
            sink += consume(module, infos);
            decodeNanos[run] = decoded - start;
            validateNanos[run] = validated - decoded;
            bothNanos[run] = validated - start;
        }

        // One more run, counted in bytes instead of time: the issue asks for no per-instruction garbage.
        long beforeDecode = allocatedBytes();
        Module module = ModuleDecoder.decode(bytes, FEATURES);
        long afterDecode = allocatedBytes();
        FunctionInfo[] infos = Validator.validate(module, FEATURES);
        long afterValidate = allocatedBytes();
        sink += consume(module, infos);

        return new Result(name, bytes.length, codeSectionBytes(bytes), module.definedFunctionCount(),
                        warmupNanos.size(), warmupSeconds, decodeNanos, validateNanos, bothNanos,
                        afterDecode - beforeDecode, afterValidate - afterDecode);
    }

    private static long consume(Module module, FunctionInfo[] infos) {
        long value = module.definedFunctionCount() + infos.length;
        if (infos.length > 0) {
            value += infos[infos.length - 1].maxStackHeight();
        }
        return value;
    }

    private static boolean isStable(List<Long> nanos) {
        int count = nanos.size();
        if (count < 2 * STABLE_WINDOW) {
            return false;
        }
        double recent = median(nanos.subList(count - STABLE_WINDOW, count));
        double before = median(nanos.subList(count - 2 * STABLE_WINDOW, count - STABLE_WINDOW));
        return Math.abs(recent - before) <= STABLE_TOLERANCE * before;
    }

    private static double median(List<Long> nanos) {
        long[] values = new long[nanos.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = nanos.get(i);
        }
        return median(values);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static long best(long[] nanos) {
        return Arrays.stream(nanos).min().orElseThrow();
    }

    /** The system's load average over the last minute, or -1 where the JVM cannot tell. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Bytes this thread has allocated so far, or -1 where the JVM does not count them. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                        && threads.isThreadAllocatedMemorySupported()) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /**
     * The size of the code section's contents (what {@code wasm-objdump -h} shows). Called
     * only on modules the decoder accepted, so the section headers are well formed.
     */
    static long codeSectionBytes(byte[] bytes) {
        int position = 8; // after the magic number and the version
        while (position < bytes.length) {
            int id = bytes[position++] & 0xFF;
            long size = 0;
            int shift = 0;
            int b;
            do {
                b = bytes[position++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (id == CODE_SECTION_ID) {
                return size;
            }
            position += (int) size;
        }
        return 0;
    }

    private static double megabytesPerSecond(long bytes, double nanos) {
        return bytes / BYTES_PER_MB / (nanos / 1e9);
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "%s: %.2f MB total, %.2f MB code, %d functions; warm-up %d runs in %.1f s%n",
                        r.name, r.totalBytes / BYTES_PER_MB, r.codeBytes / BYTES_PER_MB, r.functions, r.warmupRuns,
                        r.warmupSeconds);
        System.out.printf(Locale.ROOT, "  %-16s %10s %10s %17s %17s%n", "", "median", "best", "total MB/s",
                        "code MB/s");
        System.out.printf(Locale.ROOT, "  %-16s %10s %10s %8s %8s %8s %8s%n", "", "", "", "median", "best",
                        "median", "best");
        printRow("decode+validate", r.bothNanos, r);
        printRow("decode only", r.decodeNanos, r);
        printRow("validate only", r.validateNanos, r);
        if (r.decodeAllocatedBytes >= 0) {
            System.out.printf(Locale.ROOT, "  allocated per run: decode %.2f MB, validate %.2f MB"
                            + " (%.3f bytes per code byte)%n", r.decodeAllocatedBytes / BYTES_PER_MB,
                            r.validateAllocatedBytes / BYTES_PER_MB,
                            (double) (r.decodeAllocatedBytes + r.validateAllocatedBytes) / Math.max(1, r.codeBytes));
        }
    }

    private static void printRow(String label, long[] nanos, Result r) {
        double median = median(nanos);
        long best = best(nanos);
        System.out.printf(Locale.ROOT, "  %-16s %7.2f ms %7.2f ms %8.1f %8.1f %8.1f %8.1f%n", label, median / 1e6,
                        best / 1e6, megabytesPerSecond(r.totalBytes, median), megabytesPerSecond(r.totalBytes, best),
                        megabytesPerSecond(r.codeBytes, median), megabytesPerSecond(r.codeBytes, best));
    }

    private static void printSummary(List<Result> results, List<String> rejected) {
        long totalBytes = 0;
        long codeBytes = 0;
        double nanos = 0;
        double bestNanos = 0;
        Result slowest = null;
        for (Result r : results) {
            totalBytes += r.totalBytes;
            codeBytes += r.codeBytes;
            nanos += median(r.bothNanos);
            bestNanos += best(r.bothNanos);
            if (slowest == null || codeRate(r) < codeRate(slowest)) {
                slowest = r;
            }
        }
        if (slowest == null) {
            System.out.println("decode summary: no module measured; " + rejected.size() + " rejected " + rejected);
            return;
        }
        System.out.printf(Locale.ROOT, "decode summary: %d module(s), %.2f MB (%.2f MB code) in %.1f ms"
                        + " (sum of medians): %.1f MB/s total, %.1f MB/s code (best runs: %.1f, %.1f);"
                        + " slowest %s at %.1f MB/s code; target >= %.0f MB/s code %s%s%n", results.size(),
                        totalBytes / BYTES_PER_MB, codeBytes / BYTES_PER_MB, nanos / 1e6,
                        megabytesPerSecond(totalBytes, nanos), megabytesPerSecond(codeBytes, nanos),
                        megabytesPerSecond(totalBytes, bestNanos), megabytesPerSecond(codeBytes, bestNanos),
                        slowest.name, codeRate(slowest),
                        TARGET_CODE_MB_PER_SECOND, codeRate(slowest) >= TARGET_CODE_MB_PER_SECOND ? "met" : "MISSED",
                        rejected.isEmpty() ? "" : "; " + rejected.size() + " rejected " + rejected);
    }

    private static double codeRate(Result r) {
        return megabytesPerSecond(r.codeBytes, median(r.bothNanos));
    }

    private static List<Path> defaultModules() throws IOException {
        Path root = ProjectRoot.find("decode", "set -Dwasmlang.projectRoot or pass module files");
        Path folder = root.resolve(WORKLOAD_FOLDER);
        List<Path> modules = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.wasm")) {
                stream.forEach(modules::add);
            }
        }
        if (modules.isEmpty()) {
            throw new IOException("decode: no .wasm files in " + folder + "; run " + WORKLOAD_FOLDER + "/build.sh");
        }
        modules.sort(null);
        return modules;
    }
}
