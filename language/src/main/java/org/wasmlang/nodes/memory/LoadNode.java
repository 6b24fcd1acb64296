package org.wasmlang.nodes.memory;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Every load instruction. It specializes on the memory implementation and, while the
 * memory does not grow, on its current buffer (a constant in compiled code, guarded by the
 * memory's assumption). A memory that keeps growing ends in the generic case that reads
 * the buffer field on each access.
 */
public abstract class LoadNode extends MemoryAccessNode {
    protected LoadNode(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        super(memory, opcode, offset, addressSlot, valueSlot);
    }

    public static LoadNode create(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        return LoadNodeGen.create(memory, opcode, offset, addressSlot, valueSlot);
    }

    @Specialization(guards = {"isByteArray(memory)", "growsSeen < MAX_CACHED_BUFFERS"}, assumptions = "bufferUnchanged")
    int doCachedBuffer(VirtualFrame frame,
                    @Cached("memory.growCount()") int growsSeen,
                    @Cached("memory.bufferUnchanged()") Assumption bufferUnchanged,
                    @Cached(value = "bufferOf(memory)", dimensions = 0) byte[] buffer) {
        load(frame, buffer);
        return NORMAL;
    }

    @Specialization(guards = "isByteArray(memory)", replaces = "doCachedBuffer")
    int doByteArray(VirtualFrame frame) {
        load(frame, bufferOf(memory));
        return NORMAL;
    }

    private void load(VirtualFrame frame, byte[] buffer) {
        long address = Integer.toUnsignedLong(frame.getIntStatic(addressSlot)) + offset;
        switch (opcode) {
            case I32_LOAD -> frame.setIntStatic(valueSlot, BYTES.getInt(buffer, checkedIndex(buffer, address, 4, this)));
            case I64_LOAD -> frame.setLongStatic(valueSlot, BYTES.getLong(buffer, checkedIndex(buffer, address, 8, this)));
            case F32_LOAD -> frame.setFloatStatic(valueSlot, BYTES.getFloat(buffer, checkedIndex(buffer, address, 4, this)));
            case F64_LOAD -> frame.setDoubleStatic(valueSlot, BYTES.getDouble(buffer, checkedIndex(buffer, address, 8, this)));
            case I32_LOAD8_S -> frame.setIntStatic(valueSlot, BYTES.getByte(buffer, checkedIndex(buffer, address, 1, this)));
            case I32_LOAD8_U -> frame.setIntStatic(valueSlot, BYTES.getByte(buffer, checkedIndex(buffer, address, 1, this)) & 0xFF);
            case I32_LOAD16_S -> frame.setIntStatic(valueSlot, BYTES.getShort(buffer, checkedIndex(buffer, address, 2, this)));
            case I32_LOAD16_U -> frame.setIntStatic(valueSlot,
                            BYTES.getShort(buffer, checkedIndex(buffer, address, 2, this)) & 0xFFFF);
            case I64_LOAD8_S -> frame.setLongStatic(valueSlot, BYTES.getByte(buffer, checkedIndex(buffer, address, 1, this)));
            case I64_LOAD8_U -> frame.setLongStatic(valueSlot,
                            BYTES.getByte(buffer, checkedIndex(buffer, address, 1, this)) & 0xFFL);
            case I64_LOAD16_S -> frame.setLongStatic(valueSlot, BYTES.getShort(buffer, checkedIndex(buffer, address, 2, this)));
            case I64_LOAD16_U -> frame.setLongStatic(valueSlot,
                            BYTES.getShort(buffer, checkedIndex(buffer, address, 2, this)) & 0xFFFFL);
            case I64_LOAD32_S -> frame.setLongStatic(valueSlot, BYTES.getInt(buffer, checkedIndex(buffer, address, 4, this)));
            case I64_LOAD32_U -> frame.setLongStatic(valueSlot,
                            BYTES.getInt(buffer, checkedIndex(buffer, address, 4, this)) & 0xFFFFFFFFL);
            default -> throw new IllegalStateException("not a load opcode: " + opcode);
        }
    }
}
