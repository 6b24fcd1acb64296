package org.wasmlang.binary;

/**
 * What one instruction is: its encoding, its immediates, its operand and result types
 * when they are fixed, and which kind of node executes it. Rows live in
 * {@link Instructions}; the decoder, the validator and the node builder all read them, so
 * a new instruction is a new row.
 *
 * @param code the instruction's index in {@link Instructions} (see {@link Instructions#code})
 * @param prefix 0 for one-byte opcodes, else the prefix byte (0xFC, 0xFD)
 * @param opcode the opcode byte, or the sub-opcode after the prefix
 * @param name the text format's name
 * @param immediate what follows the opcode
 * @param parameter the natural alignment (log2 of the access size) of memory instructions,
 *            the lane count of lane instructions, else 0
 * @param params operand types in push order (see {@link Instructions#ADDRESS}), or null
 *            when the validator checks the instruction by hand (control, variables, calls,
 *            tables, references)
 * @param results result types, or null like {@code params}
 * @param family the kind of node that executes it
 * @param feature the proposal that adds it ({@link Feature#CORE} for Wasm 2.0)
 */
public record Instruction(int code, int prefix, int opcode, String name, Immediate immediate, int parameter, int[] params,
                int[] results, Family family, Feature feature) {

    /** How the node builder turns an instruction into nodes. */
    public enum Family {
        /** Handled by name in the validator and the node builder. */
        SPECIAL,
        I32,
        I64,
        F32,
        F64,
        /** Conversions between numeric types, including the saturating truncations. */
        CONVERT,
        LOAD,
        STORE,
        /** A SIMD load of 16 bytes, or fewer extended, splatted or zero-filled. */
        V128_LOAD,
        V128_STORE,
        V128_LOAD_LANE,
        V128_STORE_LANE,
        V128_CONST,
        V128_SHUFFLE,
        V128_EXTRACT_LANE,
        V128_REPLACE_LANE,
        V128_SPLAT,
        V128_UNARY,
        V128_BINARY,
        V128_TERNARY,
        /** v128 to i32 (any_true, all_true, bitmask). */
        V128_TEST,
        /** v128 and an i32 count to v128. */
        V128_SHIFT
    }

    /** The proposal that brings an instruction, so a module can be refused by name. */
    public enum Feature {
        CORE,
        RELAXED_SIMD,
        TYPED_FUNCTION_REFERENCES,
        /** return_call, return_call_indirect, return_call_ref. */
        TAIL_CALL,
        /** Exception handling: tags, throw, throw_ref, try_table. */
        EXCEPTIONS,
        /** The legacy exception instructions: try, catch, catch_all, delegate, rethrow. */
        LEGACY_EXCEPTIONS
    }

    /** Whether the instruction is one of the numeric operators of Wasm 1.0 (one node, no immediates). */
    public boolean isScalarNumeric() {
        return family == Family.I32 || family == Family.I64 || family == Family.F32 || family == Family.F64
                        || family == Family.CONVERT;
    }

    /** The natural alignment exponent of a memory access. */
    public int naturalAlignment() {
        return parameter;
    }

    /** The lane count of an instruction with a lane immediate (for a lane access, of its lane width). */
    public int laneCount() {
        return immediate == Immediate.MEMARG_LANE ? 16 >> parameter : parameter;
    }

    /** Prefix and opcode as they appear in the bytes, for error messages. */
    public String encoding() {
        return prefix == 0 ? String.format("0x%02x", opcode) : String.format("0x%02x %d", prefix, opcode);
    }
}
