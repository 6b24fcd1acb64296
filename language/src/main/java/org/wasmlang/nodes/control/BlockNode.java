package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * A {@code block} (also the body of a function, and each arm of an {@code if}): runs its
 * instructions in order; a branch to its own label leaves it normally, a branch to an
 * outer label passes through unchanged.
 */
public final class BlockNode extends WasmNode {
    @Children private final WasmNode[] body;
    /** This block's label: its nesting level in the function (the function body is 0). */
    private final int label;

    public BlockNode(WasmNode[] body, int label) {
        this.body = body;
        this.label = label;
    }

    WasmNode[] body() {
        return body;
    }

    int label() {
        return label;
    }

    @Override
    @ExplodeLoop(kind = ExplodeLoop.LoopExplosionKind.FULL_UNROLL_UNTIL_RETURN)
    public int execute(VirtualFrame frame) {
        for (WasmNode instruction : body) {
            int target = instruction.execute(frame);
            if (target != NORMAL) {
                return target == label ? NORMAL : target;
            }
            instruction.clearDeadAfter(frame);
        }
        return NORMAL;
    }
}
