package org.wasmlang.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.graalvm.polyglot.Engine;

/**
 * Entry point of the benchmark harness: {@code ./benchmarks/run NAME [ARGS...]}. It refuses
 * to measure anything when the Graal JIT is off, because such numbers would mislead.
 */
public final class BenchmarkMain {

    /** A benchmark the harness can run by name. */
    interface Benchmark {
        String description();

        void run(String[] args) throws Exception;
    }

    private static final Map<String, Benchmark> BENCHMARKS = new LinkedHashMap<>();

    // The one list of benchmarks, in the order the usage text shows them.
    static {
        BENCHMARKS.put("decode", new DecodeBenchmark());
        BENCHMARKS.put("peers", new PeerBenchmark());
        BENCHMARKS.put("real", new RealBenchmark());
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
            System.err.println("usage: benchmarks/run NAME [ARGS...]");
            BENCHMARKS.forEach((name, b) -> System.err.println("  " + name + "  " + b.description()));
            System.exit(2);
        }
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            if (!"GraalVM CE".equals(engine.getImplementationName())) {
                System.err.println("benchmarks: the Graal JIT is not active (engine: " + engine.getImplementationName()
                                + "); run through benchmarks/run, which adds the JIT flags.");
                System.exit(2);
            }
        }
        BENCHMARKS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
    }
}
