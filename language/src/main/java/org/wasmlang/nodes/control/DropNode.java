package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Does nothing but mark stack slots dead ({@link WasmNode#setDeadAfter}): for a {@code drop}
 * with no instruction before it in its block, and after a flattened block whose results
 * are dropped. Other drops only widen the dead range of the instruction before them.
 */
public final class DropNode extends WasmNode {
    @Override
    public int execute(VirtualFrame frame) {
        return NORMAL;
    }
}
