package org.wasmlang.nodes.memory;

import org.wasmlang.binary.Opcodes;
import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * {@code memory.fill}, {@code memory.copy}, {@code memory.init} and {@code data.drop}.
 * The work is a bulk copy, so it runs behind a boundary; bounds are checked before any
 * byte is written, as the spec requires.
 */
public final class BulkMemoryNode extends WasmNode {
    private final int subOpcode;
    private final WasmInstance instance;
    private final WasmMemory memory;
    /** memory.copy's source memory. */
    private final WasmMemory source;
    /** The first of the three operands (or unused for data.drop). */
    private final int slot;
    private final int segment;

    public BulkMemoryNode(int subOpcode, WasmInstance instance, WasmMemory memory, WasmMemory source, int slot,
                    int segment) {
        this.subOpcode = subOpcode;
        this.instance = instance;
        this.memory = memory;
        this.source = source;
        this.slot = slot;
        this.segment = segment;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (subOpcode == Opcodes.DATA_DROP) {
            instance.dropData(segment);
            return NORMAL;
        }
        // Operands are i64 where the memory they index is 64-bit (a copy's length only when
        // both are; memory.init's source and length never).
        boolean is64 = memory.is64();
        long a = Values.address(frame, slot, is64);
        long b = Values.address(frame, slot + 1, subOpcode == Opcodes.MEMORY_COPY && source.is64());
        long n = Values.address(frame, slot + 2, subOpcode == Opcodes.MEMORY_INIT ? false
                        : subOpcode == Opcodes.MEMORY_COPY ? is64 && source.is64() : is64);
        run(a, b, n);
        return NORMAL;
    }

    @TruffleBoundary
    private void run(long a, long b, long n) {
        switch (subOpcode) {
            case Opcodes.MEMORY_FILL -> {
                if (!memory.inBounds(a, n)) {
                    throw WasmTrap.create(TrapKind.MEMORY_OUT_OF_BOUNDS, this);
                }
                memory.fill(a, (byte) b, n);
            }
            case Opcodes.MEMORY_COPY -> {
                if (!memory.inBounds(a, n) || !source.inBounds(b, n)) {
                    throw WasmTrap.create(TrapKind.MEMORY_OUT_OF_BOUNDS, this);
                }
                memory.copyFrom(source, b, a, n);
            }
            case Opcodes.MEMORY_INIT -> instance.initializeMemory(memory, segment, a, b, n, this);
            default -> throw new IllegalStateException("not a bulk memory opcode: " + subOpcode);
        }
    }
}
