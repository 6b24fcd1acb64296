package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;

/**
 * A Wasm {@code loop}, run by a Truffle {@link LoopNode} so that long-running loops get
 * on-stack replacement and loop-count profiles. Its body is a {@link RegionNode}: a branch to
 * the loop's label starts the next iteration; falling off the end or branching further out
 * leaves it.
 */
public final class WasmLoopNode extends WasmNode {
    @Child private LoopNode loop;

    public WasmLoopNode(WasmNode[] body, int label) {
        this.loop = Truffle.getRuntime().createLoopNode(RegionNode.create(body, label, true));
    }

    @Override
    public int execute(VirtualFrame frame) {
        return (Integer) loop.execute(frame);
    }
}
