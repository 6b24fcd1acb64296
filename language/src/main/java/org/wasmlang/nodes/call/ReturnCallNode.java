package org.wasmlang.nodes.call;

import org.wasmlang.runtime.WasmFunction;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code return_call}: a tail call of a function fixed when the instance is made. */
public final class ReturnCallNode extends TailCallNode {
    private final WasmFunction callee;

    public ReturnCallNode(WasmFunction callee, int slot, int requestSlot) {
        super(slot, callee.type().params(), requestSlot);
        this.callee = callee;
    }

    @Override
    protected WasmFunction callee(VirtualFrame frame) {
        return callee;
    }
}
