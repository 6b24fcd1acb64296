package org.wasmlang.runtime.simd;

/**
 * How this JVM runs v128 values, decided once when the engine loads: as two longs
 * ({@link SimdOps}) by default; on the JDK Vector API ({@link VectorApiOps}) when the JVM
 * was started with {@code --add-modules=jdk.incubator.vector} and
 * {@code -Dwasmlang.simd.vectorApi=true}. A constant, so partial evaluation keeps only one of
 * the two paths in compiled code.
 *
 * <p>The Vector API mode is opt-in: its compiled code is up to 8x faster, but its
 * interpreter and warm-up are several times slower (docs/performance.md, "Session 7").
 */
public final class SimdMode {
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Whether v128 values are {@code ByteVector}s in object slots (else two long slots). */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
                    && Boolean.getBoolean("wasmlang.simd.vectorApi");

    private SimdMode() {
    }
}
