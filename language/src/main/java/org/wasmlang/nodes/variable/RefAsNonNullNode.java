package org.wasmlang.nodes.variable;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmNull;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code ref.as_non_null}: traps on null and leaves the reference where it is otherwise. */
public final class RefAsNonNullNode extends WasmNode {
    private final int slot;

    public RefAsNonNullNode(int slot) {
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (frame.getObjectStatic(slot) == WasmNull.NULL) {
            throw WasmTrap.create(TrapKind.NULL_REFERENCE, this);
        }
        return NORMAL;
    }
}
