package org.wasmlang.nodes.memory;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code memory.size} in pages. */
public final class MemorySizeNode extends WasmNode {
    private final WasmMemory memory;
    private final int slot;

    public MemorySizeNode(WasmMemory memory, int slot) {
        this.memory = memory;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        frame.setIntStatic(slot, (int) memory.pages());
        return NORMAL;
    }
}
