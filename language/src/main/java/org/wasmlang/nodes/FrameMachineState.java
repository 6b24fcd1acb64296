package org.wasmlang.nodes;

import org.wasmlang.dwarf.MachineState;
import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.WasmGlobal;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.frame.Frame;

/** A paused function's frame and instance as DWARF location expressions read them. */
final class FrameMachineState implements MachineState {
    private final Frame frame;
    private final int[] localTypes;
    private final WasmInstance instance;

    FrameMachineState(Frame frame, int[] localTypes, WasmInstance instance) {
        this.frame = frame;
        this.localTypes = localTypes;
        this.instance = instance;
    }

    @Override
    public long local(int index) {
        if (index < 0 || index >= localTypes.length) {
            throw new Unavailable("names Wasm local " + index + ", which the function does not have");
        }
        return bits(Values.box(frame, index, localTypes[index]));
    }

    @Override
    public long global(int index) {
        if (index < 0 || index >= instance.module().globalCount()) {
            throw new Unavailable("names Wasm global " + index + ", which the module does not have");
        }
        WasmGlobal global = instance.global(index);
        if (!ValueType.isNumeric(global.valueType())) {
            throw new Unavailable("names a reference global");
        }
        return bits(global.getBoxed());
    }

    /** Values between instructions are not kept as a stack (see docs/debugging.md). */
    @Override
    public long operandStackEntry(int index) {
        throw new Unavailable("on the Wasm operand stack, not shown");
    }

    @Override
    public int memoryByte(long address) {
        if (instance.module().memoryCount() == 0) {
            return -1;
        }
        WasmMemory memory = instance.memory(0);
        if (address < 0 || !memory.inBounds(address, 1)) {
            return -1;
        }
        byte[] one = new byte[1];
        memory.copyToBytes(address, one, 0, 1);
        return one[0] & 0xFF;
    }

    @Override
    public long memorySize() {
        return instance.module().memoryCount() == 0 ? 0 : instance.memory(0).byteSize();
    }

    private static long bits(Object value) {
        return switch (value) {
            case Integer i -> i & 0xFFFFFFFFL;
            case Long l -> l;
            case Float f -> Float.floatToRawIntBits(f) & 0xFFFFFFFFL;
            case Double d -> Double.doubleToRawLongBits(d);
            default -> throw new Unavailable("not a number");
        };
    }
}
