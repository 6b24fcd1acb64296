package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * A {@code block} (also each arm of an {@code if}) as the node builder produces it: its
 * instructions and its label. It never runs: {@link RegionFlattener} turns it into jumps
 * within its region, or into a region of its own.
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
    public int execute(VirtualFrame frame) {
        throw CompilerDirectives.shouldNotReachHere("flattened by its region");
    }
}
