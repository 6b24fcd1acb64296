package org.wasmlang.runtime.simd;

import org.wasmlang.runtime.UnsafeAccess;

import com.oracle.truffle.api.frame.Frame;

/**
 * v128 values in the representation {@link SimdMode} chose, and the instructions on them:
 * Vector API vectors ({@link VectorApiOps}) or {@link V128}s ({@link SimdOps}). Nodes use
 * only this class, so each node states once what it computes. Values are {@code Object}s
 * here; partial evaluation sees through them.
 */
public final class SimdValues {

    private SimdValues() {
    }

    /** The v128 in a frame slot. */
    public static Object get(Frame frame, int slot) {
        if (SimdMode.VECTOR_API) {
            return VectorApiOps.exact(frame.getObjectStatic(slot));
        }
        return new V128(frame.getLongStatic(slot), frame.getLongStatic(slot + highHalf(frame)));
    }

    public static void set(Frame frame, int slot, Object value) {
        if (SimdMode.VECTOR_API) {
            frame.setObjectStatic(slot, value);
            return;
        }
        V128 vector = (V128) value;
        frame.setLongStatic(slot, vector.lo);
        frame.setLongStatic(slot + highHalf(frame), vector.hi);
    }

    /**
     * With two-long v128s, the distance from a slot to the slot of its high half (0 when
     * the function has no v128 values). The frame descriptor holds it, so compiled code
     * sees a constant.
     */
    public static int highHalf(Frame frame) {
        Object info = frame.getFrameDescriptor().getInfo();
        return info == null ? 0 : (Integer) info;
    }

    /** The representation's form of a value from a boundary (host, global, constant). */
    public static Object of(V128 value) {
        return SimdMode.VECTOR_API ? VectorApiOps.fromV128(value) : value;
    }

    /** The boundary form of a value. */
    public static V128 toV128(Object value) {
        return SimdMode.VECTOR_API ? VectorApiOps.toV128(value) : (V128) value;
    }

    /** 16 bytes of a memory's storage (see {@link UnsafeAccess}); the caller checked bounds. */
    public static Object load(Object base, long offset) {
        if (SimdMode.VECTOR_API && base instanceof byte[] buffer) {
            return VectorApiOps.load(buffer, (int) (offset - UnsafeAccess.ARRAY_BASE));
        }
        V128 value = new V128(UnsafeAccess.getLong(base, offset), UnsafeAccess.getLong(base, offset + 8));
        return SimdMode.VECTOR_API ? VectorApiOps.fromV128(value) : value;
    }

    public static void store(Object value, Object base, long offset) {
        if (SimdMode.VECTOR_API && base instanceof byte[] buffer) {
            VectorApiOps.store(value, buffer, (int) (offset - UnsafeAccess.ARRAY_BASE));
            return;
        }
        V128 vector = toV128(value);
        UnsafeAccess.putLong(base, offset, vector.lo);
        UnsafeAccess.putLong(base, offset + 8, vector.hi);
    }

    /** {@code bits} in the lowest 32-bit (or, if wide, 64-bit) lane, zeros above. */
    public static Object lowLane(long bits, boolean wide) {
        if (SimdMode.VECTOR_API) {
            return VectorApiOps.lowLane(bits, wide);
        }
        return new V128(wide ? bits : bits & 0xFFFF_FFFFL, 0);
    }

    public static Object unary(int sub, Object a) {
        return SimdMode.VECTOR_API ? VectorApiOps.unary(sub, a) : SimdOps.unary(sub, (V128) a);
    }

    public static Object binary(int sub, Object a, Object b) {
        return SimdMode.VECTOR_API ? VectorApiOps.binary(sub, a, b) : SimdOps.binary(sub, (V128) a, (V128) b);
    }

    public static Object ternary(int sub, Object a, Object b, Object c) {
        return SimdMode.VECTOR_API ? VectorApiOps.ternary(sub, a, b, c) : SimdOps.ternary(sub, (V128) a, (V128) b, (V128) c);
    }

    public static int test(int sub, Object a) {
        return SimdMode.VECTOR_API ? VectorApiOps.test(sub, a) : SimdOps.test(sub, (V128) a);
    }

    public static Object shift(int sub, Object a, int count) {
        return SimdMode.VECTOR_API ? VectorApiOps.shift(sub, a, count) : SimdOps.shift(sub, (V128) a, count);
    }

    public static Object splat(int sub, long bits) {
        return SimdMode.VECTOR_API ? VectorApiOps.splat(sub, bits) : SimdOps.splat(sub, bits);
    }

    public static long extractLane(int sub, Object a, int lane) {
        return SimdMode.VECTOR_API ? VectorApiOps.extractLane(sub, a, lane) : SimdOps.extractLane(sub, (V128) a, lane);
    }

    public static Object replaceLane(int sub, Object a, int lane, long bits) {
        return SimdMode.VECTOR_API ? VectorApiOps.replaceLane(sub, a, lane, bits) : SimdOps.replaceLane(sub, (V128) a, lane, bits);
    }

    /**
     * i8x16.shuffle; {@code prepared} is {@link #prepareShuffle}'s result for the same
     * lanes, made once per instruction.
     */
    public static Object shuffle(Object a, Object b, byte[] lanes, Object prepared) {
        return SimdMode.VECTOR_API ? VectorApiOps.shuffle(a, b, prepared) : SimdOps.shuffle((V128) a, (V128) b, lanes);
    }

    public static Object prepareShuffle(byte[] lanes) {
        return SimdMode.VECTOR_API ? VectorApiOps.shuffleOf(lanes) : null;
    }
}
