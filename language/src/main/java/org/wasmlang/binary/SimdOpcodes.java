package org.wasmlang.binary;

import org.wasmlang.module.ValueType;

/**
 * The shape of every SIMD instruction (prefix 0xFD), as a table from sub-opcode to kind
 * and one parameter: the natural alignment exponent of memory accesses, the lane count
 * of lane instructions, or the scalar type of splats and lane reads/writes.
 */
public final class SimdOpcodes {
    public static final byte ILLEGAL = 0;
    public static final byte LOAD = 1;
    public static final byte STORE = 2;
    public static final byte LOAD_LANE = 3;
    public static final byte STORE_LANE = 4;
    public static final byte CONST = 5;
    public static final byte SHUFFLE = 6;
    public static final byte EXTRACT_LANE = 7;
    public static final byte REPLACE_LANE = 8;
    public static final byte SPLAT = 9;
    /** v128 -> v128 */
    public static final byte UNARY = 10;
    /** v128 v128 -> v128 */
    public static final byte BINARY = 11;
    /** v128 v128 v128 -> v128 */
    public static final byte TERNARY = 12;
    /** v128 -> i32 */
    public static final byte TEST = 13;
    /** v128 i32 -> v128 */
    public static final byte SHIFT = 14;

    private static final int SIZE = 0x100;
    private static final byte[] KIND = new byte[SIZE];
    private static final int[] PARAMETER = new int[SIZE];

    static {
        load(0x00, 4);
        for (int op = 0x01; op <= 0x06; op++) {
            load(op, 3); // v128.load8x8_s ... v128.load32x2_u read 8 bytes
        }
        load(0x07, 0);
        load(0x08, 1);
        load(0x09, 2);
        load(0x0a, 3);
        set(0x0b, STORE, 4);
        set(0x0c, CONST, 0);
        set(0x0d, SHUFFLE, 0);
        set(0x0e, BINARY, 0);
        set(0x0f, SPLAT, ValueType.I32);
        set(0x10, SPLAT, ValueType.I32);
        set(0x11, SPLAT, ValueType.I32);
        set(0x12, SPLAT, ValueType.I64);
        set(0x13, SPLAT, ValueType.F32);
        set(0x14, SPLAT, ValueType.F64);
        lanes(0x15, 16, ValueType.I32, true);
        set(0x17, REPLACE_LANE, lane(16, ValueType.I32));
        lanes(0x18, 8, ValueType.I32, true);
        set(0x1a, REPLACE_LANE, lane(8, ValueType.I32));
        lanes(0x1b, 4, ValueType.I32, false);
        lanes(0x1d, 2, ValueType.I64, false);
        lanes(0x1f, 4, ValueType.F32, false);
        lanes(0x21, 2, ValueType.F64, false);
        range(0x23, 0x4c, BINARY); // comparisons
        set(0x4d, UNARY, 0);
        range(0x4e, 0x51, BINARY);
        set(0x52, TERNARY, 0);
        set(0x53, TEST, 0);
        for (int i = 0; i < 4; i++) {
            set(0x54 + i, LOAD_LANE, memLane(i, 16 >> i));
            set(0x58 + i, STORE_LANE, memLane(i, 16 >> i));
        }
        load(0x5c, 2);
        load(0x5d, 3);
        set(0x5e, UNARY, 0);
        set(0x5f, UNARY, 0);
        range(0x60, 0x62, UNARY);
        set(0x63, TEST, 0);
        set(0x64, TEST, 0);
        set(0x65, BINARY, 0);
        set(0x66, BINARY, 0);
        range(0x67, 0x6a, UNARY);
        range(0x6b, 0x6d, SHIFT);
        range(0x6e, 0x73, BINARY);
        set(0x74, UNARY, 0);
        set(0x75, UNARY, 0);
        range(0x76, 0x79, BINARY);
        set(0x7a, UNARY, 0);
        set(0x7b, BINARY, 0);
        range(0x7c, 0x7f, UNARY);
        set(0x80, UNARY, 0);
        set(0x81, UNARY, 0);
        set(0x82, BINARY, 0);
        set(0x83, TEST, 0);
        set(0x84, TEST, 0);
        set(0x85, BINARY, 0);
        set(0x86, BINARY, 0);
        range(0x87, 0x8a, UNARY);
        range(0x8b, 0x8d, SHIFT);
        range(0x8e, 0x93, BINARY);
        set(0x94, UNARY, 0);
        range(0x95, 0x99, BINARY);
        range(0x9b, 0x9f, BINARY);
        set(0xa0, UNARY, 0);
        set(0xa1, UNARY, 0);
        set(0xa3, TEST, 0);
        set(0xa4, TEST, 0);
        range(0xa7, 0xaa, UNARY);
        range(0xab, 0xad, SHIFT);
        set(0xae, BINARY, 0);
        set(0xb1, BINARY, 0);
        range(0xb5, 0xba, BINARY);
        range(0xbc, 0xbf, BINARY);
        set(0xc0, UNARY, 0);
        set(0xc1, UNARY, 0);
        set(0xc3, TEST, 0);
        set(0xc4, TEST, 0);
        range(0xc7, 0xca, UNARY);
        range(0xcb, 0xcd, SHIFT);
        set(0xce, BINARY, 0);
        set(0xd1, BINARY, 0);
        range(0xd5, 0xdf, BINARY);
        set(0xe0, UNARY, 0);
        set(0xe1, UNARY, 0);
        set(0xe3, UNARY, 0);
        range(0xe4, 0xeb, BINARY);
        set(0xec, UNARY, 0);
        set(0xed, UNARY, 0);
        set(0xef, UNARY, 0);
        range(0xf0, 0xf7, BINARY);
        range(0xf8, 0xff, UNARY);
    }

    private SimdOpcodes() {
    }

    /** The kind of a sub-opcode, {@link #ILLEGAL} when there is no such instruction. */
    public static int kind(int subOpcode) {
        return subOpcode >= 0 && subOpcode < SIZE ? KIND[subOpcode] : ILLEGAL;
    }

    /** Natural alignment exponent of a memory instruction. */
    public static int alignment(int subOpcode) {
        return PARAMETER[subOpcode] & 0xFF;
    }

    /** Lane count of a lane instruction. */
    public static int laneCount(int subOpcode) {
        return PARAMETER[subOpcode] >>> 16;
    }

    /** Scalar type of a splat or of a lane read or written. */
    public static int scalarType(int subOpcode) {
        return KIND[subOpcode] == SPLAT ? PARAMETER[subOpcode] : PARAMETER[subOpcode] & 0xFFFF;
    }

    private static void set(int op, byte kind, int parameter) {
        KIND[op] = kind;
        PARAMETER[op] = parameter;
    }

    private static void range(int from, int to, byte kind) {
        for (int op = from; op <= to; op++) {
            set(op, kind, 0);
        }
    }

    private static void load(int op, int alignment) {
        set(op, LOAD, alignment);
    }

    private static int lane(int count, int scalar) {
        return count << 16 | scalar;
    }

    private static int memLane(int alignment, int count) {
        return count << 16 | alignment;
    }

    /** extract_lane (signed and unsigned when {@code twoExtracts}) and replace_lane. */
    private static void lanes(int first, int count, int scalar, boolean twoExtracts) {
        set(first, EXTRACT_LANE, lane(count, scalar));
        if (twoExtracts) {
            set(first + 1, EXTRACT_LANE, lane(count, scalar));
        } else {
            set(first + 1, REPLACE_LANE, lane(count, scalar));
        }
    }
}
