package org.wasmlang.runtime;

import java.util.Map;

import org.wasmlang.interop.ValueConversion;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;

/**
 * The typed accessors a memory offers hosts, as wasmtime and Chicory do: {@code readI32(ptr)},
 * {@code writeF64(ptr, value)} and so on, little-endian like Wasm. One row per type: its
 * size, how it reads and how a host value is written (integers wrap to the width, as a store
 * of that width does; an unsigned read gives the value as a non-negative number).
 */
enum MemoryScalar {
    I8(1), U8(1), I16(2), U16(2), I32(4), U32(4), I64(8), F32(4), F64(8);

    /** The member names, readI8 ... writeF64, to their row. */
    static final Map<String, MemoryScalar> READERS = names("read");
    static final Map<String, MemoryScalar> WRITERS = names("write");

    final int size;

    MemoryScalar(int size) {
        this.size = size;
    }

    private static Map<String, MemoryScalar> names(String prefix) {
        Map<String, MemoryScalar> names = new java.util.LinkedHashMap<>();
        for (MemoryScalar scalar : values()) {
            names.put(prefix + scalar.name(), scalar);
        }
        return Map.copyOf(names);
    }

    /** The value at {@code offset} of a storage (see {@link UnsafeAccess}), as the host sees it. */
    Object read(Object base, long offset) {
        return switch (this) {
            case I8 -> (int) UnsafeAccess.getByte(base, offset);
            case U8 -> UnsafeAccess.getByte(base, offset) & 0xFF;
            case I16 -> (int) UnsafeAccess.getShort(base, offset);
            case U16 -> UnsafeAccess.getShort(base, offset) & 0xFFFF;
            case I32 -> UnsafeAccess.getInt(base, offset);
            case U32 -> Integer.toUnsignedLong(UnsafeAccess.getInt(base, offset));
            case I64 -> UnsafeAccess.getLong(base, offset);
            case F32 -> UnsafeAccess.getFloat(base, offset);
            case F64 -> UnsafeAccess.getDouble(base, offset);
        };
    }

    void write(Object base, long offset, Object value, String member) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        if (!interop.isNumber(value)) {
            throw UnsupportedTypeException.create(new Object[]{value}, member + ": argument 2 must be a number, got "
                            + ValueConversion.describe(value));
        }
        try {
            if (this == F32 || this == F64) {
                double number = interop.asDouble(value);
                if (this == F32) {
                    UnsafeAccess.putFloat(base, offset, (float) number);
                } else {
                    UnsafeAccess.putDouble(base, offset, number);
                }
                return;
            }
            if (!interop.fitsInLong(value)) {
                throw UnsupportedTypeException.create(new Object[]{value}, member + ": argument 2 must be an integer, got "
                                + ValueConversion.describe(value));
            }
            long bits = interop.asLong(value);
            switch (size) {
                case 1 -> UnsafeAccess.putByte(base, offset, (byte) bits);
                case 2 -> UnsafeAccess.putShort(base, offset, (short) bits);
                case 4 -> UnsafeAccess.putInt(base, offset, (int) bits);
                default -> UnsafeAccess.putLong(base, offset, bits);
            }
        } catch (UnsupportedMessageException e) {
            throw UnsupportedTypeException.create(new Object[]{value}, member + ": argument 2 must be a number, got "
                            + ValueConversion.describe(value));
        }
    }
}
