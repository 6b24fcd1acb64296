package org.wasmlang.nodes.call;

import org.wasmlang.module.FuncType;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code return_call_ref $t}: {@code call_ref}'s null check, then a tail call. */
public final class ReturnCallRefNode extends TailCallNode {
    /** @param slot the first argument's slot; the reference sits after the arguments */
    public ReturnCallRefNode(FuncType type, int slot, int requestSlot) {
        super(slot, type.params(), requestSlot);
    }

    @Override
    protected WasmFunction callee(VirtualFrame frame) {
        if (!(frame.getObjectStatic(slot + paramTypes.length) instanceof WasmFunction function)) {
            throw WasmTrap.create(TrapKind.NULL_FUNCTION_REFERENCE, this);
        }
        return function;
    }
}
