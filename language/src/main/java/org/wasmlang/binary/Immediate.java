package org.wasmlang.binary;

/**
 * The immediates an instruction carries after its opcode, as the binary format encodes them.
 * Indices are told apart by the index space they name, so the text printer can spell them.
 */
public enum Immediate {
    NONE,
    /** A block type: empty, a value type or a type index (block, loop, if). */
    BLOCK_TYPE,
    /** A label, as a u32 depth (br, br_if, br_on_null, rethrow, delegate). */
    LABEL,
    /** A function index (call, return_call, ref.func). */
    FUNCTION,
    LOCAL,
    GLOBAL,
    /** A table index (table.get, table.set, table.grow, table.size, table.fill). */
    TABLE,
    /** A type index (call_ref, return_call_ref). */
    TYPE,
    /** A tag index (throw, catch). */
    TAG,
    /** An element segment index (elem.drop). */
    ELEMENT,
    /** A data segment index (data.drop). */
    DATA,
    /** A type index, then a table index (call_indirect, return_call_indirect). */
    TYPE_AND_TABLE,
    /** An element segment index, then a table index (table.init). */
    ELEMENT_AND_TABLE,
    /** The destination table, then the source table (table.copy). */
    TWO_TABLES,
    /** A label vector and a default label (br_table). */
    BRANCH_TABLE,
    /** A vector of value types (typed select). */
    VALUE_TYPES,
    /** A heap type (ref.null). */
    HEAP_TYPE,
    I32,
    I64,
    F32,
    F64,
    /** A memory index: a zero byte in Wasm 2.0, a u32 with multi-memory. */
    MEMORY,
    /** Two memory indices (memory.copy). */
    TWO_MEMORIES,
    /** A data segment index and a memory index (memory.init). */
    DATA_AND_MEMORY,
    /** Alignment, optional memory index and offset (loads and stores). */
    MEMARG,
    /** A memarg and a lane index (v128.load8_lane ...). */
    MEMARG_LANE,
    /** A lane index byte. */
    LANE,
    /** 16 bytes (v128.const). */
    V128,
    /** 16 lane index bytes (i8x16.shuffle). */
    SHUFFLE,
    /** A block type and a vector of catch clauses (try_table). */
    TRY_TABLE
}
