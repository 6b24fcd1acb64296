package org.wasmlang.interop;

import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.ByteArrayValues;
import org.wasmlang.runtime.WasmNull;
import org.wasmlang.runtime.simd.V128;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;

/**
 * The one place where host values become Wasm values and back. Integers accept any host
 * number that fits (JS numbers with an integral value, BigInt, Python int); i32 also
 * accepts unsigned values up to 2^32-1 and i64 up to 2^64-1, wrapping them as Wasm does.
 * v128 takes a v128, or 16 bytes as a host buffer or array.
 * Floats accept any host number. References: funcref takes Wasm functions or null,
 * externref any host value (null becomes ref.null).
 */
public final class ValueConversion {
    private ValueConversion() {
    }

    /** Fails unless between {@code min} and {@code max} arguments were passed. */
    public static void checkArity(Object[] arguments, int min, int max) throws ArityException {
        if (arguments.length < min || arguments.length > max) {
            throw ArityException.create(min, max, arguments.length);
        }
    }

    /**
     * A size, count, index or pointer given by a host: any integer from 0 up.
     * {@code what} names it in the error ("argument 2", "alloc: argument 1").
     */
    @TruffleBoundary
    public static long nonNegative(Object value, String what) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        try {
            if (interop.fitsInLong(value) && interop.asLong(value) >= 0) {
                return interop.asLong(value);
            }
        } catch (UnsupportedMessageException e) {
            // Reported below.
        }
        throw UnsupportedTypeException.create(new Object[]{value}, what + " must be a non-negative integer, got "
                        + describe(value));
    }

    @TruffleBoundary
    public static Object toWasm(Object value, int type, int position) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        try {
            if (ValueType.isReference(type)) {
                boolean isNull = value == WasmNull.NULL || interop.isNull(value);
                if (isNull && ValueType.isNullable(type)) {
                    return WasmNull.NULL;
                }
                if (!isNull && (!ValueType.isFunctionReference(type) || value instanceof WasmFunction)) {
                    // A function for func and defined types (whose type the validator vouches
                    // for inside Wasm; from a host it is not checked), any host value for extern.
                    return value;
                }
                throw UnsupportedTypeException.create(new Object[]{value}, "argument " + (position + 1) + ": expected "
                                + ValueType.name(type) + ", got " + describe(value));
            }
            switch (type) {
                case ValueType.I32 -> {
                    if (interop.fitsInInt(value)) {
                        return interop.asInt(value);
                    }
                    if (interop.fitsInLong(value)) {
                        long v = interop.asLong(value);
                        if (v >= 0 && v <= 0xFFFFFFFFL) {
                            return (int) v;
                        }
                    }
                }
                case ValueType.I64 -> {
                    if (interop.fitsInLong(value)) {
                        return interop.asLong(value);
                    }
                    if (interop.fitsInBigInteger(value)) {
                        java.math.BigInteger big = interop.asBigInteger(value);
                        if (big.signum() >= 0 && big.bitLength() <= 64) {
                            return big.longValue();
                        }
                    }
                }
                case ValueType.F32 -> {
                    if (value instanceof Float f) {
                        return f;
                    }
                    if (interop.fitsInDouble(value)) {
                        return (float) interop.asDouble(value);
                    }
                    if (interop.isNumber(value) && interop.fitsInFloat(value)) {
                        return interop.asFloat(value);
                    }
                }
                case ValueType.F64 -> {
                    if (value instanceof Double d) {
                        return d;
                    }
                    if (interop.fitsInDouble(value)) {
                        return interop.asDouble(value);
                    }
                }
                case ValueType.V128 -> {
                    V128 vector = vector(value);
                    if (vector != null) {
                        return vector;
                    }
                }
                case ValueType.FUNCREF -> {
                    if (value instanceof WasmFunction || value == WasmNull.NULL) {
                        return value;
                    }
                    if (interop.isNull(value)) {
                        return WasmNull.NULL;
                    }
                }
                default -> {
                    // externref: any host value; host null is ref.null.
                    return interop.isNull(value) ? WasmNull.NULL : value;
                }
            }
        } catch (UnsupportedMessageException e) {
            // Falls through to the type error below.
        }
        throw UnsupportedTypeException.create(new Object[]{value}, "argument " + (position + 1) + ": expected "
                        + ValueType.name(type) + ", got " + describe(value)
                        + (type == ValueType.V128 ? " (a v128 is passed as 16 bytes: a buffer or an array of byte values)" : ""));
    }

    /** A v128 from a host: a v128 the guest returned, or 16 bytes as a buffer or array; else null. */
    private static V128 vector(Object value) {
        if (value instanceof V128 vector) {
            return vector;
        }
        try {
            byte[] bytes = ByteArrayValues.bytesOf(value, "v128");
            return bytes.length == 16 ? V128.fromBytes(bytes, 0) : null;
        } catch (UnsupportedTypeException e) {
            return null;
        }
    }

    @TruffleBoundary
    public static String describe(Object value) {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        // With side effects allowed, each language shows its own value as its users know it
        // (GraalPy calls repr: {'initial': 256}, not PDict<EconomicMapStorage>).
        Object display = interop.toDisplayString(value, true);
        String text;
        try {
            text = InteropLibrary.getUncached(display).asString(display);
        } catch (UnsupportedMessageException e) {
            text = String.valueOf(value);
        }
        // A host array shows every element (a module's bytes: tens of thousands): keep messages readable.
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "... (" + text.length()
                        + " characters)";
    }

    private static final int MAX_DESCRIPTION = 200;
}
