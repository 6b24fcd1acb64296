package org.wasmlang.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The engines the peer benchmark knows, by the names used on its command line. */
final class EngineAdapters {

    static final String WASMLANG = "wasmlang";
    static final String WASMLANG_INTERPRETER = "wasmlang-interp";
    /**
     * WasmLang with v128 on the JDK Vector API in compiled code (the language's SimdMode):
     * a JVM with --add-modules jdk.incubator.vector and -Dwasmlang.simd.vectorApi=true.
     */
    static final String WASMLANG_VECTOR = "wasmlang-vector";
    static final String GRAALWASM = "graalwasm";
    static final String GRAALWASM_INTERPRETER = "graalwasm-interp";
    /**
     * GraalWasm with its v128 operations on the JDK's Vector API. GraalWasm 25 has no option
     * for this: when its SIMD support initialises it uses the Vector API if the JVM's boot
     * layer holds the jdk.incubator.vector module, and plain Java otherwise. So this engine
     * is GraalWasm in a JVM started with --add-modules jdk.incubator.vector, and the other
     * GraalWasm engines run in JVMs without that module.
     */
    static final String GRAALWASM_VECTOR = "graalwasm-vector";
    static final String CHICORY_INTERPRETER = "chicory-interp";
    static final String CHICORY_COMPILER = "chicory-compiler";
    /**
     * Not an adapter: the workloads built by clang-19 (-O2; the SIMD workloads -O3), run as
     * separate processes.
     */
    static final String NATIVE = "native";

    /** Every engine name, in the order the tables list them. */
    static final List<String> ALL = List.of(WASMLANG, WASMLANG_INTERPRETER, WASMLANG_VECTOR, GRAALWASM,
                    GRAALWASM_INTERPRETER, GRAALWASM_VECTOR, CHICORY_INTERPRETER, CHICORY_COMPILER, NATIVE);

    /**
     * What runs when no --engines is given: wasmlang-vector, graalwasm-interp and
     * graalwasm-vector are extra, for curiosity.
     */
    static final List<String> DEFAULT = List.of(WASMLANG, WASMLANG_INTERPRETER, GRAALWASM, CHICORY_INTERPRETER,
                    CHICORY_COMPILER, NATIVE);

    /** The incubating Vector API, which both WasmLang and GraalWasm use for v128 when the JVM has it. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private EngineAdapters() {
    }

    /** Whether an engine needs the Vector API module in its JVM (the others must not have it). */
    static boolean needsVectorModule(String name) {
        return name.equals(GRAALWASM_VECTOR) || name.equals(WASMLANG_VECTOR);
    }

    /** What an engine's JVM needs on its command line besides the harness's own flags. */
    static List<String> jvmArguments(String name) {
        List<String> arguments = new ArrayList<>();
        if (needsVectorModule(name)) {
            arguments.add("--add-modules=" + VECTOR_MODULE);
        }
        if (name.equals(WASMLANG_VECTOR)) {
            arguments.add("-Dwasmlang.simd.vectorApi=true");
        }
        return arguments;
    }

    static boolean vectorModuleLoaded() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    static WasmEngineAdapter create(String name) {
        return switch (name) {
            case WASMLANG, WASMLANG_VECTOR -> new PolyglotEngineAdapter(name, "wasmlang", true);
            case WASMLANG_INTERPRETER -> new PolyglotEngineAdapter(name, "wasmlang", false);
            case GRAALWASM, GRAALWASM_INTERPRETER, GRAALWASM_VECTOR -> {
                checkVectorModule(name);
                yield new PolyglotEngineAdapter(name, "wasm", !name.equals(GRAALWASM_INTERPRETER));
            }
            case CHICORY_INTERPRETER -> new ChicoryEngineAdapter(name, false);
            case CHICORY_COMPILER -> new ChicoryEngineAdapter(name, true);
            default -> throw new IllegalArgumentException("no Wasm engine adapter named " + name);
        };
    }

    /**
     * GraalWasm picks its v128 implementation from the JVM, not from an option, so a JVM with
     * the wrong module set would measure one mode under the other's name. The child JVMs get
     * the right flags; with --in-process the harness's own JVM decides, and this says so.
     */
    private static void checkVectorModule(String name) {
        boolean needed = needsVectorModule(name);
        if (needed && !vectorModuleLoaded()) {
            throw new IllegalStateException(name + " needs a JVM started with --add-modules " + VECTOR_MODULE
                            + " (with --in-process, put it in WASMLANG_JAVA_OPTS)");
        }
        if (!needed && vectorModuleLoaded()) {
            throw new IllegalStateException("this JVM has " + VECTOR_MODULE + ", so GraalWasm would run v128 on the Vector API:"
                            + " that is " + GRAALWASM_VECTOR + ", not " + name);
        }
        // With the module present GraalWasm still falls back to plain Java if the Vector API
        // cannot be set up, without a word: look at what it chose.
        String implementation = graalWasmSimdImplementation();
        if (needed && implementation != null && !implementation.equals(GRAALWASM_VECTOR_API_CLASS)) {
            throw new IllegalStateException(name + ": GraalWasm chose " + implementation + " for v128 although the JVM has "
                            + VECTOR_MODULE);
        }
    }

    /** GraalWasm 25's v128 implementation on the Vector API (its other one is Vector128OpsFallback). */
    private static final String GRAALWASM_VECTOR_API_CLASS = "Vector128OpsVectorAPI";

    /**
     * The simple class name of the v128 implementation GraalWasm chose for this JVM (its
     * Vector128Ops.SINGLETON_IMPLEMENTATION), or null when another GraalWasm version has no
     * such field.
     */
    private static String graalWasmSimdImplementation() {
        try {
            Class<?> operations = Class.forName("org.graalvm.wasm.api.Vector128Ops", true, EngineAdapters.class.getClassLoader());
            return operations.getField("SINGLETON_IMPLEMENTATION").get(null).getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
