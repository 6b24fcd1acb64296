package org.wasmlang.fuzz;

import java.util.List;

/**
 * The feature sets the differential fuzzer asks binaryen's {@code wasm-opt -ttf} for: the one
 * place to edit when WasmLang runs more of Wasm 3.0. GC is absent (WasmLang does not run
 * it), and with it the typed function references, which binaryen only emits under GC.
 */
public enum FuzzProfile {
    /** Wasm 2.0 without SIMD. */
    WASM_2_0_SCALAR(List.of("--enable-sign-ext", "--enable-mutable-globals", "--enable-nontrapping-float-to-int",
                    "--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-multivalue", "--enable-reference-types",
                    "--enable-call-indirect-overlong")),
    /** Wasm 2.0 with SIMD. */
    WASM_2_0(with(WASM_2_0_SCALAR, "--enable-simd")),
    /** The Wasm 3.0 features WasmLang runs, relaxed SIMD aside (see below). */
    WASM_3_0(with(WASM_2_0, "--enable-multimemory", "--enable-memory64", "--enable-extended-const",
                    "--enable-exception-handling", "--enable-tail-call")),
    /**
     * With relaxed SIMD, whose instructions allow several answers: WasmLang gives V8's on
     * x86-64 with AVX, FMA3 and AVX-VNNI (docs/architecture.md), so it compares like the
     * others there (docs/reliability.md).
     */
    WASM_3_0_RELAXED_SIMD(with(WASM_3_0, "--enable-relaxed-simd"));

    private final List<String> wasmOptFlags;

    FuzzProfile(List<String> wasmOptFlags) {
        this.wasmOptFlags = wasmOptFlags;
    }

    public List<String> wasmOptFlags() {
        return wasmOptFlags;
    }

    private static List<String> with(FuzzProfile base, String... more) {
        return java.util.stream.Stream.concat(base.wasmOptFlags.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
