package org.wasmlang.nodes;

import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.simd.V128;

import com.oracle.truffle.api.frame.Frame;

/** Moving values between frame slots and the boxed form calls use. */
public final class Values {
    private Values() {
    }

    /** Whether a value of this type lives in a slot's object half: references and v128 ({@link V128}). */
    public static boolean isObject(int type) {
        return type == ValueType.V128 || ValueType.isReference(type);
    }

    public static Object box(Frame frame, int slot, int type) {
        return switch (type) {
            case ValueType.I32 -> frame.getIntStatic(slot);
            case ValueType.I64 -> frame.getLongStatic(slot);
            case ValueType.F32 -> frame.getFloatStatic(slot);
            case ValueType.F64 -> frame.getDoubleStatic(slot);
            default -> frame.getObjectStatic(slot);
        };
    }

    public static void unbox(Frame frame, int slot, int type, Object value) {
        switch (type) {
            case ValueType.I32 -> frame.setIntStatic(slot, (Integer) value);
            case ValueType.I64 -> frame.setLongStatic(slot, (Long) value);
            case ValueType.F32 -> frame.setFloatStatic(slot, (Float) value);
            case ValueType.F64 -> frame.setDoubleStatic(slot, (Double) value);
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
            case ValueType.V128 -> frame.setObjectStatic(slot, V128.ZERO);
            default -> frame.setObjectStatic(slot, nullReference);
        }
    }
}
