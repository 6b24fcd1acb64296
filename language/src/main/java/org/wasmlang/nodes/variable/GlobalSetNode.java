package org.wasmlang.nodes.variable;

import org.wasmlang.module.ValueType;
import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmGlobal;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code global.set}. */
public final class GlobalSetNode extends WasmNode {
    private final WasmGlobal global;
    private final int slot;

    public GlobalSetNode(WasmGlobal global, int slot) {
        this.global = global;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        switch (global.valueType()) {
            case ValueType.I32 -> global.setI32(frame.getIntStatic(slot));
            case ValueType.I64 -> global.setI64(frame.getLongStatic(slot));
            case ValueType.F32 -> global.setF32(frame.getFloatStatic(slot));
            case ValueType.F64 -> global.setF64(frame.getDoubleStatic(slot));
            case ValueType.V128 -> global.setReference(Values.getVector(frame, slot));
            default -> global.setReference(frame.getObjectStatic(slot));
        }
        return NORMAL;
    }
}
