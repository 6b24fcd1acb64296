package org.wasmlang.nodes.numeric;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMath;

import com.oracle.truffle.api.frame.VirtualFrame;

/** Every i64 instruction that only computes (see {@link I32Node}); comparisons yield i32. */
public final class I64Node extends WasmNode {
    private final int opcode;
    /** Where the operands come from (a local or a stack slot; {@code b} only if binary) and the result goes. */
    private final int a;
    private final int b;
    private final int result;
    /** The second operand when it is a constant ({@code b} is then negative). */
    private final long immediate;

    public I64Node(int opcode, int a, int b, int result) {
        this(opcode, a, b, result, 0);
    }

    public I64Node(int opcode, int a, int b, int result, long immediate) {
        this.opcode = opcode;
        this.a = a;
        this.b = b;
        this.result = result;
        this.immediate = immediate;
    }

    @Override
    public int execute(VirtualFrame frame) {
        long a = frame.getLongStatic(this.a);
        switch (opcode) {
            case I64_EQZ -> frame.setIntStatic(result, a == 0 ? 1 : 0);
            case I64_CLZ -> frame.setLongStatic(result, Long.numberOfLeadingZeros(a));
            case I64_CTZ -> frame.setLongStatic(result, Long.numberOfTrailingZeros(a));
            case I64_POPCNT -> frame.setLongStatic(result, Long.bitCount(a));
            case I64_EXTEND8_S -> frame.setLongStatic(result, (byte) a);
            case I64_EXTEND16_S -> frame.setLongStatic(result, (short) a);
            case I64_EXTEND32_S -> frame.setLongStatic(result, (int) a);
            case I64_EQ, I64_NE, I64_LT_S, I64_LT_U, I64_GT_S, I64_GT_U, I64_LE_S, I64_LE_U, I64_GE_S, I64_GE_U ->
                frame.setIntStatic(result, compare(opcode, a, (b >= 0 ? frame.getLongStatic(b) : immediate)) ? 1 : 0);
            default -> frame.setLongStatic(result, binary(a, (b >= 0 ? frame.getLongStatic(b) : immediate)));
        }
        return NORMAL;
    }

    /** An i64 comparison ({@code I64_EQ} to {@code I64_GE_U}); also what a folded branch condition tests. */
    public static boolean compare(int opcode, long a, long b) {
        return switch (opcode) {
            case I64_EQ -> a == b;
            case I64_NE -> a != b;
            case I64_LT_S -> a < b;
            case I64_LT_U -> Long.compareUnsigned(a, b) < 0;
            case I64_GT_S -> a > b;
            case I64_GT_U -> Long.compareUnsigned(a, b) > 0;
            case I64_LE_S -> a <= b;
            case I64_LE_U -> Long.compareUnsigned(a, b) <= 0;
            case I64_GE_S -> a >= b;
            default -> Long.compareUnsigned(a, b) >= 0; // I64_GE_U
        };
    }

    private long binary(long a, long b) {
        return switch (opcode) {
            case I64_ADD -> a + b;
            case I64_SUB -> a - b;
            case I64_MUL -> a * b;
            case I64_DIV_S -> WasmMath.i64DivS(a, b, this);
            case I64_DIV_U -> WasmMath.i64DivU(a, b, this);
            case I64_REM_S -> WasmMath.i64RemS(a, b, this);
            case I64_REM_U -> WasmMath.i64RemU(a, b, this);
            case I64_AND -> a & b;
            case I64_OR -> a | b;
            case I64_XOR -> a ^ b;
            case I64_SHL -> a << b;
            case I64_SHR_S -> a >> b;
            case I64_SHR_U -> a >>> b;
            case I64_ROTL -> Long.rotateLeft(a, (int) b);
            case I64_ROTR -> Long.rotateRight(a, (int) b);
            default -> throw new IllegalStateException("not an i64 opcode: " + opcode);
        };
    }
}
