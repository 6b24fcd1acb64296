package org.wasmlang.runtime;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.wasmlang.interop.ObjectArray;
import org.wasmlang.interop.ValueConversion;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.memory.ByteArraySupport;

/**
 * A memory on a Java {@code byte[]}: up to 2 GiB, the default implementation.
 *
 * <p>Hosts see it as an interop buffer (bulk and typed reads and writes at byte offsets,
 * in either byte order) with members {@code pages}, {@code byteLength}, {@code grow(pages)},
 * {@code readString(ptr, len)}, {@code writeString(ptr, string)} and
 * {@code readCString(ptr)}, {@code read(ptr, len)} (a copy, as an array of byte values) and
 * {@code write(ptr, bytes)} (from a buffer or an array of byte values), for hosts such as
 * GraalPy that do not view foreign buffers. It is deliberately not an array: printing a
 * memory must not list its bytes. Out-of-range accesses raise
 * {@code InvalidBufferOffsetException} or an error naming the range; they never touch the
 * guest's state.
 */
@ExportLibrary(InteropLibrary.class)
public final class ByteArrayMemory extends WasmMemory {
    private static final ByteArraySupport LITTLE = ByteArraySupport.littleEndian();
    private static final ByteArraySupport BIG = ByteArraySupport.bigEndian();
    static final String PAGES = "pages";
    static final String BYTE_LENGTH = "byteLength";
    static final String GROW = "grow";
    static final String READ_STRING = "readString";
    static final String WRITE_STRING = "writeString";
    static final String READ_C_STRING = "readCString";
    static final String READ = "read";
    static final String WRITE = "write";

    /** The largest byte[] the JVM reliably allocates is a little under 2^31 bytes. */
    static final long MAX_PAGES = (Integer.MAX_VALUE - 8) / PAGE_SIZE;

    private byte[] buffer;

    public ByteArrayMemory(long initialPages, long maxPages) {
        super(maxPages);
        if (initialPages > MAX_PAGES) {
            throw new IllegalArgumentException("a memory of " + initialPages + " pages exceeds the " + MAX_PAGES
                            + "-page limit of byte[] memories");
        }
        this.buffer = new byte[(int) (initialPages * PAGE_SIZE)];
    }

    /** The current storage; it changes when the memory grows. */
    public byte[] buffer() {
        return buffer;
    }

    @Override
    public long byteSize() {
        return buffer.length;
    }

    @Override
    protected long implementationMaxPages() {
        return MAX_PAGES;
    }

    @Override
    protected boolean resize(long newPages) {
        try {
            buffer = Arrays.copyOf(buffer, (int) (newPages * PAGE_SIZE));
            return true;
        } catch (OutOfMemoryError e) {
            // memory.grow may fail; the guest sees -1 rather than the JVM failing.
            return false;
        }
    }

    @Override
    public void copyFromBytes(long destination, byte[] source, int sourceOffset, int length) {
        System.arraycopy(source, sourceOffset, buffer, (int) destination, length);
    }

    @Override
    public void copyToBytes(long source, byte[] destination, int destinationOffset, int length) {
        System.arraycopy(buffer, (int) source, destination, destinationOffset, length);
    }

    @Override
    public void copyWithin(long destination, long source, long length) {
        System.arraycopy(buffer, (int) source, buffer, (int) destination, (int) length);
    }

    @Override
    public void fill(long destination, byte value, long length) {
        Arrays.fill(buffer, (int) destination, (int) (destination + length), value);
    }

    // ---- interop: a buffer -------------------------------------------------------------

    private static ByteArraySupport order(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? LITTLE : BIG;
    }

    private void check(long offset, long length) throws InvalidBufferOffsetException {
        if (!inBounds(offset, length)) {
            throw InvalidBufferOffsetException.create(offset, length);
        }
    }

    @ExportMessage
    boolean hasBufferElements() {
        return true;
    }

    @ExportMessage
    boolean isBufferWritable() {
        return true;
    }

    @ExportMessage
    long getBufferSize() {
        return buffer.length;
    }

    @ExportMessage
    @TruffleBoundary
    void readBuffer(long byteOffset, byte[] destination, int destinationOffset, int length)
                    throws InvalidBufferOffsetException {
        check(byteOffset, length);
        System.arraycopy(buffer, (int) byteOffset, destination, destinationOffset, length);
    }

    @ExportMessage
    byte readBufferByte(long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 1);
        return buffer[(int) byteOffset];
    }

    @ExportMessage
    void writeBufferByte(long byteOffset, byte value) throws InvalidBufferOffsetException {
        check(byteOffset, 1);
        buffer[(int) byteOffset] = value;
    }

    @ExportMessage
    short readBufferShort(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 2);
        return order(order).getShort(buffer, (int) byteOffset);
    }

    @ExportMessage
    void writeBufferShort(ByteOrder order, long byteOffset, short value) throws InvalidBufferOffsetException {
        check(byteOffset, 2);
        order(order).putShort(buffer, (int) byteOffset, value);
    }

    @ExportMessage
    int readBufferInt(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 4);
        return order(order).getInt(buffer, (int) byteOffset);
    }

    @ExportMessage
    void writeBufferInt(ByteOrder order, long byteOffset, int value) throws InvalidBufferOffsetException {
        check(byteOffset, 4);
        order(order).putInt(buffer, (int) byteOffset, value);
    }

    @ExportMessage
    long readBufferLong(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 8);
        return order(order).getLong(buffer, (int) byteOffset);
    }

    @ExportMessage
    void writeBufferLong(ByteOrder order, long byteOffset, long value) throws InvalidBufferOffsetException {
        check(byteOffset, 8);
        order(order).putLong(buffer, (int) byteOffset, value);
    }

    @ExportMessage
    float readBufferFloat(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 4);
        return order(order).getFloat(buffer, (int) byteOffset);
    }

    @ExportMessage
    void writeBufferFloat(ByteOrder order, long byteOffset, float value) throws InvalidBufferOffsetException {
        check(byteOffset, 4);
        order(order).putFloat(buffer, (int) byteOffset, value);
    }

    @ExportMessage
    double readBufferDouble(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 8);
        return order(order).getDouble(buffer, (int) byteOffset);
    }

    @ExportMessage
    void writeBufferDouble(ByteOrder order, long byteOffset, double value) throws InvalidBufferOffsetException {
        check(byteOffset, 8);
        order(order).putDouble(buffer, (int) byteOffset, value);
    }

    // ---- interop: members -------------------------------------------------------------

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(PAGES, BYTE_LENGTH, GROW, READ_STRING, WRITE_STRING, READ_C_STRING, READ, WRITE);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return PAGES.equals(member) || BYTE_LENGTH.equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (PAGES.equals(member)) {
            return pages();
        } else if (BYTE_LENGTH.equals(member)) {
            return byteSize();
        }
        throw UnknownIdentifierException.create(member);
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return switch (member) {
            case GROW, READ_STRING, WRITE_STRING, READ_C_STRING, READ, WRITE -> true;
            default -> false;
        };
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException,
                    UnsupportedTypeException {
        switch (member) {
            case GROW -> {
                ValueConversion.checkArity(arguments, 1, 1);
                long old = grow(ValueConversion.nonNegative(arguments[0], "argument 1"));
                if (old < 0) {
                    throw new WasmHostException("memory.grow failed: " + pages() + " pages cannot grow by "
                                    + ValueConversion.describe(arguments[0]) + " (maximum " + (declaredMaxPages() < 0
                                                    ? "none declared" : declaredMaxPages() + " pages") + ")");
                }
                return old;
            }
            case READ_STRING -> {
                ValueConversion.checkArity(arguments, 2, 2);
                long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                long length = ValueConversion.nonNegative(arguments[1], "argument 2");
                requireRange(pointer, length);
                return new String(buffer, (int) pointer, (int) length, StandardCharsets.UTF_8);
            }
            case READ_C_STRING -> {
                ValueConversion.checkArity(arguments, 1, 1);
                long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                requireRange(pointer, 0);
                int end = (int) pointer;
                while (end < buffer.length && buffer[end] != 0) {
                    end++;
                }
                if (end == buffer.length) {
                    throw new WasmHostException("readCString(" + pointer + "): no NUL byte before the end of memory");
                }
                return new String(buffer, (int) pointer, end - (int) pointer, StandardCharsets.UTF_8);
            }
            case WRITE_STRING -> {
                ValueConversion.checkArity(arguments, 2, 2);
                long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                InteropLibrary strings = InteropLibrary.getUncached(arguments[1]);
                if (!strings.isString(arguments[1])) {
                    throw UnsupportedTypeException.create(arguments, "argument 2 of writeString must be a string");
                }
                byte[] utf8;
                try {
                    utf8 = strings.asString(arguments[1]).getBytes(StandardCharsets.UTF_8);
                } catch (UnsupportedMessageException e) {
                    throw UnsupportedTypeException.create(arguments, "argument 2 of writeString must be a string");
                }
                requireRange(pointer, utf8.length);
                System.arraycopy(utf8, 0, buffer, (int) pointer, utf8.length);
                return utf8.length;
            }
            case READ -> {
                ValueConversion.checkArity(arguments, 2, 2);
                long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                long length = ValueConversion.nonNegative(arguments[1], "argument 2");
                requireRange(pointer, length);
                return new ByteArrayValues(Arrays.copyOfRange(buffer, (int) pointer, (int) (pointer + length)));
            }
            case WRITE -> {
                ValueConversion.checkArity(arguments, 2, 2);
                long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                byte[] bytes = ByteArrayValues.bytesOf(arguments[1], "write: argument 2");
                requireRange(pointer, bytes.length);
                System.arraycopy(bytes, 0, buffer, (int) pointer, bytes.length);
                return bytes.length;
            }
            default -> throw UnknownIdentifierException.create(member);
        }
    }

    private void requireRange(long pointer, long length) {
        if (!inBounds(pointer, length)) {
            throw new WasmHostException("bytes " + pointer + ".." + (pointer + length) + " are outside the memory of "
                            + buffer.length + " bytes");
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Memory[" + pages() + " pages]";
    }
}
