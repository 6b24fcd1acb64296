package org.wasmlang.module;

/**
 * Which post-2.0 proposals the decoder and validator accept. The language option
 * {@code wasmlang.WasmVersion} picks the set: Wasm 3.0 by default, Wasm 2.0 on request.
 * Proposals of 3.0 the engine cannot run yet stay off in the 3.0 set, so a module using one
 * is rejected with a clear "unsupported feature" rather than as malformed.
 */
public record Features(boolean multiMemory, boolean memory64, boolean extendedConst, boolean exceptions,
                boolean tailCall, boolean gc, boolean relaxedSimd, boolean typedFunctionReferences) {

    /** The WebAssembly 2.0 feature set. */
    public static final Features WASM_2_0 = new Features(false, false, false, false, false, false, false, false);

    /** The Wasm 3.0 proposals implemented so far: what modules get unless an embedder asks for 2.0. */
    public static final Features DEFAULT = new Features(true, true, true, true, true, false, true, true);

    /**
     * Whether Wasm 3.0's rules apply where it changed 2.0's without a proposal of its own:
     * the encodings of limits and memarg flags, wordings, globals visible to constant
     * expressions.
     */
    public boolean wasm3Rules() {
        return !equals(WASM_2_0);
    }

    /** The versions {@link #forVersion} accepts, for messages and option help. */
    public static final String VERSIONS = "3.0 (the default) or 2.0";

    /** The feature set of a {@code wasmlang.WasmVersion} value. */
    public static Features forVersion(String version) {
        return switch (version) {
            case "3.0", "3" -> DEFAULT;
            case "2.0", "2" -> WASM_2_0;
            default -> throw new IllegalArgumentException(
                            "unknown Wasm version '" + version + "': expected " + VERSIONS);
        };
    }
}
