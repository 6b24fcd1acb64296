package org.wasmlang.dwarf;

/**
 * Debug information that cannot be read: a section is truncated, a count or offset points
 * outside its section, or an encoding is unknown. The only exception this package throws
 * on bad input; {@link DebugInfo#read} turns it into a one-line reason.
 */
public final class DwarfFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DwarfFormatException(String section, long offset, String problem) {
        super(section + " at offset 0x" + Long.toHexString(offset) + ": " + problem);
    }
}
