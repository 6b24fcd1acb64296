package org.wasmlang.dwarf;

import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian DWARF encodings from one section, never past a limit: every read
 * checks what remains and throws {@link DwarfFormatException} naming the section and
 * offset, so corrupt counts and lengths cannot run off the data or allocate much.
 */
final class DwarfCursor {
    private final DebugSection section;
    /** Section-relative position and limit. */
    private int pos;
    private int limit;

    DwarfCursor(DebugSection section, int pos, int limit) {
        this.section = section;
        this.pos = pos;
        this.limit = limit;
    }

    DebugSection section() {
        return section;
    }

    int offset() {
        return pos;
    }

    int limit() {
        return limit;
    }

    int remaining() {
        return limit - pos;
    }

    boolean atEnd() {
        return pos >= limit;
    }

    void seek(long offset) {
        if (offset < 0 || offset > limit) {
            throw error(offset, "offset outside the unit");
        }
        pos = (int) offset;
    }

    /** Limits further reads to {@code length} bytes from here; returns the old limit. */
    int narrow(long length) {
        if (length < 0 || length > remaining()) {
            throw error("length 0x" + Long.toHexString(length) + " runs past the end");
        }
        int old = limit;
        limit = pos + (int) length;
        return old;
    }

    void setLimit(int newLimit) {
        limit = newLimit;
    }

    DwarfFormatException error(String problem) {
        return error(pos, problem);
    }

    DwarfFormatException error(long at, String problem) {
        return new DwarfFormatException(section.name(), at, problem);
    }

    private void need(long n) {
        if (n < 0 || n > remaining()) {
            throw error("truncated (needs " + n + " bytes, " + remaining() + " left)");
        }
    }

    int u8() {
        need(1);
        return section.bytes()[section.start() + pos++] & 0xFF;
    }

    int s8() {
        return (byte) u8();
    }

    int u16() {
        need(2);
        return u8() | (u8() << 8);
    }

    int u24() {
        need(3);
        return u8() | (u8() << 8) | (u8() << 16);
    }

    long u32() {
        need(4);
        return (u8() | (u8() << 8) | (u8() << 16) | ((long) u8() << 24)) & 0xFFFFFFFFL;
    }

    long u64() {
        need(8);
        return u32() | (u32() << 32);
    }

    /** An unsigned value of {@code size} bytes (1, 2, 4 or 8). */
    long unsigned(int size) {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32();
            case 8 -> u64();
            default -> throw error("unsupported size " + size);
        };
    }

    long uleb() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            if (shift > 70) {
                throw error("LEB128 longer than 10 bytes");
            }
        }
    }

    /** A ULEB128 that must fit a non-negative int (a count, index or length). */
    int ulebInt() {
        int at = pos;
        long v = uleb();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw error(at, "value 0x" + Long.toHexString(v) + " too large");
        }
        return (int) v;
    }

    long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
            if (shift > 70) {
                throw error("LEB128 longer than 10 bytes");
            }
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    void skip(long n) {
        need(n);
        pos += (int) n;
    }

    byte[] bytes(long n) {
        need(n);
        byte[] out = new byte[(int) n];
        System.arraycopy(section.bytes(), section.start() + pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    /** A NUL-terminated UTF-8 string. */
    String cstring() {
        byte[] b = section.bytes();
        int base = section.start();
        int end = pos;
        while (end < limit && b[base + end] != 0) {
            end++;
        }
        if (end >= limit) {
            throw error("string without its terminating NUL");
        }
        String s = new String(b, base + pos, end - pos, StandardCharsets.UTF_8);
        pos = end + 1;
        return s;
    }
}
