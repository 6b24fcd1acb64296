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
     * Reads an instruction's immediates (checking only their encoding), and returns the
     * change in block nesting it causes (+1 for block/loop/if, -1 for end, else 0).
     */
    public static int skipImmediates(BinaryReader r, Instruction instruction, Features features, boolean hasDataCount) {
        switch (instruction.immediate()) {
            case NONE -> {
                return instruction.code() == Opcodes.END ? -1 : 0;
            }
            case TRY_TABLE -> {
                BlockTypes.read(r, features);
                int n = r.count();
                for (int i = 0; i < n; i++) {
                    int at = r.position();
                    int kind = r.u8();
                    if (kind > 3) {
                        throw r.malformed(ErrorMessage.MALFORMED_CATCH_CLAUSE, "0x" + Integer.toHexString(kind), at);
                    }
                    if (kind < 2) {
                        r.u32();
                    }
                    r.u32();
                }
                return 1;
            }
            case BLOCK_TYPE -> {
                BlockTypes.read(r, features);
                return 1;
            }
            case DATA -> {
                requireDataCount(r, hasDataCount, r.position());
                r.u32();
            }
            case LABEL, FUNCTION, LOCAL, GLOBAL, TABLE, TYPE, TAG, ELEMENT -> {
                r.u32();
                if (instruction.code() == Opcodes.DELEGATE) {
                    // delegate closes its try like end.
                    return -1;
                }
            }
            case TYPE_AND_TABLE, ELEMENT_AND_TABLE, TWO_TABLES -> {
                r.u32();
                r.u32();
            }
            case BRANCH_TABLE -> {
                int n = r.count();
                for (int i = 0; i <= n; i++) {
                    r.u32();
                }
            }
            case VALUE_TYPES -> {
                int n = r.count();
                for (int i = 0; i < n; i++) {
                    TypeReader.valueType(r, features);
                }
            }
            case HEAP_TYPE -> TypeReader.heapType(r, features);
            case I32 -> r.s32();
            case I64 -> r.s64();
            case F32 -> r.f32Bits();
            case F64 -> r.f64Bits();
            case MEMORY -> memoryIndex(r, features);
            case TWO_MEMORIES -> {
                memoryIndex(r, features);
                memoryIndex(r, features);
            }
            case DATA_AND_MEMORY -> {
                requireDataCount(r, hasDataCount, r.position());
                r.u32();
                memoryIndex(r, features);
            }
            case MEMARG -> new MemArg().read(r, features);
            case MEMARG_LANE -> {
                new MemArg().read(r, features);
                r.u8();
            }
            case LANE -> r.u8();
            case V128, SHUFFLE -> r.skip(16);
        }
        return 0;
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
            Instruction instruction = Instructions.read(r, features);
            int opcode = instruction.code();
            if (opcode == Opcodes.ELSE) {
                if (kinds[depth - 1] != 1) {
                    throw r.malformed(ErrorMessage.END_OPCODE_EXPECTED, at);
                }
                kinds[depth - 1] = 2;
                continue;
            }
            int change = skipImmediates(r, instruction, features, hasDataCount);
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

    static void requireDataCount(BinaryReader r, boolean hasDataCount, int at) {
        if (!hasDataCount) {
            throw r.malformed(ErrorMessage.DATA_COUNT_SECTION_REQUIRED, at);
        }
    }
}
