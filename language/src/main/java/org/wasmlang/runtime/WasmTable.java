package org.wasmlang.runtime;

import java.util.Arrays;

import org.wasmlang.module.Limits;
import org.wasmlang.module.ValueType;

import com.oracle.truffle.api.interop.TruffleObject;

/** A table of references: functions ({@link WasmFunction}) or host values, or {@link WasmNull}. */
public final class WasmTable implements TruffleObject {
    /** Implementation limit on table size (the JS API's), so a guest cannot exhaust the heap. */
    public static final int MAX_SIZE = 10_000_000;

    private final int elementType;
    private final long maxSize;
    private Object[] elements;

    public WasmTable(int elementType, int initialSize, long maxSize, Object initialValue) {
        this.elementType = elementType;
        this.maxSize = maxSize;
        this.elements = new Object[initialSize];
        Arrays.fill(elements, initialValue);
    }

    public int elementType() {
        return elementType;
    }

    public int size() {
        return elements.length;
    }

    public long declaredMaxSize() {
        return maxSize;
    }

    public Limits currentLimits() {
        return new Limits(elements.length, maxSize, false, false);
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
        long limit = maxSize == Limits.NO_MAX ? MAX_SIZE : Math.min(maxSize, MAX_SIZE);
        if (delta < 0 || old + delta > limit) {
            return -1;
        }
        elements = Arrays.copyOf(elements, (int) (old + delta));
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

    @Override
    public String toString() {
        return "table of " + elements.length + " " + ValueType.name(elementType);
    }
}
