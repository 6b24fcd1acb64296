package org.wasmlang.dwarf;

/** One DWARF section: a slice of the module bytes (a custom section's contents). */
record DebugSection(String name, byte[] bytes, int start, int length) {
    static DebugSection empty(String name) {
        return new DebugSection(name, new byte[0], 0, 0);
    }

    DwarfCursor cursor() {
        return new DwarfCursor(this, 0, length);
    }

    /** A cursor at {@code offset} that may read up to the section's end. */
    DwarfCursor at(long offset) {
        if (offset < 0 || offset > length) {
            throw new DwarfFormatException(name, offset, "offset outside the section (length 0x" + Integer.toHexString(length) + ")");
        }
        return new DwarfCursor(this, (int) offset, length);
    }
}
