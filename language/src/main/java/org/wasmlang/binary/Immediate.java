package org.wasmlang.binary;

/** The immediates an instruction carries after its opcode, as the binary format encodes them. */
public enum Immediate {
    NONE,
    /** A block type: empty, a value type or a type index (block, loop, if). */
    BLOCK_TYPE,
    /** One u32 index: a label, function, local, global, table, element or data segment. */
    INDEX,
    /** Two u32 indices (call_indirect, table.init, table.copy). */
    TWO_INDICES,
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
