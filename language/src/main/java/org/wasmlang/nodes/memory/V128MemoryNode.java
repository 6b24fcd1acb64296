package org.wasmlang.nodes.memory;

import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.runtime.simd.SimdValues;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The SIMD loads and stores (opcode: the sub-opcode after 0xFD); specializes like
 * {@link LoadNode}. Narrow loads and lane accesses read or write the bytes themselves and
 * leave the lane work (extension, splat, lane replacement or extraction) to the
 * instruction that does it ({@link SimdValues}), so each lane rule lives there once.
 */
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

    @Specialization(guards = {"isByteArray(memory)", "growsSeen < MAX_CACHED_BUFFERS"}, assumptions = "bufferUnchanged")
    int doCachedBuffer(VirtualFrame frame,
                    @Cached("memory.growCount()") int growsSeen,
                    @Cached("memory.bufferUnchanged()") Assumption bufferUnchanged,
                    @Cached(value = "bufferOf(memory)", dimensions = 0) byte[] buffer) {
        access(frame, buffer);
        return NORMAL;
    }

    @Specialization(guards = "isByteArray(memory)", replaces = "doCachedBuffer")
    int doByteArray(VirtualFrame frame) {
        access(frame, bufferOf(memory));
        return NORMAL;
    }

    private Object vector(VirtualFrame frame) {
        return SimdValues.get(frame, valueSlot);
    }

    private void access(VirtualFrame frame, byte[] buffer) {
        long address = Integer.toUnsignedLong(frame.getIntStatic(addressSlot)) + offset;
        switch (opcode) {
            case 0x00 -> SimdValues.set(frame, valueSlot, SimdValues.load(buffer, checkedIndex(buffer, address, 16, this)));
            case 0x0B -> SimdValues.store(vector(frame), buffer, checkedIndex(buffer, address, 16, this));
            // v128.loadNxM_s/u: 8 bytes, then i16x8/i32x4/i64x2.extend_low_*.
            case 0x01 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0x87, low64(buffer, address)));
            case 0x02 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0x89, low64(buffer, address)));
            case 0x03 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0xA7, low64(buffer, address)));
            case 0x04 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0xA9, low64(buffer, address)));
            case 0x05 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0xC7, low64(buffer, address)));
            case 0x06 -> SimdValues.set(frame, valueSlot, SimdValues.unary(0xC9, low64(buffer, address)));
            // v128.loadN_splat: i8x16/i16x8/i32x4/i64x2.splat.
            case 0x07 -> SimdValues.set(frame, valueSlot,
                            SimdValues.splat(0x0F, BYTES.getByte(buffer, checkedIndex(buffer, address, 1, this))));
            case 0x08 -> SimdValues.set(frame, valueSlot,
                            SimdValues.splat(0x10, BYTES.getShort(buffer, checkedIndex(buffer, address, 2, this))));
            case 0x09 -> SimdValues.set(frame, valueSlot,
                            SimdValues.splat(0x11, BYTES.getInt(buffer, checkedIndex(buffer, address, 4, this))));
            case 0x0A -> SimdValues.set(frame, valueSlot,
                            SimdValues.splat(0x12, BYTES.getLong(buffer, checkedIndex(buffer, address, 8, this))));
            // v128.loadN_lane: the bytes replace one lane (i8x16 ... i64x2.replace_lane).
            case 0x54 -> SimdValues.set(frame, resultSlot, SimdValues.replaceLane(0x17, vector(frame), lane,
                            BYTES.getByte(buffer, checkedIndex(buffer, address, 1, this))));
            case 0x55 -> SimdValues.set(frame, resultSlot, SimdValues.replaceLane(0x1A, vector(frame), lane,
                            BYTES.getShort(buffer, checkedIndex(buffer, address, 2, this))));
            case 0x56 -> SimdValues.set(frame, resultSlot, SimdValues.replaceLane(0x1C, vector(frame), lane,
                            BYTES.getInt(buffer, checkedIndex(buffer, address, 4, this))));
            case 0x57 -> SimdValues.set(frame, resultSlot, SimdValues.replaceLane(0x1E, vector(frame), lane,
                            BYTES.getLong(buffer, checkedIndex(buffer, address, 8, this))));
            // v128.storeN_lane: one lane's bytes (extract_lane_u ... i64x2.extract_lane).
            case 0x58 -> BYTES.putByte(buffer, checkedIndex(buffer, address, 1, this),
                            (byte) SimdValues.extractLane(0x16, vector(frame), lane));
            case 0x59 -> BYTES.putShort(buffer, checkedIndex(buffer, address, 2, this),
                            (short) SimdValues.extractLane(0x19, vector(frame), lane));
            case 0x5A -> BYTES.putInt(buffer, checkedIndex(buffer, address, 4, this),
                            (int) SimdValues.extractLane(0x1B, vector(frame), lane));
            case 0x5B -> BYTES.putLong(buffer, checkedIndex(buffer, address, 8, this),
                            SimdValues.extractLane(0x1D, vector(frame), lane));
            // v128.load32_zero/load64_zero.
            case 0x5C -> SimdValues.set(frame, valueSlot,
                            SimdValues.lowLane(BYTES.getInt(buffer, checkedIndex(buffer, address, 4, this)), false));
            case 0x5D -> SimdValues.set(frame, valueSlot,
                            SimdValues.lowLane(BYTES.getLong(buffer, checkedIndex(buffer, address, 8, this)), true));
            default -> throw CompilerDirectives.shouldNotReachHere("not a SIMD memory opcode: " + opcode);
        }
    }

    /** 8 bytes as the low half of a vector, for the extending loads. */
    private Object low64(byte[] buffer, long address) {
        return SimdValues.lowLane(BYTES.getLong(buffer, checkedIndex(buffer, address, 8, this)), true);
    }
}
