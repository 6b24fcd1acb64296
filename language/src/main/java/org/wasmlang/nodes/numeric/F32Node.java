package org.wasmlang.nodes.numeric;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMath;

import com.oracle.truffle.api.frame.VirtualFrame;

/** Every f32 instruction that only computes (see {@link I32Node}); comparisons yield i32. */
public final class F32Node extends WasmNode {
    private final int opcode;
    /** Where the operands come from (a local or a stack slot; {@code b} only if binary) and the result goes. */
    private final int a;
    private final int b;
    private final int result;

    public F32Node(int opcode, int a, int b, int result) {
        this.opcode = opcode;
        this.a = a;
        this.b = b;
        this.result = result;
    }

    @Override
    public int execute(VirtualFrame frame) {
        float a = frame.getFloatStatic(this.a);
        switch (opcode) {
            case F32_ABS -> frame.setFloatStatic(result, WasmMath.f32Abs(a));
            case F32_NEG -> frame.setFloatStatic(result, WasmMath.f32Neg(a));
            case F32_CEIL -> frame.setFloatStatic(result, WasmMath.f32Ceil(a));
            case F32_FLOOR -> frame.setFloatStatic(result, WasmMath.f32Floor(a));
            case F32_TRUNC -> frame.setFloatStatic(result, WasmMath.f32Trunc(a));
            case F32_NEAREST -> frame.setFloatStatic(result, WasmMath.f32Nearest(a));
            case F32_SQRT -> frame.setFloatStatic(result, WasmMath.f32Sqrt(a));
            case F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE ->
                frame.setIntStatic(result, compare(a, frame.getFloatStatic(b)) ? 1 : 0);
            default -> frame.setFloatStatic(result, binary(a, frame.getFloatStatic(b)));
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
