package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code unreachable}: always traps. */
public final class UnreachableNode extends WasmNode {
    @Override
    public int execute(VirtualFrame frame) {
        throw WasmTrap.create(TrapKind.UNREACHABLE, this);
    }
}
