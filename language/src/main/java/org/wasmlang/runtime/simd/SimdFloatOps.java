package org.wasmlang.runtime.simd;

import org.wasmlang.runtime.WasmMath;

/**
 * The floating-point SIMD instructions (prefix 0xFD): f32x4 and f64x2 arithmetic,
 * rounding, comparisons, conversions between lane shapes, and the relaxed-SIMD float
 * operations of Wasm 3.0.
 *
 * <p>Nodes call {@link #unary}, {@link #binary} and {@link #ternary} with a sub-opcode that
 * is a compile-time constant, so partial evaluation folds each switch to one small method.
 * Those methods work lane by lane, written out (4 or 2 lanes), and allocate nothing but the
 * result. Scalar semantics (NaN propagation, signed zeros, rounding, saturation) come from
 * {@link WasmMath}, so SIMD lanes behave exactly like the scalar instructions.
 *
 * <p>abs, neg, pmin and pmax are not arithmetic in Wasm: they must hand back operand bits
 * unchanged, NaN payloads included, so they work on raw bits rather than on Java floats.
 */
public final class SimdFloatOps {

    private static final long F32X4_SIGN_BITS = 0x8000_0000_8000_0000L;
    private static final long F64_SIGN_BIT = 0x8000_0000_0000_0000L;

    private SimdFloatOps() {
    }

    // ---------------------------------------------------------------- dispatch

    public static V128 unary(int sub, V128 a) {
        return switch (sub) {
            case 0x5e -> f32x4DemoteF64x2Zero(a);
            case 0x5f -> f64x2PromoteLowF32x4(a);
            case 0x67 -> f32x4Ceil(a);
            case 0x68 -> f32x4Floor(a);
            case 0x69 -> f32x4Trunc(a);
            case 0x6a -> f32x4Nearest(a);
            case 0x74 -> f64x2Ceil(a);
            case 0x75 -> f64x2Floor(a);
            case 0x7a -> f64x2Trunc(a);
            case 0x94 -> f64x2Nearest(a);
            case 0xe0 -> f32x4Abs(a);
            case 0xe1 -> f32x4Neg(a);
            case 0xe3 -> f32x4Sqrt(a);
            case 0xec -> f64x2Abs(a);
            case 0xed -> f64x2Neg(a);
            case 0xef -> f64x2Sqrt(a);
            case 0xf8 -> i32x4TruncSatF32x4S(a);
            case 0xf9 -> i32x4TruncSatF32x4U(a);
            case 0xfa -> f32x4ConvertI32x4S(a);
            case 0xfb -> f32x4ConvertI32x4U(a);
            case 0xfc -> i32x4TruncSatF64x2SZero(a);
            case 0xfd -> i32x4TruncSatF64x2UZero(a);
            case 0xfe -> f64x2ConvertLowI32x4S(a);
            case 0xff -> f64x2ConvertLowI32x4U(a);
            case 0x101 -> i32x4RelaxedTruncF32x4S(a);
            case 0x102 -> i32x4RelaxedTruncF32x4U(a);
            case 0x103 -> i32x4RelaxedTruncF64x2SZero(a);
            case 0x104 -> i32x4RelaxedTruncF64x2UZero(a);
            default -> throw notFloatOp(sub);
        };
    }

    public static V128 binary(int sub, V128 a, V128 b) {
        return switch (sub) {
            case 0x41 -> f32x4Eq(a, b);
            case 0x42 -> f32x4Ne(a, b);
            case 0x43 -> f32x4Lt(a, b);
            case 0x44 -> f32x4Gt(a, b);
            case 0x45 -> f32x4Le(a, b);
            case 0x46 -> f32x4Ge(a, b);
            case 0x47 -> f64x2Eq(a, b);
            case 0x48 -> f64x2Ne(a, b);
            case 0x49 -> f64x2Lt(a, b);
            case 0x4a -> f64x2Gt(a, b);
            case 0x4b -> f64x2Le(a, b);
            case 0x4c -> f64x2Ge(a, b);
            case 0xe4 -> f32x4Add(a, b);
            case 0xe5 -> f32x4Sub(a, b);
            case 0xe6 -> f32x4Mul(a, b);
            case 0xe7 -> f32x4Div(a, b);
            case 0xe8 -> f32x4Min(a, b);
            case 0xe9 -> f32x4Max(a, b);
            case 0xea -> f32x4PMin(a, b);
            case 0xeb -> f32x4PMax(a, b);
            case 0xf0 -> f64x2Add(a, b);
            case 0xf1 -> f64x2Sub(a, b);
            case 0xf2 -> f64x2Mul(a, b);
            case 0xf3 -> f64x2Div(a, b);
            case 0xf4 -> f64x2Min(a, b);
            case 0xf5 -> f64x2Max(a, b);
            case 0xf6 -> f64x2PMin(a, b);
            case 0xf7 -> f64x2PMax(a, b);
            case 0x10d -> f32x4RelaxedMin(a, b);
            case 0x10e -> f32x4RelaxedMax(a, b);
            case 0x10f -> f64x2RelaxedMin(a, b);
            case 0x110 -> f64x2RelaxedMax(a, b);
            default -> throw notFloatOp(sub);
        };
    }

    public static V128 ternary(int sub, V128 a, V128 b, V128 c) {
        return switch (sub) {
            case 0x105 -> f32x4RelaxedMadd(a, b, c);
            case 0x106 -> f32x4RelaxedNmadd(a, b, c);
            case 0x107 -> f64x2RelaxedMadd(a, b, c);
            case 0x108 -> f64x2RelaxedNmadd(a, b, c);
            default -> throw notFloatOp(sub);
        };
    }

    private static IllegalArgumentException notFloatOp(int sub) {
        return new IllegalArgumentException("not a float SIMD op: 0x" + Integer.toHexString(sub));
    }

    // ---------------------------------------------------------------- comparisons
    //
    // Java's float comparisons are IEEE ones, as Wasm's: false whenever a NaN is involved,
    // except != which is then true, and -0 == +0.

    private static int laneMask(boolean condition) {
        return condition ? -1 : 0;
    }

    private static long laneMask64(boolean condition) {
        return condition ? -1L : 0L;
    }

    private static V128 f32x4Eq(V128 a, V128 b) {
        return V128.ofI32(laneMask(a.f32(0) == b.f32(0)), laneMask(a.f32(1) == b.f32(1)),
                        laneMask(a.f32(2) == b.f32(2)), laneMask(a.f32(3) == b.f32(3)));
    }

    private static V128 f32x4Ne(V128 a, V128 b) {
        return V128.ofI32(laneMask(a.f32(0) != b.f32(0)), laneMask(a.f32(1) != b.f32(1)),
                        laneMask(a.f32(2) != b.f32(2)), laneMask(a.f32(3) != b.f32(3)));
    }

    private static V128 f32x4Lt(V128 a, V128 b) {
        return V128.ofI32(laneMask(a.f32(0) < b.f32(0)), laneMask(a.f32(1) < b.f32(1)),
                        laneMask(a.f32(2) < b.f32(2)), laneMask(a.f32(3) < b.f32(3)));
    }

    private static V128 f32x4Gt(V128 a, V128 b) {
        return V128.ofI32(laneMask(a.f32(0) > b.f32(0)), laneMask(a.f32(1) > b.f32(1)),
                        laneMask(a.f32(2) > b.f32(2)), laneMask(a.f32(3) > b.f32(3)));
    }

    private static V128 f32x4Le(V128 a, V128 b) {
        return V128.ofI32(laneMask(a.f32(0) <= b.f32(0)), laneMask(a.f32(1) <= b.f32(1)),
                        laneMask(a.f32(2) <= b.f32(2)), laneMask(a.f32(3) <= b.f32(3)));
    }

    private static V128 f32x4Ge(V128 a, V128 b) {
        return V128.ofI32(laneMask(a.f32(0) >= b.f32(0)), laneMask(a.f32(1) >= b.f32(1)),
                        laneMask(a.f32(2) >= b.f32(2)), laneMask(a.f32(3) >= b.f32(3)));
    }

    private static V128 f64x2Eq(V128 a, V128 b) {
        return new V128(laneMask64(a.f64(0) == b.f64(0)), laneMask64(a.f64(1) == b.f64(1)));
    }

    private static V128 f64x2Ne(V128 a, V128 b) {
        return new V128(laneMask64(a.f64(0) != b.f64(0)), laneMask64(a.f64(1) != b.f64(1)));
    }

    private static V128 f64x2Lt(V128 a, V128 b) {
        return new V128(laneMask64(a.f64(0) < b.f64(0)), laneMask64(a.f64(1) < b.f64(1)));
    }

    private static V128 f64x2Gt(V128 a, V128 b) {
        return new V128(laneMask64(a.f64(0) > b.f64(0)), laneMask64(a.f64(1) > b.f64(1)));
    }

    private static V128 f64x2Le(V128 a, V128 b) {
        return new V128(laneMask64(a.f64(0) <= b.f64(0)), laneMask64(a.f64(1) <= b.f64(1)));
    }

    private static V128 f64x2Ge(V128 a, V128 b) {
        return new V128(laneMask64(a.f64(0) >= b.f64(0)), laneMask64(a.f64(1) >= b.f64(1)));
    }

    // ---------------------------------------------------------------- sign bits
    //
    // Both lanes of a half at once: only sign bits change, so NaN payloads survive.

    private static V128 f32x4Abs(V128 a) {
        return new V128(a.lo & ~F32X4_SIGN_BITS, a.hi & ~F32X4_SIGN_BITS);
    }

    private static V128 f32x4Neg(V128 a) {
        return new V128(a.lo ^ F32X4_SIGN_BITS, a.hi ^ F32X4_SIGN_BITS);
    }

    private static V128 f64x2Abs(V128 a) {
        return new V128(a.lo & ~F64_SIGN_BIT, a.hi & ~F64_SIGN_BIT);
    }

    private static V128 f64x2Neg(V128 a) {
        return new V128(a.lo ^ F64_SIGN_BIT, a.hi ^ F64_SIGN_BIT);
    }

    // ---------------------------------------------------------------- rounding and sqrt

    private static V128 f32x4Ceil(V128 a) {
        return V128.ofF32(WasmMath.f32Ceil(a.f32(0)), WasmMath.f32Ceil(a.f32(1)),
                        WasmMath.f32Ceil(a.f32(2)), WasmMath.f32Ceil(a.f32(3)));
    }

    private static V128 f32x4Floor(V128 a) {
        return V128.ofF32(WasmMath.f32Floor(a.f32(0)), WasmMath.f32Floor(a.f32(1)),
                        WasmMath.f32Floor(a.f32(2)), WasmMath.f32Floor(a.f32(3)));
    }

    private static V128 f32x4Trunc(V128 a) {
        return V128.ofF32(WasmMath.f32Trunc(a.f32(0)), WasmMath.f32Trunc(a.f32(1)),
                        WasmMath.f32Trunc(a.f32(2)), WasmMath.f32Trunc(a.f32(3)));
    }

    private static V128 f32x4Nearest(V128 a) {
        return V128.ofF32(WasmMath.f32Nearest(a.f32(0)), WasmMath.f32Nearest(a.f32(1)),
                        WasmMath.f32Nearest(a.f32(2)), WasmMath.f32Nearest(a.f32(3)));
    }

    private static V128 f32x4Sqrt(V128 a) {
        return V128.ofF32(WasmMath.f32Sqrt(a.f32(0)), WasmMath.f32Sqrt(a.f32(1)),
                        WasmMath.f32Sqrt(a.f32(2)), WasmMath.f32Sqrt(a.f32(3)));
    }

    private static V128 f64x2Ceil(V128 a) {
        return V128.ofF64(WasmMath.f64Ceil(a.f64(0)), WasmMath.f64Ceil(a.f64(1)));
    }

    private static V128 f64x2Floor(V128 a) {
        return V128.ofF64(WasmMath.f64Floor(a.f64(0)), WasmMath.f64Floor(a.f64(1)));
    }

    private static V128 f64x2Trunc(V128 a) {
        return V128.ofF64(WasmMath.f64Trunc(a.f64(0)), WasmMath.f64Trunc(a.f64(1)));
    }

    private static V128 f64x2Nearest(V128 a) {
        return V128.ofF64(WasmMath.f64Nearest(a.f64(0)), WasmMath.f64Nearest(a.f64(1)));
    }

    private static V128 f64x2Sqrt(V128 a) {
        return V128.ofF64(WasmMath.f64Sqrt(a.f64(0)), WasmMath.f64Sqrt(a.f64(1)));
    }

    // ---------------------------------------------------------------- arithmetic
    //
    // Java's + - * / are IEEE round-to-nearest, as Wasm's; a NaN operand or an invalid
    // operation (inf - inf, 0 / 0) gives a quiet NaN, which Wasm accepts.

    private static V128 f32x4Add(V128 a, V128 b) {
        return V128.ofF32(a.f32(0) + b.f32(0), a.f32(1) + b.f32(1), a.f32(2) + b.f32(2), a.f32(3) + b.f32(3));
    }

    private static V128 f32x4Sub(V128 a, V128 b) {
        return V128.ofF32(a.f32(0) - b.f32(0), a.f32(1) - b.f32(1), a.f32(2) - b.f32(2), a.f32(3) - b.f32(3));
    }

    private static V128 f32x4Mul(V128 a, V128 b) {
        return V128.ofF32(a.f32(0) * b.f32(0), a.f32(1) * b.f32(1), a.f32(2) * b.f32(2), a.f32(3) * b.f32(3));
    }

    private static V128 f32x4Div(V128 a, V128 b) {
        return V128.ofF32(a.f32(0) / b.f32(0), a.f32(1) / b.f32(1), a.f32(2) / b.f32(2), a.f32(3) / b.f32(3));
    }

    private static V128 f64x2Add(V128 a, V128 b) {
        return V128.ofF64(a.f64(0) + b.f64(0), a.f64(1) + b.f64(1));
    }

    private static V128 f64x2Sub(V128 a, V128 b) {
        return V128.ofF64(a.f64(0) - b.f64(0), a.f64(1) - b.f64(1));
    }

    private static V128 f64x2Mul(V128 a, V128 b) {
        return V128.ofF64(a.f64(0) * b.f64(0), a.f64(1) * b.f64(1));
    }

    private static V128 f64x2Div(V128 a, V128 b) {
        return V128.ofF64(a.f64(0) / b.f64(0), a.f64(1) / b.f64(1));
    }

    // ---------------------------------------------------------------- min and max

    private static V128 f32x4Min(V128 a, V128 b) {
        return V128.ofF32(WasmMath.f32Min(a.f32(0), b.f32(0)), WasmMath.f32Min(a.f32(1), b.f32(1)),
                        WasmMath.f32Min(a.f32(2), b.f32(2)), WasmMath.f32Min(a.f32(3), b.f32(3)));
    }

    private static V128 f32x4Max(V128 a, V128 b) {
        return V128.ofF32(WasmMath.f32Max(a.f32(0), b.f32(0)), WasmMath.f32Max(a.f32(1), b.f32(1)),
                        WasmMath.f32Max(a.f32(2), b.f32(2)), WasmMath.f32Max(a.f32(3), b.f32(3)));
    }

    private static V128 f64x2Min(V128 a, V128 b) {
        return V128.ofF64(WasmMath.f64Min(a.f64(0), b.f64(0)), WasmMath.f64Min(a.f64(1), b.f64(1)));
    }

    private static V128 f64x2Max(V128 a, V128 b) {
        return V128.ofF64(WasmMath.f64Max(a.f64(0), b.f64(0)), WasmMath.f64Max(a.f64(1), b.f64(1)));
    }

    // pmin and pmax are plain compare-and-select (C's b < a ? b : a): they pick one
    // operand's bits as they are, so with a NaN or equal zeros the first operand wins.

    private static int f32PMinBits(int aBits, int bBits) {
        return Float.intBitsToFloat(bBits) < Float.intBitsToFloat(aBits) ? bBits : aBits;
    }

    private static int f32PMaxBits(int aBits, int bBits) {
        return Float.intBitsToFloat(aBits) < Float.intBitsToFloat(bBits) ? bBits : aBits;
    }

    private static long f64PMinBits(long aBits, long bBits) {
        return Double.longBitsToDouble(bBits) < Double.longBitsToDouble(aBits) ? bBits : aBits;
    }

    private static long f64PMaxBits(long aBits, long bBits) {
        return Double.longBitsToDouble(aBits) < Double.longBitsToDouble(bBits) ? bBits : aBits;
    }

    private static V128 f32x4PMin(V128 a, V128 b) {
        return V128.ofI32(f32PMinBits(a.i32(0), b.i32(0)), f32PMinBits(a.i32(1), b.i32(1)),
                        f32PMinBits(a.i32(2), b.i32(2)), f32PMinBits(a.i32(3), b.i32(3)));
    }

    private static V128 f32x4PMax(V128 a, V128 b) {
        return V128.ofI32(f32PMaxBits(a.i32(0), b.i32(0)), f32PMaxBits(a.i32(1), b.i32(1)),
                        f32PMaxBits(a.i32(2), b.i32(2)), f32PMaxBits(a.i32(3), b.i32(3)));
    }

    private static V128 f64x2PMin(V128 a, V128 b) {
        return new V128(f64PMinBits(a.lo, b.lo), f64PMinBits(a.hi, b.hi));
    }

    private static V128 f64x2PMax(V128 a, V128 b) {
        return new V128(f64PMaxBits(a.lo, b.lo), f64PMaxBits(a.hi, b.hi));
    }

    // ---------------------------------------------------------------- float to float

    /** Both f64 lanes rounded into f32 lanes 0 and 1; lanes 2 and 3 are +0. */
    private static V128 f32x4DemoteF64x2Zero(V128 a) {
        return V128.ofF32(WasmMath.f32DemoteF64(a.f64(0)), WasmMath.f32DemoteF64(a.f64(1)), 0.0f, 0.0f);
    }

    /** f32 lanes 0 and 1, widened exactly. */
    private static V128 f64x2PromoteLowF32x4(V128 a) {
        return V128.ofF64(WasmMath.f64PromoteF32(a.f32(0)), WasmMath.f64PromoteF32(a.f32(1)));
    }

    // ---------------------------------------------------------------- float to integer

    private static V128 i32x4TruncSatF32x4S(V128 a) {
        return V128.ofI32(WasmMath.i32TruncSatF32S(a.f32(0)), WasmMath.i32TruncSatF32S(a.f32(1)),
                        WasmMath.i32TruncSatF32S(a.f32(2)), WasmMath.i32TruncSatF32S(a.f32(3)));
    }

    private static V128 i32x4TruncSatF32x4U(V128 a) {
        return V128.ofI32(WasmMath.i32TruncSatF32U(a.f32(0)), WasmMath.i32TruncSatF32U(a.f32(1)),
                        WasmMath.i32TruncSatF32U(a.f32(2)), WasmMath.i32TruncSatF32U(a.f32(3)));
    }

    /** Both f64 lanes into i32 lanes 0 and 1; lanes 2 and 3 are 0. */
    private static V128 i32x4TruncSatF64x2SZero(V128 a) {
        return V128.ofI32(WasmMath.i32TruncSatF64S(a.f64(0)), WasmMath.i32TruncSatF64S(a.f64(1)), 0, 0);
    }

    private static V128 i32x4TruncSatF64x2UZero(V128 a) {
        return V128.ofI32(WasmMath.i32TruncSatF64U(a.f64(0)), WasmMath.i32TruncSatF64U(a.f64(1)), 0, 0);
    }

    // ---------------------------------------------------------------- integer to float

    private static V128 f32x4ConvertI32x4S(V128 a) {
        return V128.ofF32(WasmMath.f32ConvertI32S(a.i32(0)), WasmMath.f32ConvertI32S(a.i32(1)),
                        WasmMath.f32ConvertI32S(a.i32(2)), WasmMath.f32ConvertI32S(a.i32(3)));
    }

    private static V128 f32x4ConvertI32x4U(V128 a) {
        return V128.ofF32(WasmMath.f32ConvertI32U(a.i32(0)), WasmMath.f32ConvertI32U(a.i32(1)),
                        WasmMath.f32ConvertI32U(a.i32(2)), WasmMath.f32ConvertI32U(a.i32(3)));
    }

    /** i32 lanes 0 and 1, exactly (every i32 and u32 is a double). */
    private static V128 f64x2ConvertLowI32x4S(V128 a) {
        return V128.ofF64(WasmMath.f64ConvertI32S(a.i32(0)), WasmMath.f64ConvertI32S(a.i32(1)));
    }

    private static V128 f64x2ConvertLowI32x4U(V128 a) {
        return V128.ofF64(WasmMath.f64ConvertI32U(a.i32(0)), WasmMath.f64ConvertI32U(a.i32(1)));
    }

    // ---------------------------------------------------------------- relaxed SIMD
    //
    // Each relaxed instruction may pick any of several results the spec lists; this engine
    // always picks the one V8 (Node 24) gives on x86-64 with AVX, FMA3 and AVX-VNNI, in both
    // of its tiers, so that differential fuzzing can compare them (docs/architecture.md).

    /** INT_MIN, x86's "integer indefinite": what cvttps2dq/cvttpd2dq give for NaN and out of range. */
    private static int truncOrIndefinite(double x) {
        return x >= -2147483648.0 && x < 2147483648.0 ? (int) x : Integer.MIN_VALUE;
    }

    /** As x86 cvttps2dq, V8's answer: NaN and out-of-range lanes give INT_MIN. */
    private static V128 i32x4RelaxedTruncF32x4S(V128 a) {
        return V128.ofI32(truncOrIndefinite(a.f32(0)), truncOrIndefinite(a.f32(1)), truncOrIndefinite(a.f32(2)),
                        truncOrIndefinite(a.f32(3)));
    }

    /** V8's answer: saturating, as i32x4.trunc_sat_f32x4_u (NaN gives 0). */
    private static V128 i32x4RelaxedTruncF32x4U(V128 a) {
        return i32x4TruncSatF32x4U(a);
    }

    /** As x86 cvttpd2dq, V8's answer: NaN and out-of-range lanes give INT_MIN; lanes 2 and 3 are 0. */
    private static V128 i32x4RelaxedTruncF64x2SZero(V128 a) {
        return V128.ofI32(truncOrIndefinite(a.f64(0)), truncOrIndefinite(a.f64(1)), 0, 0);
    }

    /** V8's answer: saturating, as i32x4.trunc_sat_f64x2_u_zero (NaN gives 0). */
    private static V128 i32x4RelaxedTruncF64x2UZero(V128 a) {
        return i32x4TruncSatF64x2UZero(a);
    }

    /** V8's answer with FMA3: fused, a * b + c with a single rounding (Math.fma). */
    private static V128 f32x4RelaxedMadd(V128 a, V128 b, V128 c) {
        return V128.ofF32(Math.fma(a.f32(0), b.f32(0), c.f32(0)), Math.fma(a.f32(1), b.f32(1), c.f32(1)),
                        Math.fma(a.f32(2), b.f32(2), c.f32(2)), Math.fma(a.f32(3), b.f32(3), c.f32(3)));
    }

    /** V8's answer with FMA3: fused, -(a * b) + c with a single rounding (Math.fma of -a, b, c). */
    private static V128 f32x4RelaxedNmadd(V128 a, V128 b, V128 c) {
        return V128.ofF32(Math.fma(-a.f32(0), b.f32(0), c.f32(0)), Math.fma(-a.f32(1), b.f32(1), c.f32(1)),
                        Math.fma(-a.f32(2), b.f32(2), c.f32(2)), Math.fma(-a.f32(3), b.f32(3), c.f32(3)));
    }

    /** V8's answer with FMA3: fused, a * b + c with a single rounding (Math.fma). */
    private static V128 f64x2RelaxedMadd(V128 a, V128 b, V128 c) {
        return V128.ofF64(Math.fma(a.f64(0), b.f64(0), c.f64(0)), Math.fma(a.f64(1), b.f64(1), c.f64(1)));
    }

    /** V8's answer with FMA3: fused, -(a * b) + c with a single rounding (Math.fma of -a, b, c). */
    private static V128 f64x2RelaxedNmadd(V128 a, V128 b, V128 c) {
        return V128.ofF64(Math.fma(-a.f64(0), b.f64(0), c.f64(0)), Math.fma(-a.f64(1), b.f64(1), c.f64(1)));
    }

    // relaxed_min and relaxed_max are x86's minps/maxps (V8's answer): a < b ? a : b and
    // a > b ? a : b, so with a NaN in either lane, or two zeros, b's bits come back unchanged
    // (a signalling NaN stays signalling).

    private static int f32RelaxedMinBits(int aBits, int bBits) {
        return Float.intBitsToFloat(aBits) < Float.intBitsToFloat(bBits) ? aBits : bBits;
    }

    private static int f32RelaxedMaxBits(int aBits, int bBits) {
        return Float.intBitsToFloat(aBits) > Float.intBitsToFloat(bBits) ? aBits : bBits;
    }

    private static long f64RelaxedMinBits(long aBits, long bBits) {
        return Double.longBitsToDouble(aBits) < Double.longBitsToDouble(bBits) ? aBits : bBits;
    }

    private static long f64RelaxedMaxBits(long aBits, long bBits) {
        return Double.longBitsToDouble(aBits) > Double.longBitsToDouble(bBits) ? aBits : bBits;
    }

    private static V128 f32x4RelaxedMin(V128 a, V128 b) {
        return V128.ofI32(f32RelaxedMinBits(a.i32(0), b.i32(0)), f32RelaxedMinBits(a.i32(1), b.i32(1)),
                        f32RelaxedMinBits(a.i32(2), b.i32(2)), f32RelaxedMinBits(a.i32(3), b.i32(3)));
    }

    private static V128 f32x4RelaxedMax(V128 a, V128 b) {
        return V128.ofI32(f32RelaxedMaxBits(a.i32(0), b.i32(0)), f32RelaxedMaxBits(a.i32(1), b.i32(1)),
                        f32RelaxedMaxBits(a.i32(2), b.i32(2)), f32RelaxedMaxBits(a.i32(3), b.i32(3)));
    }

    private static V128 f64x2RelaxedMin(V128 a, V128 b) {
        return new V128(f64RelaxedMinBits(a.lo, b.lo), f64RelaxedMinBits(a.hi, b.hi));
    }

    private static V128 f64x2RelaxedMax(V128 a, V128 b) {
        return new V128(f64RelaxedMaxBits(a.lo, b.lo), f64RelaxedMaxBits(a.hi, b.hi));
    }
}
