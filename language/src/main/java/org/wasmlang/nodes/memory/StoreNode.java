package org.wasmlang.nodes.memory;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.VirtualFrame;

/** Every store instruction; specializes like {@link LoadNode}. */
public abstract class StoreNode extends MemoryAccessNode {
    protected StoreNode(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        super(memory, opcode, offset, addressSlot, valueSlot);
    }

    public static StoreNode create(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        return StoreNodeGen.create(memory, opcode, offset, addressSlot, valueSlot);
    }

    @Specialization(guards = {"isByteArray(memory)", "growsSeen < MAX_CACHED_BUFFERS"}, assumptions = "bufferUnchanged")
    int doCachedBuffer(VirtualFrame frame,
                    @Cached("memory.growCount()") int growsSeen,
                    @Cached("memory.bufferUnchanged()") Assumption bufferUnchanged,
                    @Cached(value = "bufferOf(memory)", dimensions = 0) byte[] buffer) {
        store(frame, buffer);
        return NORMAL;
    }

    @Specialization(guards = "isByteArray(memory)", replaces = "doCachedBuffer")
    int doByteArray(VirtualFrame frame) {
        store(frame, bufferOf(memory));
        return NORMAL;
    }

    private void store(VirtualFrame frame, byte[] buffer) {
        long address = Integer.toUnsignedLong(frame.getIntStatic(addressSlot)) + offset;
        int value = valueSlot;
        switch (opcode) {
            case I32_STORE -> BYTES.putInt(buffer, checkedIndex(buffer, address, 4, this), frame.getIntStatic(value));
            case I64_STORE -> BYTES.putLong(buffer, checkedIndex(buffer, address, 8, this), frame.getLongStatic(value));
            case F32_STORE -> BYTES.putInt(buffer, checkedIndex(buffer, address, 4, this),
                            Float.floatToRawIntBits(frame.getFloatStatic(value)));
            case F64_STORE -> BYTES.putLong(buffer, checkedIndex(buffer, address, 8, this),
                            Double.doubleToRawLongBits(frame.getDoubleStatic(value)));
            case I32_STORE8 -> BYTES.putByte(buffer, checkedIndex(buffer, address, 1, this), (byte) frame.getIntStatic(value));
            case I32_STORE16 -> BYTES.putShort(buffer, checkedIndex(buffer, address, 2, this),
                            (short) frame.getIntStatic(value));
            case I64_STORE8 -> BYTES.putByte(buffer, checkedIndex(buffer, address, 1, this),
                            (byte) frame.getLongStatic(value));
            case I64_STORE16 -> BYTES.putShort(buffer, checkedIndex(buffer, address, 2, this),
                            (short) frame.getLongStatic(value));
            case I64_STORE32 -> BYTES.putInt(buffer, checkedIndex(buffer, address, 4, this), (int) frame.getLongStatic(value));
            default -> throw new IllegalStateException("not a store opcode: " + opcode);
        }
    }
}
