package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * {@code throw_ref} (the exnref on top of the stack, "null exception reference" if null) and
 * the legacy {@code rethrow} (the exception its catch stored in a frame slot): throws the
 * exception object again, so it keeps its identity.
 */
public final class ThrowRefNode extends WasmNode {
    private final int slot;

    public ThrowRefNode(int slot) {
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        Object exception = frame.getObjectStatic(slot);
        // A Wasm exception, or a host's that catch_all_ref caught: thrown again as it was.
        if (exception instanceof AbstractTruffleException e) {
            throw e;
        }
        throw WasmTrap.create(TrapKind.NULL_EXCEPTION_REFERENCE, this);
    }
}
