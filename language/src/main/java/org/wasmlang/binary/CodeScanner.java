package org.wasmlang.binary;

import org.wasmlang.module.Features;
import org.wasmlang.validation.ErrorMessage;

/**
 * Skips one instruction's immediates without type checking: used for constant
 * expressions that hold a non-constant instruction, and to look for malformed bytes after
 * the validator found a type error (malformed takes precedence over invalid).
 */
public final class CodeScanner {
    private CodeScanner() {
    }

    /**
     * Reads the immediates of the instruction whose opcode was just read, and returns the
     * change in block nesting it causes (+1 for block/loop/if, -1 for end, else 0).
     */
    public static int skipImmediates(BinaryReader r, int opcode, Features features, boolean hasDataCount) {
        switch (opcode) {
            case Opcodes.BLOCK:
            case Opcodes.LOOP:
            case Opcodes.IF:
                BlockTypes.read(r);
                return 1;
            case Opcodes.END:
                return -1;
            case Opcodes.UNREACHABLE:
            case Opcodes.NOP:
            case Opcodes.ELSE:
            case Opcodes.RETURN:
            case Opcodes.DROP:
            case Opcodes.SELECT:
            case Opcodes.REF_IS_NULL:
                return 0;
            case Opcodes.BR:
            case Opcodes.BR_IF:
            case Opcodes.CALL:
            case Opcodes.LOCAL_GET:
            case Opcodes.LOCAL_SET:
            case Opcodes.LOCAL_TEE:
            case Opcodes.GLOBAL_GET:
            case Opcodes.GLOBAL_SET:
            case Opcodes.TABLE_GET:
            case Opcodes.TABLE_SET:
            case Opcodes.REF_FUNC:
                r.u32();
                return 0;
            case Opcodes.BR_TABLE: {
                int n = r.count();
                for (int i = 0; i <= n; i++) {
                    r.u32();
                }
                return 0;
            }
            case Opcodes.CALL_INDIRECT:
                r.u32();
                r.u32();
                return 0;
            case Opcodes.SELECT_T: {
                int n = r.count();
                for (int i = 0; i < n; i++) {
                    TypeReader.valueType(r, features);
                }
                return 0;
            }
            case Opcodes.MEMORY_SIZE:
            case Opcodes.MEMORY_GROW:
                memoryIndex(r, features);
                return 0;
            case Opcodes.I32_CONST:
                r.s32();
                return 0;
            case Opcodes.I64_CONST:
                r.s64();
                return 0;
            case Opcodes.F32_CONST:
                r.f32Bits();
                return 0;
            case Opcodes.F64_CONST:
                r.f64Bits();
                return 0;
            case Opcodes.REF_NULL:
                TypeReader.heapType(r, features);
                return 0;
            case Opcodes.MISC_PREFIX:
                skipMisc(r, features, hasDataCount);
                return 0;
            case Opcodes.SIMD_PREFIX:
                skipSimd(r, features);
                return 0;
            default:
                if (opcode >= Opcodes.I32_LOAD && opcode <= Opcodes.I64_STORE32) {
                    memarg(r, features);
                    return 0;
                }
                if (opcode >= Opcodes.I32_EQZ && opcode <= Opcodes.I64_EXTEND32_S) {
                    return 0;
                }
                throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, "0x" + Integer.toHexString(opcode), r.position() - 1);
        }
    }

    /**
     * Reads a function body's instructions up to its final {@code end}, checking only
     * their encoding and nesting: an {@code else} outside an {@code if}, or a second one,
     * ends the block early and is reported as "END opcode expected", as the reference
     * decoder does.
     */
    public static void scanBody(BinaryReader r, Features features, boolean hasDataCount) {
        // Per open construct: 0 = block/loop/function, 1 = if, 2 = if after its else.
        byte[] kinds = new byte[16];
        int depth = 1;
        kinds[0] = 0;
        while (depth > 0) {
            int at = r.position();
            int opcode = r.u8();
            if (opcode == Opcodes.ELSE) {
                if (kinds[depth - 1] != 1) {
                    throw r.malformed(ErrorMessage.END_OPCODE_EXPECTED, at);
                }
                kinds[depth - 1] = 2;
                continue;
            }
            int change = skipImmediates(r, opcode, features, hasDataCount);
            if (change > 0) {
                if (depth == kinds.length) {
                    kinds = java.util.Arrays.copyOf(kinds, depth * 2);
                }
                kinds[depth++] = (byte) (opcode == Opcodes.IF ? 1 : 0);
            } else if (change < 0) {
                depth--;
            }
        }
    }

    /** A memory index immediate: a zero byte in Wasm 2.0, a u32 with multi-memory. */
    public static int memoryIndex(BinaryReader r, Features features) {
        if (features.multiMemory()) {
            return r.u32();
        }
        int at = r.position();
        if (r.u8() != 0) {
            throw r.malformed(ErrorMessage.ZERO_BYTE_EXPECTED, at);
        }
        return 0;
    }

    /** Reads a memarg only to check its encoding (the validator reads its own). */
    public static void memarg(BinaryReader r, Features features) {
        int at = r.position();
        int flags = r.u32();
        if (features.multiMemory() && (flags & 0x40) != 0) {
            r.u32();
            flags &= ~0x40;
        }
        if (Integer.compareUnsigned(flags, 32) >= 0) {
            throw r.malformed(ErrorMessage.MALFORMED_MEMOP_FLAGS, at);
        }
        if (features.memory64()) {
            r.u64();
        } else {
            r.u32();
        }
    }

    private static void skipMisc(BinaryReader r, Features features, boolean hasDataCount) {
        int at = r.position();
        int sub = r.u32();
        switch (sub) {
            case Opcodes.I32_TRUNC_SAT_F32_S:
            case Opcodes.I32_TRUNC_SAT_F32_U:
            case Opcodes.I32_TRUNC_SAT_F64_S:
            case Opcodes.I32_TRUNC_SAT_F64_U:
            case Opcodes.I64_TRUNC_SAT_F32_S:
            case Opcodes.I64_TRUNC_SAT_F32_U:
            case Opcodes.I64_TRUNC_SAT_F64_S:
            case Opcodes.I64_TRUNC_SAT_F64_U:
                return;
            case Opcodes.MEMORY_INIT:
                requireDataCount(r, hasDataCount, at);
                r.u32();
                memoryIndex(r, features);
                return;
            case Opcodes.DATA_DROP:
                requireDataCount(r, hasDataCount, at);
                r.u32();
                return;
            case Opcodes.MEMORY_COPY:
                memoryIndex(r, features);
                memoryIndex(r, features);
                return;
            case Opcodes.MEMORY_FILL:
                memoryIndex(r, features);
                return;
            case Opcodes.TABLE_INIT:
            case Opcodes.TABLE_COPY:
                r.u32();
                r.u32();
                return;
            case Opcodes.ELEM_DROP:
            case Opcodes.TABLE_GROW:
            case Opcodes.TABLE_SIZE:
            case Opcodes.TABLE_FILL:
                r.u32();
                return;
            default:
                throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, "0xfc " + sub, at);
        }
    }

    static void requireDataCount(BinaryReader r, boolean hasDataCount, int at) {
        if (!hasDataCount) {
            throw r.malformed(ErrorMessage.DATA_COUNT_SECTION_REQUIRED, at);
        }
    }

    private static void skipSimd(BinaryReader r, Features features) {
        int at = r.position();
        int sub = r.u32();
        int kind = SimdOpcodes.kind(sub);
        switch (kind) {
            case SimdOpcodes.ILLEGAL:
                throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, "0xfd " + sub, at);
            case SimdOpcodes.LOAD:
            case SimdOpcodes.STORE:
                memarg(r, features);
                return;
            case SimdOpcodes.LOAD_LANE:
            case SimdOpcodes.STORE_LANE:
                memarg(r, features);
                r.u8();
                return;
            case SimdOpcodes.CONST:
            case SimdOpcodes.SHUFFLE:
                r.skip(16);
                return;
            case SimdOpcodes.EXTRACT_LANE:
            case SimdOpcodes.REPLACE_LANE:
                r.u8();
                return;
            default:
                return;
        }
    }
}
