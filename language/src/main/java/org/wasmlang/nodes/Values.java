package org.wasmlang.nodes;

import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.simd.SimdMode;
import org.wasmlang.runtime.simd.V128;
import org.wasmlang.runtime.simd.SimdValues;

import com.oracle.truffle.api.frame.Frame;

/**
 * Moving values between frame slots and the boxed form calls use, and the frame layout
 * of v128 values.
 *
 * <p>A v128 takes two long slots: its low half in the slot the builder gave the value, its
 * high half in that slot plus {@link SimdValues#highHalf}, a second bank of slots that functions
 * using v128 get after their first. Held as {@link V128} objects in object slots, a vector
 * carried around a loop (an accumulator) was allocated on every iteration: escape analysis
 * removes the objects that live within an iteration but materializes those a loop phi
 * carries. In long slots, nothing of a vector outlives the instruction that reads it.
 *
 * <p>When {@link SimdMode#VECTOR_API} is on, the last tier's code also keeps each v128 as a
 * Vector API vector in a third bank (see {@link SimdValues}).
 */
public final class Values {
    private Values() {
    }

    /** Whether a value of this type lives in a slot's object half: references. */
    public static boolean isObject(int type) {
        return ValueType.isReference(type);
    }

    public static V128 getVector(Frame frame, int slot) {
        return SimdValues.toV128(SimdValues.get(frame, slot));
    }

    public static void setVector(Frame frame, int slot, V128 value) {
        SimdValues.set(frame, slot, value);
    }

    /** Copies a value of any type, both halves of a v128 included. */
    public static void copy(Frame frame, int from, int to) {
        frame.copyStatic(from, to);
        int high = SimdValues.highHalf(frame);
        if (high != 0) {
            frame.copyStatic(from + high, to + high);
            SimdValues.copyShadow(frame, from, to);
        }
    }

    public static Object box(Frame frame, int slot, int type) {
        return switch (type) {
            case ValueType.I32 -> frame.getIntStatic(slot);
            case ValueType.I64 -> frame.getLongStatic(slot);
            case ValueType.F32 -> frame.getFloatStatic(slot);
            case ValueType.F64 -> frame.getDoubleStatic(slot);
            case ValueType.V128 -> getVector(frame, slot);
            default -> frame.getObjectStatic(slot);
        };
    }

    public static void unbox(Frame frame, int slot, int type, Object value) {
        switch (type) {
            case ValueType.I32 -> frame.setIntStatic(slot, (Integer) value);
            case ValueType.I64 -> frame.setLongStatic(slot, (Long) value);
            case ValueType.F32 -> frame.setFloatStatic(slot, (Float) value);
            case ValueType.F64 -> frame.setDoubleStatic(slot, (Double) value);
            case ValueType.V128 -> setVector(frame, slot, (V128) value);
            default -> frame.setObjectStatic(slot, value);
        }
    }

    /** The zero value a local of this type starts with. */
    public static void setDefault(Frame frame, int slot, int type, Object nullReference) {
        switch (type) {
            case ValueType.I32 -> frame.setIntStatic(slot, 0);
            case ValueType.I64 -> frame.setLongStatic(slot, 0L);
            case ValueType.F32 -> frame.setFloatStatic(slot, 0f);
            case ValueType.F64 -> frame.setDoubleStatic(slot, 0d);
            case ValueType.V128 -> setVector(frame, slot, V128.ZERO);
            default -> frame.setObjectStatic(slot, nullReference);
        }
    }

    /**
     * An address, index or size operand of a memory or table instruction: an i64 where the
     * memory or table is 64-bit, else an i32 read unsigned. An i64 of 2^63 or more reads as
     * negative, which no bounds check passes.
     */
    public static long address(Frame frame, int slot, boolean is64) {
        return is64 ? frame.getLongStatic(slot) : Integer.toUnsignedLong(frame.getIntStatic(slot));
    }

    /** Writes a size or old-size result ({@code memory.size/grow}, {@code table.size/grow}) in the address type. */
    public static void setAddress(Frame frame, int slot, boolean is64, long value) {
        if (is64) {
            frame.setLongStatic(slot, value);
        } else {
            frame.setIntStatic(slot, (int) value);
        }
    }
}
