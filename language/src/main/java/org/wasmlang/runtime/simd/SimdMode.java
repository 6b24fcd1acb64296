package org.wasmlang.runtime.simd;

/**
 * Whether the last tier's compiled code runs v128 instructions on the JDK Vector API,
 * decided once when the engine loads: yes when the JVM was started with
 * {@code --add-modules=jdk.incubator.vector}, unless {@code -Dwasmlang.simd.vectorApi=false}.
 * A constant, so partial evaluation keeps only one of the two paths in compiled code.
 *
 * <p>Frames hold v128 as two longs in every mode, and the interpreter and the first tier
 * always run the two-long code ({@link SimdOps}); see {@link SimdValues}.
 */
public final class SimdMode {
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Whether the last tier's code keeps v128 values as Vector API vectors ({@link VectorApiOps}). */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
                    && !"false".equals(System.getProperty("wasmlang.simd.vectorApi"));

    private SimdMode() {
    }
}
