package org.wasmlang.binary;

import static org.wasmlang.binary.Instruction.Family.*;

import org.wasmlang.binary.Instruction.Family;
import org.wasmlang.binary.Instruction.Feature;
import org.wasmlang.module.Features;
import org.wasmlang.module.ValueType;
import org.wasmlang.validation.ErrorMessage;

/**
 * The instruction table: one {@link Instruction} row per opcode, indexed by a dense code
 * (the opcode byte; 0x100 + sub-opcode after 0xFC; 0x200 + sub-opcode after 0xFD).
 *
 * <p>Signatures are written as operand letters, {@code >}, result letters: {@code i} i32,
 * {@code I} i64, {@code f} f32, {@code F} f64, {@code v} v128 and {@code a} the address type
 * of the memory the instruction names (i32, or i64 for a 64-bit memory).
 */
public final class Instructions {
    /** Pseudo value type in signatures: the address type of the instruction's memory. */
    public static final int ADDRESS = -2;

    private static final int MISC_BASE = 0x100;
    private static final int SIMD_BASE = 0x200;
    private static final Instruction[] TABLE = new Instruction[0x400];

    private Instructions() {
    }

    /** The code of an unprefixed opcode. */
    public static int code(int opcode) {
        return opcode;
    }

    /** The code of a prefixed instruction. */
    public static int code(int prefix, int subOpcode) {
        return (prefix == Opcodes.MISC_PREFIX ? MISC_BASE : SIMD_BASE) + subOpcode;
    }

    /** The row for a code, or null. */
    public static Instruction get(int code) {
        return code >= 0 && code < TABLE.length ? TABLE[code] : null;
    }

    /**
     * Reads an opcode (and sub-opcode) at the reader's position. An unknown one is
     * malformed ("illegal opcode"); a known one whose proposal is off is an unsupported
     * feature, named.
     */
    public static Instruction read(BinaryReader r, Features features) {
        int at = r.position();
        int opcode = r.u8();
        Instruction instruction;
        // Prefixes of proposals WasmLang does not implement: say which, rather than "illegal".
        if (opcode == Opcodes.GC_PREFIX) {
            throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "GC instructions (prefix fb, Wasm 3.0)", at);
        } else if (opcode == Opcodes.REF_EQ) {
            // The one GC instruction outside the prefix.
            throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "GC instructions (ref.eq, Wasm 3.0)", at);
        } else if (opcode == Opcodes.THREADS_PREFIX) {
            throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "threads (atomic instructions, prefix fe)", at);
        }
        if (opcode == Opcodes.MISC_PREFIX || opcode == Opcodes.SIMD_PREFIX) {
            int sub = r.u32();
            int limit = opcode == Opcodes.MISC_PREFIX ? SIMD_BASE - MISC_BASE : TABLE.length - SIMD_BASE;
            instruction = Integer.compareUnsigned(sub, limit) < 0 ? TABLE[code(opcode, sub)] : null;
            if (instruction == null) {
                throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, String.format("%02x %d", opcode, sub & 0xFFFFFFFFL), at);
            }
        } else {
            instruction = TABLE[opcode];
            if (instruction == null) {
                throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, String.format("%02x", opcode), at);
            }
        }
        if (instruction.feature() == Feature.RELAXED_SIMD && !features.relaxedSimd()) {
            throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "relaxed SIMD (" + instruction.name() + ", Wasm 3.0)", at);
        }
        if (instruction.feature() == Feature.TAIL_CALL && !features.tailCall()) {
            throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "tail calls (" + instruction.name() + ", Wasm 3.0)", at);
        }
        // return_call_ref needs both proposals.
        if (instruction.prefix() == 0 && instruction.opcode() == Opcodes.RETURN_CALL_REF
                        && !features.typedFunctionReferences()) {
            throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "typed function references (" + instruction.name()
                            + ", Wasm 3.0)", at);
        }
        if (instruction.feature() == Feature.TYPED_FUNCTION_REFERENCES && !features.typedFunctionReferences()) {
            throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "typed function references (" + instruction.name()
                            + ", Wasm 3.0)", at);
        }
        if ((instruction.feature() == Feature.EXCEPTIONS || instruction.feature() == Feature.LEGACY_EXCEPTIONS)
                        && !features.wasm3Rules()) {
            // The 2.0 suite expects the exception opcodes (0x06-0x0A) to be illegal there.
            throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, instruction.encoding(), at);
        }
        if ((instruction.feature() == Feature.EXCEPTIONS || instruction.feature() == Feature.LEGACY_EXCEPTIONS)
                        && !features.exceptions()) {
            throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "exception handling (" + instruction.name() + ", Wasm 3.0)", at);
        }
        return instruction;
    }

    // ---- the rows ---------------------------------------------------------------------------

    static {
        control();
        memory();
        numeric();
        misc();
        simd();
    }

    private static void control() {
        special(0x00, "unreachable", Immediate.NONE);
        special(0x01, "nop", Immediate.NONE);
        special(0x02, "block", Immediate.BLOCK_TYPE);
        special(0x03, "loop", Immediate.BLOCK_TYPE);
        special(0x04, "if", Immediate.BLOCK_TYPE);
        special(0x05, "else", Immediate.NONE);
        special(0x0B, "end", Immediate.NONE);
        special(0x0C, "br", Immediate.LABEL);
        special(0x0D, "br_if", Immediate.LABEL);
        special(0x0E, "br_table", Immediate.BRANCH_TABLE);
        special(0x0F, "return", Immediate.NONE);
        special(0x10, "call", Immediate.FUNCTION);
        special(0x11, "call_indirect", Immediate.TYPE_AND_TABLE);
        row(0, 0x12, "return_call", Immediate.FUNCTION, 0, null, SPECIAL, Feature.TAIL_CALL);
        row(0, 0x13, "return_call_indirect", Immediate.TYPE_AND_TABLE, 0, null, SPECIAL, Feature.TAIL_CALL);
        row(0, 0x15, "return_call_ref", Immediate.TYPE, 0, null, SPECIAL, Feature.TAIL_CALL);
        special(0x1A, "drop", Immediate.NONE);
        special(0x1B, "select", Immediate.NONE);
        special(0x1C, "select", Immediate.VALUE_TYPES);
        special(0x20, "local.get", Immediate.LOCAL);
        special(0x21, "local.set", Immediate.LOCAL);
        special(0x22, "local.tee", Immediate.LOCAL);
        special(0x23, "global.get", Immediate.GLOBAL);
        special(0x24, "global.set", Immediate.GLOBAL);
        special(0x25, "table.get", Immediate.TABLE);
        special(0x26, "table.set", Immediate.TABLE);
        special(0xD0, "ref.null", Immediate.HEAP_TYPE);
        special(0xD1, "ref.is_null", Immediate.NONE);
        special(0xD2, "ref.func", Immediate.FUNCTION);
        // Typed function references (Wasm 3.0).
        row(0, 0x14, "call_ref", Immediate.TYPE, 0, null, SPECIAL, Feature.TYPED_FUNCTION_REFERENCES);
        row(0, 0xD4, "ref.as_non_null", Immediate.NONE, 0, null, SPECIAL, Feature.TYPED_FUNCTION_REFERENCES);
        row(0, 0xD5, "br_on_null", Immediate.LABEL, 0, null, SPECIAL, Feature.TYPED_FUNCTION_REFERENCES);
        row(0, 0xD6, "br_on_non_null", Immediate.LABEL, 0, null, SPECIAL, Feature.TYPED_FUNCTION_REFERENCES);
        // Exception handling (Wasm 3.0).
        row(0, 0x08, "throw", Immediate.TAG, 0, null, SPECIAL, Feature.EXCEPTIONS);
        row(0, 0x0A, "throw_ref", Immediate.NONE, 0, null, SPECIAL, Feature.EXCEPTIONS);
        row(0, 0x1F, "try_table", Immediate.TRY_TABLE, 0, null, SPECIAL, Feature.EXCEPTIONS);
        // The legacy exception instructions (what LLVM's -fwasm-exceptions emits).
        row(0, 0x06, "try", Immediate.BLOCK_TYPE, 0, null, SPECIAL, Feature.LEGACY_EXCEPTIONS);
        row(0, 0x07, "catch", Immediate.TAG, 0, null, SPECIAL, Feature.LEGACY_EXCEPTIONS);
        row(0, 0x09, "rethrow", Immediate.LABEL, 0, null, SPECIAL, Feature.LEGACY_EXCEPTIONS);
        row(0, 0x18, "delegate", Immediate.LABEL, 0, null, SPECIAL, Feature.LEGACY_EXCEPTIONS);
        row(0, 0x19, "catch_all", Immediate.NONE, 0, null, SPECIAL, Feature.LEGACY_EXCEPTIONS);
    }

    private static void memory() {
        memory(0x28, "i32.load", 2, "a>i", LOAD);
        memory(0x29, "i64.load", 3, "a>I", LOAD);
        memory(0x2A, "f32.load", 2, "a>f", LOAD);
        memory(0x2B, "f64.load", 3, "a>F", LOAD);
        memory(0x2C, "i32.load8_s", 0, "a>i", LOAD);
        memory(0x2D, "i32.load8_u", 0, "a>i", LOAD);
        memory(0x2E, "i32.load16_s", 1, "a>i", LOAD);
        memory(0x2F, "i32.load16_u", 1, "a>i", LOAD);
        memory(0x30, "i64.load8_s", 0, "a>I", LOAD);
        memory(0x31, "i64.load8_u", 0, "a>I", LOAD);
        memory(0x32, "i64.load16_s", 1, "a>I", LOAD);
        memory(0x33, "i64.load16_u", 1, "a>I", LOAD);
        memory(0x34, "i64.load32_s", 2, "a>I", LOAD);
        memory(0x35, "i64.load32_u", 2, "a>I", LOAD);
        memory(0x36, "i32.store", 2, "ai>", STORE);
        memory(0x37, "i64.store", 3, "aI>", STORE);
        memory(0x38, "f32.store", 2, "af>", STORE);
        memory(0x39, "f64.store", 3, "aF>", STORE);
        memory(0x3A, "i32.store8", 0, "ai>", STORE);
        memory(0x3B, "i32.store16", 1, "ai>", STORE);
        memory(0x3C, "i64.store8", 0, "aI>", STORE);
        memory(0x3D, "i64.store16", 1, "aI>", STORE);
        memory(0x3E, "i64.store32", 2, "aI>", STORE);
        row(0, 0x3F, "memory.size", Immediate.MEMORY, 0, ">a", SPECIAL, Feature.CORE);
        row(0, 0x40, "memory.grow", Immediate.MEMORY, 0, "a>a", SPECIAL, Feature.CORE);
    }

    private static void numeric() {
        row(0, 0x41, "i32.const", Immediate.I32, 0, ">i", SPECIAL, Feature.CORE);
        row(0, 0x42, "i64.const", Immediate.I64, 0, ">I", SPECIAL, Feature.CORE);
        row(0, 0x43, "f32.const", Immediate.F32, 0, ">f", SPECIAL, Feature.CORE);
        row(0, 0x44, "f64.const", Immediate.F64, 0, ">F", SPECIAL, Feature.CORE);
        ops(0x45, I32, "i>i", "i32.eqz");
        ops(0x46, I32, "ii>i", "i32.eq", "i32.ne", "i32.lt_s", "i32.lt_u", "i32.gt_s", "i32.gt_u", "i32.le_s", "i32.le_u",
                        "i32.ge_s", "i32.ge_u");
        ops(0x50, I64, "I>i", "i64.eqz");
        ops(0x51, I64, "II>i", "i64.eq", "i64.ne", "i64.lt_s", "i64.lt_u", "i64.gt_s", "i64.gt_u", "i64.le_s", "i64.le_u",
                        "i64.ge_s", "i64.ge_u");
        ops(0x5B, F32, "ff>i", "f32.eq", "f32.ne", "f32.lt", "f32.gt", "f32.le", "f32.ge");
        ops(0x61, F64, "FF>i", "f64.eq", "f64.ne", "f64.lt", "f64.gt", "f64.le", "f64.ge");
        ops(0x67, I32, "i>i", "i32.clz", "i32.ctz", "i32.popcnt");
        ops(0x6A, I32, "ii>i", "i32.add", "i32.sub", "i32.mul", "i32.div_s", "i32.div_u", "i32.rem_s", "i32.rem_u",
                        "i32.and", "i32.or", "i32.xor", "i32.shl", "i32.shr_s", "i32.shr_u", "i32.rotl", "i32.rotr");
        ops(0x79, I64, "I>I", "i64.clz", "i64.ctz", "i64.popcnt");
        ops(0x7C, I64, "II>I", "i64.add", "i64.sub", "i64.mul", "i64.div_s", "i64.div_u", "i64.rem_s", "i64.rem_u",
                        "i64.and", "i64.or", "i64.xor", "i64.shl", "i64.shr_s", "i64.shr_u", "i64.rotl", "i64.rotr");
        ops(0x8B, F32, "f>f", "f32.abs", "f32.neg", "f32.ceil", "f32.floor", "f32.trunc", "f32.nearest", "f32.sqrt");
        ops(0x92, F32, "ff>f", "f32.add", "f32.sub", "f32.mul", "f32.div", "f32.min", "f32.max", "f32.copysign");
        ops(0x99, F64, "F>F", "f64.abs", "f64.neg", "f64.ceil", "f64.floor", "f64.trunc", "f64.nearest", "f64.sqrt");
        ops(0xA0, F64, "FF>F", "f64.add", "f64.sub", "f64.mul", "f64.div", "f64.min", "f64.max", "f64.copysign");
        ops(0xA7, CONVERT, "I>i", "i32.wrap_i64");
        ops(0xA8, CONVERT, "f>i", "i32.trunc_f32_s", "i32.trunc_f32_u");
        ops(0xAA, CONVERT, "F>i", "i32.trunc_f64_s", "i32.trunc_f64_u");
        ops(0xAC, CONVERT, "i>I", "i64.extend_i32_s", "i64.extend_i32_u");
        ops(0xAE, CONVERT, "f>I", "i64.trunc_f32_s", "i64.trunc_f32_u");
        ops(0xB0, CONVERT, "F>I", "i64.trunc_f64_s", "i64.trunc_f64_u");
        ops(0xB2, CONVERT, "i>f", "f32.convert_i32_s", "f32.convert_i32_u");
        ops(0xB4, CONVERT, "I>f", "f32.convert_i64_s", "f32.convert_i64_u");
        ops(0xB6, CONVERT, "F>f", "f32.demote_f64");
        ops(0xB7, CONVERT, "i>F", "f64.convert_i32_s", "f64.convert_i32_u");
        ops(0xB9, CONVERT, "I>F", "f64.convert_i64_s", "f64.convert_i64_u");
        ops(0xBB, CONVERT, "f>F", "f64.promote_f32");
        ops(0xBC, CONVERT, "f>i", "i32.reinterpret_f32");
        ops(0xBD, CONVERT, "F>I", "i64.reinterpret_f64");
        ops(0xBE, CONVERT, "i>f", "f32.reinterpret_i32");
        ops(0xBF, CONVERT, "I>F", "f64.reinterpret_i64");
        ops(0xC0, I32, "i>i", "i32.extend8_s", "i32.extend16_s");
        ops(0xC2, I64, "I>I", "i64.extend8_s", "i64.extend16_s", "i64.extend32_s");
    }

    private static void misc() {
        final int p = Opcodes.MISC_PREFIX;
        row(p, 0, "i32.trunc_sat_f32_s", Immediate.NONE, 0, "f>i", CONVERT, Feature.CORE);
        row(p, 1, "i32.trunc_sat_f32_u", Immediate.NONE, 0, "f>i", CONVERT, Feature.CORE);
        row(p, 2, "i32.trunc_sat_f64_s", Immediate.NONE, 0, "F>i", CONVERT, Feature.CORE);
        row(p, 3, "i32.trunc_sat_f64_u", Immediate.NONE, 0, "F>i", CONVERT, Feature.CORE);
        row(p, 4, "i64.trunc_sat_f32_s", Immediate.NONE, 0, "f>I", CONVERT, Feature.CORE);
        row(p, 5, "i64.trunc_sat_f32_u", Immediate.NONE, 0, "f>I", CONVERT, Feature.CORE);
        row(p, 6, "i64.trunc_sat_f64_s", Immediate.NONE, 0, "F>I", CONVERT, Feature.CORE);
        row(p, 7, "i64.trunc_sat_f64_u", Immediate.NONE, 0, "F>I", CONVERT, Feature.CORE);
        row(p, 8, "memory.init", Immediate.DATA_AND_MEMORY, 0, null, SPECIAL, Feature.CORE);
        row(p, 9, "data.drop", Immediate.DATA, 0, null, SPECIAL, Feature.CORE);
        row(p, 10, "memory.copy", Immediate.TWO_MEMORIES, 0, null, SPECIAL, Feature.CORE);
        row(p, 11, "memory.fill", Immediate.MEMORY, 0, "aia>", SPECIAL, Feature.CORE);
        row(p, 12, "table.init", Immediate.ELEMENT_AND_TABLE, 0, null, SPECIAL, Feature.CORE);
        row(p, 13, "elem.drop", Immediate.ELEMENT, 0, null, SPECIAL, Feature.CORE);
        row(p, 14, "table.copy", Immediate.TWO_TABLES, 0, null, SPECIAL, Feature.CORE);
        row(p, 15, "table.grow", Immediate.TABLE, 0, null, SPECIAL, Feature.CORE);
        row(p, 16, "table.size", Immediate.TABLE, 0, null, SPECIAL, Feature.CORE);
        row(p, 17, "table.fill", Immediate.TABLE, 0, null, SPECIAL, Feature.CORE);
    }

    private static void simd() {
        simdMemory(0x00, "v128.load", 4, V128_LOAD);
        simdMemory(0x01, "v128.load8x8_s", 3, V128_LOAD);
        simdMemory(0x02, "v128.load8x8_u", 3, V128_LOAD);
        simdMemory(0x03, "v128.load16x4_s", 3, V128_LOAD);
        simdMemory(0x04, "v128.load16x4_u", 3, V128_LOAD);
        simdMemory(0x05, "v128.load32x2_s", 3, V128_LOAD);
        simdMemory(0x06, "v128.load32x2_u", 3, V128_LOAD);
        simdMemory(0x07, "v128.load8_splat", 0, V128_LOAD);
        simdMemory(0x08, "v128.load16_splat", 1, V128_LOAD);
        simdMemory(0x09, "v128.load32_splat", 2, V128_LOAD);
        simdMemory(0x0A, "v128.load64_splat", 3, V128_LOAD);
        simdMemory(0x0B, "v128.store", 4, V128_STORE);
        simd(0x0C, "v128.const", Immediate.V128, 0, ">v", V128_CONST);
        simd(0x0D, "i8x16.shuffle", Immediate.SHUFFLE, 32, "vv>v", V128_SHUFFLE);
        simd(0x0E, "i8x16.swizzle", Immediate.NONE, 0, "vv>v", V128_BINARY);
        simd(0x0F, "i8x16.splat", Immediate.NONE, 0, "i>v", V128_SPLAT);
        simd(0x10, "i16x8.splat", Immediate.NONE, 0, "i>v", V128_SPLAT);
        simd(0x11, "i32x4.splat", Immediate.NONE, 0, "i>v", V128_SPLAT);
        simd(0x12, "i64x2.splat", Immediate.NONE, 0, "I>v", V128_SPLAT);
        simd(0x13, "f32x4.splat", Immediate.NONE, 0, "f>v", V128_SPLAT);
        simd(0x14, "f64x2.splat", Immediate.NONE, 0, "F>v", V128_SPLAT);
        simd(0x15, "i8x16.extract_lane_s", Immediate.LANE, 16, "v>i", V128_EXTRACT_LANE);
        simd(0x16, "i8x16.extract_lane_u", Immediate.LANE, 16, "v>i", V128_EXTRACT_LANE);
        simd(0x17, "i8x16.replace_lane", Immediate.LANE, 16, "vi>v", V128_REPLACE_LANE);
        simd(0x18, "i16x8.extract_lane_s", Immediate.LANE, 8, "v>i", V128_EXTRACT_LANE);
        simd(0x19, "i16x8.extract_lane_u", Immediate.LANE, 8, "v>i", V128_EXTRACT_LANE);
        simd(0x1A, "i16x8.replace_lane", Immediate.LANE, 8, "vi>v", V128_REPLACE_LANE);
        simd(0x1B, "i32x4.extract_lane", Immediate.LANE, 4, "v>i", V128_EXTRACT_LANE);
        simd(0x1C, "i32x4.replace_lane", Immediate.LANE, 4, "vi>v", V128_REPLACE_LANE);
        simd(0x1D, "i64x2.extract_lane", Immediate.LANE, 2, "v>I", V128_EXTRACT_LANE);
        simd(0x1E, "i64x2.replace_lane", Immediate.LANE, 2, "vI>v", V128_REPLACE_LANE);
        simd(0x1F, "f32x4.extract_lane", Immediate.LANE, 4, "v>f", V128_EXTRACT_LANE);
        simd(0x20, "f32x4.replace_lane", Immediate.LANE, 4, "vf>v", V128_REPLACE_LANE);
        simd(0x21, "f64x2.extract_lane", Immediate.LANE, 2, "v>F", V128_EXTRACT_LANE);
        simd(0x22, "f64x2.replace_lane", Immediate.LANE, 2, "vF>v", V128_REPLACE_LANE);
        simdOps(0x23, V128_BINARY, "i8x16.", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u");
        simdOps(0x2D, V128_BINARY, "i16x8.", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u");
        simdOps(0x37, V128_BINARY, "i32x4.", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u");
        simdOps(0x41, V128_BINARY, "f32x4.", "eq", "ne", "lt", "gt", "le", "ge");
        simdOps(0x47, V128_BINARY, "f64x2.", "eq", "ne", "lt", "gt", "le", "ge");
        simdOps(0x4D, V128_UNARY, "v128.", "not");
        simdOps(0x4E, V128_BINARY, "v128.", "and", "andnot", "or", "xor");
        simdOps(0x52, V128_TERNARY, "v128.", "bitselect");
        simdOps(0x53, V128_TEST, "v128.", "any_true");
        String[] widths = {"8", "16", "32", "64"};
        for (int i = 0; i < 4; i++) {
            row(Opcodes.SIMD_PREFIX, 0x54 + i, "v128.load" + widths[i] + "_lane", Immediate.MEMARG_LANE, i, "av>v",
                            V128_LOAD_LANE, Feature.CORE);
            row(Opcodes.SIMD_PREFIX, 0x58 + i, "v128.store" + widths[i] + "_lane", Immediate.MEMARG_LANE, i, "av>",
                            V128_STORE_LANE, Feature.CORE);
        }
        simdMemory(0x5C, "v128.load32_zero", 2, V128_LOAD);
        simdMemory(0x5D, "v128.load64_zero", 3, V128_LOAD);
        simdOps(0x5E, V128_UNARY, "", "f32x4.demote_f64x2_zero", "f64x2.promote_low_f32x4", "i8x16.abs", "i8x16.neg",
                        "i8x16.popcnt");
        simdOps(0x63, V128_TEST, "i8x16.", "all_true", "bitmask");
        simdOps(0x65, V128_BINARY, "i8x16.", "narrow_i16x8_s", "narrow_i16x8_u");
        simdOps(0x67, V128_UNARY, "f32x4.", "ceil", "floor", "trunc", "nearest");
        simdOps(0x6B, V128_SHIFT, "i8x16.", "shl", "shr_s", "shr_u");
        simdOps(0x6E, V128_BINARY, "i8x16.", "add", "add_sat_s", "add_sat_u", "sub", "sub_sat_s", "sub_sat_u");
        simdOps(0x74, V128_UNARY, "f64x2.", "ceil", "floor");
        simdOps(0x76, V128_BINARY, "i8x16.", "min_s", "min_u", "max_s", "max_u");
        simdOps(0x7A, V128_UNARY, "f64x2.", "trunc");
        simdOps(0x7B, V128_BINARY, "i8x16.", "avgr_u");
        simdOps(0x7C, V128_UNARY, "", "i16x8.extadd_pairwise_i8x16_s", "i16x8.extadd_pairwise_i8x16_u",
                        "i32x4.extadd_pairwise_i16x8_s", "i32x4.extadd_pairwise_i16x8_u", "i16x8.abs", "i16x8.neg");
        simdOps(0x82, V128_BINARY, "i16x8.", "q15mulr_sat_s");
        simdOps(0x83, V128_TEST, "i16x8.", "all_true", "bitmask");
        simdOps(0x85, V128_BINARY, "i16x8.", "narrow_i32x4_s", "narrow_i32x4_u");
        simdOps(0x87, V128_UNARY, "i16x8.", "extend_low_i8x16_s", "extend_high_i8x16_s", "extend_low_i8x16_u",
                        "extend_high_i8x16_u");
        simdOps(0x8B, V128_SHIFT, "i16x8.", "shl", "shr_s", "shr_u");
        simdOps(0x8E, V128_BINARY, "i16x8.", "add", "add_sat_s", "add_sat_u", "sub", "sub_sat_s", "sub_sat_u");
        simdOps(0x94, V128_UNARY, "f64x2.", "nearest");
        simdOps(0x95, V128_BINARY, "i16x8.", "mul", "min_s", "min_u", "max_s", "max_u");
        simdOps(0x9B, V128_BINARY, "i16x8.", "avgr_u", "extmul_low_i8x16_s", "extmul_high_i8x16_s", "extmul_low_i8x16_u",
                        "extmul_high_i8x16_u");
        simdOps(0xA0, V128_UNARY, "i32x4.", "abs", "neg");
        simdOps(0xA3, V128_TEST, "i32x4.", "all_true", "bitmask");
        simdOps(0xA7, V128_UNARY, "i32x4.", "extend_low_i16x8_s", "extend_high_i16x8_s", "extend_low_i16x8_u",
                        "extend_high_i16x8_u");
        simdOps(0xAB, V128_SHIFT, "i32x4.", "shl", "shr_s", "shr_u");
        simdOps(0xAE, V128_BINARY, "i32x4.", "add");
        simdOps(0xB1, V128_BINARY, "i32x4.", "sub");
        simdOps(0xB5, V128_BINARY, "i32x4.", "mul", "min_s", "min_u", "max_s", "max_u", "dot_i16x8_s");
        simdOps(0xBC, V128_BINARY, "i32x4.", "extmul_low_i16x8_s", "extmul_high_i16x8_s", "extmul_low_i16x8_u",
                        "extmul_high_i16x8_u");
        simdOps(0xC0, V128_UNARY, "i64x2.", "abs", "neg");
        simdOps(0xC3, V128_TEST, "i64x2.", "all_true", "bitmask");
        simdOps(0xC7, V128_UNARY, "i64x2.", "extend_low_i32x4_s", "extend_high_i32x4_s", "extend_low_i32x4_u",
                        "extend_high_i32x4_u");
        simdOps(0xCB, V128_SHIFT, "i64x2.", "shl", "shr_s", "shr_u");
        simdOps(0xCE, V128_BINARY, "i64x2.", "add");
        simdOps(0xD1, V128_BINARY, "i64x2.", "sub");
        simdOps(0xD5, V128_BINARY, "i64x2.", "mul", "eq", "ne", "lt_s", "gt_s", "le_s", "ge_s", "extmul_low_i32x4_s",
                        "extmul_high_i32x4_s", "extmul_low_i32x4_u", "extmul_high_i32x4_u");
        simdOps(0xE0, V128_UNARY, "f32x4.", "abs", "neg");
        simdOps(0xE3, V128_UNARY, "f32x4.", "sqrt");
        simdOps(0xE4, V128_BINARY, "f32x4.", "add", "sub", "mul", "div", "min", "max", "pmin", "pmax");
        simdOps(0xEC, V128_UNARY, "f64x2.", "abs", "neg");
        simdOps(0xEF, V128_UNARY, "f64x2.", "sqrt");
        simdOps(0xF0, V128_BINARY, "f64x2.", "add", "sub", "mul", "div", "min", "max", "pmin", "pmax");
        simdOps(0xF8, V128_UNARY, "", "i32x4.trunc_sat_f32x4_s", "i32x4.trunc_sat_f32x4_u", "f32x4.convert_i32x4_s",
                        "f32x4.convert_i32x4_u", "i32x4.trunc_sat_f64x2_s_zero", "i32x4.trunc_sat_f64x2_u_zero",
                        "f64x2.convert_low_i32x4_s", "f64x2.convert_low_i32x4_u");
        relaxed(0x100, V128_BINARY, "i8x16.relaxed_swizzle");
        relaxed(0x101, V128_UNARY, "i32x4.relaxed_trunc_f32x4_s", "i32x4.relaxed_trunc_f32x4_u",
                        "i32x4.relaxed_trunc_f64x2_s_zero", "i32x4.relaxed_trunc_f64x2_u_zero");
        relaxed(0x105, V128_TERNARY, "f32x4.relaxed_madd", "f32x4.relaxed_nmadd", "f64x2.relaxed_madd",
                        "f64x2.relaxed_nmadd", "i8x16.relaxed_laneselect", "i16x8.relaxed_laneselect",
                        "i32x4.relaxed_laneselect", "i64x2.relaxed_laneselect");
        relaxed(0x10D, V128_BINARY, "f32x4.relaxed_min", "f32x4.relaxed_max", "f64x2.relaxed_min", "f64x2.relaxed_max",
                        "i16x8.relaxed_q15mulr_s", "i16x8.relaxed_dot_i8x16_i7x16_s");
        relaxed(0x113, V128_TERNARY, "i32x4.relaxed_dot_i8x16_i7x16_add_s");
    }

    // ---- row builders -------------------------------------------------------------------------

    private static void special(int opcode, String name, Immediate immediate) {
        row(0, opcode, name, immediate, 0, null, SPECIAL, Feature.CORE);
    }

    private static void memory(int opcode, String name, int alignment, String signature, Family family) {
        row(0, opcode, name, Immediate.MEMARG, alignment, signature, family, Feature.CORE);
    }

    /** Consecutive unprefixed operators sharing a signature. */
    private static void ops(int first, Family family, String signature, String... names) {
        for (int i = 0; i < names.length; i++) {
            row(0, first + i, names[i], Immediate.NONE, 0, signature, family, Feature.CORE);
        }
    }

    private static void simdMemory(int sub, String name, int alignment, Family family) {
        row(Opcodes.SIMD_PREFIX, sub, name, Immediate.MEMARG, alignment, family == V128_STORE ? "av>" : "a>v", family,
                        Feature.CORE);
    }

    private static void simd(int sub, String name, Immediate immediate, int parameter, String signature, Family family) {
        row(Opcodes.SIMD_PREFIX, sub, name, immediate, parameter, signature, family, Feature.CORE);
    }

    /** Consecutive SIMD operators of one family, named {@code prefix + name}. */
    private static void simdOps(int first, Family family, String prefix, String... names) {
        for (int i = 0; i < names.length; i++) {
            row(Opcodes.SIMD_PREFIX, first + i, prefix + names[i], Immediate.NONE, 0, simdSignature(family), family,
                            Feature.CORE);
        }
    }

    private static void relaxed(int first, Family family, String... names) {
        for (int i = 0; i < names.length; i++) {
            row(Opcodes.SIMD_PREFIX, first + i, names[i], Immediate.NONE, 0, simdSignature(family), family,
                            Feature.RELAXED_SIMD);
        }
    }

    private static String simdSignature(Family family) {
        return switch (family) {
            case V128_UNARY -> "v>v";
            case V128_BINARY -> "vv>v";
            case V128_TERNARY -> "vvv>v";
            case V128_TEST -> "v>i";
            case V128_SHIFT -> "vi>v";
            default -> throw new IllegalArgumentException(family.name());
        };
    }

    private static void row(int prefix, int opcode, String name, Immediate immediate, int parameter, String signature,
                    Family family, Feature feature) {
        int code = prefix == 0 ? code(opcode) : code(prefix, opcode);
        if (TABLE[code] != null) {
            throw new IllegalStateException("two rows for " + name + " and " + TABLE[code].name());
        }
        int[] params = null;
        int[] results = null;
        if (signature != null) {
            int arrow = signature.indexOf('>');
            params = types(signature.substring(0, arrow));
            results = types(signature.substring(arrow + 1));
        }
        TABLE[code] = new Instruction(code, prefix, opcode, name, immediate, parameter, params, results, family, feature);
    }

    private static int[] types(String letters) {
        int[] types = new int[letters.length()];
        for (int i = 0; i < types.length; i++) {
            types[i] = switch (letters.charAt(i)) {
                case 'i' -> ValueType.I32;
                case 'I' -> ValueType.I64;
                case 'f' -> ValueType.F32;
                case 'F' -> ValueType.F64;
                case 'v' -> ValueType.V128;
                case 'a' -> ADDRESS;
                default -> throw new IllegalArgumentException(letters);
            };
        }
        return types;
    }
}
