package org.wasmlang.runtime.simd;

/**
 * Whether the last tier's compiled code runs v128 instructions on the JDK Vector API,
 * decided once when the engine loads: yes when the JVM was started with
 * {@code --add-modules=jdk.incubator.vector} and {@code -Dwasmlang.simd.vectorApi=true}.
 * Opt-in: its steady state is several times faster on SIMD loops, but the last tier's code
 * for them takes longer to compile, and Graal fails on some of it (docs/performance.md,
 * "Session 12").
 * A constant, so partial evaluation keeps only one of the two paths in compiled code.
 *
 * <p>Frames hold v128 as two longs in every mode, and the interpreter and the first tier
 * always run the two-long code ({@link SimdOps}); see {@link SimdValues}.
 */
public final class SimdMode {
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Whether the last tier's code keeps v128 values as Vector API vectors ({@link VectorApiOps}). */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
                    && Boolean.getBoolean("wasmlang.simd.vectorApi");

    private SimdMode() {
    }
}
