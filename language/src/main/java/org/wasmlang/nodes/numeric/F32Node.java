package org.wasmlang.nodes.numeric;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMath;

import com.oracle.truffle.api.frame.VirtualFrame;

/** Every f32 instruction that only computes (see {@link I32Node}); comparisons yield i32. */
public final class F32Node extends WasmNode {
    private final int opcode;
    private final int slot;

    public F32Node(int opcode, int slot) {
        this.opcode = opcode;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        float a = frame.getFloatStatic(slot);
        switch (opcode) {
            case F32_ABS -> frame.setFloatStatic(slot, WasmMath.f32Abs(a));
            case F32_NEG -> frame.setFloatStatic(slot, WasmMath.f32Neg(a));
            case F32_CEIL -> frame.setFloatStatic(slot, WasmMath.f32Ceil(a));
            case F32_FLOOR -> frame.setFloatStatic(slot, WasmMath.f32Floor(a));
            case F32_TRUNC -> frame.setFloatStatic(slot, WasmMath.f32Trunc(a));
            case F32_NEAREST -> frame.setFloatStatic(slot, WasmMath.f32Nearest(a));
            case F32_SQRT -> frame.setFloatStatic(slot, WasmMath.f32Sqrt(a));
            case F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE ->
                frame.setIntStatic(slot, compare(a, frame.getFloatStatic(slot + 1)) ? 1 : 0);
            default -> frame.setFloatStatic(slot, binary(a, frame.getFloatStatic(slot + 1)));
        }
        return NORMAL;
    }

    private boolean compare(float a, float b) {
        return switch (opcode) {
            case F32_EQ -> a == b;
            case F32_NE -> a != b;
            case F32_LT -> a < b;
            case F32_GT -> a > b;
            case F32_LE -> a <= b;
            default -> a >= b; // F32_GE
        };
    }

    private float binary(float a, float b) {
        return switch (opcode) {
            case F32_ADD -> a + b;
            case F32_SUB -> a - b;
            case F32_MUL -> a * b;
            case F32_DIV -> a / b;
            case F32_MIN -> WasmMath.f32Min(a, b);
            case F32_MAX -> WasmMath.f32Max(a, b);
            case F32_COPYSIGN -> WasmMath.f32Copysign(a, b);
            default -> throw new IllegalStateException("not an f32 opcode: " + opcode);
        };
    }
}
