package org.wasmlang.runtime;

import org.wasmlang.module.GlobalType;
import org.wasmlang.runtime.simd.V128;
import org.wasmlang.module.ValueType;

import org.wasmlang.interop.ObjectArray;
import org.wasmlang.interop.ValueConversion;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A global variable, shared by every instance that imports it. Numbers are kept as raw
 * bits in {@link #bits} (i32 sign-extended, floats as their IEEE bits), references and v128
 * values in {@link #reference}.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmGlobal implements TruffleObject {
    static final String VALUE = "value";

    private final GlobalType type;
    private long bits;
    private Object reference;

    public WasmGlobal(GlobalType type) {
        this.type = type;
        this.reference = ValueType.isReference(type.valueType()) ? WasmNull.NULL
                        : type.valueType() == ValueType.V128 ? V128.ZERO : null;
    }

    public GlobalType type() {
        return type;
    }

    public int valueType() {
        return type.valueType();
    }

    public boolean isMutable() {
        return type.mutable();
    }

    public int getI32() {
        return (int) bits;
    }

    public long getI64() {
        return bits;
    }

    public float getF32() {
        return Float.intBitsToFloat((int) bits);
    }

    public double getF64() {
        return Double.longBitsToDouble(bits);
    }

    public Object getReference() {
        return reference;
    }

    public void setI32(int value) {
        bits = value;
    }

    public void setI64(long value) {
        bits = value;
    }

    public void setF32(float value) {
        bits = Float.floatToRawIntBits(value);
    }

    public void setF64(double value) {
        bits = Double.doubleToRawLongBits(value);
    }

    public void setReference(Object value) {
        reference = value;
    }

    /** The value boxed the way calls pass values (Integer, Long, Float, Double or a reference). */
    public Object getBoxed() {
        return switch (type.valueType()) {
            case ValueType.I32 -> getI32();
            case ValueType.I64 -> getI64();
            case ValueType.F32 -> getF32();
            case ValueType.F64 -> getF64();
            default -> reference;
        };
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(VALUE);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return VALUE.equals(member);
    }

    @ExportMessage
    boolean isMemberModifiable(String member) {
        return VALUE.equals(member) && type.mutable();
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (!VALUE.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return getBoxed();
    }

    @ExportMessage
    void writeMember(String member, Object value) throws UnknownIdentifierException, UnsupportedMessageException,
                    UnsupportedTypeException {
        if (!VALUE.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        if (!type.mutable()) {
            throw UnsupportedMessageException.create();
        }
        setBoxed(ValueConversion.toWasm(value, type.valueType(), 0));
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Global[" + type + "]";
    }

    public void setBoxed(Object value) {
        switch (type.valueType()) {
            case ValueType.I32 -> setI32((Integer) value);
            case ValueType.I64 -> setI64((Long) value);
            case ValueType.F32 -> setF32((Float) value);
            case ValueType.F64 -> setF64((Double) value);
            default -> setReference(value);
        }
    }
}
