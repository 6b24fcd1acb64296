package org.wasmlang.runtime.simd;

import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * The integer, bitwise and lane operations of Wasm SIMD (plus the integer relaxed-SIMD ones),
 * keyed by the sub-opcode that follows the {@code 0xFD} prefix. Float operations go to
 * {@link SimdFloatOps}.
 *
 * <p>Written for partial evaluation: the sub-opcode and the lane-width arguments of the helpers
 * are compile-time constants there, so each switch folds to one case and the width-generic
 * helpers fold to straight-line code. Nothing allocates except the result. Lane-wise additions,
 * subtractions, comparisons, saturation, min/max, shifts, abs/neg and popcnt work on each 64-bit
 * half as a whole (SWAR); the rest loop over the few lanes of a half.
 *
 * <p>Lane layout: a half holds 64 / width lanes, lane {@code i} in bits {@code i*width} up.
 */
public final class SimdOps {

    private SimdOps() {
    }

    /** Comparison kinds, numbered as the i8x16/i16x8/i32x4 comparison opcodes run. */
    private static final int EQ = 0;
    private static final int NE = 1;
    private static final int LT_S = 2;
    private static final int LT_U = 3;
    private static final int GT_S = 4;
    private static final int GT_U = 5;
    private static final int LE_S = 6;
    private static final int LE_U = 7;
    private static final int GE_S = 8;
    private static final int GE_U = 9;

    // ---------------------------------------------------------------- dispatch

    public static V128 unary(int sub, V128 a) {
        return switch (sub) {
            case 0x4d -> new V128(~a.lo, ~a.hi);
            case 0x60 -> abs(a, 8);
            case 0x61 -> neg(a, 8);
            case 0x62 -> popcnt(a);
            case 0x7c -> extaddPairwise(a, 8, true);
            case 0x7d -> extaddPairwise(a, 8, false);
            case 0x7e -> extaddPairwise(a, 16, true);
            case 0x7f -> extaddPairwise(a, 16, false);
            case 0x80 -> abs(a, 16);
            case 0x81 -> neg(a, 16);
            case 0x87 -> extend(a.lo, 8, true);
            case 0x88 -> extend(a.hi, 8, true);
            case 0x89 -> extend(a.lo, 8, false);
            case 0x8a -> extend(a.hi, 8, false);
            case 0xa0 -> abs(a, 32);
            case 0xa1 -> neg(a, 32);
            case 0xa7 -> extend(a.lo, 16, true);
            case 0xa8 -> extend(a.hi, 16, true);
            case 0xa9 -> extend(a.lo, 16, false);
            case 0xaa -> extend(a.hi, 16, false);
            case 0xc0 -> abs(a, 64);
            case 0xc1 -> neg(a, 64);
            case 0xc7 -> extend(a.lo, 32, true);
            case 0xc8 -> extend(a.hi, 32, true);
            case 0xc9 -> extend(a.lo, 32, false);
            case 0xca -> extend(a.hi, 32, false);
            default -> SimdFloatOps.unary(sub, a);
        };
    }

    public static V128 binary(int sub, V128 a, V128 b) {
        return switch (sub) {
            case 0x0e -> swizzle(a, b);
            /** i8x16.relaxed_swizzle: as x86 pshufb, V8's answer: an index with its top bit set gives 0, others select a[index & 15]. */
            case 0x100 -> relaxedSwizzle(a, b);
            case 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c -> compare(a, b, sub - 0x23, 8);
            case 0x2d, 0x2e, 0x2f, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36 -> compare(a, b, sub - 0x2d, 16);
            case 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40 -> compare(a, b, sub - 0x37, 32);
            case 0xd6 -> compare(a, b, EQ, 64);
            case 0xd7 -> compare(a, b, NE, 64);
            case 0xd8 -> compare(a, b, LT_S, 64);
            case 0xd9 -> compare(a, b, GT_S, 64);
            case 0xda -> compare(a, b, LE_S, 64);
            case 0xdb -> compare(a, b, GE_S, 64);
            case 0x4e -> new V128(a.lo & b.lo, a.hi & b.hi);
            case 0x4f -> new V128(a.lo & ~b.lo, a.hi & ~b.hi);
            case 0x50 -> new V128(a.lo | b.lo, a.hi | b.hi);
            case 0x51 -> new V128(a.lo ^ b.lo, a.hi ^ b.hi);
            case 0x65 -> narrow(a, b, 16, true);
            case 0x66 -> narrow(a, b, 16, false);
            case 0x6e -> add(a, b, 8);
            case 0x6f -> addSat(a, b, true, 8);
            case 0x70 -> addSat(a, b, false, 8);
            case 0x71 -> sub(a, b, 8);
            case 0x72 -> subSat(a, b, true, 8);
            case 0x73 -> subSat(a, b, false, 8);
            case 0x76 -> minMax(a, b, true, false, 8);
            case 0x77 -> minMax(a, b, false, false, 8);
            case 0x78 -> minMax(a, b, true, true, 8);
            case 0x79 -> minMax(a, b, false, true, 8);
            case 0x7b -> avgr(a, b, 8);
            case 0x82 -> q15mulr(a, b, true);
            /** i16x8.relaxed_q15mulr_s: as x86 pmulhrsw, V8's answer: -32768 * -32768 wraps to -32768. */
            case 0x111 -> q15mulr(a, b, false);
            case 0x85 -> narrow(a, b, 32, true);
            case 0x86 -> narrow(a, b, 32, false);
            case 0x8e -> add(a, b, 16);
            case 0x8f -> addSat(a, b, true, 16);
            case 0x90 -> addSat(a, b, false, 16);
            case 0x91 -> sub(a, b, 16);
            case 0x92 -> subSat(a, b, true, 16);
            case 0x93 -> subSat(a, b, false, 16);
            case 0x95 -> mul(a, b, 16);
            case 0x96 -> minMax(a, b, true, false, 16);
            case 0x97 -> minMax(a, b, false, false, 16);
            case 0x98 -> minMax(a, b, true, true, 16);
            case 0x99 -> minMax(a, b, false, true, 16);
            case 0x9b -> avgr(a, b, 16);
            case 0x9c -> extmul(a.lo, b.lo, 8, true);
            case 0x9d -> extmul(a.hi, b.hi, 8, true);
            case 0x9e -> extmul(a.lo, b.lo, 8, false);
            case 0x9f -> extmul(a.hi, b.hi, 8, false);
            case 0xae -> add(a, b, 32);
            case 0xb1 -> sub(a, b, 32);
            case 0xb5 -> mul(a, b, 32);
            case 0xb6 -> minMax(a, b, true, false, 32);
            case 0xb7 -> minMax(a, b, false, false, 32);
            case 0xb8 -> minMax(a, b, true, true, 32);
            case 0xb9 -> minMax(a, b, false, true, 32);
            case 0xba -> dotPairs(a, b, 16);
            case 0xbc -> extmul(a.lo, b.lo, 16, true);
            case 0xbd -> extmul(a.hi, b.hi, 16, true);
            case 0xbe -> extmul(a.lo, b.lo, 16, false);
            case 0xbf -> extmul(a.hi, b.hi, 16, false);
            case 0xce -> new V128(a.lo + b.lo, a.hi + b.hi);
            case 0xd1 -> new V128(a.lo - b.lo, a.hi - b.hi);
            case 0xd5 -> new V128(a.lo * b.lo, a.hi * b.hi);
            case 0xdc -> extmul(a.lo, b.lo, 32, true);
            case 0xdd -> extmul(a.hi, b.hi, 32, true);
            case 0xde -> extmul(a.lo, b.lo, 32, false);
            case 0xdf -> extmul(a.hi, b.hi, 32, false);
            /** i16x8.relaxed_dot_i8x16_i7x16_s: as x86 pmaddubsw, V8's answer: a's bytes signed, b's unsigned, pair sums saturate. */
            case 0x112 -> relaxedDotPairs(a, b);
            default -> SimdFloatOps.binary(sub, a, b);
        };
    }

    public static V128 ternary(int sub, V128 a, V128 b, V128 c) {
        return switch (sub) {
            case 0x52 -> bitselect(a, b, c);
            // The relaxed laneselects are V8's x86 blends: each lane of a where the top bit of the
            // mask's lane is set, of b elsewhere. V8 uses pblendvb for i16x8 too, so an i16x8
            // lane is chosen byte by byte, by the top bit of each of its two mask bytes.
            case 0x109, 0x10a -> bitselect(a, b, topBitsToLanes(c, 8));
            case 0x10b -> bitselect(a, b, topBitsToLanes(c, 32));
            case 0x10c -> bitselect(a, b, topBitsToLanes(c, 64));
            /**
             * i32x4.relaxed_dot_i8x16_i7x16_add_s: as x86 vpdpbusd (AVX-VNNI), V8's answer: a's
             * bytes signed, b's unsigned, the four exact products plus c, wrapping to 32 bits.
             */
            case 0x113 -> dotQuadsAdd(a, b, c);
            default -> SimdFloatOps.ternary(sub, a, b, c);
        };
    }

    public static int test(int sub, V128 a) {
        return switch (sub) {
            case 0x53 -> (a.lo | a.hi) != 0 ? 1 : 0;
            case 0x63 -> allTrue(a, 8);
            case 0x64 -> bitmask(a, 8);
            case 0x83 -> allTrue(a, 16);
            case 0x84 -> bitmask(a, 16);
            case 0xa3 -> allTrue(a, 32);
            case 0xa4 -> bitmask(a, 32);
            case 0xc3 -> allTrue(a, 64);
            case 0xc4 -> bitmask(a, 64);
            default -> throw new IllegalArgumentException("no SIMD test op " + sub);
        };
    }

    public static V128 shift(int sub, V128 a, int count) {
        return switch (sub) {
            case 0x6b -> shiftLeft(a, count, 8);
            case 0x6c -> shiftRightSigned(a, count, 8);
            case 0x6d -> shiftRightUnsigned(a, count, 8);
            case 0x8b -> shiftLeft(a, count, 16);
            case 0x8c -> shiftRightSigned(a, count, 16);
            case 0x8d -> shiftRightUnsigned(a, count, 16);
            case 0xab -> shiftLeft(a, count, 32);
            case 0xac -> shiftRightSigned(a, count, 32);
            case 0xad -> shiftRightUnsigned(a, count, 32);
            // Java's long shifts already take the count modulo 64.
            case 0xcb -> new V128(a.lo << count, a.hi << count);
            case 0xcc -> new V128(a.lo >> count, a.hi >> count);
            case 0xcd -> new V128(a.lo >>> count, a.hi >>> count);
            default -> throw new IllegalArgumentException("no SIMD shift op " + sub);
        };
    }

    public static V128 splat(int sub, long bits) {
        return switch (sub) {
            case 0x0f -> splatHalf(bits, 8);
            case 0x10 -> splatHalf(bits, 16);
            case 0x11, 0x13 -> splatHalf(bits, 32);
            case 0x12, 0x14 -> new V128(bits, bits);
            default -> throw new IllegalArgumentException("no SIMD splat op " + sub);
        };
    }

    public static long extractLane(int sub, V128 a, int lane) {
        return switch (sub) {
            case 0x15 -> a.i8(lane);
            case 0x16 -> a.i8(lane) & 0xFF;
            case 0x18 -> a.i16(lane);
            case 0x19 -> a.i16(lane) & 0xFFFF;
            case 0x1b, 0x1f -> a.i32(lane);
            case 0x1d, 0x21 -> a.i64(lane);
            default -> throw new IllegalArgumentException("no SIMD extract_lane op " + sub);
        };
    }

    public static V128 replaceLane(int sub, V128 a, int lane, long bits) {
        return switch (sub) {
            case 0x17 -> withLane(a, lane, bits, 8);
            case 0x1a -> withLane(a, lane, bits, 16);
            case 0x1c, 0x20 -> withLane(a, lane, bits, 32);
            case 0x1e, 0x22 -> withLane(a, lane, bits, 64);
            default -> throw new IllegalArgumentException("no SIMD replace_lane op " + sub);
        };
    }

    /** i8x16.shuffle: result byte i is byte {@code lanes[i]} of the 32-byte concatenation a||b. */
    @ExplodeLoop
    public static V128 shuffle(V128 a, V128 b, byte[] lanes) {
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 8; i++) {
            lo |= shuffleByte(a, b, lanes[i]) << (8 * i);
            hi |= shuffleByte(a, b, lanes[8 + i]) << (8 * i);
        }
        return new V128(lo, hi);
    }

    // ---------------------------------------------------------------- lane-width constants

    /** Lowest bit of every lane: 0x01 bytes, 0x0001 shorts, ... */
    private static long lowBits(int width) {
        return switch (width) {
            case 8 -> 0x0101010101010101L;
            case 16 -> 0x0001000100010001L;
            case 32 -> 0x0000000100000001L;
            default -> 1L;
        };
    }

    /** Sign bit of every lane. */
    private static long signBits(int width) {
        return lowBits(width) << (width - 1);
    }

    /** All bits of one lane, in lane 0. */
    private static long laneMask(int width) {
        return -1L >>> (64 - width);
    }

    /** Turns a word with only lane sign bits set into all-ones in those lanes. */
    private static long spread(long signs, int width) {
        return (signs >>> (width - 1)) * laneMask(width);
    }

    /** Lane 0 of {@code bits} (the low {@code width} bits), sign- or zero-extended to 64 bits. */
    private static long extendLane(long bits, int width, boolean signed) {
        long top = bits << (64 - width);
        return signed ? top >> (64 - width) : top >>> (64 - width);
    }

    // ---------------------------------------------------------------- SWAR lane arithmetic

    /** Lane-wise wrapping add: add the low bits without carries between lanes, then fix the sign bits. */
    private static long addLanes(long x, long y, int width) {
        long signs = signBits(width);
        return ((x & ~signs) + (y & ~signs)) ^ ((x ^ y) & signs);
    }

    /** Lane-wise wrapping subtract: preset each sign bit so no lane borrows from the next, then fix it. */
    private static long subLanes(long x, long y, int width) {
        long signs = signBits(width);
        return ((x | signs) - (y & ~signs)) ^ ((x ^ ~y) & signs);
    }

    /** All-ones in lanes where x == y: a lane of x ^ y is zero iff adding 0x7f..f to its low bits leaves the top bit clear. */
    private static long equalMask(long x, long y, int width) {
        long signs = signBits(width);
        long diff = x ^ y;
        long nonZero = ((diff & ~signs) + ~signs) | diff;
        return spread(~nonZero & signs, width);
    }

    /** All-ones in lanes where x < y: the borrow out of each lane's x - y (signed by flipping sign bits first). */
    private static long lessMask(long x, long y, boolean signed, int width) {
        long signs = signBits(width);
        if (signed) {
            x ^= signs;
            y ^= signs;
        }
        long diff = subLanes(x, y, width);
        long borrow = (~x & y) | (~(x ^ y) & diff);
        return spread(borrow & signs, width);
    }

    private static long compareHalf(long x, long y, int kind, int width) {
        return switch (kind) {
            case EQ -> equalMask(x, y, width);
            case NE -> ~equalMask(x, y, width);
            case LT_S -> lessMask(x, y, true, width);
            case LT_U -> lessMask(x, y, false, width);
            case GT_S -> lessMask(y, x, true, width);
            case GT_U -> lessMask(y, x, false, width);
            case LE_S -> ~lessMask(y, x, true, width);
            case LE_U -> ~lessMask(y, x, false, width);
            case GE_S -> ~lessMask(x, y, true, width);
            default -> ~lessMask(x, y, false, width); // GE_U
        };
    }

    /** The saturation limit for lanes of x that overflowed: MIN where x is negative, MAX elsewhere. */
    private static long signedLimit(long x, int width) {
        long signs = signBits(width);
        return spread(x & signs, width) ^ ~signs;
    }

    private static long addSatHalf(long x, long y, boolean signed, int width) {
        long signs = signBits(width);
        long sum = addLanes(x, y, width);
        if (signed) {
            // Overflow iff both operands' signs differ from the sum's.
            long overflow = spread((sum ^ x) & (sum ^ y) & signs, width);
            return (sum & ~overflow) | (signedLimit(x, width) & overflow);
        }
        long carry = (x & y) | ((x | y) & ~sum);
        return sum | spread(carry & signs, width);
    }

    private static long subSatHalf(long x, long y, boolean signed, int width) {
        long signs = signBits(width);
        long diff = subLanes(x, y, width);
        if (signed) {
            // Overflow iff the operands' signs differ and the result's sign differs from x's.
            long overflow = spread((x ^ y) & (x ^ diff) & signs, width);
            return (diff & ~overflow) | (signedLimit(x, width) & overflow);
        }
        long borrow = (~x & y) | (~(x ^ y) & diff);
        return diff & ~spread(borrow & signs, width);
    }

    private static long minMaxHalf(long x, long y, boolean signed, boolean max, int width) {
        long xLess = lessMask(x, y, signed, width);
        return max ? (y & xLess) | (x & ~xLess) : (x & xLess) | (y & ~xLess);
    }

    /** (x + y + 1) >>> 1 per lane, without the 1-bit-wider sum: (x | y) - ((x ^ y) >>> 1), which never borrows. */
    private static long avgrHalf(long x, long y, int width) {
        return (x | y) - (((x ^ y) >>> 1) & ~signBits(width));
    }

    private static long absHalf(long x, int width) {
        // Negative lanes: (x ^ -1) - (-1) = -x; others unchanged. MIN stays MIN.
        long negative = spread(x & signBits(width), width);
        return subLanes(x ^ negative, negative, width);
    }

    /** Mask of the low {@code count} bits of every lane. */
    private static long lowCountBits(int count, int width) {
        return lowBits(width) * ((1L << count) - 1);
    }

    private static long shiftLeftHalf(long x, int count, int width) {
        // Bits moved up into a lane's low end came from the lane below.
        return (x << count) & ~lowCountBits(count, width);
    }

    private static long shiftRightUnsignedHalf(long x, int count, int width) {
        // Clear each lane's low bits first, so none slides into the top of the lane below.
        return (x & ~lowCountBits(count, width)) >>> count;
    }

    private static long shiftRightSignedHalf(long x, int count, int width) {
        long shifted = shiftRightUnsignedHalf(x, count, width);
        // Where each lane's sign bit landed; (v ^ s) - s sign-extends from there.
        long movedSigns = signBits(width) >>> count;
        return subLanes(shifted ^ movedSigns, movedSigns, width);
    }

    /** Per-byte population count, the classic 2-, 4-, 8-bit partial sums. */
    private static long popcntHalf(long x) {
        long pairs = x - ((x >>> 1) & 0x5555555555555555L);
        long nibbles = (pairs & 0x3333333333333333L) + ((pairs >>> 2) & 0x3333333333333333L);
        return (nibbles + (nibbles >>> 4)) & 0x0F0F0F0F0F0F0F0FL;
    }

    /**
     * Sums adjacent narrow lanes into lanes twice as wide. Signed: flipping the sign bit turns s into
     * s + 2^(w-1) unsigned, so the unsigned pair sum is 2^w too big.
     */
    private static long extaddPairwiseHalf(long x, int narrowWidth, boolean signed) {
        int wideWidth = 2 * narrowWidth;
        long evenMask = lowBits(wideWidth) * laneMask(narrowWidth);
        long biased = signed ? x ^ signBits(narrowWidth) : x;
        long sum = (biased & evenMask) + ((biased >>> narrowWidth) & evenMask);
        return signed ? subLanes(sum, lowBits(wideWidth) << narrowWidth, wideWidth) : sum;
    }

    // ---------------------------------------------------------------- lane loops

    @ExplodeLoop
    private static long mulHalf(long x, long y, int width) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += width) {
            // The low bits of a product only depend on the low bits of the factors.
            result |= (((x >>> shift) * (y >>> shift)) & laneMask(width)) << shift;
        }
        return result;
    }

    /** Widens the narrow lanes in the low 32 bits of {@code bits} into a half of double-width lanes. */
    @ExplodeLoop
    private static long widenHalf(long bits, int narrowWidth, boolean signed) {
        int wideWidth = 2 * narrowWidth;
        long result = 0;
        for (int i = 0; i < 32 / narrowWidth; i++) {
            long lane = extendLane(bits >>> (i * narrowWidth), narrowWidth, signed);
            result |= (lane & laneMask(wideWidth)) << (i * wideWidth);
        }
        return result;
    }

    /** Products of the narrow lanes in the low 32 bits of x and y, as double-width lanes. */
    @ExplodeLoop
    private static long extmulHalf(long x, long y, int narrowWidth, boolean signed) {
        int wideWidth = 2 * narrowWidth;
        long result = 0;
        for (int i = 0; i < 32 / narrowWidth; i++) {
            int shift = i * narrowWidth;
            long product = extendLane(x >>> shift, narrowWidth, signed) * extendLane(y >>> shift, narrowWidth, signed);
            result |= (product & laneMask(wideWidth)) << (i * wideWidth);
        }
        return result;
    }

    /** Signed products of adjacent lane pairs, summed into double-width lanes (wrapping). */
    @ExplodeLoop
    private static long dotPairsHalf(long x, long y, int narrowWidth) {
        int wideWidth = 2 * narrowWidth;
        long result = 0;
        for (int shift = 0; shift < 64; shift += wideWidth) {
            int oddShift = shift + narrowWidth;
            long sum = extendLane(x >>> shift, narrowWidth, true) * extendLane(y >>> shift, narrowWidth, true)
                            + extendLane(x >>> oddShift, narrowWidth, true) * extendLane(y >>> oddShift, narrowWidth, true);
            result |= (sum & laneMask(wideWidth)) << shift;
        }
        return result;
    }

    /** Per i32 lane: c's lane plus the products of the lane's four bytes of x (signed) and y (unsigned). */
    @ExplodeLoop
    private static long dotQuadsAddHalf(long x, long y, long c) {
        long sumLow = (int) c;
        long sumHigh = (int) (c >>> 32);
        for (int shift = 0; shift < 32; shift += 8) {
            sumLow += (long) (byte) (x >>> shift) * ((y >>> shift) & 0xFF);
            sumHigh += (long) (byte) (x >>> (32 + shift)) * ((y >>> (32 + shift)) & 0xFF);
        }
        return (sumLow & 0xFFFFFFFFL) | (sumHigh << 32);
    }

    /** Per i16 lane: x's two bytes (signed) times y's (unsigned), summed and saturated to 16 bits. */
    @ExplodeLoop
    private static long relaxedDotPairsHalf(long x, long y) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 16) {
            int sum = (byte) (x >>> shift) * (int) ((y >>> shift) & 0xFF) + (byte) (x >>> (shift + 8)) * (int) ((y >>> (shift + 8)) & 0xFF);
            result |= (Math.clamp(sum, Short.MIN_VALUE, Short.MAX_VALUE) & 0xFFFFL) << shift;
        }
        return result;
    }

    /**
     * Per i16 lane: the rounded Q15 product. Only -32768 * -32768 overflows, giving 32768,
     * which q15mulr_sat_s saturates to 32767 and relaxed_q15mulr_s (as x86's pmulhrsw) wraps
     * to -32768.
     */
    @ExplodeLoop
    private static long q15mulrHalf(long x, long y, boolean saturate) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 16) {
            int product = ((short) (x >>> shift) * (short) (y >>> shift) + 0x4000) >> 15;
            result |= ((saturate ? Math.min(product, Short.MAX_VALUE) : product) & 0xFFFFL) << shift;
        }
        return result;
    }

    /** Narrows the signed wide lanes of one half into the low or high 32 bits of the result, saturating. */
    @ExplodeLoop
    private static long narrowHalf(long x, int wideWidth, boolean signedResult, int resultOffset) {
        int narrowWidth = wideWidth / 2;
        long max = signedResult ? laneMask(narrowWidth - 1) : laneMask(narrowWidth);
        long min = signedResult ? ~max : 0;
        long result = 0;
        for (int i = 0; i < 64 / wideWidth; i++) {
            long lane = extendLane(x >>> (i * wideWidth), wideWidth, true);
            long clamped = Math.max(min, Math.min(max, lane));
            result |= (clamped & laneMask(narrowWidth)) << (resultOffset + i * narrowWidth);
        }
        return result;
    }

    /** Sign bits of the lanes of one half, lane i at bit i. */
    private static int signBitsGathered(long x, int width) {
        int lanes = 64 / width;
        long ones = (x & signBits(width)) >>> (width - 1);
        // Multiplying by a magic constant moves lane i's bit to bit 64 - width + i, with no carries.
        long magic = switch (width) {
            case 8 -> 0x0102040810204080L;
            case 16 -> 0x0001000200040008L;
            case 32 -> 0x0000000100000002L;
            default -> 1L;
        };
        return (int) (((ones * magic) >>> (64 - width)) & ((1L << lanes) - 1));
    }

    /** True iff every lane is non-zero (see {@link #equalMask} for the zero-lane test). */
    private static boolean noZeroLane(long x, int width) {
        long signs = signBits(width);
        long nonZero = ((x & ~signs) + ~signs) | x;
        return (nonZero & signs) == signs;
    }

    /** Byte {@code index} of v, or 0 when index is 16 or more (as swizzle wants). */
    private static long byteAt(V128 v, int index) {
        if (index >= 16) {
            return 0;
        }
        return (v.half(index >> 3) >>> ((index & 7) * 8)) & 0xFF;
    }

    private static long shuffleByte(V128 a, V128 b, byte index) {
        return byteAt((index & 0x10) == 0 ? a : b, index & 0x0F);
    }

    // ---------------------------------------------------------------- whole-vector wrappers

    private static V128 add(V128 a, V128 b, int width) {
        return new V128(addLanes(a.lo, b.lo, width), addLanes(a.hi, b.hi, width));
    }

    private static V128 sub(V128 a, V128 b, int width) {
        return new V128(subLanes(a.lo, b.lo, width), subLanes(a.hi, b.hi, width));
    }

    private static V128 neg(V128 a, int width) {
        return new V128(subLanes(0, a.lo, width), subLanes(0, a.hi, width));
    }

    private static V128 abs(V128 a, int width) {
        return new V128(absHalf(a.lo, width), absHalf(a.hi, width));
    }

    private static V128 compare(V128 a, V128 b, int kind, int width) {
        return new V128(compareHalf(a.lo, b.lo, kind, width), compareHalf(a.hi, b.hi, kind, width));
    }

    private static V128 addSat(V128 a, V128 b, boolean signed, int width) {
        return new V128(addSatHalf(a.lo, b.lo, signed, width), addSatHalf(a.hi, b.hi, signed, width));
    }

    private static V128 subSat(V128 a, V128 b, boolean signed, int width) {
        return new V128(subSatHalf(a.lo, b.lo, signed, width), subSatHalf(a.hi, b.hi, signed, width));
    }

    private static V128 minMax(V128 a, V128 b, boolean signed, boolean max, int width) {
        return new V128(minMaxHalf(a.lo, b.lo, signed, max, width), minMaxHalf(a.hi, b.hi, signed, max, width));
    }

    private static V128 avgr(V128 a, V128 b, int width) {
        return new V128(avgrHalf(a.lo, b.lo, width), avgrHalf(a.hi, b.hi, width));
    }

    private static V128 mul(V128 a, V128 b, int width) {
        return new V128(mulHalf(a.lo, b.lo, width), mulHalf(a.hi, b.hi, width));
    }

    private static V128 popcnt(V128 a) {
        return new V128(popcntHalf(a.lo), popcntHalf(a.hi));
    }

    private static V128 extaddPairwise(V128 a, int narrowWidth, boolean signed) {
        return new V128(extaddPairwiseHalf(a.lo, narrowWidth, signed), extaddPairwiseHalf(a.hi, narrowWidth, signed));
    }

    /** Widens the narrow lanes of one source half (low or high half of the vector). */
    private static V128 extend(long source, int narrowWidth, boolean signed) {
        return new V128(widenHalf(source, narrowWidth, signed), widenHalf(source >>> 32, narrowWidth, signed));
    }

    /** Multiplies the narrow lanes of one source half of each operand into double-width lanes. */
    private static V128 extmul(long x, long y, int narrowWidth, boolean signed) {
        return new V128(extmulHalf(x, y, narrowWidth, signed), extmulHalf(x >>> 32, y >>> 32, narrowWidth, signed));
    }

    private static V128 dotPairs(V128 a, V128 b, int narrowWidth) {
        return new V128(dotPairsHalf(a.lo, b.lo, narrowWidth), dotPairsHalf(a.hi, b.hi, narrowWidth));
    }

    private static V128 dotQuadsAdd(V128 a, V128 b, V128 c) {
        return new V128(dotQuadsAddHalf(a.lo, b.lo, c.lo), dotQuadsAddHalf(a.hi, b.hi, c.hi));
    }

    private static V128 relaxedDotPairs(V128 a, V128 b) {
        return new V128(relaxedDotPairsHalf(a.lo, b.lo), relaxedDotPairsHalf(a.hi, b.hi));
    }

    /**
     * Each lane of {@code width} bits all ones where its top bit is set in {@code mask}, all
     * zeros elsewhere.
     */
    private static V128 topBitsToLanes(V128 mask, int width) {
        return new V128(topBitsToLanesHalf(mask.lo, width), topBitsToLanesHalf(mask.hi, width));
    }

    private static long topBitsToLanesHalf(long x, int width) {
        return switch (width) {
            // 0x01 in each byte whose top bit is set, times 0xFF: no carries cross bytes.
            case 8 -> ((x >>> 7) & 0x0101_0101_0101_0101L) * 0xFF;
            case 32 -> (((long) ((int) x >> 31)) & 0xFFFF_FFFFL) | ((x >> 63) << 32);
            case 64 -> x >> 63;
            default -> throw new IllegalArgumentException("no lane width " + width);
        };
    }

    private static V128 q15mulr(V128 a, V128 b, boolean saturate) {
        return new V128(q15mulrHalf(a.lo, b.lo, saturate), q15mulrHalf(a.hi, b.hi, saturate));
    }

    /** a's lanes narrowed into the result's low half, b's into its high half. */
    private static V128 narrow(V128 a, V128 b, int wideWidth, boolean signedResult) {
        long lo = narrowHalf(a.lo, wideWidth, signedResult, 0) | narrowHalf(a.hi, wideWidth, signedResult, 32);
        long hi = narrowHalf(b.lo, wideWidth, signedResult, 0) | narrowHalf(b.hi, wideWidth, signedResult, 32);
        return new V128(lo, hi);
    }

    private static V128 bitselect(V128 ifSet, V128 ifClear, V128 mask) {
        return new V128((ifSet.lo & mask.lo) | (ifClear.lo & ~mask.lo), (ifSet.hi & mask.hi) | (ifClear.hi & ~mask.hi));
    }

    /** As x86 pshufb: an index byte with its top bit set gives 0, any other selects a[index & 15]. */
    @ExplodeLoop
    private static V128 relaxedSwizzle(V128 a, V128 indices) {
        long lo = 0;
        long hi = 0;
        for (int shift = 0; shift < 64; shift += 8) {
            long loIndex = indices.lo >>> shift;
            long hiIndex = indices.hi >>> shift;
            lo |= ((loIndex & 0x80) != 0 ? 0 : byteAt(a, (int) loIndex & 0x0F)) << shift;
            hi |= ((hiIndex & 0x80) != 0 ? 0 : byteAt(a, (int) hiIndex & 0x0F)) << shift;
        }
        return new V128(lo, hi);
    }

    @ExplodeLoop
    private static V128 swizzle(V128 a, V128 indices) {
        long lo = 0;
        long hi = 0;
        for (int shift = 0; shift < 64; shift += 8) {
            lo |= byteAt(a, (int) (indices.lo >>> shift) & 0xFF) << shift;
            hi |= byteAt(a, (int) (indices.hi >>> shift) & 0xFF) << shift;
        }
        return new V128(lo, hi);
    }

    private static V128 shiftLeft(V128 a, int count, int width) {
        int laneCount = count & (width - 1);
        return new V128(shiftLeftHalf(a.lo, laneCount, width), shiftLeftHalf(a.hi, laneCount, width));
    }

    private static V128 shiftRightSigned(V128 a, int count, int width) {
        int laneCount = count & (width - 1);
        return new V128(shiftRightSignedHalf(a.lo, laneCount, width), shiftRightSignedHalf(a.hi, laneCount, width));
    }

    private static V128 shiftRightUnsigned(V128 a, int count, int width) {
        int laneCount = count & (width - 1);
        return new V128(shiftRightUnsignedHalf(a.lo, laneCount, width), shiftRightUnsignedHalf(a.hi, laneCount, width));
    }

    private static int allTrue(V128 a, int width) {
        return noZeroLane(a.lo, width) && noZeroLane(a.hi, width) ? 1 : 0;
    }

    private static int bitmask(V128 a, int width) {
        return signBitsGathered(a.lo, width) | (signBitsGathered(a.hi, width) << (64 / width));
    }

    private static V128 splatHalf(long bits, int width) {
        long half = (bits & laneMask(width)) * lowBits(width);
        return new V128(half, half);
    }

    private static V128 withLane(V128 a, int lane, long bits, int width) {
        int lanesPerHalf = 64 / width;
        int shift = (lane % lanesPerHalf) * width;
        long laneBits = laneMask(width) << shift;
        if (lane < lanesPerHalf) {
            return new V128((a.lo & ~laneBits) | ((bits << shift) & laneBits), a.hi);
        }
        return new V128(a.lo, (a.hi & ~laneBits) | ((bits << shift) & laneBits));
    }
}
