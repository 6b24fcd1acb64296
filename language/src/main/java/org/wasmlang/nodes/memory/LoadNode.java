package org.wasmlang.nodes.memory;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.runtime.UnsafeAccess;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.dsl.GenerateCached;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import com.oracle.truffle.api.frame.VirtualFrame;

/** Every load instruction; {@link MemoryAccessNode} specializes it on the memory's storage. */
// Generated here (the base is not), from the specializations it inherits; an annotation
// the DSL processes must name the class for that.
@GenerateCached
@ReportPolymorphism
public abstract class LoadNode extends MemoryAccessNode {
    protected LoadNode(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        super(memory, opcode, offset, addressSlot, valueSlot);
    }

    public static LoadNode create(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        return LoadNodeGen.create(memory, opcode, offset, addressSlot, valueSlot);
    }

    @Override
    void access(VirtualFrame frame, Object b, long start, long size) {
        long address = address(frame);
        switch (opcode) {
            case I32_LOAD -> frame.setIntStatic(valueSlot, UnsafeAccess.getInt(b, checked(start, size, address, 4)));
            case I64_LOAD -> frame.setLongStatic(valueSlot, UnsafeAccess.getLong(b, checked(start, size, address, 8)));
            case F32_LOAD -> frame.setFloatStatic(valueSlot, UnsafeAccess.getFloat(b, checked(start, size, address, 4)));
            case F64_LOAD -> frame.setDoubleStatic(valueSlot, UnsafeAccess.getDouble(b, checked(start, size, address, 8)));
            case I32_LOAD8_S -> frame.setIntStatic(valueSlot, UnsafeAccess.getByte(b, checked(start, size, address, 1)));
            case I32_LOAD8_U -> frame.setIntStatic(valueSlot, UnsafeAccess.getByte(b, checked(start, size, address, 1)) & 0xFF);
            case I32_LOAD16_S -> frame.setIntStatic(valueSlot, UnsafeAccess.getShort(b, checked(start, size, address, 2)));
            case I32_LOAD16_U -> frame.setIntStatic(valueSlot,
                            UnsafeAccess.getShort(b, checked(start, size, address, 2)) & 0xFFFF);
            case I64_LOAD8_S -> frame.setLongStatic(valueSlot, UnsafeAccess.getByte(b, checked(start, size, address, 1)));
            case I64_LOAD8_U -> frame.setLongStatic(valueSlot,
                            UnsafeAccess.getByte(b, checked(start, size, address, 1)) & 0xFFL);
            case I64_LOAD16_S -> frame.setLongStatic(valueSlot, UnsafeAccess.getShort(b, checked(start, size, address, 2)));
            case I64_LOAD16_U -> frame.setLongStatic(valueSlot,
                            UnsafeAccess.getShort(b, checked(start, size, address, 2)) & 0xFFFFL);
            case I64_LOAD32_S -> frame.setLongStatic(valueSlot, UnsafeAccess.getInt(b, checked(start, size, address, 4)));
            case I64_LOAD32_U -> frame.setLongStatic(valueSlot,
                            UnsafeAccess.getInt(b, checked(start, size, address, 4)) & 0xFFFFFFFFL);
            default -> throw new IllegalStateException("not a load opcode: " + opcode);
        }
    }
}
