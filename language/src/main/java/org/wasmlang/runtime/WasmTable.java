package org.wasmlang.runtime;

import java.util.Arrays;

import org.wasmlang.module.Limits;
import org.wasmlang.module.ValueType;

import org.wasmlang.interop.ObjectArray;
import org.wasmlang.interop.ValueConversion;
import org.wasmlang.limits.ContextLimits;
import org.wasmlang.limits.MemoryReservation;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A table of references: functions ({@link WasmFunction}) or host values, or {@link WasmNull}.
 *
 * <p>Hosts see it as an array of its elements (funcref elements are executable, a null
 * reference is null) whose elements can be replaced, and as the JS API's {@code Table}:
 * {@code length}, {@code get(i)}, {@code set(i, value)} and {@code grow(delta[, value])}.
 * Values are checked against the element type; an index outside the table is an error.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmTable implements TruffleObject {
    static final String LENGTH = "length";
    static final String GET = "get";
    static final String SET = "set";
    static final String GROW = "grow";

    private final int elementType;
    private final long maxSize;
    /** Whether indices are i64 (table64). */
    private final boolean is64;
    /** The context's limits: no table grows past {@code wasmlang.TableSizeLimit}, so a guest cannot exhaust the heap. */
    private final ContextLimits limits;
    /** The element array's share of the heap guard, so that tables cannot fill the heap either. */
    private final MemoryReservation heapShare;
    private Object[] elements;
    /** Bytes counted per element: a reference, uncompressed at worst. */
    private static final long ELEMENT_BYTES = 8;

    private WasmTable(int elementType, Object[] elements, long maxSize, boolean is64, ContextLimits limits,
                    MemoryReservation heapShare) {
        this.elementType = elementType;
        this.maxSize = maxSize;
        this.is64 = is64;
        this.limits = limits;
        this.heapShare = heapShare;
        this.elements = elements;
        heapShare.releaseWhenUnreachable(this);
    }

    /**
     * A table of {@code initialSize} elements (unsigned) set to {@code initialValue}.
     *
     * @throws WasmLinkException when the size passes the context's table size limit
     */
    public static WasmTable create(int elementType, long initialSize, long maxSize, boolean is64, Object initialValue,
                    ContextLimits limits) {
        if (Long.compareUnsigned(initialSize, limits.tableSizeLimit()) > 0) {
            throw new WasmLinkException(limits.tableLimitMessage(initialSize));
        }
        MemoryReservation heapShare = new MemoryReservation(null);
        Object[] elements = newElements(heapShare, (int) initialSize, null);
        if (elements == null) {
            throw new WasmLinkException("cannot allocate a table of " + initialSize + " elements: the Java heap is too small");
        }
        Arrays.fill(elements, initialValue);
        return new WasmTable(elementType, elements, maxSize, is64, limits, heapShare);
    }

    /** An array of {@code size} elements starting with {@code previous}, or null when the heap has no room. */
    private static Object[] newElements(MemoryReservation heapShare, int size, Object[] previous) {
        if (!heapShare.reserveHeap(size * ELEMENT_BYTES)) {
            return null;
        }
        try {
            return previous == null ? new Object[size] : Arrays.copyOf(previous, size);
        } catch (OutOfMemoryError e) {
            heapShare.releaseHeap(size * ELEMENT_BYTES);
            return null;
        }
    }

    public int elementType() {
        return elementType;
    }

    public int size() {
        return elements.length;
    }

    public boolean is64() {
        return is64;
    }

    public long declaredMaxSize() {
        return maxSize;
    }

    public Limits currentLimits() {
        return new Limits(elements.length, maxSize, is64, false);
    }

    /** The element at {@code index}, which the caller has bounds-checked. */
    public Object get(int index) {
        return elements[index];
    }

    public void set(int index, Object value) {
        elements[index] = value;
    }

    public boolean inBounds(long index, long length) {
        return index >= 0 && length >= 0 && index <= elements.length - length;
    }

    /** Grows by {@code delta} elements set to {@code value}; returns the old size or -1. */
    public int grow(long delta, Object value) {
        int old = elements.length;
        long limit = maxSize == Limits.NO_MAX ? limits.tableSizeLimit() : Math.min(maxSize, limits.tableSizeLimit());
        if (delta < 0 || old + delta > limit) {
            return -1;
        }
        Object[] bigger = newElements(heapShare, (int) (old + delta), elements);
        if (bigger == null) {
            return -1;
        }
        heapShare.releaseHeap(old * ELEMENT_BYTES);
        elements = bigger;
        Arrays.fill(elements, old, elements.length, value);
        return old;
    }

    public void fill(int start, int length, Object value) {
        Arrays.fill(elements, start, start + length, value);
    }

    public static void copy(WasmTable source, int sourceIndex, WasmTable destination, int destinationIndex, int length) {
        System.arraycopy(source.elements, sourceIndex, destination.elements, destinationIndex, length);
    }

    public void initialize(int destination, Object[] segment, int sourceIndex, int length) {
        System.arraycopy(segment, sourceIndex, elements, destination, length);
    }

    // ---- interop ----------------------------------------------------------------------

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return elements.length;
    }

    @ExportMessage(name = "isArrayElementReadable")
    @ExportMessage(name = "isArrayElementModifiable")
    boolean isArrayElementInRange(long index) {
        return index >= 0 && index < elements.length;
    }

    @ExportMessage
    boolean isArrayElementInsertable(@SuppressWarnings("unused") long index) {
        return false;
    }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isArrayElementInRange(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return elements[(int) index];
    }

    @ExportMessage
    void writeArrayElement(long index, Object value) throws InvalidArrayIndexException, UnsupportedTypeException {
        if (!isArrayElementInRange(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        elements[(int) index] = element(value, 0);
    }

    /** A host value as an element of this table's type; {@code position} counts arguments from 0. */
    private Object element(Object value, int position) throws UnsupportedTypeException {
        return ValueConversion.toWasm(value, elementType, position);
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(LENGTH, GET, SET, GROW);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return LENGTH.equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (!LENGTH.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return elements.length;
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return GET.equals(member) || SET.equals(member) || GROW.equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException,
                    UnsupportedTypeException {
        switch (member) {
            case GET -> {
                ValueConversion.checkArity(arguments, 1, 1);
                return elements[index(arguments[0])];
            }
            case SET -> {
                ValueConversion.checkArity(arguments, 2, 2);
                int index = index(arguments[0]);
                elements[index] = element(arguments[1], 1);
                return WasmNull.NULL;
            }
            case GROW -> {
                ValueConversion.checkArity(arguments, 1, 2);
                long delta = ValueConversion.nonNegative(arguments[0], "argument 1");
                Object init = arguments.length == 2 ? element(arguments[1], 1) : WasmNull.NULL;
                int old = grow(delta, init);
                if (old < 0 && (maxSize == Limits.NO_MAX || maxSize > limits.tableSizeLimit())
                                && Long.compareUnsigned(elements.length + delta, limits.tableSizeLimit()) > 0) {
                    throw new WasmHostException("table.grow failed: " + limits.tableLimitMessage(elements.length + delta));
                }
                if (old < 0) {
                    boolean pastMaximum = maxSize != Limits.NO_MAX && Long.compareUnsigned(elements.length + delta, maxSize) > 0;
                    throw new WasmHostException("table.grow failed: " + elements.length + " elements cannot grow by "
                                    + delta + (pastMaximum ? " (maximum " + maxSize + ")" : " (the Java heap has no room)"));
                }
                return old;
            }
            default -> throw UnknownIdentifierException.create(member);
        }
    }

    private int index(Object value) throws UnsupportedTypeException {
        long index = ValueConversion.nonNegative(value, "argument 1");
        if (index >= elements.length) {
            throw new WasmHostException("table index " + index + " is outside the table of " + elements.length
                            + " elements");
        }
        return (int) index;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Table[" + elements.length + " " + ValueType.name(elementType) + "]";
    }

    @Override
    public String toString() {
        return "table of " + elements.length + " " + ValueType.name(elementType);
    }
}
