package org.wasmlang.module;

/** When an element or data segment is applied. */
public enum SegmentMode {
    /** Copied into its table or memory at instantiation. */
    ACTIVE,
    /** Kept for {@code table.init} / {@code memory.init}. */
    PASSIVE,
    /** Only declares functions for {@code ref.func}; dropped at instantiation. */
    DECLARATIVE
}
