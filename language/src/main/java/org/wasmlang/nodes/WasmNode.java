package org.wasmlang.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/**
 * One instruction (or structured block) of a function body. Operands live in static
 * frame slots: locals first, then the operand stack, whose height at every instruction
 * the node builder knows, so each node reads and writes fixed slot indices.
 *
 * <p>{@link #execute} returns {@link #NORMAL} to fall through, or the label a branch
 * targets, named by its nesting level in the function (0 = the function body). Each
 * enclosing block compares it with its own level, a constant, and passes other labels on
 * unchanged, so partial evaluation folds branching away without exceptions.
 */
public abstract class WasmNode extends Node {
    public static final int NORMAL = -1;

    /** Where the instruction starts in the module bytes, for guest stack traces. */
    private int byteOffset = -1;

    public abstract int execute(VirtualFrame frame);

    public final int byteOffset() {
        return byteOffset;
    }

    final void setByteOffset(int byteOffset) {
        this.byteOffset = byteOffset;
    }
}
