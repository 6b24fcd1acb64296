package org.wasmlang.nodes.memory;

import org.wasmlang.binary.Opcodes;
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
    /** The first of the three operands (or unused for data.drop). */
    private final int slot;
    private final int segment;

    public BulkMemoryNode(int subOpcode, WasmInstance instance, WasmMemory memory, int slot, int segment) {
        this.subOpcode = subOpcode;
        this.instance = instance;
        this.memory = memory;
        this.slot = slot;
        this.segment = segment;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (subOpcode == Opcodes.DATA_DROP) {
            instance.dropData(segment);
            return NORMAL;
        }
        long a = Integer.toUnsignedLong(frame.getIntStatic(slot));
        long b = Integer.toUnsignedLong(frame.getIntStatic(slot + 1));
        long n = Integer.toUnsignedLong(frame.getIntStatic(slot + 2));
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
                if (!memory.inBounds(a, n) || !memory.inBounds(b, n)) {
                    throw WasmTrap.create(TrapKind.MEMORY_OUT_OF_BOUNDS, this);
                }
                memory.copyWithin(a, b, n);
            }
            case Opcodes.MEMORY_INIT -> instance.initializeMemory(memory, segment, a, b, n, this);
            default -> throw new IllegalStateException("not a bulk memory opcode: " + subOpcode);
        }
    }
}
