package org.wasmlang.nodes.memory;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.runtime.UnsafeAccess;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.dsl.GenerateCached;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import com.oracle.truffle.api.frame.VirtualFrame;

/** Every store instruction; specializes like {@link LoadNode}. */
// Generated here (the base is not), from the specializations it inherits; an annotation
// the DSL processes must name the class for that.
@GenerateCached
@ReportPolymorphism
public abstract class StoreNode extends MemoryAccessNode {
    protected StoreNode(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        super(memory, opcode, offset, addressSlot, valueSlot);
    }

    public static StoreNode create(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot) {
        return StoreNodeGen.create(memory, opcode, offset, addressSlot, valueSlot);
    }

    @Override
    void access(VirtualFrame frame, Object b, long start, long size) {
        long address = address(frame);
        int value = valueSlot;
        switch (opcode) {
            case I32_STORE -> UnsafeAccess.putInt(b, checked(start, size, address, 4), frame.getIntStatic(value));
            case I64_STORE -> UnsafeAccess.putLong(b, checked(start, size, address, 8), frame.getLongStatic(value));
            case F32_STORE -> UnsafeAccess.putInt(b, checked(start, size, address, 4),
                            Float.floatToRawIntBits(frame.getFloatStatic(value)));
            case F64_STORE -> UnsafeAccess.putLong(b, checked(start, size, address, 8),
                            Double.doubleToRawLongBits(frame.getDoubleStatic(value)));
            case I32_STORE8 -> UnsafeAccess.putByte(b, checked(start, size, address, 1), (byte) frame.getIntStatic(value));
            case I32_STORE16 -> UnsafeAccess.putShort(b, checked(start, size, address, 2),
                            (short) frame.getIntStatic(value));
            case I64_STORE8 -> UnsafeAccess.putByte(b, checked(start, size, address, 1),
                            (byte) frame.getLongStatic(value));
            case I64_STORE16 -> UnsafeAccess.putShort(b, checked(start, size, address, 2),
                            (short) frame.getLongStatic(value));
            case I64_STORE32 -> UnsafeAccess.putInt(b, checked(start, size, address, 4), (int) frame.getLongStatic(value));
            default -> throw new IllegalStateException("not a store opcode: " + opcode);
        }
    }
}
