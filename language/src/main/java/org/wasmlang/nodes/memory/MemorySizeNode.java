package org.wasmlang.nodes.memory;

import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code memory.size} in pages (an i64 for a 64-bit memory). */
public final class MemorySizeNode extends WasmNode {
    private final WasmMemory memory;
    private final int slot;

    public MemorySizeNode(WasmMemory memory, int slot) {
        this.memory = memory;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        Values.setAddress(frame, slot, memory.is64(), memory.pages());
        return NORMAL;
    }
}
