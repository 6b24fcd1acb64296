package org.wasmlang.nodes.call;

import org.wasmlang.nodes.Values;
import org.wasmlang.module.FuncType;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.WasmTable;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code return_call_indirect}: the table lookup and type check of {@code call_indirect}, then a tail call. */
public final class ReturnCallIndirectNode extends TailCallNode {
    private final WasmTable table;
    private final int expectedTypeId;

    /** @param slot the first argument's slot; the table index sits after the arguments */
    public ReturnCallIndirectNode(WasmTable table, FuncType type, int typeId, int slot, int requestSlot) {
        super(slot, type.params(), requestSlot);
        this.table = table;
        this.expectedTypeId = typeId;
    }

    @Override
    protected WasmFunction callee(VirtualFrame frame) {
        return CallIndirectNode.lookUp(table, Values.address(frame, slot + paramTypes.length, table.is64()), expectedTypeId, this);
    }
}
