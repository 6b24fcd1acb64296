package org.wasmlang.runtime.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD instructions on the JDK Vector API, used by the last tier's compiled code when
 * {@link SimdMode#VECTOR_API} is on (see {@link SimdValues}): a v128 is a 128-bit
 * {@link ByteVector}, reinterpreted as the lane shape each instruction needs, which the Graal
 * compiler turns into SSE/AVX instructions on XMM registers.
 *
 * <p>Only the instructions whose Wasm semantics a Vector API operation has exactly are
 * written here; the others convert to a {@link V128}, run the two-long code of
 * {@link SimdOps} and convert back, so each lane rule still has one home. Values cross the
 * API as {@code Object}, so that classes calling this one load without the incubator module.
 */
public final class VectorApiOps {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_128;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_128;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_128;
    /**
     * The exact class of 128-bit byte vectors (final, internal to the module). Values read
     * from frame slots are cast to it: with only {@code ByteVector} known, the compiler
     * cannot expand the Vector API calls on them into SIMD instructions.
     */
    @SuppressWarnings("unchecked") private static final Class<? extends ByteVector> BYTE_VECTOR = (Class<? extends ByteVector>) ByteVector.zero(BYTES).getClass();

    private VectorApiOps() {
    }

    // ---------------------------------------------------------------- conversions

    public static Object fromV128(V128 value) {
        return fromLongs(value.lo, value.hi);
    }

    /** The vector of two halves (low first), as frames hold it. */
    public static Object fromLongs(long lo, long hi) {
        return BYTE_VECTOR.cast(LongVector.broadcast(LONGS, lo).withLane(1, hi).reinterpretAsBytes());
    }

    public static long low(Object vector) {
        return longs(vector).lane(0);
    }

    public static long high(Object vector) {
        return longs(vector).lane(1);
    }

    /** A vector from a frame slot, cast to the exact class (see {@link #BYTE_VECTOR}). */
    public static Object exact(Object vector) {
        return bytes(vector);
    }

    public static V128 toV128(Object vector) {
        LongVector halves = bytes(vector).reinterpretAsLongs();
        return new V128(halves.lane(0), halves.lane(1));
    }

    public static Object load(byte[] buffer, int index) {
        return ByteVector.fromArray(BYTES, buffer, index);
    }

    public static void store(Object vector, byte[] buffer, int index) {
        bytes(vector).intoArray(buffer, index);
    }

    /** v128.load32_zero / load64_zero: the loaded bits in lane 0, zeros above. */
    public static Object lowLane(long bits, boolean wide) {
        return wide ? LongVector.zero(LONGS).withLane(0, bits).reinterpretAsBytes()
                        : IntVector.zero(INTS).withLane(0, (int) bits).reinterpretAsBytes();
    }

    /** The lane selection of an i8x16.shuffle, made once per instruction. */
    public static Object shuffleOf(byte[] lanes) {
        int[] indices = new int[16];
        for (int i = 0; i < 16; i++) {
            indices[i] = lanes[i];
        }
        return VectorShuffle.fromArray(BYTES, indices, 0);
    }

    // ---------------------------------------------------------------- lane shapes

    /**
     * The vector of a value. An instruction meets a {@link V128} beside a vector only when
     * its first operand was made in the last tier's code and the next in code that
     * deoptimized in between; compiled code knows the class, so the test folds.
     */
    private static ByteVector bytes(Object v) {
        if (v instanceof V128 value) {
            return (ByteVector) fromV128(value);
        }
        return BYTE_VECTOR.cast(v);
    }

    private static ShortVector shorts(Object v) {
        return bytes(v).reinterpretAsShorts();
    }

    private static IntVector ints(Object v) {
        return bytes(v).reinterpretAsInts();
    }

    private static LongVector longs(Object v) {
        return bytes(v).reinterpretAsLongs();
    }

    private static FloatVector floats(Object v) {
        return bytes(v).reinterpretAsFloats();
    }

    private static DoubleVector doubles(Object v) {
        return bytes(v).reinterpretAsDoubles();
    }

    // ---------------------------------------------------------------- instructions

    public static Object unary(int sub, Object a) {
        return switch (sub) {
            case 0x4d -> bytes(a).not();
            case 0x60 -> bytes(a).abs();
            case 0x61 -> bytes(a).neg();
            case 0x62 -> bytes(a).lanewise(VectorOperators.BIT_COUNT);
            case 0x80 -> shorts(a).abs().reinterpretAsBytes();
            case 0x81 -> shorts(a).neg().reinterpretAsBytes();
            case 0x87 -> bytes(a).convertShape(VectorOperators.B2S, SHORTS, 0).reinterpretAsBytes();
            case 0x88 -> bytes(a).convertShape(VectorOperators.B2S, SHORTS, 1).reinterpretAsBytes();
            case 0x89 -> bytes(a).convertShape(VectorOperators.ZERO_EXTEND_B2S, SHORTS, 0).reinterpretAsBytes();
            case 0x8a -> bytes(a).convertShape(VectorOperators.ZERO_EXTEND_B2S, SHORTS, 1).reinterpretAsBytes();
            case 0xa0 -> ints(a).abs().reinterpretAsBytes();
            case 0xa1 -> ints(a).neg().reinterpretAsBytes();
            case 0xa7 -> shorts(a).convertShape(VectorOperators.S2I, INTS, 0).reinterpretAsBytes();
            case 0xa8 -> shorts(a).convertShape(VectorOperators.S2I, INTS, 1).reinterpretAsBytes();
            case 0xa9 -> shorts(a).convertShape(VectorOperators.ZERO_EXTEND_S2I, INTS, 0).reinterpretAsBytes();
            case 0xaa -> shorts(a).convertShape(VectorOperators.ZERO_EXTEND_S2I, INTS, 1).reinterpretAsBytes();
            case 0xc0 -> longs(a).abs().reinterpretAsBytes();
            case 0xc1 -> longs(a).neg().reinterpretAsBytes();
            case 0xc7 -> ints(a).convertShape(VectorOperators.I2L, LONGS, 0).reinterpretAsBytes();
            case 0xc8 -> ints(a).convertShape(VectorOperators.I2L, LONGS, 1).reinterpretAsBytes();
            case 0xc9 -> ints(a).convertShape(VectorOperators.ZERO_EXTEND_I2L, LONGS, 0).reinterpretAsBytes();
            case 0xca -> ints(a).convertShape(VectorOperators.ZERO_EXTEND_I2L, LONGS, 1).reinterpretAsBytes();
            // abs and neg of floats only touch the sign bit, NaN payloads included.
            case 0xe0 -> ints(a).and(0x7FFF_FFFF).reinterpretAsBytes();
            case 0xe1 -> ints(a).lanewise(VectorOperators.XOR, 0x8000_0000).reinterpretAsBytes();
            case 0xe3 -> floats(a).sqrt().reinterpretAsBytes();
            case 0xec -> longs(a).and(0x7FFF_FFFF_FFFF_FFFFL).reinterpretAsBytes();
            case 0xed -> longs(a).lanewise(VectorOperators.XOR, 0x8000_0000_0000_0000L).reinterpretAsBytes();
            case 0xef -> doubles(a).sqrt().reinterpretAsBytes();
            case 0xfa -> ints(a).convert(VectorOperators.I2F, 0).reinterpretAsBytes();
            // A Java float-to-int cast saturates and maps NaN to 0, as trunc_sat_s does.
            case 0xf8 -> floats(a).convert(VectorOperators.F2I, 0).reinterpretAsBytes();
            // relaxed_trunc_f32x4_s is x86's cvttps2dq (V8's answer): INT_MIN for NaN and out of range.
            case 0x101 -> IntVector.broadcast(INTS, Integer.MIN_VALUE)
                            .blend(floats(a).convert(VectorOperators.F2I, 0).reinterpretAsInts(),
                                            floats(a).compare(VectorOperators.GE, -0x1p31f).and(floats(a).compare(VectorOperators.LT, 0x1p31f)).cast(INTS))
                            .reinterpretAsBytes();
            default -> fromV128(SimdOps.unary(sub, toV128(a)));
        };
    }

    public static Object binary(int sub, Object a, Object b) {
        return switch (sub) {
            case 0x23 -> bytes(a).compare(VectorOperators.EQ, bytes(b)).toVector();
            case 0x24 -> bytes(a).compare(VectorOperators.NE, bytes(b)).toVector();
            case 0x25 -> bytes(a).compare(VectorOperators.LT, bytes(b)).toVector();
            case 0x26 -> bytes(a).compare(VectorOperators.ULT, bytes(b)).toVector();
            case 0x27 -> bytes(a).compare(VectorOperators.GT, bytes(b)).toVector();
            case 0x28 -> bytes(a).compare(VectorOperators.UGT, bytes(b)).toVector();
            case 0x29 -> bytes(a).compare(VectorOperators.LE, bytes(b)).toVector();
            case 0x2a -> bytes(a).compare(VectorOperators.ULE, bytes(b)).toVector();
            case 0x2b -> bytes(a).compare(VectorOperators.GE, bytes(b)).toVector();
            case 0x2c -> bytes(a).compare(VectorOperators.UGE, bytes(b)).toVector();
            case 0x2d -> shorts(a).compare(VectorOperators.EQ, shorts(b)).toVector().reinterpretAsBytes();
            case 0x2e -> shorts(a).compare(VectorOperators.NE, shorts(b)).toVector().reinterpretAsBytes();
            case 0x2f -> shorts(a).compare(VectorOperators.LT, shorts(b)).toVector().reinterpretAsBytes();
            case 0x30 -> shorts(a).compare(VectorOperators.ULT, shorts(b)).toVector().reinterpretAsBytes();
            case 0x31 -> shorts(a).compare(VectorOperators.GT, shorts(b)).toVector().reinterpretAsBytes();
            case 0x32 -> shorts(a).compare(VectorOperators.UGT, shorts(b)).toVector().reinterpretAsBytes();
            case 0x33 -> shorts(a).compare(VectorOperators.LE, shorts(b)).toVector().reinterpretAsBytes();
            case 0x34 -> shorts(a).compare(VectorOperators.ULE, shorts(b)).toVector().reinterpretAsBytes();
            case 0x35 -> shorts(a).compare(VectorOperators.GE, shorts(b)).toVector().reinterpretAsBytes();
            case 0x36 -> shorts(a).compare(VectorOperators.UGE, shorts(b)).toVector().reinterpretAsBytes();
            case 0x37 -> ints(a).compare(VectorOperators.EQ, ints(b)).toVector().reinterpretAsBytes();
            case 0x38 -> ints(a).compare(VectorOperators.NE, ints(b)).toVector().reinterpretAsBytes();
            case 0x39 -> ints(a).compare(VectorOperators.LT, ints(b)).toVector().reinterpretAsBytes();
            case 0x3a -> ints(a).compare(VectorOperators.ULT, ints(b)).toVector().reinterpretAsBytes();
            case 0x3b -> ints(a).compare(VectorOperators.GT, ints(b)).toVector().reinterpretAsBytes();
            case 0x3c -> ints(a).compare(VectorOperators.UGT, ints(b)).toVector().reinterpretAsBytes();
            case 0x3d -> ints(a).compare(VectorOperators.LE, ints(b)).toVector().reinterpretAsBytes();
            case 0x3e -> ints(a).compare(VectorOperators.ULE, ints(b)).toVector().reinterpretAsBytes();
            case 0x3f -> ints(a).compare(VectorOperators.GE, ints(b)).toVector().reinterpretAsBytes();
            case 0x40 -> ints(a).compare(VectorOperators.UGE, ints(b)).toVector().reinterpretAsBytes();
            // Float comparisons give integer masks (a float mask's toVector would hold -1.0f).
            case 0x41 -> floats(a).compare(VectorOperators.EQ, floats(b)).cast(INTS).toVector().reinterpretAsBytes();
            case 0x42 -> floats(a).compare(VectorOperators.NE, floats(b)).cast(INTS).toVector().reinterpretAsBytes();
            case 0x43 -> floats(a).compare(VectorOperators.LT, floats(b)).cast(INTS).toVector().reinterpretAsBytes();
            case 0x44 -> floats(a).compare(VectorOperators.GT, floats(b)).cast(INTS).toVector().reinterpretAsBytes();
            case 0x45 -> floats(a).compare(VectorOperators.LE, floats(b)).cast(INTS).toVector().reinterpretAsBytes();
            case 0x46 -> floats(a).compare(VectorOperators.GE, floats(b)).cast(INTS).toVector().reinterpretAsBytes();
            case 0x4e -> bytes(a).and(bytes(b));
            case 0x4f -> bytes(a).lanewise(VectorOperators.AND_NOT, bytes(b));
            case 0x50 -> bytes(a).or(bytes(b));
            case 0x51 -> bytes(a).lanewise(VectorOperators.XOR, bytes(b));
            case 0x7b -> averageRoundingUp(bytes(a), bytes(b));
            case 0x9b -> averageRoundingUp(shorts(a), shorts(b));
            case 0x9c -> extendedProduct(bytes(a), bytes(b), VectorOperators.B2S, SHORTS, 0);
            case 0x9d -> extendedProduct(bytes(a), bytes(b), VectorOperators.B2S, SHORTS, 1);
            case 0x9e -> extendedProduct(bytes(a), bytes(b), VectorOperators.ZERO_EXTEND_B2S, SHORTS, 0);
            case 0x9f -> extendedProduct(bytes(a), bytes(b), VectorOperators.ZERO_EXTEND_B2S, SHORTS, 1);
            case 0xbc -> extendedProduct(shorts(a), shorts(b), VectorOperators.S2I, INTS, 0);
            case 0xbd -> extendedProduct(shorts(a), shorts(b), VectorOperators.S2I, INTS, 1);
            case 0xbe -> extendedProduct(shorts(a), shorts(b), VectorOperators.ZERO_EXTEND_S2I, INTS, 0);
            case 0xbf -> extendedProduct(shorts(a), shorts(b), VectorOperators.ZERO_EXTEND_S2I, INTS, 1);
            // pmin is b < a ? b : a and pmax a < b ? b : a, operand bits kept as they are.
            case 0xea -> floats(a).blend(floats(b), floats(b).compare(VectorOperators.LT, floats(a))).reinterpretAsBytes();
            case 0xeb -> floats(a).blend(floats(b), floats(a).compare(VectorOperators.LT, floats(b))).reinterpretAsBytes();
            case 0xf6 -> doubles(a).blend(doubles(b), doubles(b).compare(VectorOperators.LT, doubles(a))).reinterpretAsBytes();
            case 0xf7 -> doubles(a).blend(doubles(b), doubles(a).compare(VectorOperators.LT, doubles(b))).reinterpretAsBytes();
            case 0x6e -> bytes(a).add(bytes(b));
            case 0x6f -> bytes(a).lanewise(VectorOperators.SADD, bytes(b));
            case 0x70 -> bytes(a).lanewise(VectorOperators.SUADD, bytes(b));
            case 0x71 -> bytes(a).sub(bytes(b));
            case 0x72 -> bytes(a).lanewise(VectorOperators.SSUB, bytes(b));
            case 0x73 -> bytes(a).lanewise(VectorOperators.SUSUB, bytes(b));
            case 0x76 -> bytes(a).min(bytes(b));
            case 0x77 -> bytes(a).lanewise(VectorOperators.UMIN, bytes(b));
            case 0x78 -> bytes(a).max(bytes(b));
            case 0x79 -> bytes(a).lanewise(VectorOperators.UMAX, bytes(b));
            case 0x8e -> shorts(a).add(shorts(b)).reinterpretAsBytes();
            case 0x8f -> shorts(a).lanewise(VectorOperators.SADD, shorts(b)).reinterpretAsBytes();
            case 0x90 -> shorts(a).lanewise(VectorOperators.SUADD, shorts(b)).reinterpretAsBytes();
            case 0x91 -> shorts(a).sub(shorts(b)).reinterpretAsBytes();
            case 0x92 -> shorts(a).lanewise(VectorOperators.SSUB, shorts(b)).reinterpretAsBytes();
            case 0x93 -> shorts(a).lanewise(VectorOperators.SUSUB, shorts(b)).reinterpretAsBytes();
            case 0x95 -> shorts(a).mul(shorts(b)).reinterpretAsBytes();
            case 0x96 -> shorts(a).min(shorts(b)).reinterpretAsBytes();
            case 0x97 -> shorts(a).lanewise(VectorOperators.UMIN, shorts(b)).reinterpretAsBytes();
            case 0x98 -> shorts(a).max(shorts(b)).reinterpretAsBytes();
            case 0x99 -> shorts(a).lanewise(VectorOperators.UMAX, shorts(b)).reinterpretAsBytes();
            case 0xae -> ints(a).add(ints(b)).reinterpretAsBytes();
            case 0xb1 -> ints(a).sub(ints(b)).reinterpretAsBytes();
            case 0xb5 -> ints(a).mul(ints(b)).reinterpretAsBytes();
            case 0xb6 -> ints(a).min(ints(b)).reinterpretAsBytes();
            case 0xb7 -> ints(a).lanewise(VectorOperators.UMIN, ints(b)).reinterpretAsBytes();
            case 0xb8 -> ints(a).max(ints(b)).reinterpretAsBytes();
            case 0xb9 -> ints(a).lanewise(VectorOperators.UMAX, ints(b)).reinterpretAsBytes();
            case 0xce -> longs(a).add(longs(b)).reinterpretAsBytes();
            case 0xd1 -> longs(a).sub(longs(b)).reinterpretAsBytes();
            case 0xd5 -> longs(a).mul(longs(b)).reinterpretAsBytes();
            case 0xd6 -> longs(a).compare(VectorOperators.EQ, longs(b)).toVector().reinterpretAsBytes();
            case 0xd7 -> longs(a).compare(VectorOperators.NE, longs(b)).toVector().reinterpretAsBytes();
            case 0xd8 -> longs(a).compare(VectorOperators.LT, longs(b)).toVector().reinterpretAsBytes();
            case 0xd9 -> longs(a).compare(VectorOperators.GT, longs(b)).toVector().reinterpretAsBytes();
            case 0xda -> longs(a).compare(VectorOperators.LE, longs(b)).toVector().reinterpretAsBytes();
            case 0xdb -> longs(a).compare(VectorOperators.GE, longs(b)).toVector().reinterpretAsBytes();
            // Arithmetic NaN results are what the hardware gives, as for the scalar instructions.
            case 0xe4 -> floats(a).add(floats(b)).reinterpretAsBytes();
            case 0xe5 -> floats(a).sub(floats(b)).reinterpretAsBytes();
            case 0xe6 -> floats(a).mul(floats(b)).reinterpretAsBytes();
            case 0xe7 -> floats(a).div(floats(b)).reinterpretAsBytes();
            case 0xf0 -> doubles(a).add(doubles(b)).reinterpretAsBytes();
            case 0xf1 -> doubles(a).sub(doubles(b)).reinterpretAsBytes();
            case 0xf2 -> doubles(a).mul(doubles(b)).reinterpretAsBytes();
            case 0xf3 -> doubles(a).div(doubles(b)).reinterpretAsBytes();
            // relaxed_min/max are x86's minps/maxps (V8's answer): a < b ? a : b, a > b ? a : b,
            // selected as integer lanes so that b's NaN bits come back unchanged.
            case 0x10d -> ints(b).blend(ints(a), floats(a).compare(VectorOperators.LT, floats(b)).cast(INTS)).reinterpretAsBytes();
            case 0x10e -> ints(b).blend(ints(a), floats(a).compare(VectorOperators.GT, floats(b)).cast(INTS)).reinterpretAsBytes();
            case 0x10f -> longs(b).blend(longs(a), doubles(a).compare(VectorOperators.LT, doubles(b)).cast(LONGS)).reinterpretAsBytes();
            case 0x110 -> longs(b).blend(longs(a), doubles(a).compare(VectorOperators.GT, doubles(b)).cast(LONGS)).reinterpretAsBytes();
            default -> fromV128(SimdOps.binary(sub, toV128(a), toV128(b)));
        };
    }

    /** avgr_u, (a + b + 1) >>> 1 in unsigned lanes, as (a | b) - ((a ^ b) >>> 1) so that it cannot overflow. */
    private static <E> ByteVector averageRoundingUp(jdk.incubator.vector.Vector<E> a, jdk.incubator.vector.Vector<E> b) {
        return a.lanewise(VectorOperators.OR, b).sub(a.lanewise(VectorOperators.XOR, b).lanewise(VectorOperators.LSHR, 1))
                        .reinterpretAsBytes();
    }

    /** extmul: the low (part 0) or high (part 1) lanes of both, widened, multiplied. */
    private static <E, F> ByteVector extendedProduct(jdk.incubator.vector.Vector<E> a, jdk.incubator.vector.Vector<E> b,
                    VectorOperators.Conversion<E, F> widen, VectorSpecies<F> wide, int part) {
        return a.convertShape(widen, wide, part).mul(b.convertShape(widen, wide, part)).reinterpretAsBytes();
    }

    public static Object ternary(int sub, Object a, Object b, Object c) {
        return switch (sub) {
            case 0x52 -> bytes(b).lanewise(VectorOperators.BITWISE_BLEND, bytes(a), bytes(c));
            // The relaxed laneselects are V8's x86 blends: a's lane where the top bit of the
            // mask's lane is set; i16x8 is pblendvb too, so byte by byte (as in SimdOps).
            case 0x109, 0x10a -> bytes(b).blend(bytes(a), bytes(c).compare(VectorOperators.LT, (byte) 0));
            case 0x10b -> ints(b).blend(ints(a), ints(c).compare(VectorOperators.LT, 0)).reinterpretAsBytes();
            case 0x10c -> longs(b).blend(longs(a), longs(c).compare(VectorOperators.LT, 0L)).reinterpretAsBytes();
            // relaxed_madd/nmadd fuse, as V8 does with FMA3; negating a factor is exact.
            case 0x105 -> floats(a).lanewise(VectorOperators.FMA, floats(b), floats(c)).reinterpretAsBytes();
            case 0x106 -> floats(a).neg().lanewise(VectorOperators.FMA, floats(b), floats(c)).reinterpretAsBytes();
            case 0x107 -> doubles(a).lanewise(VectorOperators.FMA, doubles(b), doubles(c)).reinterpretAsBytes();
            case 0x108 -> doubles(a).neg().lanewise(VectorOperators.FMA, doubles(b), doubles(c)).reinterpretAsBytes();
            default -> fromV128(SimdOps.ternary(sub, toV128(a), toV128(b), toV128(c)));
        };
    }

    public static int test(int sub, Object a) {
        return switch (sub) {
            case 0x53 -> bytes(a).compare(VectorOperators.NE, (byte) 0).anyTrue() ? 1 : 0;
            case 0x63 -> bytes(a).compare(VectorOperators.NE, (byte) 0).allTrue() ? 1 : 0;
            case 0x64 -> (int) bytes(a).compare(VectorOperators.LT, (byte) 0).toLong();
            case 0x83 -> shorts(a).compare(VectorOperators.NE, (short) 0).allTrue() ? 1 : 0;
            case 0x84 -> (int) shorts(a).compare(VectorOperators.LT, (short) 0).toLong();
            case 0xa3 -> ints(a).compare(VectorOperators.NE, 0).allTrue() ? 1 : 0;
            case 0xa4 -> (int) ints(a).compare(VectorOperators.LT, 0).toLong();
            case 0xc3 -> longs(a).compare(VectorOperators.NE, 0).allTrue() ? 1 : 0;
            case 0xc4 -> (int) longs(a).compare(VectorOperators.LT, 0).toLong();
            default -> SimdOps.test(sub, toV128(a));
        };
    }

    /** Shift counts are taken modulo the lane width, as Wasm says. */
    public static Object shift(int sub, Object a, int count) {
        return switch (sub) {
            case 0x6b -> bytes(a).lanewise(VectorOperators.LSHL, count & 7);
            case 0x6c -> bytes(a).lanewise(VectorOperators.ASHR, count & 7);
            case 0x6d -> bytes(a).lanewise(VectorOperators.LSHR, count & 7);
            case 0x8b -> shorts(a).lanewise(VectorOperators.LSHL, count & 15).reinterpretAsBytes();
            case 0x8c -> shorts(a).lanewise(VectorOperators.ASHR, count & 15).reinterpretAsBytes();
            case 0x8d -> shorts(a).lanewise(VectorOperators.LSHR, count & 15).reinterpretAsBytes();
            case 0xab -> ints(a).lanewise(VectorOperators.LSHL, count & 31).reinterpretAsBytes();
            case 0xac -> ints(a).lanewise(VectorOperators.ASHR, count & 31).reinterpretAsBytes();
            case 0xad -> ints(a).lanewise(VectorOperators.LSHR, count & 31).reinterpretAsBytes();
            case 0xcb -> longs(a).lanewise(VectorOperators.LSHL, count & 63).reinterpretAsBytes();
            case 0xcc -> longs(a).lanewise(VectorOperators.ASHR, count & 63).reinterpretAsBytes();
            case 0xcd -> longs(a).lanewise(VectorOperators.LSHR, count & 63).reinterpretAsBytes();
            default -> fromV128(SimdOps.shift(sub, toV128(a), count));
        };
    }

    /** A splat of raw scalar bits (floats as their bit patterns). */
    public static Object splat(int sub, long bits) {
        return switch (sub) {
            case 0x0f -> ByteVector.broadcast(BYTES, (byte) bits);
            case 0x10 -> ShortVector.broadcast(SHORTS, (short) bits).reinterpretAsBytes();
            case 0x11, 0x13 -> IntVector.broadcast(INTS, (int) bits).reinterpretAsBytes();
            case 0x12, 0x14 -> LongVector.broadcast(LONGS, bits).reinterpretAsBytes();
            default -> fromV128(SimdOps.splat(sub, bits));
        };
    }

    /** A lane as raw bits, like {@link SimdOps#extractLane}. */
    public static long extractLane(int sub, Object a, int lane) {
        return switch (sub) {
            case 0x15 -> bytes(a).lane(lane);
            case 0x16 -> bytes(a).lane(lane) & 0xFF;
            case 0x18 -> shorts(a).lane(lane);
            case 0x19 -> shorts(a).lane(lane) & 0xFFFF;
            case 0x1b, 0x1f -> ints(a).lane(lane);
            case 0x1d, 0x21 -> longs(a).lane(lane);
            default -> SimdOps.extractLane(sub, toV128(a), lane);
        };
    }

    public static Object replaceLane(int sub, Object a, int lane, long bits) {
        return switch (sub) {
            case 0x17 -> bytes(a).withLane(lane, (byte) bits);
            case 0x1a -> shorts(a).withLane(lane, (short) bits).reinterpretAsBytes();
            case 0x1c, 0x20 -> ints(a).withLane(lane, (int) bits).reinterpretAsBytes();
            case 0x1e, 0x22 -> longs(a).withLane(lane, bits).reinterpretAsBytes();
            default -> fromV128(SimdOps.replaceLane(sub, toV128(a), lane, bits));
        };
    }

    /**
     * i8x16.shuffle: indices 16-31 of the shuffle are exceptional for a 16-lane species, and
     * a two-vector rearrange takes those lanes from the second vector.
     */
    @SuppressWarnings("unchecked")
    public static Object shuffle(Object a, Object b, Object lanes) {
        return bytes(a).rearrange((VectorShuffle<Byte>) lanes, bytes(b));
    }
}
