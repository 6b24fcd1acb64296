package org.wasmlang.nodes.variable;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmNull;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code ref.is_null}. */
public final class RefIsNullNode extends WasmNode {
    private final int slot;

    public RefIsNullNode(int slot) {
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        frame.setIntStatic(slot, frame.getObjectStatic(slot) == WasmNull.NULL ? 1 : 0);
        return NORMAL;
    }
}
