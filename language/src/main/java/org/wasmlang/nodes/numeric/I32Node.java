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
    /** The slot of the first operand; a binary operator's second follows it. */
    private final int slot;

    public I32Node(int opcode, int slot) {
        this.opcode = opcode;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        int a = frame.getIntStatic(slot);
        int result;
        switch (opcode) {
            case I32_EQZ -> result = a == 0 ? 1 : 0;
            case I32_CLZ -> result = Integer.numberOfLeadingZeros(a);
            case I32_CTZ -> result = Integer.numberOfTrailingZeros(a);
            case I32_POPCNT -> result = Integer.bitCount(a);
            case I32_EXTEND8_S -> result = (byte) a;
            case I32_EXTEND16_S -> result = (short) a;
            default -> result = binary(a, frame.getIntStatic(slot + 1));
        }
        frame.setIntStatic(slot, result);
        return NORMAL;
    }

    private int binary(int a, int b) {
        return switch (opcode) {
            case I32_EQ -> a == b ? 1 : 0;
            case I32_NE -> a != b ? 1 : 0;
            case I32_LT_S -> a < b ? 1 : 0;
            case I32_LT_U -> Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
            case I32_GT_S -> a > b ? 1 : 0;
            case I32_GT_U -> Integer.compareUnsigned(a, b) > 0 ? 1 : 0;
            case I32_LE_S -> a <= b ? 1 : 0;
            case I32_LE_U -> Integer.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case I32_GE_S -> a >= b ? 1 : 0;
            case I32_GE_U -> Integer.compareUnsigned(a, b) >= 0 ? 1 : 0;
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
}
