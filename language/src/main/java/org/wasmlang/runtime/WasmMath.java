package org.wasmlang.runtime;

import com.oracle.truffle.api.nodes.Node;

/**
 * The exact numeric semantics of WebAssembly 2.0 (scalar instructions) where Java's own
 * operators differ from the spec: division traps, float rounding and sign rules, NaN
 * propagation, trapping and saturating float-to-integer truncation and unsigned
 * integer-to-float conversion.
 *
 * <p>Nodes call these from their execute methods, so everything here is plain arithmetic
 * that partial evaluation inlines: no allocation, no recursion, no boundaries. Traps are
 * created through {@link WasmTrap#create}, which leaves compiled code.
 *
 * <p>f32 and f64 values are Java floats and doubles. NaN bit patterns matter to Wasm, so
 * this class only uses the raw bit conversions ({@link Float#floatToRawIntBits}), never
 * the ones that canonicalise NaNs. Where the spec requires an arithmetic NaN, a NaN
 * operand is sent through a Java addition, which on x86-64 (SSE) sets the quiet bit and
 * keeps the payload, so a canonical NaN stays canonical.
 */
public final class WasmMath {

    private static final int F32_SIGN_MASK = 0x8000_0000;
    private static final long F64_SIGN_MASK = 0x8000_0000_0000_0000L;

    /** 2^63 and 2^64: limits of the i64 ranges, exact in both float and double. */
    private static final float F32_TWO_POW_63 = 0x1p63f;
    private static final float F32_TWO_POW_64 = 0x1p64f;
    private static final double F64_TWO_POW_63 = 0x1p63;
    private static final double F64_TWO_POW_64 = 0x1p64;

    private WasmMath() {
    }

    // ---------------------------------------------------------------- integer division

    public static int i32DivS(int dividend, int divisor, Node location) {
        if (divisor == 0) {
            throw WasmTrap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
        }
        // The one quotient that does not fit: 2^31. Java would wrap it silently.
        if (dividend == Integer.MIN_VALUE && divisor == -1) {
            throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
        }
        return dividend / divisor;
    }

    public static int i32DivU(int dividend, int divisor, Node location) {
        if (divisor == 0) {
            throw WasmTrap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
        }
        return Integer.divideUnsigned(dividend, divisor);
    }

    public static int i32RemS(int dividend, int divisor, Node location) {
        if (divisor == 0) {
            throw WasmTrap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
        }
        // Java defines MIN % -1 as 0 (no exception), which is exactly Wasm's rem_s.
        return dividend % divisor;
    }

    public static int i32RemU(int dividend, int divisor, Node location) {
        if (divisor == 0) {
            throw WasmTrap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
        }
        return Integer.remainderUnsigned(dividend, divisor);
    }

    public static long i64DivS(long dividend, long divisor, Node location) {
        if (divisor == 0) {
            throw WasmTrap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
        }
        if (dividend == Long.MIN_VALUE && divisor == -1) {
            throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
        }
        return dividend / divisor;
    }

    public static long i64DivU(long dividend, long divisor, Node location) {
        if (divisor == 0) {
            throw WasmTrap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
        }
        return Long.divideUnsigned(dividend, divisor);
    }

    public static long i64RemS(long dividend, long divisor, Node location) {
        if (divisor == 0) {
            throw WasmTrap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
        }
        return dividend % divisor;
    }

    public static long i64RemU(long dividend, long divisor, Node location) {
        if (divisor == 0) {
            throw WasmTrap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
        }
        return Long.remainderUnsigned(dividend, divisor);
    }

    // ---------------------------------------------------------------- raw bits

    public static float f32FromBits(int bits) {
        return Float.intBitsToFloat(bits);
    }

    public static int f32Bits(float value) {
        return Float.floatToRawIntBits(value);
    }

    public static double f64FromBits(long bits) {
        return Double.longBitsToDouble(bits);
    }

    public static long f64Bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    // ---------------------------------------------------------------- f32 unary

    /** Non-arithmetic: clears the sign bit and nothing else, NaN payloads included. */
    public static float f32Abs(float value) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(value) & ~F32_SIGN_MASK);
    }

    /** Non-arithmetic: flips the sign bit and nothing else, NaN payloads included. */
    public static float f32Neg(float value) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(value) ^ F32_SIGN_MASK);
    }

    // Rounding a float through double is exact: every float is a double, and the integral
    // result of ceil/floor/trunc/nearest has no more significant bits than the operand.
    // The NaN test comes first because Math.ceil and friends may hand a signalling NaN
    // back unchanged when not intrinsified, and Wasm wants it quiet.

    public static float f32Ceil(float value) {
        if (value != value) {
            return value + value;
        }
        return (float) Math.ceil(value);
    }

    public static float f32Floor(float value) {
        if (value != value) {
            return value + value;
        }
        return (float) Math.floor(value);
    }

    public static float f32Trunc(float value) {
        if (value != value) {
            return value + value;
        }
        return (float) truncateDouble(value);
    }

    /** Round to nearest, ties to even; Math.rint keeps the sign of a zero result. */
    public static float f32Nearest(float value) {
        if (value != value) {
            return value + value;
        }
        return (float) Math.rint(value);
    }

    /**
     * The square root in double rounded to float is correctly rounded: a double carries
     * more than 2 * 24 + 2 significant bits, so the second rounding cannot go wrong.
     */
    public static float f32Sqrt(float value) {
        if (value != value) {
            return value + value;
        }
        return (float) Math.sqrt(value);
    }

    // ---------------------------------------------------------------- f64 unary

    public static double f64Abs(double value) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(value) & ~F64_SIGN_MASK);
    }

    public static double f64Neg(double value) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(value) ^ F64_SIGN_MASK);
    }

    public static double f64Ceil(double value) {
        if (value != value) {
            return value + value;
        }
        return Math.ceil(value);
    }

    public static double f64Floor(double value) {
        if (value != value) {
            return value + value;
        }
        return Math.floor(value);
    }

    public static double f64Trunc(double value) {
        if (value != value) {
            return value + value;
        }
        return truncateDouble(value);
    }

    public static double f64Nearest(double value) {
        if (value != value) {
            return value + value;
        }
        return Math.rint(value);
    }

    public static double f64Sqrt(double value) {
        if (value != value) {
            return value + value;
        }
        return Math.sqrt(value);
    }

    /** Toward zero; ceil of a value in (-1, 0) is -0.0 and floor of -0.0 is -0.0, as Wasm wants. */
    private static double truncateDouble(double value) {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }

    // ---------------------------------------------------------------- min, max, copysign

    /**
     * Any NaN operand gives the canonical NaN, otherwise -0.0 counts as less than +0.0. The
     * spec allows any arithmetic NaN; a fixed one is the same in every tier. The sum of the
     * operands, used before, kept one NaN operand's payload or the other's depending on
     * whether HotSpot had compiled this method (docs/reliability.md), and a payload stored to
     * memory can steer a guest's later code.
     */
    public static float f32Min(float left, float right) {
        if (left != left || right != right) {
            return Float.NaN;
        }
        if (left < right) {
            return left;
        }
        if (right < left) {
            return right;
        }
        // Equal: identical bits, or the two zeros, where OR picks the negative one.
        return Float.intBitsToFloat(Float.floatToRawIntBits(left) | Float.floatToRawIntBits(right));
    }

    public static float f32Max(float left, float right) {
        if (left != left || right != right) {
            return Float.NaN;
        }
        if (left > right) {
            return left;
        }
        if (right > left) {
            return right;
        }
        // Equal: identical bits, or the two zeros, where AND picks the positive one.
        return Float.intBitsToFloat(Float.floatToRawIntBits(left) & Float.floatToRawIntBits(right));
    }

    /** Non-arithmetic: the magnitude bits of the first operand with the sign bit of the second. */
    public static float f32Copysign(float magnitude, float sign) {
        int magnitudeBits = Float.floatToRawIntBits(magnitude) & ~F32_SIGN_MASK;
        int signBit = Float.floatToRawIntBits(sign) & F32_SIGN_MASK;
        return Float.intBitsToFloat(magnitudeBits | signBit);
    }

    public static double f64Min(double left, double right) {
        if (left != left || right != right) {
            return Double.NaN;
        }
        if (left < right) {
            return left;
        }
        if (right < left) {
            return right;
        }
        long bits = Double.doubleToRawLongBits(left) | Double.doubleToRawLongBits(right);
        return Double.longBitsToDouble(bits);
    }

    public static double f64Max(double left, double right) {
        if (left != left || right != right) {
            return Double.NaN;
        }
        if (left > right) {
            return left;
        }
        if (right > left) {
            return right;
        }
        long bits = Double.doubleToRawLongBits(left) & Double.doubleToRawLongBits(right);
        return Double.longBitsToDouble(bits);
    }

    public static double f64Copysign(double magnitude, double sign) {
        long magnitudeBits = Double.doubleToRawLongBits(magnitude) & ~F64_SIGN_MASK;
        long signBit = Double.doubleToRawLongBits(sign) & F64_SIGN_MASK;
        return Double.longBitsToDouble(magnitudeBits | signBit);
    }

    // ---------------------------------------------------------------- trapping truncation
    //
    // Each range test is written on the source value before truncation, with bounds that
    // are exact in the source type: a value is accepted exactly when its truncation toward
    // zero lies in the target range. The comparisons are false for NaN, which is tested
    // first so that it gets its own trap.

    public static int i32TruncF32S(float value, Node location) {
        if (value != value) {
            throw WasmTrap.create(TrapKind.INVALID_CONVERSION_TO_INTEGER, location);
        }
        // -2^31 is a float; the next float down, -2^31 - 256, truncates out of range.
        if (value >= -0x1p31f && value < 0x1p31f) {
            return (int) value;
        }
        throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
    }

    public static int i32TruncF32U(float value, Node location) {
        if (value != value) {
            throw WasmTrap.create(TrapKind.INVALID_CONVERSION_TO_INTEGER, location);
        }
        // Anything above -1.0 truncates to 0 or more.
        if (value > -1.0f && value < 0x1p32f) {
            return (int) (long) value;
        }
        throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
    }

    public static int i32TruncF64S(double value, Node location) {
        if (value != value) {
            throw WasmTrap.create(TrapKind.INVALID_CONVERSION_TO_INTEGER, location);
        }
        // Doubles have fractions here: -2^31 - 0.5 truncates to -2^31, -2^31 - 1 does not.
        if (value > -0x1p31 - 1.0 && value < 0x1p31) {
            return (int) value;
        }
        throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
    }

    public static int i32TruncF64U(double value, Node location) {
        if (value != value) {
            throw WasmTrap.create(TrapKind.INVALID_CONVERSION_TO_INTEGER, location);
        }
        if (value > -1.0 && value < 0x1p32) {
            return (int) (long) value;
        }
        throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
    }

    public static long i64TruncF32S(float value, Node location) {
        if (value != value) {
            throw WasmTrap.create(TrapKind.INVALID_CONVERSION_TO_INTEGER, location);
        }
        if (value >= -F32_TWO_POW_63 && value < F32_TWO_POW_63) {
            return (long) value;
        }
        throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
    }

    public static long i64TruncF32U(float value, Node location) {
        if (value != value) {
            throw WasmTrap.create(TrapKind.INVALID_CONVERSION_TO_INTEGER, location);
        }
        if (value > -1.0f && value < F32_TWO_POW_64) {
            // Widening to double is exact.
            return unsignedTruncateInRange(value);
        }
        throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
    }

    public static long i64TruncF64S(double value, Node location) {
        if (value != value) {
            throw WasmTrap.create(TrapKind.INVALID_CONVERSION_TO_INTEGER, location);
        }
        // No double lies strictly between -2^63 - 1 and -2^63, so the bound is -2^63 inclusive.
        if (value >= -F64_TWO_POW_63 && value < F64_TWO_POW_63) {
            return (long) value;
        }
        throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
    }

    public static long i64TruncF64U(double value, Node location) {
        if (value != value) {
            throw WasmTrap.create(TrapKind.INVALID_CONVERSION_TO_INTEGER, location);
        }
        if (value > -1.0 && value < F64_TWO_POW_64) {
            return unsignedTruncateInRange(value);
        }
        throw WasmTrap.create(TrapKind.INTEGER_OVERFLOW, location);
    }

    /**
     * Truncates a value in (-1, 2^64) to the unsigned 64-bit result's bit pattern. Java's
     * (long) cast stops at 2^63 - 1, so the upper half is shifted down by 2^63 first (the
     * subtraction is exact: both lie in [2^63, 2^64]) and the top bit put back.
     */
    private static long unsignedTruncateInRange(double value) {
        if (value < F64_TWO_POW_63) {
            return (long) value;
        }
        return (long) (value - F64_TWO_POW_63) | Long.MIN_VALUE;
    }

    // ---------------------------------------------------------------- saturating truncation
    //
    // Java's (int) and (long) casts from float and double already are Wasm's signed
    // saturating truncation: NaN gives 0 and out-of-range values clamp to MIN or MAX.

    public static int i32TruncSatF32S(float value) {
        return (int) value;
    }

    public static int i32TruncSatF64S(double value) {
        return (int) value;
    }

    public static long i64TruncSatF32S(float value) {
        return (long) value;
    }

    public static long i64TruncSatF64S(double value) {
        return (long) value;
    }

    public static int i32TruncSatF32U(float value) {
        return i32TruncSatF64U(value);
    }

    /** Clamps to 0 .. 2^32 - 1 (returned as the int bit pattern); NaN gives 0. */
    public static int i32TruncSatF64U(double value) {
        // The long cast is exact over the whole i32 range, saturates beyond it and maps NaN to 0.
        long truncated = (long) value;
        if (truncated < 0) {
            return 0;
        }
        if (truncated > 0xFFFF_FFFFL) {
            return -1;
        }
        return (int) truncated;
    }

    public static long i64TruncSatF32U(float value) {
        return i64TruncSatF64U(value);
    }

    /** Clamps to 0 .. 2^64 - 1 (returned as the long bit pattern); NaN gives 0. */
    public static long i64TruncSatF64U(double value) {
        if (value != value || value <= 0) {
            return 0;
        }
        if (value >= F64_TWO_POW_64) {
            return -1L;
        }
        return unsignedTruncateInRange(value);
    }

    // ---------------------------------------------------------------- integer to float
    //
    // Java's int and long to float/double conversions round once, to nearest even, as
    // Wasm requires. What Java lacks is the unsigned interpretation.

    public static float f32ConvertI32S(int value) {
        return value;
    }

    /** An unsigned i32 is a non-negative long, whose conversion rounds once. */
    public static float f32ConvertI32U(int value) {
        return Integer.toUnsignedLong(value);
    }

    /**
     * Direct long-to-float: one rounding. Going through double would round twice and can
     * land on the wrong float when the first rounding makes an exact tie.
     */
    public static float f32ConvertI64S(long value) {
        return value;
    }

    public static float f32ConvertI64U(long value) {
        if (value >= 0) {
            return value;
        }
        // 2^63 or more: halve so it fits a signed long, keeping the lost low bit as a
        // sticky bit (it lies far below the float's rounding position, so it only has to
        // say "something non-zero was here"), then double the rounded result exactly.
        long halved = (value >>> 1) | (value & 1);
        return (float) halved * 2.0f;
    }

    public static double f64ConvertI32S(int value) {
        return value;
    }

    /** Exact: every u32 is a double. */
    public static double f64ConvertI32U(int value) {
        return Integer.toUnsignedLong(value);
    }

    public static double f64ConvertI64S(long value) {
        return value;
    }

    public static double f64ConvertI64U(long value) {
        if (value >= 0) {
            return value;
        }
        // Same halving trick as f32ConvertI64U; the sticky bit sits below the double's
        // rounding position too (a double keeps 53 of the 63 significant bits).
        long halved = (value >>> 1) | (value & 1);
        return (double) halved * 2.0;
    }

    // ---------------------------------------------------------------- float to float

    /**
     * Rounds to nearest even; a NaN comes out quiet with the top of its payload kept, so
     * a canonical NaN stays canonical.
     */
    public static float f32DemoteF64(double value) {
        return (float) value;
    }

    /** Exact for numbers; a NaN comes out quiet, canonical if it was canonical. */
    public static double f64PromoteF32(float value) {
        return value;
    }
}
