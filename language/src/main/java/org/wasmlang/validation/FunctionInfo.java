package org.wasmlang.validation;

/**
 * What validation learned about one function body, for the node builder: it never
 * re-validates. Blocks are listed in the order their opening instruction appears.
 */
public final class FunctionInfo {
    /** Fields of one block record in {@link #blocks}. */
    public static final int BLOCK_START = 0;
    public static final int BLOCK_TYPE = 1;
    public static final int BLOCK_ENTRY_HEIGHT = 2;
    public static final int BLOCK_ELSE = 3;
    public static final int BLOCK_END = 4;
    public static final int BLOCK_STRIDE = 5;

    private final int[] localTypes;
    private final int maxStackHeight;
    private final int[] blocks;
    private final boolean usesVectors;
    private final boolean makesTailCalls;
    private final int exceptionSlots;

    FunctionInfo(int[] localTypes, int maxStackHeight, int exceptionSlots, int[] blocks, boolean usesVectors,
                    boolean makesTailCalls) {
        this.localTypes = localTypes;
        this.maxStackHeight = maxStackHeight + exceptionSlots;
        this.exceptionSlots = exceptionSlots;
        this.blocks = blocks;
        this.usesVectors = usesVectors;
        this.makesTailCalls = makesTailCalls;
    }

    /**
     * Whether the body has a {@code return_call} or {@code return_call_indirect}: only then
     * can a call of the function end in a tail-call request its caller must run.
     */
    public boolean makesTailCalls() {
        return makesTailCalls;
    }

    /** Whether a v128 value is ever a local or on the operand stack. */
    public boolean usesVectors() {
        return usesVectors;
    }

    /** Parameter types followed by declared local types. Do not modify. */
    public int[] localTypes() {
        return localTypes;
    }

    /**
     * The frame slots after the locals: the most operand-stack values live at once, then
     * one slot per nesting level of legacy {@code try} blocks, which holds the exception
     * their {@code catch} handles (for {@code rethrow}).
     */
    public int maxStackHeight() {
        return maxStackHeight;
    }

    /** How many slots at the end of {@link #maxStackHeight} hold caught exceptions. */
    public int exceptionSlots() {
        return exceptionSlots;
    }

    public int blockCount() {
        return blocks.length / BLOCK_STRIDE;
    }

    /**
     * One field of block {@code block}: the byte offset of its opening opcode, its block
     * type, the operand-stack height below its parameters, the offset of its {@code else}
     * (or -1), and the offset of its {@code end}.
     */
    public int block(int block, int field) {
        return blocks[block * BLOCK_STRIDE + field];
    }
}
