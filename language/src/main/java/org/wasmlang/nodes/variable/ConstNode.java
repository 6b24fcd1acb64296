package org.wasmlang.nodes.variable;

import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.simd.V128;
import org.wasmlang.module.ValueType;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code i32/i64/f32/f64/v128.const} and {@code ref.null}/{@code ref.func}: writes a constant. */
public final class ConstNode extends WasmNode {
    private final int slot;
    private final int type;
    private final long bits;
    private final Object reference;

    private ConstNode(int slot, int type, long bits, Object reference) {
        this.slot = slot;
        this.type = type;
        this.bits = bits;
        this.reference = reference;
    }

    public static ConstNode number(int slot, int type, long bits) {
        return new ConstNode(slot, type, bits, null);
    }

    /** Where the constant goes: a stack slot, or a local for {@code i32.const; local.set}. */
    public int slot() {
        return slot;
    }

    public static ConstNode reference(int slot, Object reference) {
        return new ConstNode(slot, ValueType.FUNCREF, 0, reference);
    }

    public static ConstNode vector(int slot, V128 value) {
        return new ConstNode(slot, ValueType.V128, 0, value);
    }

    @Override
    public int execute(VirtualFrame frame) {
        switch (type) {
            case ValueType.I32 -> frame.setIntStatic(slot, (int) bits);
            case ValueType.I64 -> frame.setLongStatic(slot, bits);
            case ValueType.F32 -> frame.setFloatStatic(slot, Float.intBitsToFloat((int) bits));
            case ValueType.F64 -> frame.setDoubleStatic(slot, Double.longBitsToDouble(bits));
            case ValueType.V128 -> Values.setVector(frame, slot, (V128) reference);
            default -> frame.setObjectStatic(slot, reference);
        }
        return NORMAL;
    }
}
