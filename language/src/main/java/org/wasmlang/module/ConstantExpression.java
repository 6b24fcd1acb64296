package org.wasmlang.module;

/**
 * A decoded constant expression (global initialisers, segment offsets, element items).
 * Its instructions are kept as parallel arrays of opcodes and immediates, so
 * instantiation evaluates them without re-reading module bytes.
 *
 * <p>Opcodes of prefixed instructions are stored as {@code prefix << 8 | subopcode}
 * ({@code 0xFD0C} for {@code v128.const}, whose 16 bytes take two immediates).
 * When the bytes held an instruction that is not allowed in a constant expression,
 * {@link #nonConstantOpcode} names it and validation reports
 * "constant expression required".
 */
public final class ConstantExpression {
    public static final int NONE = -1;

    private final int[] opcodes;
    private final long[] immediates;
    private final int nonConstantOpcode;
    private final int offset;

    public ConstantExpression(int[] opcodes, long[] immediates, int nonConstantOpcode, int offset) {
        this.opcodes = opcodes;
        this.immediates = immediates;
        this.nonConstantOpcode = nonConstantOpcode;
        this.offset = offset;
    }

    public int length() {
        return opcodes.length;
    }

    public int opcode(int i) {
        return opcodes[i];
    }

    /** The first immediate of instruction i. */
    public long immediate(int i) {
        return immediates[2 * i];
    }

    /** The second immediate of instruction i (the high half of a v128 constant). */
    public long immediate2(int i) {
        return immediates[2 * i + 1];
    }

    /** The opcode of an instruction that made this expression non-constant, or NONE. */
    public int nonConstantOpcode() {
        return nonConstantOpcode;
    }

    /** Byte offset of the expression in the module, for error messages. */
    public int offset() {
        return offset;
    }
}
