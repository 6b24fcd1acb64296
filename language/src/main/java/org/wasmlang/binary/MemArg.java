package org.wasmlang.binary;

import org.wasmlang.module.Features;
import org.wasmlang.validation.ErrorMessage;

/**
 * The one decoder of a memory instruction's memarg: alignment flags, the memory index
 * (present with multi-memory when flag bit 6 is set) and the offset (a u64 with memory64).
 * Mutable so readers can reuse one instance per function instead of allocating per access.
 */
public final class MemArg {
    private static final int HAS_MEMORY_INDEX = 0x40;

    /** log2 of the declared alignment. */
    public int alignment;
    public int memoryIndex;
    public long offset;

    /** Reads a memarg at the reader's position, failing with "malformed memop flags". */
    public MemArg read(BinaryReader r, Features features) {
        int at = r.position();
        int flags = r.u32();
        memoryIndex = 0;
        if (features.wasm3Rules()) {
            // Bit 6 says a memory index follows; below it the alignment, which validation
            // checks against the access size; nothing may be set above.
            if (Integer.compareUnsigned(flags, 2 * HAS_MEMORY_INDEX) >= 0) {
                throw r.malformed(ErrorMessage.MALFORMED_MEMOP_FLAGS, at);
            }
            if ((flags & HAS_MEMORY_INDEX) != 0) {
                memoryIndex = r.u32();
            }
            alignment = flags & (HAS_MEMORY_INDEX - 1);
            offset = r.u64();
            return this;
        }
        if (features.multiMemory() && (flags & HAS_MEMORY_INDEX) != 0) {
            memoryIndex = r.u32();
            flags &= ~HAS_MEMORY_INDEX;
        }
        if (Integer.compareUnsigned(flags, 32) >= 0) {
            throw r.malformed(ErrorMessage.MALFORMED_MEMOP_FLAGS, at);
        }
        alignment = flags;
        offset = features.memory64() ? r.u64() : r.u32() & 0xFFFFFFFFL;
        return this;
    }
}
