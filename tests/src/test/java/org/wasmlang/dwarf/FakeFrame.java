package org.wasmlang.dwarf;

import java.util.HashMap;
import java.util.Map;

import org.wasmlang.module.ConstantExpression;
import org.wasmlang.module.DataSegment;
import org.wasmlang.module.Module;
import org.wasmlang.module.SegmentMode;

/** A paused frame made by hand: locals, globals and a memory the tests fill. */
final class FakeFrame implements MachineState {
    final byte[] memory;
    final Map<Integer, Long> locals = new HashMap<>();
    final Map<Integer, Long> globals = new HashMap<>();

    FakeFrame(int memorySize) {
        memory = new byte[memorySize];
    }

    /** A memory holding the module's active data segments, as after instantiation. */
    static FakeFrame withData(Module module, int memorySize) {
        FakeFrame f = new FakeFrame(memorySize);
        for (int i = 0; i < module.dataSegmentCount(); i++) {
            DataSegment d = module.dataSegment(i);
            if (d.mode() == SegmentMode.ACTIVE) {
                ConstantExpression at = d.offset();
                System.arraycopy(module.bytes(), d.dataOffset(), f.memory, (int) at.immediate(0), d.dataLength());
            }
        }
        return f;
    }

    FakeFrame putInt(long address, int value) {
        for (int i = 0; i < 4; i++) {
            memory[(int) address + i] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    FakeFrame putLong(long address, long value) {
        for (int i = 0; i < 8; i++) {
            memory[(int) address + i] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    FakeFrame putBytes(long address, byte[] bytes) {
        System.arraycopy(bytes, 0, memory, (int) address, bytes.length);
        return this;
    }

    @Override
    public long local(int index) {
        Long v = locals.get(index);
        if (v == null) {
            throw new Unavailable("no local " + index);
        }
        return v;
    }

    @Override
    public long global(int index) {
        Long v = globals.get(index);
        if (v == null) {
            throw new Unavailable("no global " + index);
        }
        return v;
    }

    @Override
    public long operandStackEntry(int index) {
        throw new Unavailable("operand stack not known");
    }

    @Override
    public int memoryByte(long address) {
        return address >= 0 && address < memory.length ? memory[(int) address] & 0xFF : -1;
    }

    @Override
    public long memorySize() {
        return memory.length;
    }
}
