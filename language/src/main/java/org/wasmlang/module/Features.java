package org.wasmlang.module;

/**
 * Which post-2.0 proposals the decoder and validator accept. Wasm 2.0 is the default;
 * Wasm 3.0 features are switched on one by one as the engine learns to run them, so a
 * module using an unimplemented one is rejected with a clear "unsupported feature".
 */
public record Features(boolean multiMemory, boolean memory64, boolean extendedConst, boolean exceptions,
                boolean tailCall, boolean gc, boolean relaxedSimd) {

    /** The WebAssembly 2.0 feature set. */
    public static final Features WASM_2_0 = new Features(false, false, false, false, false, false, false);

    /**
     * What modules get unless an embedder asks otherwise: Wasm 2.0 and the Wasm 3.0
     * proposals implemented so far (tail calls, relaxed SIMD).
     */
    public static final Features DEFAULT = new Features(false, false, false, false, true, false, true);
}
