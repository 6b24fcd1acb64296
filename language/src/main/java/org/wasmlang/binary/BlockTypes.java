package org.wasmlang.binary;

import org.wasmlang.module.Features;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.ValueType;
import org.wasmlang.validation.ErrorMessage;

/**
 * Block types as ints: a non-negative value is a type index (multi-value blocks), a
 * negative one the s33 encoding of "no result" ({@link #EMPTY}) or of a single value type,
 * or (typed function references) a typed reference result, {@link #typed}.
 */
public final class BlockTypes {
    public static final int EMPTY = -0x40;

    private BlockTypes() {
    }

    public static int read(BinaryReader r, Features features) {
        int at = r.position();
        long value = r.s33();
        if (value >= 0) {
            return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
        }
        int code = (int) value;
        switch (code) {
            case EMPTY:
            case -1: // i32
            case -2: // i64
            case -3: // f32
            case -4: // f64
            case -5: // v128
            case -16: // funcref
            case -17: // externref
                return code;
            case TypeReader.REF_NULL_PREFIX - 0x80:
            case TypeReader.REF_PREFIX - 0x80:
                if (features.typedFunctionReferences()) {
                    return typed(TypeReader.typedReference(r, code == TypeReader.REF_NULL_PREFIX - 0x80, features));
                }
                throw r.malformed(ErrorMessage.MALFORMED_VALUE_TYPE, "(block type " + value + ")", at);
            case ValueType.HEAP_EXN - 0x80:
            case ValueType.HEAP_NOEXN - 0x80:
                if (features.exceptions()) {
                    return typed((code + 0x80) | ValueType.NULLABLE);
                }
                throw r.malformed(ErrorMessage.MALFORMED_VALUE_TYPE, "(block type " + value + ")", at);
            default:
                throw r.malformed(ErrorMessage.MALFORMED_VALUE_TYPE, "(block type " + value + ")", at);
        }
    }

    /** The block type with one result of a typed reference type (its value type is kept in the low bits). */
    public static int typed(int valueType) {
        return Integer.MIN_VALUE | valueType;
    }

    /** Whether the block type is one typed reference result (see {@link #typed}). */
    public static boolean isTyped(int blockType) {
        return blockType < EMPTY;
    }

    /** The value type of a single-result block type. */
    public static int singleType(int blockType) {
        if (isTyped(blockType)) {
            return blockType & Integer.MAX_VALUE;
        }
        int code = blockType & 0x7F;
        if (code == ValueType.HEAP_FUNC) {
            return ValueType.FUNCREF;
        } else if (code == ValueType.HEAP_EXTERN) {
            return ValueType.EXTERNREF;
        }
        return code;
    }

    public static int paramCount(int blockType, FuncType[] types) {
        return blockType >= 0 ? types[blockType].paramCount() : 0;
    }

    public static int param(int blockType, FuncType[] types, int i) {
        return types[blockType].param(i);
    }

    public static int resultCount(int blockType, FuncType[] types) {
        if (blockType >= 0) {
            return types[blockType].resultCount();
        }
        return blockType == EMPTY ? 0 : 1;
    }

    public static int result(int blockType, FuncType[] types, int i) {
        return blockType >= 0 ? types[blockType].result(i) : singleType(blockType);
    }
}
