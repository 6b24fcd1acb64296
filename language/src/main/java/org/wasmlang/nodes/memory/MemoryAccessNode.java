package org.wasmlang.nodes.memory;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.UnsafeAccess;
import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateCached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * What loads and stores share: the memory (fixed per instance), the opcode, the static
 * offset, the operand slots, and the specializations on the memory's storage. Each
 * instruction is written once, in {@link #access}, against {@link UnsafeAccess}: the
 * storage is a {@code byte[]} (a constant while the memory has not grown) or native
 * memory at an address.
 */
@GenerateCached(false) // only its subclasses are nodes
abstract class MemoryAccessNode extends WasmNode {
    /**
     * Nodes cache the buffer as a constant only while the memory has never grown. A grow
     * invalidates every compiled function that cached it; programs that malloc grow
     * memory in many small steps (Lua's compute script: 55 grows), and caching up to the
     * eighth grow threw their compiled code away dozens of times. Reading the buffer field
     * costs a load that loops without calls hoist.
     */
    static final int MAX_CACHED_BUFFERS = 1;

    protected final WasmMemory memory;
    protected final int opcode;
    protected final long offset;
    /** Whether the address operand is an i64 (memory64). */
    private final boolean is64;
    /** Where the address comes from (a local or a stack slot). */
    protected final int addressSlot;
    /** A load's result slot, or where a store's value comes from. */
    protected final int valueSlot;

    MemoryAccessNode(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        this.memory = memory;
        this.opcode = opcode;
        this.offset = offset;
        this.is64 = memory.is64();
        this.addressSlot = addressSlot;
        this.valueSlot = valueSlot;
    }

    /**
     * Runs the instruction on storage {@code base} (a {@code byte[]}, or null for native
     * memory), whose byte 0 is at {@code start} and which holds {@code size} bytes.
     */
    abstract void access(VirtualFrame frame, Object base, long start, long size);

    @Specialization(guards = "growsSeen < MAX_CACHED_BUFFERS", assumptions = {"onHeap", "bufferUnchanged"})
    int doCachedBuffer(VirtualFrame frame,
                    @Cached("memory.stillOnHeap()") Assumption onHeap,
                    @Cached("memory.growCount()") int growsSeen,
                    @Cached("memory.bufferUnchanged()") Assumption bufferUnchanged,
                    @Cached(value = "memory.heapBuffer()", dimensions = 0) byte[] buffer) {
        access(frame, buffer, UnsafeAccess.ARRAY_BASE, buffer.length);
        return NORMAL;
    }

    @Specialization(assumptions = "onHeap", replaces = "doCachedBuffer")
    int doHeap(VirtualFrame frame,
                    @Cached("memory.stillOnHeap()") Assumption onHeap) {
        byte[] buffer = memory.heapBuffer();
        access(frame, buffer, UnsafeAccess.ARRAY_BASE, buffer.length);
        return NORMAL;
    }

    @Specialization(replaces = {"doCachedBuffer", "doHeap"})
    int doNative(VirtualFrame frame) {
        access(frame, null, memory.nativeAddress(), memory.byteSize());
        return NORMAL;
    }

    /**
     * The accessed address: the operand plus the static offset, unsigned. For memory64 an
     * address at or beyond 2^63 (or a sum that wraps) is returned as a negative number:
     * no memory is that large, so {@link #checked} traps on it.
     */
    final long address(VirtualFrame frame) {
        if (is64) {
            long base = frame.getLongStatic(addressSlot);
            long address = base + offset;
            return (base | offset) < 0 ? -1 : address;
        }
        return Integer.toUnsignedLong(frame.getIntStatic(addressSlot)) + offset;
    }

    /** Where an access of {@code accessSize} bytes at {@code address} lies, or an out-of-bounds trap. */
    final long checked(long start, long size, long address, int accessSize) {
        if (address < 0 || address > size - accessSize) {
            throw WasmTrap.create(TrapKind.MEMORY_OUT_OF_BOUNDS, this);
        }
        return start + address;
    }
}
