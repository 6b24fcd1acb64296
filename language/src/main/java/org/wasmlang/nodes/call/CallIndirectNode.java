package org.wasmlang.nodes.call;

import org.wasmlang.nodes.Values;
import org.wasmlang.module.FuncType;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.WasmTable;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/**
 * {@code call_indirect}: looks the callee up in the table, checks its type by comparing
 * canonical type ids (a constant on our side), and calls it through an inline cache.
 */
public final class CallIndirectNode extends WasmNode {

    @Override
    protected boolean isCall() {
        return true;
    }
    private final WasmTable table;
    private final int expectedTypeId;
    private final int slot;
    @CompilationFinal(dimensions = 1) private final int[] paramTypes;
    @CompilationFinal(dimensions = 1) private final int[] resultTypes;
    @Child private IndirectDispatchNode dispatch = IndirectDispatchNodeGen.create(true);

    /** @param slot the first argument's slot; the table index sits after the arguments */
    public CallIndirectNode(WasmTable table, FuncType type, int typeId, int slot) {
        this.table = table;
        this.expectedTypeId = typeId;
        this.slot = slot;
        this.paramTypes = type.params();
        this.resultTypes = type.results();
    }

    @Override
    public int execute(VirtualFrame frame) {
        WasmFunction function = lookUp(table, Values.address(frame, slot + paramTypes.length, table.is64()), expectedTypeId, this);
        Object result = dispatch.execute(function, CallNode.arguments(frame, slot, paramTypes));
        CallNode.storeResults(frame, slot, resultTypes, result);
        return NORMAL;
    }

    /** The function at {@code index}, or the trap {@code call_indirect} raises for it. */
    static WasmFunction lookUp(WasmTable table, long index, int expectedTypeId, Node node) {
        if (index < 0 || index >= table.size()) {
            throw WasmTrap.create(TrapKind.UNDEFINED_ELEMENT, Long.toUnsignedString(index), node);
        }
        Object element = table.get((int) index);
        if (!(element instanceof WasmFunction function)) {
            throw WasmTrap.create(TrapKind.UNINITIALIZED_ELEMENT, Long.toUnsignedString(index), node);
        }
        if (function.typeId() != expectedTypeId) {
            throw WasmTrap.create(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, node);
        }
        return function;
    }
}
