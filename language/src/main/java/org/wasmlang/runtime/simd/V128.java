package org.wasmlang.runtime.simd;

import java.nio.ByteOrder;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.memory.ByteArraySupport;

/**
 * A v128 value: 16 bytes as two longs, little-endian as in memory (byte lane 0 is the low
 * byte of {@link #lo}, byte lane 15 the high byte of {@link #hi}). Immutable, so compiled
 * code can keep its two halves in registers and drop the object (escape analysis).
 *
 * <p>Hosts see a v128 as 16 read-only bytes, both an interop buffer (Java's
 * {@code Value.readBufferInt(order, offset)}, JS typed arrays over it) and an array of
 * unsigned byte values (Python's {@code bytes(v)}, JS {@code Array.from(v)}), displayed in
 * the spec scripts' notation.
 */
@ExportLibrary(InteropLibrary.class)
public final class V128 implements TruffleObject {
    public static final V128 ZERO = new V128(0, 0);

    /** Bytes 0-7. */
    public final long lo;
    /** Bytes 8-15. */
    public final long hi;

    public V128(long lo, long hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /** The half that holds the given 64-bit lane (0 or 1). */
    public long half(int lane) {
        return lane == 0 ? lo : hi;
    }

    public int i8(int lane) {
        return (byte) (half(lane >> 3) >>> ((lane & 7) * 8));
    }

    public int i16(int lane) {
        return (short) (half(lane >> 2) >>> ((lane & 3) * 16));
    }

    public int i32(int lane) {
        return (int) (half(lane >> 1) >>> ((lane & 1) * 32));
    }

    public long i64(int lane) {
        return half(lane);
    }

    public float f32(int lane) {
        return Float.intBitsToFloat(i32(lane));
    }

    public double f64(int lane) {
        return Double.longBitsToDouble(half(lane));
    }

    public static V128 ofI32(int l0, int l1, int l2, int l3) {
        return new V128((l0 & 0xFFFFFFFFL) | ((long) l1 << 32), (l2 & 0xFFFFFFFFL) | ((long) l3 << 32));
    }

    public static V128 ofF32(float l0, float l1, float l2, float l3) {
        return ofI32(Float.floatToRawIntBits(l0), Float.floatToRawIntBits(l1), Float.floatToRawIntBits(l2),
                        Float.floatToRawIntBits(l3));
    }

    public static V128 ofF64(double l0, double l1) {
        return new V128(Double.doubleToRawLongBits(l0), Double.doubleToRawLongBits(l1));
    }

    /** From 16 bytes at {@code offset}, little-endian. */
    public static V128 fromBytes(byte[] bytes, int offset) {
        long lo = 0;
        long hi = 0;
        for (int i = 7; i >= 0; i--) {
            lo = lo << 8 | (bytes[offset + i] & 0xFF);
            hi = hi << 8 | (bytes[offset + 8 + i] & 0xFF);
        }
        return new V128(lo, hi);
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (lo >>> (8 * i));
            bytes[8 + i] = (byte) (hi >>> (8 * i));
        }
        return bytes;
    }

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return 16;
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < 16;
    }

    @ExportMessage
    int readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isArrayElementReadable(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return (int) (half((int) index >> 3) >>> (8 * (index & 7))) & 0xFF;
    }

    @ExportMessage
    boolean hasBufferElements() {
        return true;
    }

    @ExportMessage
    long getBufferSize() {
        return 16;
    }

    @ExportMessage
    boolean isBufferWritable() {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    byte readBufferByte(long offset) throws InvalidBufferOffsetException {
        return bytes(offset, 1).getByte(toBytes(), (int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    void readBuffer(long offset, byte[] destination, int destinationOffset, int length) throws InvalidBufferOffsetException {
        bytes(offset, length);
        System.arraycopy(toBytes(), (int) offset, destination, destinationOffset, length);
    }

    @ExportMessage
    @TruffleBoundary
    short readBufferShort(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return bytes(offset, 2, order).getShort(toBytes(), (int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    int readBufferInt(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return bytes(offset, 4, order).getInt(toBytes(), (int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    long readBufferLong(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return bytes(offset, 8, order).getLong(toBytes(), (int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    float readBufferFloat(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return bytes(offset, 4, order).getFloat(toBytes(), (int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    double readBufferDouble(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return bytes(offset, 8, order).getDouble(toBytes(), (int) offset);
    }

    @ExportMessage
    void writeBufferByte(long offset, byte value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferShort(ByteOrder order, long offset, short value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferInt(ByteOrder order, long offset, int value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferLong(ByteOrder order, long offset, long value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferFloat(ByteOrder order, long offset, float value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferDouble(ByteOrder order, long offset, double value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "v128.const " + this;
    }

    private static ByteArraySupport bytes(long offset, int length) throws InvalidBufferOffsetException {
        return bytes(offset, length, ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteArraySupport bytes(long offset, int length, ByteOrder order) throws InvalidBufferOffsetException {
        if (offset < 0 || offset > 16 - length) {
            throw InvalidBufferOffsetException.create(offset, length);
        }
        return order == ByteOrder.LITTLE_ENDIAN ? ByteArraySupport.littleEndian() : ByteArraySupport.bigEndian();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof V128 v && v.lo == lo && v.hi == hi;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lo) * 31 + Long.hashCode(hi);
    }

    /** The spec scripts' notation, {@code i32x4 0x... 0x... 0x... 0x...}. */
    @Override
    public String toString() {
        return String.format("i32x4 0x%08x 0x%08x 0x%08x 0x%08x", i32(0), i32(1), i32(2), i32(3));
    }
}
