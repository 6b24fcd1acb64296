package org.wasmlang.runtime.simd;

/**
 * How this JVM runs v128 values, decided once when the engine loads: on the JDK Vector API
 * ({@link VectorApiOps}) when the JVM was started with {@code --add-modules
 * jdk.incubator.vector}, else as two longs ({@link SimdOps}). A constant, so partial
 * evaluation keeps only one of the two paths in compiled code.
 *
 * <p>{@code -Dwasmlang.simd.vectorApi=false} keeps the two-long code even where the module is
 * present (for comparisons and for tests of both paths in one build).
 */
public final class SimdMode {
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Whether v128 values are {@code ByteVector}s in object slots (else two long slots). */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
                    && !"false".equals(System.getProperty("wasmlang.simd.vectorApi"));

    private SimdMode() {
    }
}
