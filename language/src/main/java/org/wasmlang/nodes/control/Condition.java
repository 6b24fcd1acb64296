package org.wasmlang.nodes.control;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.nodes.numeric.I32Node;
import org.wasmlang.nodes.numeric.I64Node;

import com.oracle.truffle.api.frame.Frame;

/**
 * What a {@code br_if} or an {@code if} tests: the i32 in a slot, non-zero; or an i32 or
 * i64 comparison that the node builder folded into the branch (then it has no node of its
 * own), {@code eqz} being a comparison with 0. Operands are slots (locals or stack) and the
 * second may be a constant. Its fields are final, so compiled code keeps only its case.
 */
public final class Condition {
    private static final int SLOT = 0;
    private static final int I32 = 1;
    private static final int I64 = 2;

    private final int kind;
    private final int opcode;
    private final int a;
    /** The second operand's slot, or -1 when it is {@link #immediate}. */
    private final int b;
    private final long immediate;

    private Condition(int kind, int opcode, int a, int b, long immediate) {
        this.kind = kind;
        this.opcode = opcode;
        this.a = a;
        this.b = b;
        this.immediate = immediate;
    }

    /** The i32 in {@code slot} is not zero. */
    public static Condition slot(int slot) {
        return new Condition(SLOT, 0, slot, -1, 0);
    }

    /**
     * An i32 comparison ({@code I32_EQZ} to {@code I32_GE_U}) of slot {@code a} with slot
     * {@code b}, or with {@code immediate} when {@code b} is negative.
     */
    public static Condition i32(int opcode, int a, int b, int immediate) {
        return opcode == I32_EQZ ? new Condition(I32, I32_EQ, a, -1, 0) : new Condition(I32, opcode, a, b, immediate);
    }

    /** Likewise for i64 ({@code I64_EQZ} to {@code I64_GE_U}). */
    public static Condition i64(int opcode, int a, int b, long immediate) {
        return opcode == I64_EQZ ? new Condition(I64, I64_EQ, a, -1, 0) : new Condition(I64, opcode, a, b, immediate);
    }

    /** Whether {@code opcode} is a comparison a condition can hold. */
    public static boolean isComparison(int opcode) {
        return opcode >= I32_EQZ && opcode <= I64_GE_U;
    }

    public boolean holds(Frame frame) {
        return switch (kind) {
            case SLOT -> frame.getIntStatic(a) != 0;
            case I32 -> I32Node.compare(opcode, frame.getIntStatic(a), b >= 0 ? frame.getIntStatic(b) : (int) immediate);
            default -> I64Node.compare(opcode, frame.getLongStatic(a), b >= 0 ? frame.getLongStatic(b) : immediate);
        };
    }

    /** The slots it reads. */
    public int[] operands() {
        return b >= 0 ? new int[]{a, b} : new int[]{a};
    }
}
