package org.wasmlang.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.wasmlang.fuzz.WasmWriter.Code;

/**
 * The arithmetic-dense generator. {@code wasm-opt -ttf} writes mostly control flow,
 * counters and constants, and a few hundred of its modules missed a rotate-count masking bug
 * and {@code f32.min(-0, +0)}; these modules instead run every numeric, conversion and memory
 * instruction on edge-case operands (shift counts around 32 and 64, ±0, NaNs, bounds of every
 * truncation, addresses and offsets at the end of memory, ...).
 *
 * <p>Each instruction under test gets a probe function that applies it to its parameters, and
 * for each operand tuple two exports: one calls the probe with constants (the operands are
 * runtime values in the probe), one applies the instruction to the constants inline (what
 * constant folding sees). Each logs the result. Some probes also get a hot export that calls
 * them thousands of times on the tuples that do not trap and logs a hash of the results, so
 * the compilers of both engines take part. Float results are logged as their bits through
 * {@code log-i32}/{@code log-i64}: exactly for the bit instructions (abs, neg, copysign,
 * reinterpret, loads, stores, select), and with a NaN's sign cleared for arithmetic, whose
 * NaN sign Wasm leaves open. Arithmetic operands include only canonical NaNs, so a NaN result
 * must be canonical, and is checked to be.
 */
public final class ArithmeticModules {
    static final int I32 = 0x7F;
    static final int I64 = 0x7E;
    static final int F32 = 0x7D;
    static final int F64 = 0x7C;
    static final int V128 = 0x7B;

    /** Operands of bit instructions may be any NaN; arithmetic sees canonical NaNs only. */
    enum Kind {
        ARITHMETIC,
        BITS,
        LOAD,
        STORE,
        BULK
    }

    /**
     * @param lanes the lane count of a lane immediate (0: none)
     * @param shuffle whether 16 lane indices follow (i8x16.shuffle)
     */
    record Op(String name, int[] opcode, int[] params, int result, Kind kind, int naturalAlign, int lanes, boolean shuffle) {
        Op(String name, int[] opcode, int[] params, int result, Kind kind, int naturalAlign) {
            this(name, opcode, params, result, kind, naturalAlign, 0, false);
        }

        boolean exact() {
            return kind != Kind.ARITHMETIC;
        }

        boolean simd() {
            return opcode[0] == 0xFD;
        }

        /** Relaxed SIMD (sub-opcodes from 0x100, three bytes). */
        boolean relaxed() {
            return simd() && opcode.length == 3 && opcode[2] >= 2;
        }
    }

    static final List<Op> CATALOG = catalog();
    private static final int NO_RESULT = 0;
    private static final int TUPLES = 8;
    private static final int OPS_PER_MODULE = 18;
    private static final int HOT_ITERATIONS = 600;

    private ArithmeticModules() {
    }

    private static List<Op> catalog() {
        List<Op> ops = new ArrayList<>();
        String[] i32Compare = {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"};
        String[] intBinary = {"add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u",
                        "rotl", "rotr"};
        String[] floatCompare = {"eq", "ne", "lt", "gt", "le", "ge"};
        String[] floatUnary = {"abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"};
        String[] floatBinary = {"add", "sub", "mul", "div", "min", "max", "copysign"};
        ops.add(numeric("i32.eqz", 0x45, I32, new int[]{I32}));
        for (int i = 0; i < i32Compare.length; i++) {
            ops.add(numeric("i32." + i32Compare[i], 0x46 + i, I32, new int[]{I32, I32}));
            ops.add(numeric("i64." + i32Compare[i], 0x51 + i, I32, new int[]{I64, I64}));
        }
        ops.add(numeric("i64.eqz", 0x50, I32, new int[]{I64}));
        for (int i = 0; i < floatCompare.length; i++) {
            ops.add(numeric("f32." + floatCompare[i], 0x5B + i, I32, new int[]{F32, F32}));
            ops.add(numeric("f64." + floatCompare[i], 0x61 + i, I32, new int[]{F64, F64}));
        }
        String[] count = {"clz", "ctz", "popcnt"};
        for (int i = 0; i < 3; i++) {
            ops.add(numeric("i32." + count[i], 0x67 + i, I32, new int[]{I32}));
            ops.add(numeric("i64." + count[i], 0x79 + i, I64, new int[]{I64}));
        }
        for (int i = 0; i < intBinary.length; i++) {
            ops.add(numeric("i32." + intBinary[i], 0x6A + i, I32, new int[]{I32, I32}));
            ops.add(numeric("i64." + intBinary[i], 0x7C + i, I64, new int[]{I64, I64}));
        }
        for (int i = 0; i < floatUnary.length; i++) {
            Kind kind = i < 2 ? Kind.BITS : Kind.ARITHMETIC;
            ops.add(new Op("f32." + floatUnary[i], new int[]{0x8B + i}, new int[]{F32}, F32, kind, 0));
            ops.add(new Op("f64." + floatUnary[i], new int[]{0x99 + i}, new int[]{F64}, F64, kind, 0));
        }
        for (int i = 0; i < floatBinary.length; i++) {
            Kind kind = i == 6 ? Kind.BITS : Kind.ARITHMETIC;
            ops.add(new Op("f32." + floatBinary[i], new int[]{0x92 + i}, new int[]{F32, F32}, F32, kind, 0));
            ops.add(new Op("f64." + floatBinary[i], new int[]{0xA0 + i}, new int[]{F64, F64}, F64, kind, 0));
        }
        ops.add(numeric("i32.wrap_i64", 0xA7, I32, new int[]{I64}));
        int[] floats = {F32, F64};
        String[] floatNames = {"f32", "f64"};
        for (int f = 0; f < 2; f++) {
            ops.add(numeric("i32.trunc_" + floatNames[f] + "_s", 0xA8 + 2 * f, I32, new int[]{floats[f]}));
            ops.add(numeric("i32.trunc_" + floatNames[f] + "_u", 0xA9 + 2 * f, I32, new int[]{floats[f]}));
            ops.add(numeric("i64.trunc_" + floatNames[f] + "_s", 0xAE + 2 * f, I64, new int[]{floats[f]}));
            ops.add(numeric("i64.trunc_" + floatNames[f] + "_u", 0xAF + 2 * f, I64, new int[]{floats[f]}));
        }
        ops.add(numeric("i64.extend_i32_s", 0xAC, I64, new int[]{I32}));
        ops.add(numeric("i64.extend_i32_u", 0xAD, I64, new int[]{I32}));
        int[] ints = {I32, I64};
        String[] intNames = {"i32", "i64"};
        for (int i = 0; i < 2; i++) {
            ops.add(numeric("f32.convert_" + intNames[i] + "_s", 0xB2 + 2 * i, F32, new int[]{ints[i]}));
            ops.add(numeric("f32.convert_" + intNames[i] + "_u", 0xB3 + 2 * i, F32, new int[]{ints[i]}));
            ops.add(numeric("f64.convert_" + intNames[i] + "_s", 0xB7 + 2 * i, F64, new int[]{ints[i]}));
            ops.add(numeric("f64.convert_" + intNames[i] + "_u", 0xB8 + 2 * i, F64, new int[]{ints[i]}));
        }
        ops.add(numeric("f32.demote_f64", 0xB6, F32, new int[]{F64}));
        ops.add(numeric("f64.promote_f32", 0xBB, F64, new int[]{F32}));
        ops.add(new Op("i32.reinterpret_f32", new int[]{0xBC}, new int[]{F32}, I32, Kind.BITS, 0));
        ops.add(new Op("i64.reinterpret_f64", new int[]{0xBD}, new int[]{F64}, I64, Kind.BITS, 0));
        ops.add(new Op("f32.reinterpret_i32", new int[]{0xBE}, new int[]{I32}, F32, Kind.BITS, 0));
        ops.add(new Op("f64.reinterpret_i64", new int[]{0xBF}, new int[]{I64}, F64, Kind.BITS, 0));
        ops.add(numeric("i32.extend8_s", 0xC0, I32, new int[]{I32}));
        ops.add(numeric("i32.extend16_s", 0xC1, I32, new int[]{I32}));
        ops.add(numeric("i64.extend8_s", 0xC2, I64, new int[]{I64}));
        ops.add(numeric("i64.extend16_s", 0xC3, I64, new int[]{I64}));
        ops.add(numeric("i64.extend32_s", 0xC4, I64, new int[]{I64}));
        for (int i = 0; i < 8; i++) {
            int from = floats[(i >> 1) & 1];
            int to = ints[i >> 2];
            ops.add(new Op(intNames[i >> 2] + ".trunc_sat_" + floatNames[(i >> 1) & 1] + ((i & 1) == 0 ? "_s" : "_u"),
                            new int[]{0xFC, i}, new int[]{from}, to, Kind.ARITHMETIC, 0));
        }
        int[] all = {I32, I64, F32, F64};
        for (int type : all) {
            ops.add(new Op("select " + typeName(type), new int[]{0x1B}, new int[]{type, type, I32}, type, Kind.BITS, 0));
            ops.add(new Op("select (result " + typeName(type) + ")", new int[]{0x1C, 1, type}, new int[]{type, type, I32}, type, Kind.BITS,
                            0));
        }
        Object[][] loads = {{"i32.load", 0x28, I32, 2}, {"i64.load", 0x29, I64, 3}, {"f32.load", 0x2A, F32, 2}, {"f64.load", 0x2B, F64, 3},
                        {"i32.load8_s", 0x2C, I32, 0}, {"i32.load8_u", 0x2D, I32, 0}, {"i32.load16_s", 0x2E, I32, 1},
                        {"i32.load16_u", 0x2F, I32, 1}, {"i64.load8_s", 0x30, I64, 0}, {"i64.load8_u", 0x31, I64, 0},
                        {"i64.load16_s", 0x32, I64, 1}, {"i64.load16_u", 0x33, I64, 1}, {"i64.load32_s", 0x34, I64, 2},
                        {"i64.load32_u", 0x35, I64, 2}};
        for (Object[] l : loads) {
            ops.add(new Op((String) l[0], new int[]{(Integer) l[1]}, new int[]{I32}, (Integer) l[2], Kind.LOAD, (Integer) l[3]));
        }
        Object[][] stores = {{"i32.store", 0x36, I32, 2}, {"i64.store", 0x37, I64, 3}, {"f32.store", 0x38, F32, 2}, {"f64.store", 0x39, F64, 3},
                        {"i32.store8", 0x3A, I32, 0}, {"i32.store16", 0x3B, I32, 1}, {"i64.store8", 0x3C, I64, 0},
                        {"i64.store16", 0x3D, I64, 1}, {"i64.store32", 0x3E, I64, 2}};
        for (Object[] s : stores) {
            ops.add(new Op((String) s[0], new int[]{(Integer) s[1]}, new int[]{I32, (Integer) s[2]}, NO_RESULT, Kind.STORE, (Integer) s[3]));
        }
        ops.add(new Op("memory.fill", new int[]{0xFC, 0x0B, 0}, new int[]{I32, I32, I32}, NO_RESULT, Kind.BULK, 0));
        ops.add(new Op("memory.copy", new int[]{0xFC, 0x0A, 0, 0}, new int[]{I32, I32, I32}, NO_RESULT, Kind.BULK, 0));
        ops.add(new Op("memory.grow", new int[]{0x40, 0}, new int[]{I32}, I32, Kind.BULK, 0));
        simd(ops);
        return List.copyOf(ops);
    }

    /**
     * Every SIMD instruction of Wasm 2.0 and every relaxed SIMD instruction, from WasmLang's
     * instruction table (V8 validates the modules on its own, so a wrong row there would show
     * up as a disagreement). WasmLang's relaxed answers are V8's on x86-64 with AVX, FMA3 and
     * AVX-VNNI (docs/architecture.md), so they compare like the others on such a machine;
     * {@link #generate(long, int, Set)} leaves out those the machine's V8 answers otherwise.
     */
    private static void simd(List<Op> ops) {
        for (int sub = 0; sub < 0x114; sub++) {
            org.wasmlang.binary.Instruction row = org.wasmlang.binary.Instructions.get(org.wasmlang.binary.Instructions.code(0xFD, sub));
            if (row == null || row.params() == null || row.name().equals("v128.const")
                            || (row.feature() != org.wasmlang.binary.Instruction.Feature.CORE
                                            && row.feature() != org.wasmlang.binary.Instruction.Feature.RELAXED_SIMD)) {
                continue;
            }
            int[] params = java.util.Arrays.stream(row.params()).map(t -> t == org.wasmlang.binary.Instructions.ADDRESS ? I32 : t).toArray();
            int result = row.results().length == 0 ? NO_RESULT : row.results()[0];
            int[] opcode = sub < 0x80 ? new int[]{0xFD, sub} : new int[]{0xFD, 0x80 | (sub & 0x7F), sub >> 7};
            String name = row.name();
            Kind kind;
            int align = 0;
            int lanes = 0;
            switch (row.immediate()) {
                case MEMARG -> {
                    kind = result == NO_RESULT ? Kind.STORE : Kind.LOAD;
                    align = row.parameter();
                }
                case MEMARG_LANE -> {
                    kind = result == NO_RESULT ? Kind.STORE : Kind.LOAD;
                    align = row.parameter();
                    lanes = 16 >> row.parameter();
                }
                case LANE -> {
                    kind = Kind.BITS;
                    lanes = row.parameter();
                }
                default -> kind = exactSimd(name) ? Kind.BITS : Kind.ARITHMETIC;
            }
            ops.add(new Op(name, opcode, params, result, kind, align, lanes, row.immediate() == org.wasmlang.binary.Immediate.SHUFFLE));
        }
    }

    /**
     * SIMD instructions that move bits without float arithmetic (exact even on NaN lanes);
     * relaxed_min/max are compare-and-select, as x86's minps/maxps.
     */
    private static boolean exactSimd(String name) {
        return !(name.startsWith("f32x4.") || name.startsWith("f64x2.")) || name.endsWith(".abs") || name.endsWith(".neg")
                        || name.endsWith(".splat") || name.endsWith(".relaxed_min") || name.endsWith(".relaxed_max");
    }

    private static Op numeric(String name, int opcode, int result, int[] params) {
        return new Op(name, new int[]{opcode}, params, result, Kind.ARITHMETIC, 0);
    }

    static String typeName(int type) {
        return switch (type) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            default -> "f64";
        };
    }

    // Edge-case operands, as bits.
    private static final long[] I32_EDGES = {0, 1, -1, 2, 7, 8, 15, 16, 31, 32, 33, 63, 64, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
                    0x10000, 0x7fffffff, 0x80000000L, 0x80000001L, 0xfffffffeL, 0x55555555, 0xaaaaaaaaL, 0x12345678, -31, -32, -33};
    private static final long[] I64_EDGES = {0, 1, -1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 0xff, 0x7fff, 0x8000, 0x7fffffffL, 0x80000000L,
                    0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -2, 0x5555555555555555L,
                    0x0123456789abcdefL, 1L << 53, (1L << 53) + 1, (1L << 24) + 1, -(1L << 63) + 1024, 0xfffffffffffff800L, -63, -64, -65};
    private static final float[] F32_EDGES = {0f, -0f, 1f, -1f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 0.49999997f, -0.99f, 0.99f,
                    Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
                    -Float.MAX_VALUE, 0x1p23f, 0x1p24f, 0x1p31f, -0x1p31f, 0x1p32f, 4294967040f, 2147483520f, -2147483904f, 0x1p63f,
                    -0x1p63f, 0x1p64f, 9.223371e18f, 1.8446743e19f, 0x1.fffffep-127f, 1e-40f, 3.1415927f};
    private static final double[] F64_EDGES = {0d, -0d, 1d, -1d, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 4.5, -0.99, 0.99, 0.49999999999999994,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                    Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p52, 4503599627370495.5, 0x1p53, 0x1p53 + 2, 0x1p31, 2147483647.0, 2147483647.5,
                    2147483648.0, -2147483648.0, -2147483648.5, -2147483649.0, 4294967295.0, 4294967295.5, 4294967296.0, 0x1p63, -0x1p63,
                    9223372036854774784.0, -9223372036854777856.0, 0x1p64, 18446744073709549568.0, 3.4028234663852886e38,
                    3.4028235677973366e38, 3.4028235677973362e38, 1.401298464324817e-45, 7.006492321624085e-46, 7.006492321624087e-46,
                    1e-300, 0.1, 1.0 / 3};
    private static final long[] F32_NANS = {0x7fc00000L, 0xffc00000L};
    private static final long[] F32_ODD_NANS = {0x7fa00000L, 0xff800001L, 0x7fc00001L, 0xffffffffL, 0x7f800001L};
    private static final long[] F64_NANS = {0x7ff8000000000000L, 0xfff8000000000000L};
    private static final long[] F64_ODD_NANS = {0x7ff4000000000000L, 0xfff0000000000001L, 0x7ff8000000000001L, 0xffffffffffffffffL};
    private static final long[] ADDRESSES = {0, 1, 3, 4, 7, 8, 100, 65528, 65529, 65532, 65534, 65535, 65536, 65537, 131064, 131072,
                    0x7fffffff, 0x80000000L, 0xfffffff8L, 0xfffffffcL, 0xffffffffL};
    private static final long[] OFFSETS = {0, 0, 0, 1, 3, 8, 65528, 65535, 65536, 0x7fffffff, 0xfffffff0L, 0xffffffffL};
    private static final long[] I8_EDGES = {0, 1, 0xff, 0x7f, 0x80, 0x81, 0xfe, 2, 7, 8, 15, 16, 17, 31, 0x40};
    private static final long[] I16_EDGES = {0, 1, 0xffff, 0x7fff, 0x8000, 0x8001, 0xff, 0x100, 15, 16, 17, 0x4000, 0xfffe};
    private static final long[] LENGTHS = {0, 1, 7, 8, 100, 65535, 65536, 65537, 0xffffffffL};

    static long operand(SplittableRandom random, int type, boolean anyNaN) {
        int pick = random.nextInt(16);
        return switch (type) {
            case I32 -> pick == 0 ? random.nextInt() : I32_EDGES[random.nextInt(I32_EDGES.length)] & 0xffffffffL;
            case I64 -> pick == 0 ? random.nextLong() : I64_EDGES[random.nextInt(I64_EDGES.length)];
            case F32 -> {
                if (pick < 2) {
                    yield (anyNaN && pick == 0 ? F32_ODD_NANS[random.nextInt(F32_ODD_NANS.length)] : F32_NANS[random.nextInt(2)]);
                }
                if (pick == 2) {
                    int bits = random.nextInt();
                    yield anyNaN || !Float.isNaN(Float.intBitsToFloat(bits)) ? bits & 0xffffffffL : F32_NANS[0];
                }
                if (pick == 3) {
                    yield random.nextBoolean() ? 0 : 0x80000000L;
                }
                yield Float.floatToRawIntBits(F32_EDGES[random.nextInt(F32_EDGES.length)]) & 0xffffffffL;
            }
            default -> {
                if (pick < 2) {
                    yield (anyNaN && pick == 0 ? F64_ODD_NANS[random.nextInt(F64_ODD_NANS.length)] : F64_NANS[random.nextInt(2)]);
                }
                if (pick == 3) {
                    yield random.nextBoolean() ? 0 : Long.MIN_VALUE;
                }
                if (pick == 2) {
                    long bits = random.nextLong();
                    yield anyNaN || !Double.isNaN(Double.longBitsToDouble(bits)) ? bits : F64_NANS[0];
                }
                yield Double.doubleToRawLongBits(F64_EDGES[random.nextInt(F64_EDGES.length)]);
            }
        };
    }

    /** A v128 whose lanes have the shape the instruction reads, each an edge case. */
    static long[] vector(SplittableRandom random, String name, boolean anyNaN) {
        String shape = null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)").matcher(name);
        while (m.find()) {
            // The operand's shape is the last one named ("i32x4.trunc_sat_f32x4_s" reads f32x4).
            shape = m.group(1);
        }
        if (shape == null) {
            shape = new String[]{"i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"}[random.nextInt(6)];
        }
        int width = switch (shape) {
            case "i8x16" -> 8;
            case "i16x8" -> 16;
            case "i32x4", "f32x4" -> 32;
            default -> 64;
        };
        long[] halves = new long[2];
        for (int lane = 0; lane < 128 / width; lane++) {
            long bits = switch (shape) {
                case "i8x16" -> random.nextInt(4) == 0 ? random.nextInt(256) : I8_EDGES[random.nextInt(I8_EDGES.length)];
                case "i16x8" -> random.nextInt(4) == 0 ? random.nextInt(65536) : I16_EDGES[random.nextInt(I16_EDGES.length)];
                case "i32x4" -> operand(random, I32, anyNaN);
                case "i64x2" -> operand(random, I64, anyNaN);
                case "f32x4" -> operand(random, F32, anyNaN);
                default -> operand(random, F64, anyNaN);
            };
            int bit = lane * width;
            long mask = width == 64 ? -1L : (1L << width) - 1;
            halves[bit / 64] |= (bits & mask) << (bit % 64);
        }
        return halves;
    }

    /** Module {@code index} of the batch {@code seed}: its instructions and operands depend on both only. */
    public static byte[] generate(long seed, int index) {
        return generate(seed, index, Set.of());
    }

    /** As {@link #generate(long, int)}, without the instructions named in {@code leftOut}. */
    public static byte[] generate(long seed, int index, Set<String> leftOut) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        // Consecutive modules walk through a shuffled catalog, so a batch covers it evenly.
        List<Op> order = new ArrayList<>(CATALOG);
        order.removeIf(op -> leftOut.contains(op.name()));
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < OPS_PER_MODULE; i++) {
            ops.add(order.get((index * OPS_PER_MODULE + i) % order.size()));
        }
        WasmWriter w = new WasmWriter();
        int logI32 = w.importFunction("fuzzing-support", "log-i32", new int[]{I32});
        int logI64 = w.importFunction("fuzzing-support", "log-i64", new int[]{I64});
        int logV128 = w.importFunction("fuzzing-support", "log-v128", new int[]{V128});
        Helpers h = new Helpers(w, logI32, logI64, logV128);
        w.memory(1, 2);
        byte[] head = new byte[256];
        byte[] tail = new byte[64];
        random.nextBytes(head);
        random.nextBytes(tail);
        w.data(0, head);
        w.data(65536 - tail.length, tail);
        int exportNumber = 0;
        for (Op op : ops) {
            int probe = probe(w, op, random);
            List<long[]> safe = new ArrayList<>();
            for (int t = 0; t < TUPLES; t++) {
                long[] args = tuple(op, random);
                long memarg = op.kind == Kind.LOAD || op.kind == Kind.STORE ? OFFSETS[random.nextInt(OFFSETS.length)] : 0;
                for (boolean inline : new boolean[]{false, true}) {
                    Code code = new Code();
                    for (int i = 0; i < op.params.length; i++) {
                        code.constant(op.params[i], args[2 * i], args[2 * i + 1]);
                    }
                    if (inline) {
                        emitOp(code, op, memarg, random.nextInt(op.naturalAlign + 1), random);
                    } else {
                        code.call(probe);
                    }
                    h.log(code, op);
                    w.export("e" + exportNumber++ + " " + op.name() + (inline ? " inline" : ""), w.function(new int[0], new int[0], new int[0], code));
                }
                if (op.kind == Kind.ARITHMETIC || op.kind == Kind.BITS) {
                    if (!traps(op, args)) {
                        safe.add(args);
                    }
                }
            }
            if (!safe.isEmpty() && (!op.simd() || op.relaxed()) && random.nextInt(3) == 0) {
                w.export("e" + exportNumber++ + " " + op.name() + " hot", hot(w, h, op, probe, safe));
            }
        }
        return w.build();
    }

    private static long[] tuple(Op op, SplittableRandom random) {
        // Two slots per operand: the bits, and a v128's high half.
        long[] args = new long[2 * op.params.length];
        for (int i = 0; i < op.params.length; i++) {
            if (op.name.equals("memory.grow")) {
                args[2 * i] = new long[]{0, 1, 2, 0xffffffffL, 0x10000}[random.nextInt(5)];
            } else if (op.kind == Kind.LOAD || (op.kind == Kind.STORE && i == 0)
                            || (op.kind == Kind.BULK && (i == 0 || (i == 1 && !op.name.equals("memory.fill"))))) {
                args[2 * i] = ADDRESSES[random.nextInt(ADDRESSES.length)];
            } else if (op.kind == Kind.BULK && i == 2) {
                args[2 * i] = LENGTHS[random.nextInt(LENGTHS.length)];
            } else if (i == 1 && op.params[0] == op.params[1] && random.nextInt(2) == 0) {
                // Equal operands, or equal but for the sign: where min/max of zeros, x - x,
                // x / -x and copysign have their special cases.
                args[2] = random.nextBoolean() || op.params[0] == V128 ? args[0] : negated(op.params[0], args[0]);
                args[3] = args[1];
            } else if (op.params[i] == V128) {
                // The accumulator of the i32x4 dot product has i32 lanes.
                String shape = op.name.endsWith("_add_s") && i == 2 ? "i32x4" : op.name;
                long[] v = vector(random, shape, op.exact());
                args[2 * i] = v[0];
                args[2 * i + 1] = v[1];
            } else {
                args[2 * i] = operand(random, op.params[i], op.exact());
            }
        }
        return args;
    }

    private static long negated(int type, long bits) {
        return switch (type) {
            case I32 -> -bits & 0xffffffffL;
            case I64 -> -bits;
            case F32 -> bits ^ 0x80000000L;
            default -> bits ^ Long.MIN_VALUE;
        };
    }

    /** Whether the instruction traps on these operands (hot loops leave such tuples out). */
    static boolean traps(Op op, long[] args) {
        String n = op.name;
        if (n.matches("i(32|64)\\.(div|rem)_[su]")) {
            boolean is32 = n.startsWith("i32");
            long divisor = is32 ? (int) args[2] : args[2];
            long dividend = is32 ? (int) args[0] : args[0];
            return divisor == 0 || (n.contains("div_s") && divisor == -1 && dividend == (is32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
        }
        if (n.matches("i(32|64)\\.trunc_f(32|64)_[su]")) {
            double x = n.contains("f32") ? Float.intBitsToFloat((int) args[0]) : Double.longBitsToDouble(args[0]);
            if (Double.isNaN(x)) {
                return true;
            }
            double t = x < 0 ? Math.ceil(x) : Math.floor(x);
            boolean unsigned = n.endsWith("_u");
            double lo = unsigned ? 0 : (n.startsWith("i32") ? -0x1p31 : -0x1p63);
            double hi = n.startsWith("i32") ? (unsigned ? 0x1p32 : 0x1p31) : (unsigned ? 0x1p64 : 0x1p63);
            return !(t >= lo && t < hi);
        }
        return false;
    }

    /** The probe: a function applying the instruction to its parameters. */
    private static int probe(WasmWriter w, Op op, SplittableRandom random) {
        Code code = new Code();
        for (int i = 0; i < op.params.length; i++) {
            code.localGet(i);
        }
        emitOp(code, op, OFFSETS[random.nextInt(OFFSETS.length)], op.naturalAlign, random);
        return w.function(op.params, op.result == NO_RESULT ? new int[0] : new int[]{op.result}, new int[0], code);
    }

    private static void emitOp(Code code, Op op, long offset, int align, SplittableRandom random) {
        code.op(op.opcode);
        if (op.kind == Kind.LOAD || op.kind == Kind.STORE) {
            code.u32(align).u32(offset);
        }
        if (op.lanes > 0) {
            code.op(random.nextInt(op.lanes));
        }
        if (op.shuffle) {
            for (int i = 0; i < 16; i++) {
                code.op(random.nextInt(32));
            }
        }
    }

    /** Calls the probe on every tuple HOT_ITERATIONS times, folding the results into a hash it logs. */
    private static int hot(WasmWriter w, Helpers h, Op op, int probe, List<long[]> tuples) {
        Code code = new Code();
        // locals: 0 = counter (i32), 1 = hash (i64), 2 = a v128 result being hashed
        code.i32Const(HOT_ITERATIONS).localSet(0);
        code.op(0x03, 0x40); // loop
        for (long[] args : tuples) {
            code.localGet(1);
            for (int i = 0; i < op.params.length; i++) {
                code.constant(op.params[i], args[2 * i], args[2 * i + 1]);
            }
            code.call(probe);
            h.toHashBits(code, op);
            code.op(0x85); // i64.xor
            code.i64Const(5).op(0x89); // i64.rotl
            code.i64Const(0x100000001b3L).op(0x7E); // i64.mul
            code.localSet(1);
        }
        code.localGet(0).i32Const(1).op(0x6B).op(0x22).u32(0); // local.tee counter-1
        code.op(0x0D, 0); // br_if 0
        code.op(0x0B); // end loop
        code.localGet(1).call(h.logI64);
        return w.function(new int[0], new int[0], op.result == V128 ? new int[]{I32, I64, V128} : new int[]{I32, I64}, code);
    }

    /** The logging helpers every module has. */
    private static final class Helpers {
        final int logI32;
        final int logI64;
        final int f32Bits;
        final int f64Bits;
        final int logV128;
        final int memoryHash;
        final int f32x4Bits;
        final int f64x2Bits;

        Helpers(WasmWriter w, int logI32, int logI64, int logV128) {
            this.logI32 = logI32;
            this.logI64 = logI64;
            this.logV128 = logV128;
            // f32 bits with a NaN's sign cleared.
            Code c = new Code();
            c.localGet(0).op(0xBC).localGet(0).localGet(0).op(0x5C) // f32.ne x x
                            .op(0x04, 0x7F).i32Const(0x7fffffff).op(0x05).i32Const(-1).op(0x0B).op(0x71);
            f32Bits = w.function(new int[]{F32}, new int[]{I32}, new int[0], c);
            c = new Code();
            c.localGet(0).op(0xBD).localGet(0).localGet(0).op(0x62)
                            .op(0x04, 0x7E).i64Const(Long.MAX_VALUE).op(0x05).i64Const(-1).op(0x0B).op(0x83);
            f64Bits = w.function(new int[]{F64}, new int[]{I64}, new int[0], c);
            // A hash of the whole memory, 8 bytes at a time.
            c = new Code();
            c.op(0x3F, 0).i32Const(16).op(0x74).localSet(0); // bytes = memory.size << 16
            c.op(0x02, 0x40, 0x03, 0x40); // block loop
            c.localGet(0).op(0x45).op(0x0D, 1); // br_if out when 0
            c.localGet(0).i32Const(8).op(0x6B).localSet(0);
            c.localGet(1).localGet(0).op(0x29, 3, 0).op(0x85).i64Const(7).op(0x89).i64Const(0x100000001b3L).op(0x7E).localSet(1);
            c.op(0x0C, 0, 0x0B, 0x0B); // br loop; end; end
            c.localGet(1);
            memoryHash = w.function(new int[0], new int[]{I64}, new int[]{I32, I64}, c);
            // v128 lanes with NaN signs cleared: x & (eq(x, x) | splat(sign mask off)).
            c = new Code();
            c.localGet(0).localGet(0).localGet(0).op(0xFD, 0x41).constant(V128, 0x7fffffff7fffffffL, 0x7fffffff7fffffffL)
                            .op(0xFD, 0x50).op(0xFD, 0x4E);
            f32x4Bits = w.function(new int[]{V128}, new int[]{V128}, new int[0], c);
            c = new Code();
            c.localGet(0).localGet(0).localGet(0).op(0xFD, 0x47).constant(V128, Long.MAX_VALUE, Long.MAX_VALUE)
                            .op(0xFD, 0x50).op(0xFD, 0x4E);
            f64x2Bits = w.function(new int[]{V128}, new int[]{V128}, new int[0], c);
        }

        /** Logs what the instruction left on the stack (for stores and fills: a hash of memory). */
        void log(Code code, Op op) {
            if (op.result == NO_RESULT) {
                code.call(memoryHash).call(logI64);
                return;
            }
            toBits(code, op);
            code.call(op.result == V128 ? logV128 : op.result == I32 || op.result == F32 ? logI32 : logI64);
        }

        private void toBits(Code code, Op op) {
            if (op.result == V128 && !op.exact()) {
                code.call(op.name.startsWith("f32x4.") ? f32x4Bits : f64x2Bits);
            } else if (op.result == F32) {
                code.op(op.exact() ? new int[]{0xBC} : new int[]{0x10, f32Bits});
            } else if (op.result == F64) {
                code.op(op.exact() ? new int[]{0xBD} : new int[]{0x10, f64Bits});
            }
        }

        /** The result as i64 bits for the hot loop's hash (a v128's halves xored, through local 2). */
        void toHashBits(Code code, Op op) {
            toBits(code, op);
            if (op.result == I32 || op.result == F32) {
                code.op(0xAD); // i64.extend_i32_u
            } else if (op.result == V128) {
                code.op(0x22, 2).op(0xFD, 0x1D, 0).localGet(2).op(0xFD, 0x1D, 1).op(0x85); // tee; extract 0; extract 1; xor
            }
        }
    }
}
