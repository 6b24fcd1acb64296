package org.wasmlang.nodes.memory;

import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code memory.grow}: the old size in pages, or -1 when the memory cannot grow (i64 for a 64-bit memory). */
public final class MemoryGrowNode extends WasmNode {
    private final WasmMemory memory;
    private final int slot;

    public MemoryGrowNode(WasmMemory memory, int slot) {
        this.memory = memory;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        Values.setAddress(frame, slot, memory.is64(), grow(Values.address(frame, slot, memory.is64())));
        return NORMAL;
    }

    @TruffleBoundary
    private long grow(long delta) {
        return memory.grow(delta);
    }
}
