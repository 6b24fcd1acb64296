package org.wasmlang.nodes.memory;

import org.wasmlang.runtime.UnsafeAccess;
import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.runtime.simd.SimdValues;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.GenerateCached;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The SIMD loads and stores (opcode: the sub-opcode after 0xFD); specializes like
 * {@link LoadNode}. Narrow loads and lane accesses read or write the bytes themselves and
 * leave the lane work (extension, splat, lane replacement or extraction) to the
 * instruction that does it ({@link SimdValues}), so each lane rule lives there once.
 */
// Generated here (the base is not), from the specializations it inherits; an annotation
// the DSL processes must name the class for that.
@GenerateCached
@ReportPolymorphism
public abstract class V128MemoryNode extends MemoryAccessNode {
    /** A lane access's result slot (its vector operand is in {@code valueSlot}), else -1. */
    private final int resultSlot;
    private final int lane;

    protected V128MemoryNode(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot, int resultSlot,
                    int lane) {
        super(memory, opcode, offset, addressSlot, valueSlot);
        this.resultSlot = resultSlot;
        this.lane = lane;
    }

    public static V128MemoryNode create(WasmMemory memory, int opcode, long offset, int addressSlot, int valueSlot,
                    int resultSlot, int lane) {
        return V128MemoryNodeGen.create(memory, opcode, offset, addressSlot, valueSlot, resultSlot, lane);
    }

    private Object vector(VirtualFrame frame) {
        return SimdValues.get(frame, valueSlot);
    }

    @Override
    void access(VirtualFrame frame, Object b, long start, long size) {
        long address = address(frame);
        switch (opcode) {
            case 0x00 -> SimdValues.set(frame, valueSlot, SimdValues.load(b, checked(start, size, address, 16)));
            case 0x0B -> SimdValues.store(vector(frame), b, checked(start, size, address, 16));
            // v128.loadNxM_s/u: 8 bytes, then i16x8/i32x4/i64x2.extend_low_*.
            case 0x01 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0x87, low64(b, start, size, address)));
            case 0x02 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0x89, low64(b, start, size, address)));
            case 0x03 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0xA7, low64(b, start, size, address)));
            case 0x04 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0xA9, low64(b, start, size, address)));
            case 0x05 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0xC7, low64(b, start, size, address)));
            case 0x06 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0xC9, low64(b, start, size, address)));
            // v128.loadN_splat: i8x16/i16x8/i32x4/i64x2.splat.
            case 0x07 -> SimdValues.set(frame, valueSlot,
                            SimdValues.splat(0x0F, UnsafeAccess.getByte(b, checked(start, size, address, 1))));
            case 0x08 -> SimdValues.set(frame, valueSlot,
                            SimdValues.splat(0x10, UnsafeAccess.getShort(b, checked(start, size, address, 2))));
            case 0x09 -> SimdValues.set(frame, valueSlot,
                            SimdValues.splat(0x11, UnsafeAccess.getInt(b, checked(start, size, address, 4))));
            case 0x0A -> SimdValues.set(frame, valueSlot,
                            SimdValues.splat(0x12, UnsafeAccess.getLong(b, checked(start, size, address, 8))));
            // v128.loadN_lane: the bytes replace one lane (i8x16 ... i64x2.replace_lane).
            case 0x54 -> SimdValues.set(frame, resultSlot, SimdValues.replaceLane(0x17, vector(frame), lane,
                            UnsafeAccess.getByte(b, checked(start, size, address, 1))));
            case 0x55 -> SimdValues.set(frame, resultSlot, SimdValues.replaceLane(0x1A, vector(frame), lane,
                            UnsafeAccess.getShort(b, checked(start, size, address, 2))));
            case 0x56 -> SimdValues.set(frame, resultSlot, SimdValues.replaceLane(0x1C, vector(frame), lane,
                            UnsafeAccess.getInt(b, checked(start, size, address, 4))));
            case 0x57 -> SimdValues.set(frame, resultSlot, SimdValues.replaceLane(0x1E, vector(frame), lane,
                            UnsafeAccess.getLong(b, checked(start, size, address, 8))));
            // v128.storeN_lane: one lane's bytes (extract_lane_u ... i64x2.extract_lane).
            case 0x58 -> UnsafeAccess.putByte(b, checked(start, size, address, 1),
                            (byte) SimdValues.extractLane(0x16, vector(frame), lane));
            case 0x59 -> UnsafeAccess.putShort(b, checked(start, size, address, 2),
                            (short) SimdValues.extractLane(0x19, vector(frame), lane));
            case 0x5A -> UnsafeAccess.putInt(b, checked(start, size, address, 4),
                            (int) SimdValues.extractLane(0x1B, vector(frame), lane));
            case 0x5B -> UnsafeAccess.putLong(b, checked(start, size, address, 8),
                            SimdValues.extractLane(0x1D, vector(frame), lane));
            // v128.load32_zero/load64_zero.
            case 0x5C -> SimdValues.set(frame, valueSlot,
                            SimdValues.lowLane(UnsafeAccess.getInt(b, checked(start, size, address, 4)), false));
            case 0x5D -> SimdValues.set(frame, valueSlot,
                            SimdValues.lowLane(UnsafeAccess.getLong(b, checked(start, size, address, 8)), true));
            default -> throw CompilerDirectives.shouldNotReachHere("not a SIMD memory opcode: " + opcode);
        }
    }

    /** 8 bytes as the low half of a vector, for the extending loads. */
    private Object low64(Object b, long start, long size, long address) {
        return SimdValues.lowLane(UnsafeAccess.getLong(b, checked(start, size, address, 8)), true);
    }
}
