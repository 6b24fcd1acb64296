package org.wasmlang.nodes.numeric;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMath;

import com.oracle.truffle.api.frame.VirtualFrame;

/** Every f64 instruction that only computes (see {@link I32Node}); comparisons yield i32. */
public final class F64Node extends WasmNode {
    private final int opcode;
    /** Where the operands come from (a local or a stack slot; {@code b} only if binary) and the result goes. */
    private final int a;
    private final int b;
    private final int result;

    public F64Node(int opcode, int a, int b, int result) {
        this.opcode = opcode;
        this.a = a;
        this.b = b;
        this.result = result;
    }

    @Override
    public int execute(VirtualFrame frame) {
        double a = frame.getDoubleStatic(this.a);
        switch (opcode) {
            case F64_ABS -> frame.setDoubleStatic(result, WasmMath.f64Abs(a));
            case F64_NEG -> frame.setDoubleStatic(result, WasmMath.f64Neg(a));
            case F64_CEIL -> frame.setDoubleStatic(result, WasmMath.f64Ceil(a));
            case F64_FLOOR -> frame.setDoubleStatic(result, WasmMath.f64Floor(a));
            case F64_TRUNC -> frame.setDoubleStatic(result, WasmMath.f64Trunc(a));
            case F64_NEAREST -> frame.setDoubleStatic(result, WasmMath.f64Nearest(a));
            case F64_SQRT -> frame.setDoubleStatic(result, WasmMath.f64Sqrt(a));
            case F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE, F64_GE ->
                frame.setIntStatic(result, compare(a, frame.getDoubleStatic(b)) ? 1 : 0);
            default -> frame.setDoubleStatic(result, binary(a, frame.getDoubleStatic(b)));
        }
        return NORMAL;
    }

    private boolean compare(double a, double b) {
        return switch (opcode) {
            case F64_EQ -> a == b;
            case F64_NE -> a != b;
            case F64_LT -> a < b;
            case F64_GT -> a > b;
            case F64_LE -> a <= b;
            default -> a >= b; // F64_GE
        };
    }

    private double binary(double a, double b) {
        return switch (opcode) {
            case F64_ADD -> a + b;
            case F64_SUB -> a - b;
            case F64_MUL -> a * b;
            case F64_DIV -> a / b;
            case F64_MIN -> WasmMath.f64Min(a, b);
            case F64_MAX -> WasmMath.f64Max(a, b);
            case F64_COPYSIGN -> WasmMath.f64Copysign(a, b);
            default -> throw new IllegalStateException("not an f64 opcode: " + opcode);
        };
    }
}
