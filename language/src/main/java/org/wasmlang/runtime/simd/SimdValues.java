package org.wasmlang.runtime.simd;

import org.wasmlang.runtime.UnsafeAccess;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * v128 values in frames, and the instructions on them. Nodes use only this class, so each
 * node states once what it computes.
 *
 * <p>A frame holds a v128 as two longs: the low half in the slot the builder assigned, the
 * high half in a second bank of slots ({@link #highHalf}). The interpreter and the first
 * tier compute on {@link V128}s with {@link SimdOps}. With {@link SimdMode#VECTOR_API}, the
 * last tier's code computes on Vector API vectors ({@link VectorApiOps}), which Graal keeps
 * in XMM registers, and keeps each slot's vector in a third bank, its "shadow", beside the
 * two longs it still writes. Only that code reads shadows, and it makes them all from the
 * longs where it starts (function entry, OSR entry: {@link #makeShadows}), so a shadow it
 * reads is never stale; everything else, deoptimized code included, reads the longs.
 * Values are {@code Object}s here; compiled code knows which of the two classes each is,
 * so the dispatch on it folds.
 */
public final class SimdValues {

    private SimdValues() {
    }

    /*
     * Every test below starts with SimdMode.VECTOR_API itself: Graal's bytecode parser then
     * drops the Vector API branch of a method while parsing it, so a JVM without the
     * incubator module never has to load VectorApiOps' classes (a call to these helpers
     * alone is folded only later, after parsing).
     */

    /**
     * Whether this code keeps v128 values as vectors: the last tier's. The interpreter would
     * run the Vector API's plain-Java fallback, and the first tier does not expand Vector
     * API calls into SIMD instructions; both run several times slower on vectors than on
     * two longs (docs/performance.md, sessions 7 and 12).
     */
    private static boolean vectorsIn() {
        return CompilerDirectives.inCompiledCode() && !CompilerDirectives.hasNextTier();
    }

    /** Whether a value is a vector rather than a {@link V128}. */
    private static boolean isVector(Object value) {
        return !(value instanceof V128);
    }

    /** The v128 in a frame slot. */
    public static Object get(Frame frame, int slot) {
        int high = highHalf(frame);
        if (SimdMode.VECTOR_API && vectorsIn()) {
            Object shadow = frame.getObjectStatic(slot + 2 * high);
            if (shadow != null) {
                return VectorApiOps.exact(shadow);
            }
            return VectorApiOps.fromLongs(frame.getLongStatic(slot), frame.getLongStatic(slot + high));
        }
        return new V128(frame.getLongStatic(slot), frame.getLongStatic(slot + high));
    }

    /** Stores a v128: its two longs, and in the last tier's code its vector in the shadow. */
    public static void set(Frame frame, int slot, Object value) {
        int high = highHalf(frame);
        if (SimdMode.VECTOR_API && vectorsIn()) {
            Object vector = value instanceof V128 v ? VectorApiOps.fromV128(v) : value;
            frame.setLongStatic(slot, VectorApiOps.low(vector));
            frame.setLongStatic(slot + high, VectorApiOps.high(vector));
            // Never null: a shadow null on one side of a merge and a vector on the other
            // would make the compiler allocate the vector.
            frame.setObjectStatic(slot + 2 * high, vector);
            return;
        }
        V128 vector = toV128(value);
        frame.setLongStatic(slot, vector.lo);
        frame.setLongStatic(slot + high, vector.hi);
    }

    /** In the last tier's code, copies a slot's shadow along with its two longs. */
    public static void copyShadow(Frame frame, int from, int to) {
        if (SimdMode.VECTOR_API && vectorsIn()) {
            int shadows = 2 * highHalf(frame);
            frame.setObjectStatic(to + shadows, frame.getObjectStatic(from + shadows));
        }
    }

    /**
     * Where the last tier's code starts (function entry, OSR entry): every slot's shadow
     * made from its two longs, whatever the slot holds. That code must never meet a null or
     * unknown shadow: at a merge or a loop phi the compiler would keep the vector as an
     * allocated object (or fail to compile), and a shadow copied in from the interpreter's
     * frame would be stale.
     */
    @ExplodeLoop
    public static void makeShadows(Frame frame) {
        if (SimdMode.VECTOR_API && vectorsIn()) {
            int high = highHalf(frame);
            for (int slot = 0; slot < high; slot++) {
                frame.setObjectStatic(slot + 2 * high, VectorApiOps.fromLongs(frame.getLongStatic(slot), frame.getLongStatic(slot + high)));
            }
        }
    }

    /**
     * Clears the shadows before a frame is copied to the heap (where OSR code returns to the
     * interpreter): copied, a vector would have to be allocated, and the compiler then keeps
     * every vector connected to it as an object instead of in a register.
     */
    @ExplodeLoop
    public static void dropShadows(Frame frame) {
        if (SimdMode.VECTOR_API) {
            int high = highHalf(frame);
            for (int slot = 0; slot < high; slot++) {
                frame.setObjectStatic(slot + 2 * high, null);
            }
        }
    }

    /**
     * The distance from a slot to the slot of its high half (0 when the function has no
     * v128 values); with {@link SimdMode#VECTOR_API} the shadows are a third bank at twice
     * that distance. The frame descriptor holds it, so compiled code sees a constant.
     */
    public static int highHalf(Frame frame) {
        Object info = frame.getFrameDescriptor().getInfo();
        return info == null ? 0 : (Integer) info;
    }

    /** How many banks of slots a function using v128 has. */
    public static int banks() {
        return SimdMode.VECTOR_API ? 3 : 2;
    }

    /** The boundary form of a value (hosts, globals, calls). */
    public static V128 toV128(Object value) {
        return SimdMode.VECTOR_API && isVector(value) ? VectorApiOps.toV128(value) : (V128) value;
    }

    /** 16 bytes of a memory's storage (see {@link UnsafeAccess}); the caller checked bounds. */
    public static Object load(Object base, long offset) {
        if (SimdMode.VECTOR_API && vectorsIn() && base instanceof byte[] buffer) {
            return VectorApiOps.load(buffer, (int) (offset - UnsafeAccess.ARRAY_BASE));
        }
        V128 value = new V128(UnsafeAccess.getLong(base, offset), UnsafeAccess.getLong(base, offset + 8));
        return SimdMode.VECTOR_API && vectorsIn() ? VectorApiOps.fromV128(value) : value;
    }

    public static void store(Object value, Object base, long offset) {
        if (SimdMode.VECTOR_API && isVector(value) && base instanceof byte[] buffer) {
            VectorApiOps.store(value, buffer, (int) (offset - UnsafeAccess.ARRAY_BASE));
            return;
        }
        V128 vector = toV128(value);
        UnsafeAccess.putLong(base, offset, vector.lo);
        UnsafeAccess.putLong(base, offset + 8, vector.hi);
    }

    /** {@code bits} in the lowest 32-bit (or, if wide, 64-bit) lane, zeros above. */
    public static Object lowLane(long bits, boolean wide) {
        if (SimdMode.VECTOR_API && vectorsIn()) {
            return VectorApiOps.lowLane(bits, wide);
        }
        return new V128(wide ? bits : bits & 0xFFFF_FFFFL, 0);
    }

    public static Object unary(int sub, Object a) {
        return SimdMode.VECTOR_API && isVector(a) ? VectorApiOps.unary(sub, a) : SimdOps.unary(sub, (V128) a);
    }

    public static Object binary(int sub, Object a, Object b) {
        return SimdMode.VECTOR_API && isVector(a) ? VectorApiOps.binary(sub, a, b) : SimdOps.binary(sub, (V128) a, (V128) b);
    }

    public static Object ternary(int sub, Object a, Object b, Object c) {
        return SimdMode.VECTOR_API && isVector(a) ? VectorApiOps.ternary(sub, a, b, c) : SimdOps.ternary(sub, (V128) a, (V128) b, (V128) c);
    }

    public static int test(int sub, Object a) {
        return SimdMode.VECTOR_API && isVector(a) ? VectorApiOps.test(sub, a) : SimdOps.test(sub, (V128) a);
    }

    public static Object shift(int sub, Object a, int count) {
        return SimdMode.VECTOR_API && isVector(a) ? VectorApiOps.shift(sub, a, count) : SimdOps.shift(sub, (V128) a, count);
    }

    public static Object splat(int sub, long bits) {
        return SimdMode.VECTOR_API && vectorsIn() ? VectorApiOps.splat(sub, bits) : SimdOps.splat(sub, bits);
    }

    public static long extractLane(int sub, Object a, int lane) {
        return SimdMode.VECTOR_API && isVector(a) ? VectorApiOps.extractLane(sub, a, lane) : SimdOps.extractLane(sub, (V128) a, lane);
    }

    public static Object replaceLane(int sub, Object a, int lane, long bits) {
        return SimdMode.VECTOR_API && isVector(a) ? VectorApiOps.replaceLane(sub, a, lane, bits) : SimdOps.replaceLane(sub, (V128) a, lane, bits);
    }

    /**
     * i8x16.shuffle; {@code prepared} is {@link #prepareShuffle}'s result for the same
     * lanes, made once per instruction.
     */
    public static Object shuffle(Object a, Object b, byte[] lanes, Object prepared) {
        return SimdMode.VECTOR_API && isVector(a) ? VectorApiOps.shuffle(a, b, prepared) : SimdOps.shuffle((V128) a, (V128) b, lanes);
    }

    public static Object prepareShuffle(byte[] lanes) {
        return SimdMode.VECTOR_API ? VectorApiOps.shuffleOf(lanes) : null;
    }
}
