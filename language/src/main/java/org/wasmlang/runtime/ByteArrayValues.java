package org.wasmlang.runtime;

import java.nio.ByteOrder;

import org.wasmlang.interop.ValueConversion;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.memory.ByteArraySupport;

/**
 * Bytes copied out of a memory ({@code memory.read(ptr, len)}): a read-only array of unsigned
 * values 0..255, which Python turns into {@code bytes(...)} and JavaScript into
 * {@code new Uint8Array(...)}, and a read-only buffer for Java ({@code Value.readBuffer}).
 */
@ExportLibrary(InteropLibrary.class)
public final class ByteArrayValues implements TruffleObject {
    private final byte[] bytes;

    ByteArrayValues(byte[] bytes) {
        this.bytes = bytes;
    }

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return bytes.length;
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < bytes.length;
    }

    @ExportMessage
    int readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isArrayElementReadable(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return bytes[(int) index] & 0xFF;
    }

    @ExportMessage
    boolean hasBufferElements() {
        return true;
    }

    @ExportMessage
    long getBufferSize() {
        return bytes.length;
    }

    @ExportMessage
    byte readBufferByte(long offset) throws InvalidBufferOffsetException {
        if (offset < 0 || offset >= bytes.length) {
            throw InvalidBufferOffsetException.create(offset, 1);
        }
        return bytes[(int) offset];
    }

    @ExportMessage
    @TruffleBoundary
    void readBuffer(long offset, byte[] destination, int destinationOffset, int length)
                    throws InvalidBufferOffsetException {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw InvalidBufferOffsetException.create(offset, length);
        }
        System.arraycopy(bytes, (int) offset, destination, destinationOffset, length);
    }

    private void check(long offset, int length) throws InvalidBufferOffsetException {
        if (offset < 0 || offset > bytes.length - length) {
            throw InvalidBufferOffsetException.create(offset, length);
        }
    }

    private static ByteArraySupport order(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? ByteArraySupport.littleEndian() : ByteArraySupport.bigEndian();
    }

    @ExportMessage
    short readBufferShort(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        check(offset, 2);
        return order(order).getShort(bytes, (int) offset);
    }

    @ExportMessage
    int readBufferInt(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        check(offset, 4);
        return order(order).getInt(bytes, (int) offset);
    }

    @ExportMessage
    long readBufferLong(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        check(offset, 8);
        return order(order).getLong(bytes, (int) offset);
    }

    @ExportMessage
    float readBufferFloat(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        check(offset, 4);
        return order(order).getFloat(bytes, (int) offset);
    }

    @ExportMessage
    double readBufferDouble(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        check(offset, 8);
        return order(order).getDouble(bytes, (int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "bytes[" + bytes.length + "]";
    }

    /** One byte from a host number: 0..255, or -128..-1 for a Java byte. */
    @TruffleBoundary
    public static byte byteOf(Object value, String what) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        try {
            if (interop.fitsInInt(value)) {
                int v = interop.asInt(value);
                if (v >= -128 && v <= 255) {
                    return (byte) v;
                }
            }
        } catch (InteropException e) {
            // Reported below.
        }
        throw UnsupportedTypeException.create(new Object[]{value}, what + " must be a byte (0..255), got "
                        + ValueConversion.describe(value));
    }

    /** Bytes from a host buffer (a memory, Python bytes, Java ByteBuffer) or array of byte values. */
    @TruffleBoundary
    public static byte[] bytesOf(Object value, String what) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        try {
            if (interop.hasBufferElements(value)) {
                byte[] bytes = new byte[Math.toIntExact(interop.getBufferSize(value))];
                interop.readBuffer(value, 0, bytes, 0, bytes.length);
                return bytes;
            }
            if (interop.hasArrayElements(value)) {
                byte[] bytes = new byte[Math.toIntExact(interop.getArraySize(value))];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = byteOf(interop.readArrayElement(value, i), what + "[" + i + "]");
                }
                return bytes;
            }
        } catch (InteropException | ArithmeticException e) {
            if (e instanceof UnsupportedTypeException u) {
                throw u;
            }
            // Reported below.
        }
        throw UnsupportedTypeException.create(new Object[]{value}, what + " must be bytes (a buffer or an array of"
                        + " byte values), got " + ValueConversion.describe(value)
                        + " (a Java byte[] is an array only when the Context's HostAccess allows array access)");
    }
}
