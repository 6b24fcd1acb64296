package org.wasmlang.nodes.memory;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.ByteArrayMemory;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.memory.ByteArraySupport;

/**
 * What loads and stores share: the memory (fixed per instance), the opcode, the static
 * offset, the operand slots, and the helpers their specializations use.
 */
abstract class MemoryAccessNode extends WasmNode {
    /**
     * Nodes cache the buffer as a constant only while the memory has never grown. A grow
     * invalidates every compiled function that cached it; programs that malloc grow
     * memory in many small steps (Lua's compute script: 55 grows), and caching up to the
     * eighth grow threw their compiled code away dozens of times. Reading the buffer field
     * costs a load that loops without calls hoist.
     */
    static final int MAX_CACHED_BUFFERS = 1;
    static final ByteArraySupport BYTES = ByteArraySupport.littleEndian();

    protected final WasmMemory memory;
    protected final int opcode;
    protected final long offset;
    /** Where the address comes from (a local or a stack slot). */
    protected final int addressSlot;
    /** A load's result slot, or where a store's value comes from. */
    protected final int valueSlot;

    MemoryAccessNode(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        this.memory = memory;
        this.opcode = opcode;
        this.offset = offset;
        this.addressSlot = addressSlot;
        this.valueSlot = valueSlot;
    }

    static boolean isByteArray(WasmMemory memory) {
        return memory instanceof ByteArrayMemory;
    }

    static byte[] bufferOf(WasmMemory memory) {
        return ((ByteArrayMemory) memory).buffer();
    }

    /** The checked index of an access of {@code size} bytes, or an out-of-bounds trap. */
    static int checkedIndex(byte[] buffer, long address, int size, WasmNode location) {
        if (address > buffer.length - size) {
            throw WasmTrap.create(TrapKind.MEMORY_OUT_OF_BOUNDS, location);
        }
        return (int) address;
    }
}
