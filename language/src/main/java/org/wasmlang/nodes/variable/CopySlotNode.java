package org.wasmlang.nodes.variable;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Copies one frame slot to another: {@code local.get} (local to stack), {@code local.set}
 * (stack to local) and {@code local.tee} (top of stack to local, staying on the stack).
 */
public final class CopySlotNode extends WasmNode {
    private final int from;
    private final int to;

    public CopySlotNode(int from, int to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public int execute(VirtualFrame frame) {
        frame.copyStatic(from, to);
        return NORMAL;
    }
}
