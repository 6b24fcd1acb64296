package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * A {@code block} (also the body of a function, and each arm of an {@code if}): runs its
 * instructions in order; a branch to its own label (depth 0) leaves it normally.
 */
public final class BlockNode extends WasmNode {
    @Children private final WasmNode[] body;

    public BlockNode(WasmNode[] body) {
        this.body = body;
    }

    @Override
    @ExplodeLoop(kind = ExplodeLoop.LoopExplosionKind.FULL_UNROLL_UNTIL_RETURN)
    public int execute(VirtualFrame frame) {
        for (WasmNode instruction : body) {
            int target = instruction.execute(frame);
            if (target != NORMAL) {
                return target == 0 ? NORMAL : target - 1;
            }
        }
        return NORMAL;
    }
}
