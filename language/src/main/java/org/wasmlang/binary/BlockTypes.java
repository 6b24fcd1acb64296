package org.wasmlang.binary;

import org.wasmlang.module.FuncType;
import org.wasmlang.module.ValueType;
import org.wasmlang.validation.ErrorMessage;

/**
 * Block types as ints: a non-negative value is a type index (multi-value blocks), a
 * negative one the s33 encoding of "no result" ({@link #EMPTY}) or of a single value type.
 */
public final class BlockTypes {
    public static final int EMPTY = -0x40;

    private BlockTypes() {
    }

    public static int read(BinaryReader r) {
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
            default:
                throw r.malformed(ErrorMessage.MALFORMED_VALUE_TYPE, "(block type " + value + ")", at);
        }
    }

    /** The value type of a single-result block type. */
    public static int singleType(int blockType) {
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
