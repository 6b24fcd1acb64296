package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * {@code br} and {@code return}: moves the label's values from the top of the stack down
 * to the height the target restores, then reports the target depth.
 */
public final class BranchNode extends WasmNode {
    private final int depth;
    private final int from;
    private final int to;
    private final int count;

    /**
     * @param from the first slot of the values on top of the stack
     * @param to the first slot where the target expects them
     */
    public BranchNode(int depth, int from, int to, int count) {
        this.depth = depth;
        this.from = from;
        this.to = to;
        this.count = count;
    }

    @Override
    public int execute(VirtualFrame frame) {
        moveValues(frame, from, to, count);
        return depth;
    }

    @ExplodeLoop
    static void moveValues(VirtualFrame frame, int from, int to, int count) {
        if (from != to) {
            for (int i = 0; i < count; i++) {
                frame.copyStatic(from + i, to + i);
            }
        }
    }
}
