package org.wasmlang.module;

/** A memory's limits in 64 KiB pages. */
public record MemoryType(Limits limits) {
    public static final int PAGE_SIZE = 65536;
    /** The most pages a 32-bit memory may declare (4 GiB). */
    public static final long MAX_PAGES_32 = 65536;
    /** The most pages a 64-bit memory may declare (2^64 bytes). */
    public static final long MAX_PAGES_64 = 1L << 48;

    @Override
    public String toString() {
        return "(memory " + limits + ")";
    }
}
