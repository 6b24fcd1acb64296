package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;

/**
 * A Wasm {@code loop}, run by a Truffle {@link LoopNode} so that long-running loops get
 * on-stack replacement and loop-count profiles. Its body is a {@link RegionNode}: a branch to
 * the loop's label starts the next iteration; falling off the end or branching further out
 * leaves it. The region is made when the enclosing region flattens this node, so that the
 * whole function's body can be analysed first.
 */
public final class WasmLoopNode extends WasmNode {
    private final int label;
    private WasmNode[] body;
    @Child private LoopNode loop;

    public WasmLoopNode(WasmNode[] body, int label) {
        this.body = body;
        this.label = label;
    }

    WasmNode[] body() {
        return body;
    }

    int label() {
        return label;
    }

    void flatten() {
        if (loop == null) {
            loop = Truffle.getRuntime().createLoopNode(RegionNode.create(body, label, true));
            body = null;
        }
    }

    @Override
    public int execute(VirtualFrame frame) {
        return (Integer) loop.execute(frame);
    }
}
