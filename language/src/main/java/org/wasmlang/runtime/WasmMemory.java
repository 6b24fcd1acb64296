package org.wasmlang.runtime;

import java.lang.management.ManagementFactory;
import java.lang.ref.Cleaner;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.wasmlang.interop.ObjectArray;
import org.wasmlang.interop.ValueConversion;
import org.wasmlang.limits.ContextLimits;
import org.wasmlang.limits.MemoryReservation;
import org.wasmlang.module.Limits;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A linear memory, on one of two kinds of storage:
 * <ul>
 * <li>a Java {@code byte[]} (up to {@link #MAX_HEAP_PAGES}, 2 GiB), for 32-bit memories: the
 * garbage collector owns it and access nodes can cache it as a constant while it does not
 * grow;</li>
 * <li>native memory off the Java heap, for 64-bit memories, for 32-bit memories that grow
 * past the array limit (they move there then, up to 4 GiB), and for every memory when the
 * embedder sets {@code wasmlang.OffHeapMemory}. It is freed when its context closes, or
 * earlier when the memory becomes unreachable.</li>
 * </ul>
 * A memory also moves off the heap (or starts there) when the {@code byte[]} would pass the
 * {@link org.wasmlang.limits.HeapGuard}, and its size counts against its context's
 * {@code wasmlang.MemoryLimit} ({@link MemoryReservation}).
 * {@link UnsafeAccess} reads and writes both kinds, so every instruction and host operation
 * is written once; access nodes specialize on the kind ({@link #onHeap()}, guarded by
 * {@link #stillOnHeap()}).
 *
 * <p>Hosts see a memory as an interop buffer (bulk and typed reads and writes at byte
 * offsets, in either byte order) with members {@code pages}, {@code byteLength},
 * {@code grow(pages)}, {@code readString(ptr, len)}, {@code writeString(ptr, string)} and
 * {@code readCString(ptr)}, {@code read(ptr, len)} (a copy, as an array of byte values) and
 * {@code write(ptr, bytes)} (from a buffer or an array of byte values), for hosts such as
 * GraalPy that do not view foreign buffers. It is deliberately not an array: printing a
 * memory must not list its bytes. Out-of-range accesses raise
 * {@code InvalidBufferOffsetException} or an error naming the range; they never touch the
 * guest's state.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmMemory implements TruffleObject {
    public static final int PAGE_SIZE = 65536;
    /** The largest byte[] the JVM reliably allocates is a little under 2^31 bytes. */
    public static final long MAX_HEAP_PAGES = (Integer.MAX_VALUE - 8) / PAGE_SIZE;
    /** A 32-bit memory addresses 4 GiB. */
    public static final long MAX_PAGES_32 = 65536;
    /** A 64-bit memory addresses 2^64 bytes, 2^48 pages. */
    public static final long MAX_PAGES_64 = 1L << 48;

    private static final Cleaner CLEANER = Cleaner.create();

    static final String PAGES = "pages";
    static final String BYTE_LENGTH = "byteLength";
    /** The JS API's {@code memory.buffer}: here the memory itself, which is the buffer. */
    static final String BUFFER = "buffer";
    static final String GROW = "grow";
    static final String READ_STRING = "readString";
    static final String WRITE_STRING = "writeString";
    static final String READ_C_STRING = "readCString";
    static final String READ = "read";
    static final String WRITE = "write";

    private final long maxPages;
    private final boolean is64;
    /** The storage on the heap, or null off the heap. */
    private byte[] heap;
    /** Off the heap: the native block (null on the heap) and its address. */
    private NativeBlock block;
    private long address;
    private long byteSize;
    /** Frees the native storage when it closes; null for memories no context owns. */
    private MemoryOwner owner;
    private int growCount;
    private final MemoryReservation reservation;
    /** Whether the last failed grow failed on the context's memory limit (for the host's message). */
    private boolean growHitLimit;
    private Assumption bufferUnchanged = Truffle.getRuntime().createAssumption("memory buffer unchanged");
    private final Assumption stillOnHeap = Truffle.getRuntime().createAssumption("memory on the heap");

    private WasmMemory(long maxPages, boolean is64, MemoryReservation reservation) {
        this.maxPages = maxPages;
        this.is64 = is64;
        this.reservation = reservation;
        reservation.releaseWhenUnreachable(this);
    }

    /**
     * A new zeroed memory of these limits, off the heap when it is 64-bit or
     * {@code offHeap} is asked for or the heap guard says so; released when {@code owner}
     * closes (if given), counted against its limits.
     *
     * @throws WasmLinkException when the initial size cannot be allocated or passes the limit
     */
    public static WasmMemory create(Limits limits, boolean offHeap, MemoryOwner owner) {
        ContextLimits contextLimits = owner == null ? null : owner.limits();
        WasmMemory memory = new WasmMemory(limits.max(), limits.is64(), new MemoryReservation(contextLimits));
        long pages = limits.min();
        if (!memory.fitsHere(pages)) {
            throw new WasmLinkException("cannot allocate a memory of " + Long.toUnsignedString(pages) + " pages: "
                            + "at most " + memory.implementationMaxPages() + " pages can be allocated here");
        }
        long bytes = pages * PAGE_SIZE;
        if (!memory.reservation.reserve(bytes)) {
            throw new WasmLinkException(contextLimits.memoryLimitMessage(bytes));
        }
        memory.owner = owner;
        try {
            byte[] array = offHeap || limits.is64() || pages > MAX_HEAP_PAGES ? null : memory.newHeapArray(bytes, null);
            if (array == null) {
                memory.moveOffHeap(bytes, owner);
            } else {
                memory.heap = array;
                memory.byteSize = bytes;
            }
        } catch (OutOfMemoryError e) {
            memory.reservation.release(bytes);
            throw new WasmLinkException("cannot allocate a memory of " + pages + " pages: out of memory");
        }
        return memory;
    }

    /**
     * A zeroed array of {@code bytes} holding {@code previous} (if given) at its start, or null
     * when the heap guard or the heap itself has no room: the memory goes off the heap then.
     */
    private byte[] newHeapArray(long bytes, byte[] previous) {
        if (!reservation.reserveHeap(bytes)) {
            return null;
        }
        try {
            return previous == null ? new byte[(int) bytes] : java.util.Arrays.copyOf(previous, (int) bytes);
        } catch (OutOfMemoryError e) {
            // A last resort: the host's own data fills the heap. Nothing was allocated.
            reservation.releaseHeap(bytes);
            return null;
        }
    }

    /** Whether addresses are i64 (memory64). */
    public boolean is64() {
        return is64;
    }

    /** Current size in bytes. */
    public long byteSize() {
        return byteSize;
    }

    /** Current size in pages. */
    public long pages() {
        return byteSize / PAGE_SIZE;
    }

    /** The declared maximum in pages, or {@link Limits#NO_MAX}. */
    public long declaredMaxPages() {
        return maxPages;
    }

    /** The limits this memory satisfies now, for import matching. */
    public Limits currentLimits() {
        return new Limits(pages(), maxPages, is64, false);
    }

    /** Whether the bytes are in {@link #heapBuffer()}; else at {@link #nativeAddress()}. */
    public boolean onHeap() {
        return heap != null;
    }

    /** The storage on the heap; it changes when the memory grows. */
    public byte[] heapBuffer() {
        return heap;
    }

    /** Where the bytes start off the heap; it may change when the memory grows. */
    public long nativeAddress() {
        return address;
    }

    /** Valid while the storage is the same object (on the heap) or block (off it). */
    public Assumption bufferUnchanged() {
        return bufferUnchanged;
    }

    /** Valid while the memory has its bytes on the heap; invalid for good once it moves off. */
    public Assumption stillOnHeap() {
        return stillOnHeap;
    }

    /** How often the storage was replaced; access nodes stop caching it after a few times. */
    public int growCount() {
        return growCount;
    }

    /** Grows by {@code delta} pages (unsigned); returns the old size in pages, or -1 when it cannot. */
    @TruffleBoundary
    public long grow(long delta) {
        long old = pages();
        if (delta == 0) {
            return old;
        }
        growHitLimit = false;
        if (delta < 0 || (maxPages != Limits.NO_MAX && old + delta > maxPages) || !fitsHere(old + delta)) {
            return -1;
        }
        long newBytes = (old + delta) * PAGE_SIZE;
        if (!reservation.reserve(delta * PAGE_SIZE)) {
            growHitLimit = true;
            return -1;
        }
        try {
            byte[] bigger = heap != null && old + delta <= MAX_HEAP_PAGES ? newHeapArray(newBytes, heap) : null;
            if (bigger != null) {
                reservation.releaseHeap(heap.length);
                heap = bigger;
                byteSize = newBytes;
            } else if (heap != null) {
                byte[] previous = heap;
                moveOffHeap(newBytes, owner);
                UnsafeAccess.copy(previous, UnsafeAccess.ARRAY_BASE, null, address, previous.length);
                reservation.releaseHeap(previous.length);
            } else {
                address = block.resize(newBytes);
                byteSize = newBytes;
            }
        } catch (OutOfMemoryError e) {
            // memory.grow may fail; the guest sees -1 rather than the JVM failing.
            reservation.release(delta * PAGE_SIZE);
            return -1;
        }
        growCount++;
        Assumption previous = bufferUnchanged;
        bufferUnchanged = Truffle.getRuntime().createAssumption("memory buffer unchanged");
        previous.invalidate("memory.grow");
        return old;
    }

    private void moveOffHeap(long bytes, MemoryOwner memoryOwner) {
        NativeBlock allocated = new NativeBlock(bytes);
        CLEANER.register(this, allocated::free);
        block = allocated;
        address = allocated.address;
        byteSize = bytes;
        owner = memoryOwner;
        if (memoryOwner != null) {
            memoryOwner.adopt(this);
        }
        heap = null;
        stillOnHeap.invalidate("memory off the heap");
    }

    /** Frees native storage now (its context closes); afterwards every access is out of bounds. */
    public void release() {
        if (block != null) {
            byteSize = 0;
            address = 0;
            block.free();
        }
    }

    /**
     * Whether this memory may have {@code pages} pages here. A 32-bit memory that fits a
     * {@code byte[]} always may, so the machine's memory size (slow to ask: the management
     * classes and the cgroup files) is read only for memories that could go past it.
     */
    private boolean fitsHere(long pages) {
        if (!is64 && Long.compareUnsigned(pages, MAX_HEAP_PAGES) <= 0) {
            return true;
        }
        return Long.compareUnsigned(pages, implementationMaxPages()) <= 0;
    }

    /** The most pages this memory can ever have here. */
    private long implementationMaxPages() {
        long nativePages = PhysicalMemory.PAGES;
        return is64 ? Math.min(MAX_PAGES_64, nativePages) : Math.min(MAX_PAGES_32, Math.max(MAX_HEAP_PAGES, nativePages));
    }

    /** Native memory is not given out past what the machine has: the OS would kill the JVM. */
    private static final class PhysicalMemory {
        static final long PAGES = physicalMemory() / PAGE_SIZE;

        private static long physicalMemory() {
            try {
                if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                    return os.getTotalMemorySize();
                }
            } catch (LinkageError | RuntimeException e) {
                // Without the management module nothing caps native memory but the system.
            }
            return Long.MAX_VALUE;
        }
    }

    /** Where byte {@code offset} of the memory lies, as the offset argument of {@link UnsafeAccess}. */
    private long at(long offset) {
        return heap != null ? UnsafeAccess.ARRAY_BASE + offset : address + offset;
    }

    /** Copies {@code length} bytes from a host array into the memory; the caller checked bounds. */
    public void copyFromBytes(long destination, byte[] source, int sourceOffset, int length) {
        UnsafeAccess.copy(source, UnsafeAccess.ARRAY_BASE + sourceOffset, heap, at(destination), length);
    }

    /** Copies {@code length} bytes out of the memory into a host array; the caller checked bounds. */
    public void copyToBytes(long source, byte[] destination, int destinationOffset, int length) {
        UnsafeAccess.copy(heap, at(source), destination, UnsafeAccess.ARRAY_BASE + destinationOffset, length);
    }

    /** memory.copy within this memory (overlapping ranges allowed); the caller checked bounds. */
    public void copyWithin(long destination, long source, long length) {
        UnsafeAccess.copy(heap, at(source), heap, at(destination), length);
    }

    /** memory.copy from another memory; the caller checked bounds. */
    public void copyFrom(WasmMemory source, long sourceOffset, long destination, long length) {
        UnsafeAccess.copy(source.heap, source.at(sourceOffset), heap, at(destination), length);
    }

    public void fill(long destination, byte value, long length) {
        UnsafeAccess.fill(heap, at(destination), length, value);
    }

    /** Whether {@code [address, address + length)} lies inside the memory (unsigned). */
    public boolean inBounds(long start, long length) {
        return start >= 0 && length >= 0 && length <= byteSize && start <= byteSize - length;
    }

    /** Native storage and its release, apart from the memory so that a Cleaner can free it. */
    private static final class NativeBlock {
        private long address;
        private long bytes;

        NativeBlock(long bytes) {
            this.address = NativeMemory.allocate(bytes);
            this.bytes = bytes;
        }

        synchronized long resize(long newBytes) {
            address = NativeMemory.resize(address, bytes, newBytes);
            bytes = newBytes;
            return address;
        }

        synchronized void free() {
            if (address != 0) {
                NativeMemory.free(address, bytes);
                address = 0;
                bytes = 0;
            }
        }
    }

    /** Who frees a memory's native storage when it closes (a context). */
    public interface MemoryOwner {
        void adopt(WasmMemory memory);

        /** The limits the owner's memories count against. */
        ContextLimits limits();
    }

    // ---- interop: a buffer -------------------------------------------------------------

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
        return byteSize;
    }

    @ExportMessage
    @TruffleBoundary
    void readBuffer(long byteOffset, byte[] destination, int destinationOffset, int length)
                    throws InvalidBufferOffsetException {
        check(byteOffset, length);
        copyToBytes(byteOffset, destination, destinationOffset, length);
    }

    @ExportMessage
    byte readBufferByte(long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 1);
        return UnsafeAccess.getByte(heap, at(byteOffset));
    }

    @ExportMessage
    void writeBufferByte(long byteOffset, byte value) throws InvalidBufferOffsetException {
        check(byteOffset, 1);
        UnsafeAccess.putByte(heap, at(byteOffset), value);
    }

    private static boolean little(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN;
    }

    @ExportMessage
    short readBufferShort(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 2);
        short value = UnsafeAccess.getShort(heap, at(byteOffset));
        return little(order) ? value : Short.reverseBytes(value);
    }

    @ExportMessage
    void writeBufferShort(ByteOrder order, long byteOffset, short value) throws InvalidBufferOffsetException {
        check(byteOffset, 2);
        UnsafeAccess.putShort(heap, at(byteOffset), little(order) ? value : Short.reverseBytes(value));
    }

    @ExportMessage
    int readBufferInt(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 4);
        int value = UnsafeAccess.getInt(heap, at(byteOffset));
        return little(order) ? value : Integer.reverseBytes(value);
    }

    @ExportMessage
    void writeBufferInt(ByteOrder order, long byteOffset, int value) throws InvalidBufferOffsetException {
        check(byteOffset, 4);
        UnsafeAccess.putInt(heap, at(byteOffset), little(order) ? value : Integer.reverseBytes(value));
    }

    @ExportMessage
    long readBufferLong(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        check(byteOffset, 8);
        long value = UnsafeAccess.getLong(heap, at(byteOffset));
        return little(order) ? value : Long.reverseBytes(value);
    }

    @ExportMessage
    void writeBufferLong(ByteOrder order, long byteOffset, long value) throws InvalidBufferOffsetException {
        check(byteOffset, 8);
        UnsafeAccess.putLong(heap, at(byteOffset), little(order) ? value : Long.reverseBytes(value));
    }

    @ExportMessage
    float readBufferFloat(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        return Float.intBitsToFloat(readBufferInt(order, byteOffset));
    }

    @ExportMessage
    void writeBufferFloat(ByteOrder order, long byteOffset, float value) throws InvalidBufferOffsetException {
        writeBufferInt(order, byteOffset, Float.floatToRawIntBits(value));
    }

    @ExportMessage
    double readBufferDouble(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        return Double.longBitsToDouble(readBufferLong(order, byteOffset));
    }

    @ExportMessage
    void writeBufferDouble(ByteOrder order, long byteOffset, double value) throws InvalidBufferOffsetException {
        writeBufferLong(order, byteOffset, Double.doubleToRawLongBits(value));
    }

    // ---- interop: members -------------------------------------------------------------

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        java.util.List<Object> members = new java.util.ArrayList<>(java.util.List.of(PAGES, BYTE_LENGTH, BUFFER, GROW, READ_STRING,
                        WRITE_STRING, READ_C_STRING, READ, WRITE));
        members.addAll(MemoryScalar.READERS.keySet());
        members.addAll(MemoryScalar.WRITERS.keySet());
        return new ObjectArray(members.toArray());
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return PAGES.equals(member) || BYTE_LENGTH.equals(member) || BUFFER.equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (PAGES.equals(member)) {
            return pages();
        } else if (BYTE_LENGTH.equals(member)) {
            return byteSize();
        } else if (BUFFER.equals(member)) {
            return this;
        }
        throw UnknownIdentifierException.create(member);
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return switch (member) {
            case GROW, READ_STRING, WRITE_STRING, READ_C_STRING, READ, WRITE -> true;
            default -> MemoryScalar.READERS.containsKey(member) || MemoryScalar.WRITERS.containsKey(member);
        };
    }

    /** A bad argument is a WasmLang error naming the method, as for constructors and exported functions. */
    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException {
        try {
            return invokeChecked(member, arguments);
        } catch (UnsupportedTypeException e) {
            String message = e.getMessage();
            throw new WasmHostException(message.startsWith(member + ":") ? message : member + ": " + message);
        }
    }

    private Object invokeChecked(String member, Object[] arguments) throws UnknownIdentifierException, ArityException,
                    UnsupportedTypeException {
        switch (member) {
            case GROW -> {
                ValueConversion.checkArity(arguments, 1, 1);
                long old = grow(ValueConversion.nonNegative(arguments[0], "argument 1"));
                if (old < 0 && growHitLimit) {
                    throw new WasmHostException("memory.grow failed: " + reservation.limitMessage(
                                    ValueConversion.nonNegative(arguments[0], "argument 1") * PAGE_SIZE));
                }
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
                return new String(copyOut(pointer, length), StandardCharsets.UTF_8);
            }
            case READ_C_STRING -> {
                ValueConversion.checkArity(arguments, 1, 1);
                long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                requireRange(pointer, 0);
                long end = pointer;
                while (end < byteSize && UnsafeAccess.getByte(heap, at(end)) != 0) {
                    end++;
                }
                if (end == byteSize) {
                    throw new WasmHostException("readCString(" + pointer + "): no NUL byte before the end of memory");
                }
                return new String(copyOut(pointer, end - pointer), StandardCharsets.UTF_8);
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
                copyFromBytes(pointer, utf8, 0, utf8.length);
                return utf8.length;
            }
            case READ -> {
                ValueConversion.checkArity(arguments, 2, 2);
                long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                long length = ValueConversion.nonNegative(arguments[1], "argument 2");
                return new ByteArrayValues(copyOut(pointer, length));
            }
            case WRITE -> {
                ValueConversion.checkArity(arguments, 2, 2);
                long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                byte[] bytes = ByteArrayValues.bytesOf(arguments[1], "write: argument 2");
                requireRange(pointer, bytes.length);
                copyFromBytes(pointer, bytes, 0, bytes.length);
                return bytes.length;
            }
            default -> {
                MemoryScalar reader = MemoryScalar.READERS.get(member);
                if (reader != null) {
                    ValueConversion.checkArity(arguments, 1, 1);
                    long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                    requireRange(pointer, reader.size);
                    return reader.read(heap, at(pointer));
                }
                MemoryScalar writer = MemoryScalar.WRITERS.get(member);
                if (writer != null) {
                    ValueConversion.checkArity(arguments, 2, 2);
                    long pointer = ValueConversion.nonNegative(arguments[0], "argument 1");
                    requireRange(pointer, writer.size);
                    writer.write(heap, at(pointer), arguments[1], member);
                    return writer.size;
                }
                throw UnknownIdentifierException.create(member);
            }
        }
    }

    /** A host copy of a range; a range a Java array cannot hold is an error, not a crash. */
    private byte[] copyOut(long pointer, long length) {
        requireRange(pointer, length);
        if (length > Integer.MAX_VALUE - 8) {
            throw new WasmHostException(length + " bytes do not fit in one host array; read less at a time");
        }
        byte[] bytes = new byte[(int) length];
        copyToBytes(pointer, bytes, 0, bytes.length);
        return bytes;
    }

    private void requireRange(long pointer, long length) {
        if (!inBounds(pointer, length)) {
            throw new WasmHostException("bytes " + pointer + ".." + (pointer + length) + " are outside the memory of "
                            + byteSize + " bytes");
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Memory[" + pages() + " pages" + (is64 ? ", i64" : "") + "]";
    }
}
