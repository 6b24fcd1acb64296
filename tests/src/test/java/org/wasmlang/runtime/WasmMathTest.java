package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import com.oracle.truffle.api.nodes.Node;

/**
 * Checks WasmMath against the WebAssembly 2.0 numeric semantics: hand-picked edge cases
 * whose expected values are worked out from the spec's definitions (the comments show
 * how), then the official spec test vectors in wasm-math-vectors.wast.
 *
 * <p>Floats are compared by their raw bits, so signed zeros and NaN payloads count.
 */
class WasmMathTest {

    private static final int F32_CANONICAL_NAN = 0x7fc0_0000;
    private static final int F32_QUIET_BIT = 0x0040_0000;
    private static final long F64_CANONICAL_NAN = 0x7ff8_0000_0000_0000L;
    private static final long F64_QUIET_BIT = 0x0008_0000_0000_0000L;

    /** Signalling NaNs (quiet bit clear) with a payload; they must never come out of arithmetic. */
    private static final int F32_SIGNALLING_NAN_BITS = 0x7fa0_0000;
    private static final long F64_SIGNALLING_NAN_BITS = 0x7ff4_0000_0000_0000L;
    private static final float F32_SIGNALLING_NAN = Float.intBitsToFloat(F32_SIGNALLING_NAN_BITS);
    private static final double F64_SIGNALLING_NAN = Double.longBitsToDouble(F64_SIGNALLING_NAN_BITS);
    private static final float F32_CANONICAL = Float.intBitsToFloat(F32_CANONICAL_NAN);
    private static final double F64_CANONICAL = Double.longBitsToDouble(F64_CANONICAL_NAN);

    /** The number of assert lines in wasm-math-vectors.wast; guards against a truncated file. */
    private static final int SPEC_VECTOR_COUNT = 1546;

    // ================================================================ assertion helpers

    private static void assertF32Bits(int expectedBits, float actual) {
        assertEquals(String.format("0x%08x", expectedBits),
                        String.format("0x%08x", Float.floatToRawIntBits(actual)));
    }

    private static void assertF64Bits(long expectedBits, double actual) {
        assertEquals(String.format("0x%016x", expectedBits),
                        String.format("0x%016x", Double.doubleToRawLongBits(actual)));
    }

    private static void assertF32(float expected, float actual) {
        assertF32Bits(Float.floatToRawIntBits(expected), actual);
    }

    private static void assertF64(double expected, double actual) {
        assertF64Bits(Double.doubleToRawLongBits(expected), actual);
    }

    /** Canonical: only the quiet bit set in the significand, either sign. */
    private static void assertCanonicalNaN(float actual) {
        int bits = Float.floatToRawIntBits(actual);
        assertEquals(String.format("0x%08x", F32_CANONICAL_NAN),
                        String.format("0x%08x", bits & 0x7fff_ffff), "expected a canonical NaN");
    }

    private static void assertCanonicalNaN(double actual) {
        long bits = Double.doubleToRawLongBits(actual);
        assertEquals(String.format("0x%016x", F64_CANONICAL_NAN),
                        String.format("0x%016x", bits & Long.MAX_VALUE), "expected a canonical NaN");
    }

    /** Arithmetic: a NaN with the quiet bit set, any payload, any sign. */
    private static void assertArithmeticNaN(float actual) {
        int bits = Float.floatToRawIntBits(actual);
        assertTrue(Float.isNaN(actual) && (bits & F32_QUIET_BIT) != 0,
                        String.format("expected an arithmetic NaN, got 0x%08x", bits));
    }

    private static void assertArithmeticNaN(double actual) {
        long bits = Double.doubleToRawLongBits(actual);
        assertTrue(Double.isNaN(actual) && (bits & F64_QUIET_BIT) != 0,
                        String.format("expected an arithmetic NaN, got 0x%016x", bits));
    }

    private static void assertTrap(TrapKind expected, Executable action) {
        WasmTrap trap = assertThrows(WasmTrap.class, action);
        assertEquals(expected, trap.kind());
    }

    private static void assertOverflow(Executable action) {
        assertTrap(TrapKind.INTEGER_OVERFLOW, action);
    }

    private static void assertInvalid(Executable action) {
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER, action);
    }

    private static void assertDivideByZero(Executable action) {
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, action);
    }

    // ================================================================ integer division

    @Test
    void i32DivisionTruncatesTowardZeroAndRemainderTakesTheDividendSign() {
        assertEquals(-3, WasmMath.i32DivS(-7, 2, null));
        assertEquals(-3, WasmMath.i32DivS(7, -2, null));
        assertEquals(3, WasmMath.i32DivS(-7, -2, null));
        assertEquals(-1, WasmMath.i32RemS(-7, 2, null));
        assertEquals(1, WasmMath.i32RemS(7, -2, null));
        assertEquals(-1, WasmMath.i32RemS(-7, -2, null));
        assertEquals(Integer.MIN_VALUE, WasmMath.i32DivS(Integer.MIN_VALUE, 1, null));
        assertEquals(0, WasmMath.i32RemS(Integer.MIN_VALUE, 2, null));
    }

    @Test
    void i32SignedDivisionOfMinByMinusOneOverflowsButRemainderIsZero() {
        // The quotient 2^31 does not fit in i32: the spec leaves it undefined, so it traps.
        assertOverflow(() -> WasmMath.i32DivS(Integer.MIN_VALUE, -1, null));
        // The remainder is well defined (0), and Java's % agrees without trapping.
        assertEquals(0, WasmMath.i32RemS(Integer.MIN_VALUE, -1, null));
        assertEquals(0, WasmMath.i32RemS(5, -1, null));
        assertEquals(-5, WasmMath.i32DivS(5, -1, null));
    }

    @Test
    void i32DivisionByZeroTraps() {
        assertDivideByZero(() -> WasmMath.i32DivS(1, 0, null));
        assertDivideByZero(() -> WasmMath.i32DivS(0, 0, null));
        // Zero divisor wins over the MIN / -1 case: there is no -1 here.
        assertDivideByZero(() -> WasmMath.i32DivS(Integer.MIN_VALUE, 0, null));
        assertDivideByZero(() -> WasmMath.i32DivU(1, 0, null));
        assertDivideByZero(() -> WasmMath.i32RemS(1, 0, null));
        assertDivideByZero(() -> WasmMath.i32RemU(1, 0, null));
        assertDivideByZero(() -> WasmMath.i32RemS(Integer.MIN_VALUE, 0, null));
    }

    @Test
    void i32UnsignedDivisionTreatsOperandsAsUnsigned() {
        // 0xffffffff = 4294967295; / 2 = 2147483647 rem 1.
        assertEquals(0x7fff_ffff, WasmMath.i32DivU(-1, 2, null));
        assertEquals(1, WasmMath.i32RemU(-1, 2, null));
        // 0x80000000 = 2^31 is not negative here.
        assertEquals(0x4000_0000, WasmMath.i32DivU(Integer.MIN_VALUE, 2, null));
        // A divisor above 2^31 is huge, so the quotient is 0 or 1.
        assertEquals(0, WasmMath.i32DivU(5, -1, null));
        assertEquals(5, WasmMath.i32RemU(5, -1, null));
        assertEquals(1, WasmMath.i32DivU(-1, -1, null));
        // 2^31 / (2^32 - 1) is 0: no overflow case exists for unsigned division.
        assertEquals(0, WasmMath.i32DivU(Integer.MIN_VALUE, -1, null));
        assertEquals(Integer.MIN_VALUE, WasmMath.i32RemU(Integer.MIN_VALUE, -1, null));
        // 4294967295 mod 10 = 5.
        assertEquals(5, WasmMath.i32RemU(-1, 10, null));
        // 0x8ff00ff0 = 2414874608 = 0x8fef * 0x10001 + 0x8001 (0x8fef0000 + 0x8fef + 0x8001).
        assertEquals(0x8fef, WasmMath.i32DivU(0x8ff0_0ff0, 0x1_0001, null));
        assertEquals(0x8001, WasmMath.i32RemU(0x8ff0_0ff0, 0x1_0001, null));
    }

    @Test
    void i64DivisionMirrorsI32() {
        assertEquals(-3L, WasmMath.i64DivS(-7L, 2L, null));
        assertEquals(-1L, WasmMath.i64RemS(-7L, 2L, null));
        assertEquals(1L, WasmMath.i64RemS(7L, -2L, null));
        assertOverflow(() -> WasmMath.i64DivS(Long.MIN_VALUE, -1L, null));
        assertEquals(0L, WasmMath.i64RemS(Long.MIN_VALUE, -1L, null));
        assertEquals(Long.MIN_VALUE, WasmMath.i64DivS(Long.MIN_VALUE, 1L, null));
        // The i32 special case must not leak into i64: this is an ordinary division.
        assertEquals(0x8000_0000L, WasmMath.i64DivS(Integer.MIN_VALUE, -1L, null));

        assertDivideByZero(() -> WasmMath.i64DivS(1L, 0L, null));
        assertDivideByZero(() -> WasmMath.i64DivS(Long.MIN_VALUE, 0L, null));
        assertDivideByZero(() -> WasmMath.i64DivU(1L, 0L, null));
        assertDivideByZero(() -> WasmMath.i64RemS(1L, 0L, null));
        assertDivideByZero(() -> WasmMath.i64RemU(1L, 0L, null));

        // 2^64 - 1 = 18446744073709551615: / 2 = 2^63 - 1 rem 1; mod 10 = 5.
        assertEquals(Long.MAX_VALUE, WasmMath.i64DivU(-1L, 2L, null));
        assertEquals(1L, WasmMath.i64RemU(-1L, 2L, null));
        assertEquals(5L, WasmMath.i64RemU(-1L, 10L, null));
        // 0x8000000000000001 = 9223372036854775809: / 10 = 922337203685477580 rem 9.
        assertEquals(922_337_203_685_477_580L, WasmMath.i64DivU(0x8000_0000_0000_0001L, 10L, null));
        assertEquals(9L, WasmMath.i64RemU(0x8000_0000_0000_0001L, 10L, null));
        assertEquals(0L, WasmMath.i64DivU(5L, -1L, null));
        assertEquals(1L, WasmMath.i64DivU(-1L, -1L, null));
        assertEquals(5L, WasmMath.i64RemU(5L, -1L, null));
    }

    @Test
    void trapsCarryTheLocationAndTheSpecMessage() {
        Node location = new Node() {
        };
        WasmTrap trap = assertThrows(WasmTrap.class, () -> WasmMath.i32DivU(1, 0, location));
        assertSame(location, trap.getLocation());
        assertEquals("integer divide by zero", trap.getMessage());
        WasmTrap overflow =
                        assertThrows(WasmTrap.class, () -> WasmMath.i64DivS(Long.MIN_VALUE, -1L, null));
        assertEquals("integer overflow", overflow.getMessage());
        WasmTrap invalid = assertThrows(WasmTrap.class, () -> WasmMath.i32TruncF32S(Float.NaN, null));
        assertEquals("invalid conversion to integer", invalid.getMessage());
    }

    // ================================================================ abs, neg, copysign

    @Test
    void absNegCopysignOnlyTouchTheSignBitOfNaNs() {
        // Non-arithmetic instructions: a signalling NaN stays signalling, payload untouched.
        assertF32Bits(0xffa0_0000, WasmMath.f32Neg(F32_SIGNALLING_NAN));
        assertF32Bits(0x7fa0_0000, WasmMath.f32Neg(f32(0xffa0_0000)));
        assertF32Bits(0x7fa0_0000, WasmMath.f32Abs(f32(0xffa0_0000)));
        assertF32Bits(0x7fa0_0000, WasmMath.f32Abs(F32_SIGNALLING_NAN));
        // The smallest signalling NaN payload, 1.
        assertF32Bits(0xff80_0001, WasmMath.f32Neg(f32(0x7f80_0001)));
        assertF32Bits(0xffa0_0000, WasmMath.f32Copysign(F32_SIGNALLING_NAN, -1.0f));
        assertF32Bits(0x7fa0_0000, WasmMath.f32Copysign(f32(0xffa0_0000), 0.0f));
        // The sign may come from a NaN too.
        assertF32Bits(0xbf80_0000, WasmMath.f32Copysign(1.0f, f32(0xffc0_0000)));
        assertF32Bits(0x3f80_0000, WasmMath.f32Copysign(-1.0f, F32_SIGNALLING_NAN));

        assertF64Bits(0xfff4_0000_0000_0000L, WasmMath.f64Neg(F64_SIGNALLING_NAN));
        assertF64Bits(0x7ff0_0000_0000_0001L, WasmMath.f64Abs(f64(0xfff0_0000_0000_0001L)));
        assertF64Bits(0xfff4_0000_0000_0000L, WasmMath.f64Copysign(F64_SIGNALLING_NAN, -0.0));
        assertF64Bits(0x7ff0_0000_0000_0001L,
                        WasmMath.f64Copysign(f64(0xfff0_0000_0000_0001L), 1.0));
        assertF64Bits(0xbff0_0000_0000_0000L,
                        WasmMath.f64Copysign(1.0, f64(0xfff8_0000_0000_0000L)));
    }

    @Test
    void absNegCopysignOnNumbers() {
        assertF32Bits(0x8000_0000, WasmMath.f32Neg(0.0f));
        assertF32Bits(0x0000_0000, WasmMath.f32Neg(-0.0f));
        assertF32Bits(0x0000_0000, WasmMath.f32Abs(-0.0f));
        assertF32(Float.POSITIVE_INFINITY, WasmMath.f32Abs(Float.NEGATIVE_INFINITY));
        assertF32(-Float.MIN_VALUE, WasmMath.f32Neg(Float.MIN_VALUE));
        assertF32(-3.5f, WasmMath.f32Copysign(3.5f, -0.0f));
        assertF32(3.5f, WasmMath.f32Copysign(-3.5f, 0.0f));
        assertF32(-0.0f, WasmMath.f32Copysign(0.0f, Float.NEGATIVE_INFINITY));

        assertF64Bits(0x8000_0000_0000_0000L, WasmMath.f64Neg(0.0));
        assertF64Bits(0L, WasmMath.f64Abs(-0.0));
        assertF64(Double.POSITIVE_INFINITY, WasmMath.f64Abs(Double.NEGATIVE_INFINITY));
        assertF64(-Double.MAX_VALUE, WasmMath.f64Neg(Double.MAX_VALUE));
        assertF64(-2.0, WasmMath.f64Copysign(2.0, -Double.MIN_VALUE));
        assertF64(0.0, WasmMath.f64Copysign(-0.0, 1.0));
    }

    @Test
    void rawBitHelpersRoundTripNaNPayloads() {
        int[] floatPatterns = {F32_SIGNALLING_NAN_BITS, 0xff80_0001, 0x7fc0_0001, 0x8000_0000};
        for (int bits : floatPatterns) {
            assertEquals(bits, WasmMath.f32Bits(WasmMath.f32FromBits(bits)));
        }
        long[] doublePatterns = {
            F64_SIGNALLING_NAN_BITS, 0xfff0_0000_0000_0001L, 0x7ff8_0000_0000_0001L
        };
        for (long bits : doublePatterns) {
            assertEquals(bits, WasmMath.f64Bits(WasmMath.f64FromBits(bits)));
        }
    }

    // ================================================================ ceil, floor, trunc, nearest, sqrt

    @Test
    void roundingKeepsTheSignOfZeroResults() {
        // A negative operand rounded up to zero gives -0 (IEEE 754 roundToIntegral keeps the sign).
        assertF32(-0.0f, WasmMath.f32Ceil(-0.5f));
        assertF32(-0.0f, WasmMath.f32Ceil(-Float.MIN_VALUE));
        assertF32(-0.0f, WasmMath.f32Ceil(-0.0f));
        assertF32(0.0f, WasmMath.f32Floor(0.5f));
        assertF32(-0.0f, WasmMath.f32Floor(-0.0f));
        assertF32(-1.0f, WasmMath.f32Floor(-0.5f));
        assertF32(-0.0f, WasmMath.f32Trunc(-0.9f));
        assertF32(0.0f, WasmMath.f32Trunc(0.9f));
        assertF32(-0.0f, WasmMath.f32Trunc(-0.0f));
        assertF32(-0.0f, WasmMath.f32Nearest(-0.5f));
        assertF32(0.0f, WasmMath.f32Nearest(0.5f));
        assertF32(-0.0f, WasmMath.f32Nearest(-0.0f));

        assertF64(-0.0, WasmMath.f64Ceil(-0.5));
        assertF64(-0.0, WasmMath.f64Ceil(-Double.MIN_VALUE));
        assertF64(0.0, WasmMath.f64Floor(Double.MIN_VALUE));
        assertF64(-0.0, WasmMath.f64Floor(-0.0));
        assertF64(-0.0, WasmMath.f64Trunc(-0.9));
        assertF64(0.0, WasmMath.f64Trunc(0.9));
        assertF64(-0.0, WasmMath.f64Nearest(-0.5));
        assertF64(0.0, WasmMath.f64Nearest(0.5));
        assertF64(-0.0, WasmMath.f64Nearest(-0.0));
    }

    @Test
    void nearestRoundsHalfwayCasesToEven() {
        assertF32(2.0f, WasmMath.f32Nearest(1.5f));
        assertF32(2.0f, WasmMath.f32Nearest(2.5f));
        assertF32(4.0f, WasmMath.f32Nearest(3.5f));
        assertF32(-2.0f, WasmMath.f32Nearest(-2.5f));
        assertF32(-4.0f, WasmMath.f32Nearest(-3.5f));
        assertF32(3.0f, WasmMath.f32Nearest(2.5000002f));
        // The float just below 0.5 must go to 0: adding 0.5 and flooring would give 1.
        assertF32(0.0f, WasmMath.f32Nearest(0x1.fffffep-2f));
        // From 2^23 up every float is an integer and comes back unchanged; 2^23 + 1 is odd.
        assertF32(0x1.000002p23f, WasmMath.f32Nearest(0x1.000002p23f));
        // 2^23 - 0.5 is a tie between 2^23 - 1 (odd) and 2^23 (even).
        assertF32(0x1p23f, WasmMath.f32Nearest(0x1.fffffep22f));
        assertF32(Float.NEGATIVE_INFINITY, WasmMath.f32Nearest(Float.NEGATIVE_INFINITY));

        assertF64(2.0, WasmMath.f64Nearest(1.5));
        assertF64(2.0, WasmMath.f64Nearest(2.5));
        assertF64(-2.0, WasmMath.f64Nearest(-2.5));
        assertF64(0.0, WasmMath.f64Nearest(0x1.fffffffffffffp-2));
        assertF64(0x1.0000000000001p52, WasmMath.f64Nearest(0x1.0000000000001p52));
        assertF64(0x1p52, WasmMath.f64Nearest(0x1.fffffffffffffp51));
        assertF64(Double.MAX_VALUE, WasmMath.f64Nearest(Double.MAX_VALUE));
    }

    @Test
    void ceilFloorTruncOnOrdinaryValues() {
        assertF32(2.0f, WasmMath.f32Ceil(1.0000001f));
        assertF32(1.0f, WasmMath.f32Floor(1.9999999f));
        assertF32(-1.0f, WasmMath.f32Ceil(-1.5f));
        assertF32(-2.0f, WasmMath.f32Floor(-1.5f));
        assertF32(-1.0f, WasmMath.f32Trunc(-1.5f));
        assertF32(1.0f, WasmMath.f32Trunc(1.5f));
        // The largest float below 2^23 has fraction .5; the next ones are integers.
        assertF32(0x1p23f, WasmMath.f32Ceil(0x1.fffffep22f));
        assertF32(0x1.fffffcp22f, WasmMath.f32Floor(0x1.fffffep22f));
        assertF32(Float.MAX_VALUE, WasmMath.f32Trunc(Float.MAX_VALUE));
        assertF32(Float.POSITIVE_INFINITY, WasmMath.f32Floor(Float.POSITIVE_INFINITY));

        assertF64(2.0, WasmMath.f64Ceil(0x1.0000000000001p0));
        assertF64(-2.0, WasmMath.f64Floor(-0x1.0000000000001p0));
        assertF64(-1.0, WasmMath.f64Trunc(-1.9999999999999998));
        assertF64(0x1p52, WasmMath.f64Ceil(0x1.fffffffffffffp51));
        assertF64(-0x1p52, WasmMath.f64Floor(-0x1.fffffffffffffp51));
        assertF64(-0x1.ffffffffffffep51, WasmMath.f64Trunc(-0x1.fffffffffffffp51));
        assertF64(Double.NEGATIVE_INFINITY, WasmMath.f64Ceil(Double.NEGATIVE_INFINITY));
    }

    @Test
    void sqrtIsCorrectlyRounded() {
        assertF32(-0.0f, WasmMath.f32Sqrt(-0.0f));
        assertF32(3.0f, WasmMath.f32Sqrt(9.0f));
        assertF32(Float.POSITIVE_INFINITY, WasmMath.f32Sqrt(Float.POSITIVE_INFINITY));
        // sqrt(1 + 2^-23) = 1 + 2^-24 - ..., just below the tie, so rounds down to 1.
        assertF32(1.0f, WasmMath.f32Sqrt(0x1.000002p0f));
        // sqrt(2) = 1.41421356...; the float nearest is 0x1.6a09e6p0 (0x3fb504f3).
        assertF32Bits(0x3fb5_04f3, WasmMath.f32Sqrt(2.0f));
        assertCanonicalNaN(WasmMath.f32Sqrt(-1.0f));
        assertCanonicalNaN(WasmMath.f32Sqrt(Float.NEGATIVE_INFINITY));
        assertCanonicalNaN(WasmMath.f32Sqrt(-Float.MIN_VALUE));

        assertF64(-0.0, WasmMath.f64Sqrt(-0.0));
        assertF64(0x1p-537, WasmMath.f64Sqrt(Double.MIN_VALUE));
        // sqrt(2) = 0x1.6a09e667f3bcc908...p0: the part past 52 fraction bits (0x908...) is
        // more than half an ulp, so it rounds up to ...bcd.
        assertF64(0x1.6a09e667f3bcdp0, WasmMath.f64Sqrt(2.0));
        assertCanonicalNaN(WasmMath.f64Sqrt(-1.0));
        assertCanonicalNaN(WasmMath.f64Sqrt(Double.NEGATIVE_INFINITY));
    }

    @Test
    void roundingAndSqrtQuietSignallingNaNs() {
        // Arithmetic instructions: a signalling NaN operand gives an arithmetic (quiet) NaN.
        assertArithmeticNaN(WasmMath.f32Ceil(F32_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f32Floor(F32_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f32Trunc(F32_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f32Nearest(F32_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f32Sqrt(F32_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f32Ceil(f32(0xff80_0001)));
        assertArithmeticNaN(WasmMath.f64Ceil(F64_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f64Floor(F64_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f64Trunc(F64_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f64Nearest(F64_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f64Sqrt(F64_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f64Nearest(f64(0x7ff0_0000_0000_0001L)));

        // Canonical in, canonical out (either sign).
        assertCanonicalNaN(WasmMath.f32Ceil(F32_CANONICAL));
        assertCanonicalNaN(WasmMath.f32Nearest(f32(0xffc0_0000)));
        assertCanonicalNaN(WasmMath.f32Sqrt(F32_CANONICAL));
        assertCanonicalNaN(WasmMath.f64Floor(F64_CANONICAL));
        assertCanonicalNaN(WasmMath.f64Trunc(f64(0xfff8_0000_0000_0000L)));
        assertCanonicalNaN(WasmMath.f64Sqrt(F64_CANONICAL));
    }

    // ================================================================ min, max

    @Test
    void minMaxOrderNegativeZeroBelowPositiveZero() {
        assertF32(-0.0f, WasmMath.f32Min(-0.0f, 0.0f));
        assertF32(-0.0f, WasmMath.f32Min(0.0f, -0.0f));
        assertF32(0.0f, WasmMath.f32Max(-0.0f, 0.0f));
        assertF32(0.0f, WasmMath.f32Max(0.0f, -0.0f));
        assertF32(-0.0f, WasmMath.f32Min(-0.0f, -0.0f));
        assertF32(0.0f, WasmMath.f32Max(0.0f, 0.0f));
        assertF64(-0.0, WasmMath.f64Min(-0.0, 0.0));
        assertF64(-0.0, WasmMath.f64Min(0.0, -0.0));
        assertF64(0.0, WasmMath.f64Max(-0.0, 0.0));
        assertF64(0.0, WasmMath.f64Max(0.0, -0.0));
    }

    @Test
    void minMaxOnNumbers() {
        assertF32(1.0f, WasmMath.f32Min(1.0f, 2.0f));
        assertF32(1.0f, WasmMath.f32Min(2.0f, 1.0f));
        assertF32(2.0f, WasmMath.f32Max(1.0f, 2.0f));
        float negativeInfinity = Float.NEGATIVE_INFINITY;
        float positiveInfinity = Float.POSITIVE_INFINITY;
        assertF32(negativeInfinity, WasmMath.f32Min(negativeInfinity, positiveInfinity));
        assertF32(positiveInfinity, WasmMath.f32Max(negativeInfinity, positiveInfinity));
        assertF32(-Float.MIN_VALUE, WasmMath.f32Min(0.0f, -Float.MIN_VALUE));
        assertF32(0.0f, WasmMath.f32Max(0.0f, -Float.MIN_VALUE));
        assertF64(-1.0, WasmMath.f64Min(-1.0, 3.0));
        assertF64(3.0, WasmMath.f64Max(-1.0, 3.0));
        assertF64(Double.MIN_VALUE, WasmMath.f64Max(-0.0, Double.MIN_VALUE));
        assertF64(-Double.MAX_VALUE, WasmMath.f64Max(-Double.MAX_VALUE, Double.NEGATIVE_INFINITY));
    }

    /**
     * Two NaN operands with different payloads give the same NaN however often min and max
     * run: enough calls for HotSpot to compile them, whose code (for the sum of the operands
     * used before) kept the other operand's payload than the interpreter did.
     */
    @Test
    void minMaxOfTwoNaNsGiveOneNaNInEveryTier() {
        double a = f64(0xffff_ffff_ffff_ffdfL);
        double b = f64(0xffff_ffff_b870_2103L);
        float c = f32(0xffff_ffdf);
        float d = f32(0x7fa0_2103);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            seen.add(Double.doubleToRawLongBits(WasmMath.f64Max(a, b)));
            seen.add(Double.doubleToRawLongBits(WasmMath.f64Min(b, a)));
            seen.add((long) Float.floatToRawIntBits(WasmMath.f32Max(c, d)) << 32);
            seen.add((long) Float.floatToRawIntBits(WasmMath.f32Min(d, c)) << 32);
        }
        assertEquals(java.util.Set.of(F64_CANONICAL_NAN, (long) F32_CANONICAL_NAN << 32), seen);
    }

    @Test
    void minMaxWithANaNOperandGiveAQuietNaN() {
        // A NaN wins over every number, infinities and zeros included (unlike IEEE minNum).
        assertCanonicalNaN(WasmMath.f32Min(F32_CANONICAL, 1.0f));
        assertCanonicalNaN(WasmMath.f32Min(1.0f, F32_CANONICAL));
        assertCanonicalNaN(WasmMath.f32Max(Float.POSITIVE_INFINITY, F32_CANONICAL));
        assertCanonicalNaN(WasmMath.f32Min(Float.NEGATIVE_INFINITY, f32(0xffc0_0000)));
        assertCanonicalNaN(WasmMath.f32Max(F32_CANONICAL, f32(0xffc0_0000)));
        // Math.min would hand a signalling NaN back unchanged; Wasm wants it quiet.
        assertArithmeticNaN(WasmMath.f32Min(F32_SIGNALLING_NAN, 1.0f));
        assertArithmeticNaN(WasmMath.f32Min(1.0f, F32_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f32Max(F32_SIGNALLING_NAN, -0.0f));
        assertArithmeticNaN(WasmMath.f32Max(0.0f, f32(0xff80_0001)));
        assertArithmeticNaN(WasmMath.f32Min(F32_SIGNALLING_NAN, F32_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f32Max(F32_SIGNALLING_NAN, F32_CANONICAL));
        // A quiet NaN with a payload is arithmetic, not canonical; it must stay arithmetic.
        assertArithmeticNaN(WasmMath.f32Min(f32(0x7fc0_0001), 1.0f));

        assertCanonicalNaN(WasmMath.f64Min(F64_CANONICAL, 1.0));
        assertCanonicalNaN(WasmMath.f64Max(-0.0, F64_CANONICAL));
        assertCanonicalNaN(WasmMath.f64Max(f64(0xfff8_0000_0000_0000L), Double.NEGATIVE_INFINITY));
        assertArithmeticNaN(WasmMath.f64Min(F64_SIGNALLING_NAN, 1.0));
        assertArithmeticNaN(WasmMath.f64Min(1.0, F64_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f64Max(F64_SIGNALLING_NAN, Double.POSITIVE_INFINITY));
        assertArithmeticNaN(WasmMath.f64Max(f64(0x7ff0_0000_0000_0001L), 0.0));
        assertArithmeticNaN(WasmMath.f64Min(F64_SIGNALLING_NAN, F64_SIGNALLING_NAN));
    }

    // ================================================================ trapping truncation

    @Test
    void i32TruncF32SBoundaries() {
        // -2^31 is a float and in range; the next float below is -2^31 - 2^8 (ulp 2^8 there).
        assertEquals(Integer.MIN_VALUE, WasmMath.i32TruncF32S(-0x1p31f, null));
        assertOverflow(() -> WasmMath.i32TruncF32S(-0x1.000002p31f, null));
        // The largest float below 2^31 is 2^31 - 2^7 = 2147483520; 2^31 itself is out.
        assertEquals(2_147_483_520, WasmMath.i32TruncF32S(0x1.fffffep30f, null));
        assertOverflow(() -> WasmMath.i32TruncF32S(0x1p31f, null));
        assertEquals(0, WasmMath.i32TruncF32S(-0.0f, null));
        assertEquals(0, WasmMath.i32TruncF32S(-0.9f, null));
        assertEquals(0, WasmMath.i32TruncF32S(0.9f, null));
        assertEquals(-1, WasmMath.i32TruncF32S(-1.9f, null));
        assertEquals(1, WasmMath.i32TruncF32S(1.9f, null));
        assertOverflow(() -> WasmMath.i32TruncF32S(Float.POSITIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i32TruncF32S(Float.NEGATIVE_INFINITY, null));
        assertInvalid(() -> WasmMath.i32TruncF32S(F32_CANONICAL, null));
        assertInvalid(() -> WasmMath.i32TruncF32S(F32_SIGNALLING_NAN, null));
        assertInvalid(() -> WasmMath.i32TruncF32S(f32(0xffc0_0000), null));
    }

    @Test
    void i32TruncF32UBoundaries() {
        // Range of the truncation is [0, 2^32): the operand may be anything in (-1, 2^32).
        assertEquals(0, WasmMath.i32TruncF32U(-0.9f, null));
        assertEquals(0, WasmMath.i32TruncF32U(Math.nextUp(-1.0f), null));
        assertEquals(0, WasmMath.i32TruncF32U(-0.0f, null));
        assertOverflow(() -> WasmMath.i32TruncF32U(-1.0f, null));
        // The largest float below 2^32 is 2^32 - 2^8 = 0xffffff00.
        assertEquals(0xffff_ff00, WasmMath.i32TruncF32U(0x1.fffffep31f, null));
        assertOverflow(() -> WasmMath.i32TruncF32U(0x1p32f, null));
        // 2^31 does not fit i32 signed but does unsigned.
        assertEquals(0x8000_0000, WasmMath.i32TruncF32U(0x1p31f, null));
        assertEquals(1, WasmMath.i32TruncF32U(1.9f, null));
        assertOverflow(() -> WasmMath.i32TruncF32U(Float.POSITIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i32TruncF32U(Float.NEGATIVE_INFINITY, null));
        assertInvalid(() -> WasmMath.i32TruncF32U(F32_CANONICAL, null));
        assertInvalid(() -> WasmMath.i32TruncF32U(f32(0xff80_0001), null));
    }

    @Test
    void i32TruncF64SBoundaries() {
        // Doubles resolve fractions near 2^31: anything that truncates into range is accepted.
        assertEquals(Integer.MIN_VALUE, WasmMath.i32TruncF64S(-2147483648.9, null));
        assertEquals(Integer.MAX_VALUE, WasmMath.i32TruncF64S(2147483647.9, null));
        assertEquals(Integer.MIN_VALUE, WasmMath.i32TruncF64S(Math.nextUp(-2147483649.0), null));
        assertOverflow(() -> WasmMath.i32TruncF64S(-2147483649.0, null));
        assertOverflow(() -> WasmMath.i32TruncF64S(2147483648.0, null));
        assertEquals(Integer.MAX_VALUE, WasmMath.i32TruncF64S(Math.nextDown(2147483648.0), null));
        assertEquals(0, WasmMath.i32TruncF64S(-0.0, null));
        assertEquals(0, WasmMath.i32TruncF64S(-0.9, null));
        assertEquals(-7, WasmMath.i32TruncF64S(-7.99, null));
        assertOverflow(() -> WasmMath.i32TruncF64S(Double.POSITIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i32TruncF64S(Double.NEGATIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i32TruncF64S(1e300, null));
        assertInvalid(() -> WasmMath.i32TruncF64S(F64_CANONICAL, null));
        assertInvalid(() -> WasmMath.i32TruncF64S(F64_SIGNALLING_NAN, null));
    }

    @Test
    void i32TruncF64UBoundaries() {
        assertEquals(0, WasmMath.i32TruncF64U(-0.9, null));
        assertEquals(0, WasmMath.i32TruncF64U(Math.nextUp(-1.0), null));
        assertEquals(0, WasmMath.i32TruncF64U(-0.0, null));
        assertOverflow(() -> WasmMath.i32TruncF64U(-1.0, null));
        assertEquals(0xffff_ffff, WasmMath.i32TruncF64U(4294967295.9, null));
        assertEquals(0xffff_ffff, WasmMath.i32TruncF64U(Math.nextDown(4294967296.0), null));
        assertOverflow(() -> WasmMath.i32TruncF64U(4294967296.0, null));
        assertEquals(0x8000_0000, WasmMath.i32TruncF64U(2147483648.5, null));
        assertOverflow(() -> WasmMath.i32TruncF64U(Double.POSITIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i32TruncF64U(Double.NEGATIVE_INFINITY, null));
        assertInvalid(() -> WasmMath.i32TruncF64U(F64_CANONICAL, null));
        assertInvalid(() -> WasmMath.i32TruncF64U(f64(0xfff0_0000_0000_0001L), null));
    }

    @Test
    void i64TruncF32SBoundaries() {
        assertEquals(Long.MIN_VALUE, WasmMath.i64TruncF32S(-0x1p63f, null));
        // Next float below -2^63 is -(2^63 + 2^40) = -9223373136366403584.
        assertOverflow(() -> WasmMath.i64TruncF32S(-0x1.000002p63f, null));
        // Largest float below 2^63 is (2^24 - 1) * 2^39 = 9223371487098961920.
        assertEquals(9_223_371_487_098_961_920L, WasmMath.i64TruncF32S(0x1.fffffep62f, null));
        assertOverflow(() -> WasmMath.i64TruncF32S(0x1p63f, null));
        assertEquals(0L, WasmMath.i64TruncF32S(-0.0f, null));
        assertEquals(0L, WasmMath.i64TruncF32S(-0.9f, null));
        assertEquals(-4_294_967_296L, WasmMath.i64TruncF32S(-0x1p32f, null));
        assertOverflow(() -> WasmMath.i64TruncF32S(Float.POSITIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i64TruncF32S(Float.NEGATIVE_INFINITY, null));
        assertInvalid(() -> WasmMath.i64TruncF32S(F32_CANONICAL, null));
        assertInvalid(() -> WasmMath.i64TruncF32S(F32_SIGNALLING_NAN, null));
    }

    @Test
    void i64TruncF32UBoundaries() {
        assertEquals(0L, WasmMath.i64TruncF32U(-0.9f, null));
        assertEquals(0L, WasmMath.i64TruncF32U(Math.nextUp(-1.0f), null));
        assertEquals(0L, WasmMath.i64TruncF32U(-0.0f, null));
        assertOverflow(() -> WasmMath.i64TruncF32U(-1.0f, null));
        // 2^63: Java's (long) cast would saturate to 2^63 - 1; the u64 bit pattern is 0x8000...
        assertEquals(0x8000_0000_0000_0000L, WasmMath.i64TruncF32U(0x1p63f, null));
        // The largest float below 2^64 is (2^24 - 1) * 2^40 = 0xffffff0000000000.
        assertEquals(0xffff_ff00_0000_0000L, WasmMath.i64TruncF32U(0x1.fffffep63f, null));
        assertOverflow(() -> WasmMath.i64TruncF32U(0x1p64f, null));
        assertEquals(0xffff_ff00L, WasmMath.i64TruncF32U(0x1.fffffep31f, null));
        assertOverflow(() -> WasmMath.i64TruncF32U(Float.POSITIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i64TruncF32U(Float.NEGATIVE_INFINITY, null));
        assertInvalid(() -> WasmMath.i64TruncF32U(F32_CANONICAL, null));
        assertInvalid(() -> WasmMath.i64TruncF32U(f32(0xffa0_0000), null));
    }

    @Test
    void i64TruncF64SBoundaries() {
        assertEquals(Long.MIN_VALUE, WasmMath.i64TruncF64S(-0x1p63, null));
        // Next double below -2^63 is -(2^63 + 2^11) = -9223372036854777856.
        assertOverflow(() -> WasmMath.i64TruncF64S(-0x1.0000000000001p63, null));
        // Largest double below 2^63 is (2^53 - 1) * 2^10 = 0x7ffffffffffffc00.
        assertEquals(0x7fff_ffff_ffff_fc00L, WasmMath.i64TruncF64S(0x1.fffffffffffffp62, null));
        assertOverflow(() -> WasmMath.i64TruncF64S(0x1p63, null));
        assertEquals(0L, WasmMath.i64TruncF64S(-0.0, null));
        assertEquals(0L, WasmMath.i64TruncF64S(-0.9, null));
        assertEquals(-9_007_199_254_740_992L, WasmMath.i64TruncF64S(-0x1p53, null));
        assertOverflow(() -> WasmMath.i64TruncF64S(Double.POSITIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i64TruncF64S(Double.NEGATIVE_INFINITY, null));
        assertInvalid(() -> WasmMath.i64TruncF64S(F64_CANONICAL, null));
        assertInvalid(() -> WasmMath.i64TruncF64S(F64_SIGNALLING_NAN, null));
    }

    @Test
    void i64TruncF64UBoundaries() {
        assertEquals(0L, WasmMath.i64TruncF64U(-0.9, null));
        assertEquals(0L, WasmMath.i64TruncF64U(Math.nextUp(-1.0), null));
        assertEquals(0L, WasmMath.i64TruncF64U(-0.0, null));
        assertOverflow(() -> WasmMath.i64TruncF64U(-1.0, null));
        assertEquals(0x8000_0000_0000_0000L, WasmMath.i64TruncF64U(0x1p63, null));
        // 2^63 + 2^11, the next double: checks the upper half keeps its low bits.
        assertEquals(0x8000_0000_0000_0800L, WasmMath.i64TruncF64U(0x1.0000000000001p63, null));
        // Largest double below 2^64 is (2^53 - 1) * 2^11 = 0xfffffffffffff800.
        assertEquals(0xffff_ffff_ffff_f800L, WasmMath.i64TruncF64U(0x1.fffffffffffffp63, null));
        assertOverflow(() -> WasmMath.i64TruncF64U(0x1p64, null));
        // Just below 2^63: still the plain signed cast.
        assertEquals(0x7fff_ffff_ffff_fc00L, WasmMath.i64TruncF64U(0x1.fffffffffffffp62, null));
        assertOverflow(() -> WasmMath.i64TruncF64U(Double.POSITIVE_INFINITY, null));
        assertOverflow(() -> WasmMath.i64TruncF64U(Double.NEGATIVE_INFINITY, null));
        assertInvalid(() -> WasmMath.i64TruncF64U(F64_CANONICAL, null));
        assertInvalid(() -> WasmMath.i64TruncF64U(f64(0xfff8_0000_0000_0000L), null));
    }

    // ================================================================ saturating truncation

    @Test
    void signedSaturatingTruncationClampsAndMapsNaNToZero() {
        assertEquals(0, WasmMath.i32TruncSatF32S(F32_CANONICAL));
        assertEquals(0, WasmMath.i32TruncSatF32S(F32_SIGNALLING_NAN));
        assertEquals(Integer.MAX_VALUE, WasmMath.i32TruncSatF32S(0x1p31f));
        assertEquals(Integer.MAX_VALUE, WasmMath.i32TruncSatF32S(Float.POSITIVE_INFINITY));
        assertEquals(Integer.MIN_VALUE, WasmMath.i32TruncSatF32S(-0x1.000002p31f));
        assertEquals(Integer.MIN_VALUE, WasmMath.i32TruncSatF32S(Float.NEGATIVE_INFINITY));
        assertEquals(2_147_483_520, WasmMath.i32TruncSatF32S(0x1.fffffep30f));
        assertEquals(-1, WasmMath.i32TruncSatF32S(-1.9f));
        assertEquals(0, WasmMath.i32TruncSatF32S(-0.9f));

        assertEquals(0, WasmMath.i32TruncSatF64S(F64_CANONICAL));
        assertEquals(Integer.MAX_VALUE, WasmMath.i32TruncSatF64S(2147483648.0));
        assertEquals(Integer.MAX_VALUE, WasmMath.i32TruncSatF64S(2147483647.9));
        assertEquals(Integer.MIN_VALUE, WasmMath.i32TruncSatF64S(-2147483649.0));
        assertEquals(Integer.MIN_VALUE, WasmMath.i32TruncSatF64S(-2147483648.9));
        assertEquals(Integer.MIN_VALUE, WasmMath.i32TruncSatF64S(Double.NEGATIVE_INFINITY));

        assertEquals(0L, WasmMath.i64TruncSatF32S(f32(0xffc0_0000)));
        assertEquals(Long.MAX_VALUE, WasmMath.i64TruncSatF32S(0x1p63f));
        assertEquals(Long.MIN_VALUE, WasmMath.i64TruncSatF32S(-0x1.000002p63f));
        assertEquals(9_223_371_487_098_961_920L, WasmMath.i64TruncSatF32S(0x1.fffffep62f));
        assertEquals(0L, WasmMath.i64TruncSatF64S(F64_SIGNALLING_NAN));
        assertEquals(Long.MAX_VALUE, WasmMath.i64TruncSatF64S(1e30));
        assertEquals(Long.MIN_VALUE, WasmMath.i64TruncSatF64S(-1e30));
        assertEquals(Long.MIN_VALUE, WasmMath.i64TruncSatF64S(-0x1p63));
        assertEquals(0x7fff_ffff_ffff_fc00L, WasmMath.i64TruncSatF64S(0x1.fffffffffffffp62));
    }

    @Test
    void unsignedSaturatingTruncationClampsToTheUnsignedRange() {
        assertEquals(0, WasmMath.i32TruncSatF32U(F32_CANONICAL));
        assertEquals(0, WasmMath.i32TruncSatF32U(f32(0xffa0_0000)));
        assertEquals(0, WasmMath.i32TruncSatF32U(-0.9f));
        assertEquals(0, WasmMath.i32TruncSatF32U(-1.0f));
        assertEquals(0, WasmMath.i32TruncSatF32U(-0x1p40f));
        assertEquals(0, WasmMath.i32TruncSatF32U(Float.NEGATIVE_INFINITY));
        assertEquals(0xffff_ff00, WasmMath.i32TruncSatF32U(0x1.fffffep31f));
        assertEquals(0xffff_ffff, WasmMath.i32TruncSatF32U(0x1p32f));
        assertEquals(0xffff_ffff, WasmMath.i32TruncSatF32U(Float.POSITIVE_INFINITY));
        assertEquals(0x8000_0000, WasmMath.i32TruncSatF32U(0x1p31f));

        assertEquals(0, WasmMath.i32TruncSatF64U(F64_CANONICAL));
        assertEquals(0, WasmMath.i32TruncSatF64U(-1.0));
        assertEquals(0, WasmMath.i32TruncSatF64U(Double.NEGATIVE_INFINITY));
        assertEquals(0xffff_ffff, WasmMath.i32TruncSatF64U(4294967295.9));
        assertEquals(0xffff_ffff, WasmMath.i32TruncSatF64U(4294967296.0));
        assertEquals(0xffff_ffff, WasmMath.i32TruncSatF64U(1e300));
        assertEquals(0xffff_fffe, WasmMath.i32TruncSatF64U(4294967294.5));

        assertEquals(0L, WasmMath.i64TruncSatF32U(F32_SIGNALLING_NAN));
        assertEquals(0L, WasmMath.i64TruncSatF32U(-0.9f));
        assertEquals(0L, WasmMath.i64TruncSatF32U(Float.NEGATIVE_INFINITY));
        assertEquals(0x8000_0000_0000_0000L, WasmMath.i64TruncSatF32U(0x1p63f));
        assertEquals(0xffff_ff00_0000_0000L, WasmMath.i64TruncSatF32U(0x1.fffffep63f));
        assertEquals(-1L, WasmMath.i64TruncSatF32U(0x1p64f));
        assertEquals(-1L, WasmMath.i64TruncSatF32U(Float.POSITIVE_INFINITY));

        assertEquals(0L, WasmMath.i64TruncSatF64U(F64_CANONICAL));
        assertEquals(0L, WasmMath.i64TruncSatF64U(f64(0xfff8_0000_0000_0000L)));
        assertEquals(0L, WasmMath.i64TruncSatF64U(F64_SIGNALLING_NAN));
        assertEquals(0L, WasmMath.i64TruncSatF64U(-0.0));
        assertEquals(0L, WasmMath.i64TruncSatF64U(-0.9));
        assertEquals(0L, WasmMath.i64TruncSatF64U(-1e300));
        assertEquals(1L, WasmMath.i64TruncSatF64U(1.9));
        assertEquals(0x8000_0000_0000_0000L, WasmMath.i64TruncSatF64U(0x1p63));
        assertEquals(0xffff_ffff_ffff_f800L, WasmMath.i64TruncSatF64U(0x1.fffffffffffffp63));
        assertEquals(-1L, WasmMath.i64TruncSatF64U(0x1p64));
        assertEquals(-1L, WasmMath.i64TruncSatF64U(Double.POSITIVE_INFINITY));
    }

    // ================================================================ integer to float

    @Test
    void f32ConvertI64SRoundsOnceNotThroughDouble() {
        // 0x0020000020000001 = 2^53 + 2^29 + 1. Floats near 2^53 are 2^30 apart, so the
        // candidates are 2^53 and 2^53 + 2^30; the value is 1 past their midpoint 2^53 + 2^29
        // and rounds up: exponent 53 + 127 = 0xb4, significand 1 -> bits 0x5a000001.
        // Via double it would first round (doubles are 2 apart there, a tie, to even) to
        // exactly 2^53 + 2^29, a float tie that goes to even 2^53 = 0x5a000000: wrong.
        assertF32Bits(0x5a00_0001, WasmMath.f32ConvertI64S(0x0020_0000_2000_0001L));
        // Its negation, 0xffdfffffdfffffff, gives the same magnitude with the sign bit.
        assertF32Bits(0xda00_0001, WasmMath.f32ConvertI64S(0xffdf_ffff_dfff_ffffL));
        // 0x7fffff4000000001 = (2^24 - 2) * 2^39 + 2^38 + 1: floats are 2^39 apart, the
        // value is 1 past the midpoint and rounds up to (2^24 - 1) * 2^39 = 0x1.fffffep62,
        // bits (62 + 127) << 23 | 0x7fffff = 0x5effffff. Via double the +1 is lost (doubles
        // are 2^10 apart), leaving a tie that rounds to the even 0x5efffffe.
        assertF32Bits(0x5eff_ffff, WasmMath.f32ConvertI64S(0x7fff_ff40_0000_0001L));
        assertF32Bits(0xdf00_0000, WasmMath.f32ConvertI64S(Long.MIN_VALUE));
        // 2^63 - 1 rounds up to 2^63: bits (63 + 127) << 23 = 0x5f000000.
        assertF32Bits(0x5f00_0000, WasmMath.f32ConvertI64S(Long.MAX_VALUE));
        // 2^24 + 1 is a tie between 2^24 and 2^24 + 2: even significand wins, 2^24.
        assertF32(16_777_216.0f, WasmMath.f32ConvertI64S(16_777_217L));
        // 2^24 + 3 is a tie between 2^24 + 2 (odd significand) and 2^24 + 4 (even).
        assertF32(16_777_220.0f, WasmMath.f32ConvertI64S(16_777_219L));
        assertF32(-1.0f, WasmMath.f32ConvertI64S(-1L));
    }

    @Test
    void f32ConvertI64URoundsValuesAtOrAbove2Pow63Correctly() {
        // 0x8000008000000001 = 2^63 + 2^39 + 1. Floats near 2^63 are 2^40 apart; the value is
        // 1 past the midpoint 2^63 + 2^39, so it rounds up to 2^63 + 2^40: exponent
        // 63 + 127 = 0xbe, significand 1 -> 0x5f000001. Halving without the sticky bit would
        // drop the +1 and leave a tie that rounds to the even 2^63 (0x5f000000).
        assertF32Bits(0x5f00_0001, WasmMath.f32ConvertI64U(0x8000_0080_0000_0001L));
        // Exactly the midpoint: a tie, to the even significand -> 2^63.
        assertF32Bits(0x5f00_0000, WasmMath.f32ConvertI64U(0x8000_0080_0000_0000L));
        // 2^64 - 1 rounds up to 2^64: exponent 64 + 127 = 0xbf -> 0x5f800000.
        assertF32Bits(0x5f80_0000, WasmMath.f32ConvertI64U(0xffff_ffff_ffff_ffffL));
        assertF32Bits(0x5f00_0000, WasmMath.f32ConvertI64U(Long.MIN_VALUE));
        // 2^64 - 2^40 = (2^24 - 1) * 2^40 is a float: 0x5f7fffff. One less still rounds to
        // it: the midpoint with the float below lies 2^39 lower.
        assertF32Bits(0x5f7f_ffff, WasmMath.f32ConvertI64U(0xffff_ff00_0000_0000L));
        assertF32Bits(0x5f7f_ffff, WasmMath.f32ConvertI64U(0xffff_feff_ffff_ffffL));
        // Below 2^63 it is the signed conversion, double-rounding trap included.
        assertF32Bits(0x5a00_0001, WasmMath.f32ConvertI64U(0x0020_0000_2000_0001L));
        assertF32(0.0f, WasmMath.f32ConvertI64U(0L));
        assertF32(1.0f, WasmMath.f32ConvertI64U(1L));
    }

    @Test
    void f32ConvertI32URoundsToNearestEven() {
        // 2^32 - 1 rounds up to 2^32: exponent 32 + 127 = 0x9f -> 0x4f800000.
        assertF32Bits(0x4f80_0000, WasmMath.f32ConvertI32U(0xffff_ffff));
        // Floats near 2^31 are 2^8 apart. 2^31 + 2^7 is a tie -> even 2^31 (0x4f000000);
        // one more rounds up to 2^31 + 2^8 (0x4f000001); 2^31 + 2^8 + 2^7 is a tie between
        // significands 1 (odd) and 2 (even) -> 0x4f000002.
        assertF32Bits(0x4f00_0000, WasmMath.f32ConvertI32U(0x8000_0080));
        assertF32Bits(0x4f00_0001, WasmMath.f32ConvertI32U(0x8000_0081));
        assertF32Bits(0x4f00_0002, WasmMath.f32ConvertI32U(0x8000_0180));
        assertF32Bits(0x4f00_0000, WasmMath.f32ConvertI32U(Integer.MIN_VALUE));
        assertF32(16_777_216.0f, WasmMath.f32ConvertI32U(16_777_217));
        assertF32(0.0f, WasmMath.f32ConvertI32U(0));

        assertF32(-2_147_483_648.0f, WasmMath.f32ConvertI32S(Integer.MIN_VALUE));
        assertF32(-1.0f, WasmMath.f32ConvertI32S(-1));
        assertF32(2_147_483_648.0f, WasmMath.f32ConvertI32S(Integer.MAX_VALUE));
    }

    @Test
    void f64ConvertsFromIntegers() {
        // Every u32 is exactly a double.
        assertF64(4_294_967_295.0, WasmMath.f64ConvertI32U(0xffff_ffff));
        assertF64(2_147_483_648.0, WasmMath.f64ConvertI32U(Integer.MIN_VALUE));
        assertF64(0.0, WasmMath.f64ConvertI32U(0));
        assertF64(-2_147_483_648.0, WasmMath.f64ConvertI32S(Integer.MIN_VALUE));

        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2 -> even 2^53; 2^53 + 3 -> 2^53 + 4.
        assertF64(9_007_199_254_740_992.0, WasmMath.f64ConvertI64S(9_007_199_254_740_993L));
        assertF64(9_007_199_254_740_996.0, WasmMath.f64ConvertI64S(9_007_199_254_740_995L));
        assertF64(-0x1p63, WasmMath.f64ConvertI64S(Long.MIN_VALUE));

        // 0x8000000000000401 = 2^63 + 2^10 + 1: doubles there are 2^11 apart, the value is 1
        // past the midpoint and rounds up to 2^63 + 2^11: exponent 63 + 1023 = 0x43e,
        // significand 1 -> 0x43e0000000000001. Without the sticky bit the halved value is a
        // tie that rounds to the even 2^63 (0x43e0000000000000).
        assertF64Bits(0x43e0_0000_0000_0001L, WasmMath.f64ConvertI64U(0x8000_0000_0000_0401L));
        assertF64Bits(0x43e0_0000_0000_0000L, WasmMath.f64ConvertI64U(0x8000_0000_0000_0400L));
        // 2^64 - 1 rounds up to 2^64: exponent 64 + 1023 = 0x43f -> 0x43f0000000000000.
        assertF64Bits(0x43f0_0000_0000_0000L, WasmMath.f64ConvertI64U(0xffff_ffff_ffff_ffffL));
        // 2^64 - 2^10 is a tie between (2^53 - 1) * 2^11 (odd) and 2^64 (even) -> 2^64.
        assertF64Bits(0x43f0_0000_0000_0000L, WasmMath.f64ConvertI64U(0xffff_ffff_ffff_fc00L));
        // One below the tie rounds down to the largest double below 2^64.
        assertF64Bits(0x43ef_ffff_ffff_ffffL, WasmMath.f64ConvertI64U(0xffff_ffff_ffff_fbffL));
        assertF64(0x1p63, WasmMath.f64ConvertI64U(Long.MIN_VALUE));
        assertF64(9_007_199_254_740_992.0, WasmMath.f64ConvertI64U(9_007_199_254_740_993L));
    }

    // ================================================================ demote, promote

    @Test
    void demoteAndPromote() {
        // 1 + 2^-24 is a tie between 1 and 1 + 2^-23 -> even 1; a bit more rounds up.
        assertF32(1.0f, WasmMath.f32DemoteF64(0x1.000001p0));
        assertF32(0x1.000002p0f, WasmMath.f32DemoteF64(0x1.0000010000001p0));
        // MAX_VALUE + half an ulp is a tie between MAX_VALUE (odd significand) and 2^128
        // (even), so it overflows to infinity; anything less rounds back to MAX_VALUE.
        assertF32(Float.POSITIVE_INFINITY, WasmMath.f32DemoteF64(0x1.ffffffp127));
        assertF32(Float.MAX_VALUE, WasmMath.f32DemoteF64(0x1.fffffefffffffp127));
        // Underflow keeps the sign of zero.
        assertF32(-0.0f, WasmMath.f32DemoteF64(-Double.MIN_VALUE));
        assertCanonicalNaN(WasmMath.f32DemoteF64(F64_CANONICAL));
        assertCanonicalNaN(WasmMath.f32DemoteF64(f64(0xfff8_0000_0000_0000L)));
        assertArithmeticNaN(WasmMath.f32DemoteF64(F64_SIGNALLING_NAN));
        assertArithmeticNaN(WasmMath.f32DemoteF64(f64(0x7ff0_0000_0000_0001L)));

        assertF64(0x1p-149, WasmMath.f64PromoteF32(Float.MIN_VALUE));
        assertF64(-0.0, WasmMath.f64PromoteF32(-0.0f));
        assertCanonicalNaN(WasmMath.f64PromoteF32(F32_CANONICAL));
        assertArithmeticNaN(WasmMath.f64PromoteF32(F32_SIGNALLING_NAN));
    }

    // ================================================================ spec test vectors

    /** What an expected float result is: exact bits, or one of the two NaN patterns. */
    private enum NanPattern {
        NONE,
        CANONICAL,
        ARITHMETIC
    }

    /** A constant from a .wast line; bits hold an i32 or f32 zero-extended. */
    private record WastValue(String type, long bits, NanPattern nanPattern) {
    }

    private static final Pattern CONSTANT =
                    Pattern.compile("\\((i32|i64|f32|f64)\\.const\\s+([^\\s)]+)\\s*\\)");
    private static final Pattern COMMAND =
                    Pattern.compile("^\\(assert_(return|trap) \\(invoke \"([^\"]+)\"");
    private static final Pattern TRAP_MESSAGE = Pattern.compile("\"([^\"]*)\"\\)\\s*$");

    @TestFactory
    Stream<DynamicTest> specVectors() throws IOException {
        List<String> lines = readVectorLines();
        assertEquals(SPEC_VECTOR_COUNT, lines.size(), "assert lines in wasm-math-vectors.wast");
        return lines.stream().map(line -> DynamicTest.dynamicTest(line, () -> checkVector(line)));
    }

    private static List<String> readVectorLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream stream = WasmMathTest.class.getResourceAsStream("wasm-math-vectors.wast")) {
            if (stream == null) {
                fail("wasm-math-vectors.wast is not on the class path next to WasmMathTest");
            }
            BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("(assert_")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static void checkVector(String line) {
        Matcher command = COMMAND.matcher(line);
        assertTrue(command.find(), "not an assert_return/assert_trap on an invoke");
        boolean expectsTrap = command.group(1).equals("trap");
        String instruction = command.group(2);

        List<WastValue> constants = new ArrayList<>();
        Matcher constant = CONSTANT.matcher(line);
        while (constant.find()) {
            constants.add(parseConstant(constant.group(1), constant.group(2)));
        }
        // Every instruction here yields one value: an assert_return's last constant is it.
        List<WastValue> arguments = expectsTrap ? constants : constants.subList(0, constants.size() - 1);
        long[] argumentBits = new long[arguments.size()];
        for (int i = 0; i < argumentBits.length; i++) {
            argumentBits[i] = arguments.get(i).bits();
        }

        if (expectsTrap) {
            Matcher message = TRAP_MESSAGE.matcher(line);
            assertTrue(message.find(), "assert_trap without a message");
            WasmTrap trap = assertThrows(WasmTrap.class, () -> evaluate(instruction, argumentBits));
            assertEquals(message.group(1), trap.kind().message());
            return;
        }
        WastValue expected = constants.get(constants.size() - 1);
        long actual = evaluate(instruction, argumentBits);
        checkResult(expected, actual);
    }

    private static void checkResult(WastValue expected, long actual) {
        boolean isF32 = expected.type().equals("f32");
        long signBit = isF32 ? 0x8000_0000L : Long.MIN_VALUE;
        long canonical = isF32 ? F32_CANONICAL_NAN : F64_CANONICAL_NAN;
        long quietBit = isF32 ? F32_QUIET_BIT : F64_QUIET_BIT;
        long exponentMask = isF32 ? 0x7f80_0000L : 0x7ff0_0000_0000_0000L;
        String actualHex = String.format("0x%x", actual);
        switch (expected.nanPattern()) {
            case CANONICAL -> assertEquals(canonical, actual & ~signBit,
                            "expected nan:canonical, got " + actualHex);
            case ARITHMETIC -> assertTrue((actual & exponentMask) == exponentMask
                            && (actual & quietBit) != 0, "expected nan:arithmetic, got " + actualHex);
            case NONE -> assertEquals(String.format("0x%x", expected.bits()), actualHex);
        }
    }

    private static WastValue parseConstant(String type, String literal) {
        String text = literal.replace("_", "");
        return switch (type) {
            case "i32" -> new WastValue(type, parseInteger(text) & 0xffff_ffffL, NanPattern.NONE);
            case "i64" -> new WastValue(type, parseInteger(text), NanPattern.NONE);
            default -> parseFloat(type, text);
        };
    }

    /** Decimal or hex, signed or not; i32 values may be written as unsigned. */
    private static long parseInteger(String text) {
        boolean negative = text.startsWith("-");
        String digits = negative || text.startsWith("+") ? text.substring(1) : text;
        long magnitude = digits.startsWith("0x")
                        ? Long.parseUnsignedLong(digits.substring(2), 16)
                        : Long.parseUnsignedLong(digits);
        return negative ? -magnitude : magnitude;
    }

    private static WastValue parseFloat(String type, String text) {
        boolean isF32 = type.equals("f32");
        if (text.equals("nan:canonical")) {
            return new WastValue(type, 0, NanPattern.CANONICAL);
        }
        if (text.equals("nan:arithmetic")) {
            return new WastValue(type, 0, NanPattern.ARITHMETIC);
        }
        boolean negative = text.startsWith("-");
        String magnitude = negative || text.startsWith("+") ? text.substring(1) : text;
        long infinityBits = isF32 ? 0x7f80_0000L : 0x7ff0_0000_0000_0000L;
        long bits;
        if (magnitude.equals("inf")) {
            bits = infinityBits;
        } else if (magnitude.equals("nan")) {
            bits = isF32 ? F32_CANONICAL_NAN : F64_CANONICAL_NAN;
        } else if (magnitude.startsWith("nan:0x")) {
            bits = infinityBits | Long.parseUnsignedLong(magnitude.substring("nan:0x".length()), 16);
        } else {
            // Java's parsers round correctly; hex literals just need an explicit exponent.
            boolean hexWithoutExponent = magnitude.startsWith("0x") && magnitude.indexOf('p') < 0;
            String javaLiteral = hexWithoutExponent ? magnitude + "p0" : magnitude;
            bits = isF32
                            ? Float.floatToRawIntBits(Float.parseFloat(javaLiteral)) & 0xffff_ffffL
                            : Double.doubleToRawLongBits(Double.parseDouble(javaLiteral));
        }
        if (negative) {
            bits |= isF32 ? 0x8000_0000L : Long.MIN_VALUE;
        }
        return new WastValue(type, bits, NanPattern.NONE);
    }

    private static float f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long fromI32(int value) {
        return value & 0xffff_ffffL;
    }

    private static long fromF32(float value) {
        return Float.floatToRawIntBits(value) & 0xffff_ffffL;
    }

    private static long fromF64(double value) {
        return Double.doubleToRawLongBits(value);
    }

    /** Runs one instruction on raw argument bits and returns the raw result bits. */
    private static long evaluate(String instruction, long[] args) {
        return switch (instruction) {
            case "i32.div_s" -> fromI32(WasmMath.i32DivS((int) args[0], (int) args[1], null));
            case "i32.div_u" -> fromI32(WasmMath.i32DivU((int) args[0], (int) args[1], null));
            case "i32.rem_s" -> fromI32(WasmMath.i32RemS((int) args[0], (int) args[1], null));
            case "i32.rem_u" -> fromI32(WasmMath.i32RemU((int) args[0], (int) args[1], null));
            case "i64.div_s" -> WasmMath.i64DivS(args[0], args[1], null);
            case "i64.div_u" -> WasmMath.i64DivU(args[0], args[1], null);
            case "i64.rem_s" -> WasmMath.i64RemS(args[0], args[1], null);
            case "i64.rem_u" -> WasmMath.i64RemU(args[0], args[1], null);

            case "f32.abs" -> fromF32(WasmMath.f32Abs(f32(args[0])));
            case "f32.neg" -> fromF32(WasmMath.f32Neg(f32(args[0])));
            case "f32.ceil" -> fromF32(WasmMath.f32Ceil(f32(args[0])));
            case "f32.floor" -> fromF32(WasmMath.f32Floor(f32(args[0])));
            case "f32.trunc" -> fromF32(WasmMath.f32Trunc(f32(args[0])));
            case "f32.nearest" -> fromF32(WasmMath.f32Nearest(f32(args[0])));
            case "f32.sqrt" -> fromF32(WasmMath.f32Sqrt(f32(args[0])));
            case "f32.min" -> fromF32(WasmMath.f32Min(f32(args[0]), f32(args[1])));
            case "f32.max" -> fromF32(WasmMath.f32Max(f32(args[0]), f32(args[1])));
            case "f32.copysign" -> fromF32(WasmMath.f32Copysign(f32(args[0]), f32(args[1])));
            case "f64.abs" -> fromF64(WasmMath.f64Abs(f64(args[0])));
            case "f64.neg" -> fromF64(WasmMath.f64Neg(f64(args[0])));
            case "f64.ceil" -> fromF64(WasmMath.f64Ceil(f64(args[0])));
            case "f64.floor" -> fromF64(WasmMath.f64Floor(f64(args[0])));
            case "f64.trunc" -> fromF64(WasmMath.f64Trunc(f64(args[0])));
            case "f64.nearest" -> fromF64(WasmMath.f64Nearest(f64(args[0])));
            case "f64.sqrt" -> fromF64(WasmMath.f64Sqrt(f64(args[0])));
            case "f64.min" -> fromF64(WasmMath.f64Min(f64(args[0]), f64(args[1])));
            case "f64.max" -> fromF64(WasmMath.f64Max(f64(args[0]), f64(args[1])));
            case "f64.copysign" -> fromF64(WasmMath.f64Copysign(f64(args[0]), f64(args[1])));

            case "i32.trunc_f32_s" -> fromI32(WasmMath.i32TruncF32S(f32(args[0]), null));
            case "i32.trunc_f32_u" -> fromI32(WasmMath.i32TruncF32U(f32(args[0]), null));
            case "i32.trunc_f64_s" -> fromI32(WasmMath.i32TruncF64S(f64(args[0]), null));
            case "i32.trunc_f64_u" -> fromI32(WasmMath.i32TruncF64U(f64(args[0]), null));
            case "i64.trunc_f32_s" -> WasmMath.i64TruncF32S(f32(args[0]), null);
            case "i64.trunc_f32_u" -> WasmMath.i64TruncF32U(f32(args[0]), null);
            case "i64.trunc_f64_s" -> WasmMath.i64TruncF64S(f64(args[0]), null);
            case "i64.trunc_f64_u" -> WasmMath.i64TruncF64U(f64(args[0]), null);
            case "i32.trunc_sat_f32_s" -> fromI32(WasmMath.i32TruncSatF32S(f32(args[0])));
            case "i32.trunc_sat_f32_u" -> fromI32(WasmMath.i32TruncSatF32U(f32(args[0])));
            case "i32.trunc_sat_f64_s" -> fromI32(WasmMath.i32TruncSatF64S(f64(args[0])));
            case "i32.trunc_sat_f64_u" -> fromI32(WasmMath.i32TruncSatF64U(f64(args[0])));
            case "i64.trunc_sat_f32_s" -> WasmMath.i64TruncSatF32S(f32(args[0]));
            case "i64.trunc_sat_f32_u" -> WasmMath.i64TruncSatF32U(f32(args[0]));
            case "i64.trunc_sat_f64_s" -> WasmMath.i64TruncSatF64S(f64(args[0]));
            case "i64.trunc_sat_f64_u" -> WasmMath.i64TruncSatF64U(f64(args[0]));

            case "f32.convert_i32_s" -> fromF32(WasmMath.f32ConvertI32S((int) args[0]));
            case "f32.convert_i32_u" -> fromF32(WasmMath.f32ConvertI32U((int) args[0]));
            case "f32.convert_i64_s" -> fromF32(WasmMath.f32ConvertI64S(args[0]));
            case "f32.convert_i64_u" -> fromF32(WasmMath.f32ConvertI64U(args[0]));
            case "f64.convert_i32_s" -> fromF64(WasmMath.f64ConvertI32S((int) args[0]));
            case "f64.convert_i32_u" -> fromF64(WasmMath.f64ConvertI32U((int) args[0]));
            case "f64.convert_i64_s" -> fromF64(WasmMath.f64ConvertI64S(args[0]));
            case "f64.convert_i64_u" -> fromF64(WasmMath.f64ConvertI64U(args[0]));
            case "f32.demote_f64" -> fromF32(WasmMath.f32DemoteF64(f64(args[0])));
            case "f64.promote_f32" -> fromF64(WasmMath.f64PromoteF32(f32(args[0])));
            default -> throw new IllegalArgumentException("no WasmMath method for " + instruction);
        };
    }
}
