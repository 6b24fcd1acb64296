package org.wasmlang.runtime;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

import sun.misc.Unsafe;

/**
 * Raw access to a memory's bytes, on a Java array or off the heap, through one set of
 * methods: {@code base} is the {@code byte[]} (and {@code offset} counts from
 * {@link #ARRAY_BASE}) or null (and {@code offset} is a native address). Memory-access
 * nodes so state each instruction once for both kinds of storage. Callers check bounds
 * first: nothing here does. Values are little-endian as in Wasm.
 */
public final class UnsafeAccess {
    static final Unsafe UNSAFE = unsafe();
    /** Where element 0 of a {@code byte[]} lies in the array object. */
    public static final long ARRAY_BASE = Unsafe.ARRAY_BYTE_BASE_OFFSET;
    private static final boolean BIG_ENDIAN_HOST = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private UnsafeAccess() {
    }

    private static Unsafe unsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static byte getByte(Object base, long offset) {
        return UNSAFE.getByte(base, offset);
    }

    public static short getShort(Object base, long offset) {
        short value = UNSAFE.getShort(base, offset);
        return BIG_ENDIAN_HOST ? Short.reverseBytes(value) : value;
    }

    public static int getInt(Object base, long offset) {
        int value = UNSAFE.getInt(base, offset);
        return BIG_ENDIAN_HOST ? Integer.reverseBytes(value) : value;
    }

    public static long getLong(Object base, long offset) {
        long value = UNSAFE.getLong(base, offset);
        return BIG_ENDIAN_HOST ? Long.reverseBytes(value) : value;
    }

    public static float getFloat(Object base, long offset) {
        return Float.intBitsToFloat(getInt(base, offset));
    }

    public static double getDouble(Object base, long offset) {
        return Double.longBitsToDouble(getLong(base, offset));
    }

    public static void putByte(Object base, long offset, byte value) {
        UNSAFE.putByte(base, offset, value);
    }

    public static void putShort(Object base, long offset, short value) {
        UNSAFE.putShort(base, offset, BIG_ENDIAN_HOST ? Short.reverseBytes(value) : value);
    }

    public static void putInt(Object base, long offset, int value) {
        UNSAFE.putInt(base, offset, BIG_ENDIAN_HOST ? Integer.reverseBytes(value) : value);
    }

    public static void putLong(Object base, long offset, long value) {
        UNSAFE.putLong(base, offset, BIG_ENDIAN_HOST ? Long.reverseBytes(value) : value);
    }

    public static void putFloat(Object base, long offset, float value) {
        putInt(base, offset, Float.floatToRawIntBits(value));
    }

    public static void putDouble(Object base, long offset, double value) {
        putLong(base, offset, Double.doubleToRawLongBits(value));
    }

    /** Copies bytes between any two storages (overlap allowed, as memmove). */
    static void copy(Object sourceBase, long sourceOffset, Object destinationBase, long destinationOffset, long length) {
        UNSAFE.copyMemory(sourceBase, sourceOffset, destinationBase, destinationOffset, length);
    }

    static void fill(Object base, long offset, long length, byte value) {
        UNSAFE.setMemory(base, offset, length, value);
    }

    /** Native memory of {@code bytes} bytes, zeroed; OutOfMemoryError when the system has none. */
    static long allocateZeroed(long bytes) {
        long address = UNSAFE.allocateMemory(Math.max(bytes, 1));
        UNSAFE.setMemory(address, bytes, (byte) 0);
        return address;
    }

    /** Resizes native memory, zeroing what is added; returns its (possibly new) address. */
    static long reallocateZeroed(long address, long oldBytes, long newBytes) {
        long moved = UNSAFE.reallocateMemory(address, Math.max(newBytes, 1));
        if (newBytes > oldBytes) {
            UNSAFE.setMemory(moved + oldBytes, newBytes - oldBytes, (byte) 0);
        }
        return moved;
    }

    static void free(long address) {
        UNSAFE.freeMemory(address);
    }
}
