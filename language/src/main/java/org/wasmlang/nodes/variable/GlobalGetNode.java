package org.wasmlang.nodes.variable;

import org.wasmlang.module.ValueType;
import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.simd.V128;
import org.wasmlang.runtime.WasmGlobal;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code global.get}; the global object is fixed when the instance is made. */
public final class GlobalGetNode extends WasmNode {
    private final WasmGlobal global;
    private final int slot;

    public GlobalGetNode(WasmGlobal global, int slot) {
        this.global = global;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        switch (global.valueType()) {
            case ValueType.I32 -> frame.setIntStatic(slot, global.getI32());
            case ValueType.I64 -> frame.setLongStatic(slot, global.getI64());
            case ValueType.F32 -> frame.setFloatStatic(slot, global.getF32());
            case ValueType.F64 -> frame.setDoubleStatic(slot, global.getF64());
            case ValueType.V128 -> Values.setVector(frame, slot, (V128) global.getReference());
            default -> frame.setObjectStatic(slot, global.getReference());
        }
        return NORMAL;
    }
}
