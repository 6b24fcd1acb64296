package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The body of a function that uses the legacy {@code delegate}: an exception delegated to
 * the function's own label (or past every handler) leaves as the plain exception. Only such
 * functions get this node, so others keep their code unchanged.
 */
public final class DelegateBoundaryNode extends WasmNode {
    @Child private WasmNode body;

    public DelegateBoundaryNode(WasmNode body) {
        this.body = body;
    }

    @Override
    public int execute(VirtualFrame frame) {
        try {
            return body.execute(frame);
        } catch (DelegatedException e) {
            throw e.exception;
        }
    }
}
