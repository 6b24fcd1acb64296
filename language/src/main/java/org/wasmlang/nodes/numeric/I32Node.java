package org.wasmlang.nodes.numeric;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMath;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Every i32 instruction that only computes: tests, comparisons, unary and binary
 * arithmetic. The opcode is a final field, so partial evaluation keeps only its case;
 * one class per value type keeps each execute method small enough for the JVM's JIT in
 * interpreter-only mode.
 */
public final class I32Node extends WasmNode {
    private final int opcode;
    /** Where the operands come from (a local or a stack slot; {@code b} only if binary) and the result goes. */
    private final int a;
    private final int b;
    private final int result;
    /** The second operand when it is a constant ({@code b} is then negative). */
    private final int immediate;

    public I32Node(int opcode, int a, int b, int result) {
        this(opcode, a, b, result, 0);
    }

    public I32Node(int opcode, int a, int b, int result, int immediate) {
        this.opcode = opcode;
        this.a = a;
        this.b = b;
        this.result = result;
        this.immediate = immediate;
    }

    @Override
    public int execute(VirtualFrame frame) {
        int a = frame.getIntStatic(this.a);
        int value;
        switch (opcode) {
            case I32_EQZ -> value = a == 0 ? 1 : 0;
            case I32_CLZ -> value = Integer.numberOfLeadingZeros(a);
            case I32_CTZ -> value = Integer.numberOfTrailingZeros(a);
            case I32_POPCNT -> value = Integer.bitCount(a);
            case I32_EXTEND8_S -> value = (byte) a;
            case I32_EXTEND16_S -> value = (short) a;
            default -> value = binary(a, b >= 0 ? frame.getIntStatic(b) : immediate);
        }
        frame.setIntStatic(result, value);
        return NORMAL;
    }

    private int binary(int a, int b) {
        return switch (opcode) {
            case I32_EQ, I32_NE, I32_LT_S, I32_LT_U, I32_GT_S, I32_GT_U, I32_LE_S, I32_LE_U, I32_GE_S, I32_GE_U ->
                compare(opcode, a, b) ? 1 : 0;
            case I32_ADD -> a + b;
            case I32_SUB -> a - b;
            case I32_MUL -> a * b;
            case I32_DIV_S -> WasmMath.i32DivS(a, b, this);
            case I32_DIV_U -> WasmMath.i32DivU(a, b, this);
            case I32_REM_S -> WasmMath.i32RemS(a, b, this);
            case I32_REM_U -> WasmMath.i32RemU(a, b, this);
            case I32_AND -> a & b;
            case I32_OR -> a | b;
            case I32_XOR -> a ^ b;
            case I32_SHL -> a << b;
            case I32_SHR_S -> a >> b;
            case I32_SHR_U -> a >>> b;
            case I32_ROTL -> Integer.rotateLeft(a, b);
            case I32_ROTR -> Integer.rotateRight(a, b);
            default -> throw new IllegalStateException("not an i32 opcode: " + opcode);
        };
    }

    /** An i32 comparison ({@code I32_EQ} to {@code I32_GE_U}); also what a folded branch condition tests. */
    public static boolean compare(int opcode, int a, int b) {
        return switch (opcode) {
            case I32_EQ -> a == b;
            case I32_NE -> a != b;
            case I32_LT_S -> a < b;
            case I32_LT_U -> Integer.compareUnsigned(a, b) < 0;
            case I32_GT_S -> a > b;
            case I32_GT_U -> Integer.compareUnsigned(a, b) > 0;
            case I32_LE_S -> a <= b;
            case I32_LE_U -> Integer.compareUnsigned(a, b) <= 0;
            case I32_GE_S -> a >= b;
            default -> Integer.compareUnsigned(a, b) >= 0; // I32_GE_U
        };
    }
}
