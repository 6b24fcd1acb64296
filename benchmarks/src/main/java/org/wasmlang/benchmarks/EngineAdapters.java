package org.wasmlang.benchmarks;

import java.util.List;

/** The engines the peer benchmark knows, by the names used on its command line. */
final class EngineAdapters {

    static final String WASMLANG = "wasmlang";
    static final String WASMLANG_INTERPRETER = "wasmlang-interp";
    static final String GRAALWASM = "graalwasm";
    static final String GRAALWASM_INTERPRETER = "graalwasm-interp";
    static final String CHICORY_INTERPRETER = "chicory-interp";
    static final String CHICORY_COMPILER = "chicory-compiler";
    /**
     * Not an adapter: the workloads built by clang-19 (-O2; the SIMD workloads -O3), run as
     * separate processes.
     */
    static final String NATIVE = "native";

    /** Every engine name, in the order the tables list them. */
    static final List<String> ALL = List.of(WASMLANG, WASMLANG_INTERPRETER, GRAALWASM, GRAALWASM_INTERPRETER,
                    CHICORY_INTERPRETER, CHICORY_COMPILER, NATIVE);

    /** What runs when no --engines is given: graalwasm-interp is extra, for curiosity. */
    static final List<String> DEFAULT = List.of(WASMLANG, WASMLANG_INTERPRETER, GRAALWASM, CHICORY_INTERPRETER,
                    CHICORY_COMPILER, NATIVE);

    private EngineAdapters() {
    }

    static WasmEngineAdapter create(String name) {
        return switch (name) {
            case WASMLANG -> new PolyglotEngineAdapter(name, "wasmlang", true);
            case WASMLANG_INTERPRETER -> new PolyglotEngineAdapter(name, "wasmlang", false);
            case GRAALWASM -> new PolyglotEngineAdapter(name, "wasm", true);
            case GRAALWASM_INTERPRETER -> new PolyglotEngineAdapter(name, "wasm", false);
            case CHICORY_INTERPRETER -> new ChicoryEngineAdapter(name, false);
            case CHICORY_COMPILER -> new ChicoryEngineAdapter(name, true);
            default -> throw new IllegalArgumentException("no Wasm engine adapter named " + name);
        };
    }
}
