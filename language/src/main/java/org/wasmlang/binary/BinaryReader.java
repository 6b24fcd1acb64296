package org.wasmlang.binary;

import org.wasmlang.validation.ErrorMessage;
import org.wasmlang.validation.WasmMalformedException;

/**
 * Reads the primitive encodings of the binary format from a byte array: bytes, LEB128
 * integers with the spec's exact size and overflow rules, IEEE floats and UTF-8 names.
 *
 * <p>Like the reference interpreter, sections and function bodies are not read as
 * separate streams: a decoder may read past a section's declared end and then reports
 * "section size mismatch". Running out of bytes is "unexpected end" in the module
 * header and "unexpected end of section or function" inside a section. {@link #limit}
 * only serves advisory readers such as the name section.
 * {@link #functionIndex} tags errors found inside code.
 */
public final class BinaryReader {
    private final byte[] data;
    private int pos;
    private int limit;
    private int functionIndex = -1;
    private boolean inSection;

    public BinaryReader(byte[] data) {
        this.data = data;
        this.limit = data.length;
    }

    public byte[] data() {
        return data;
    }

    public int position() {
        return pos;
    }

    public void setPosition(int pos) {
        this.pos = pos;
    }

    public int limit() {
        return limit;
    }

    /**
     * Restricts reading to {@code [pos, limit)}, never past the data (a declared size may
     * overrun it by a byte: lengths are checked from the start of their own encoding).
     * Returns the previous limit.
     */
    public int setLimit(int newLimit) {
        int old = limit;
        limit = Math.min(newLimit, data.length);
        return old;
    }

    public void setFunctionIndex(int functionIndex) {
        this.functionIndex = functionIndex;
    }

    public int functionIndex() {
        return functionIndex;
    }

    /** Whether reads happen inside a section (this only picks the "unexpected end" message). */
    public void setInSection(boolean inSection) {
        this.inSection = inSection;
    }

    public boolean atLimit() {
        return pos >= limit;
    }

    public int remaining() {
        return limit - pos;
    }

    public WasmMalformedException malformed(ErrorMessage error, int offset) {
        return new WasmMalformedException(error, null, offset, functionIndex);
    }

    public WasmMalformedException malformed(ErrorMessage error, String detail, int offset) {
        return new WasmMalformedException(error, detail, offset, functionIndex);
    }

    private WasmMalformedException unexpectedEnd() {
        return malformed(inSection || limit < data.length ? ErrorMessage.UNEXPECTED_END_OF_SECTION
                        : ErrorMessage.UNEXPECTED_END, pos);
    }

    public int u8() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return data[pos++] & 0xFF;
    }

    /** The next byte without consuming it, or -1 at the limit. */
    public int peek() {
        return pos < limit ? data[pos] & 0xFF : -1;
    }

    public void skip(int n) {
        if (n < 0 || n > limit - pos) {
            pos = limit;
            throw unexpectedEnd();
        }
        pos += n;
    }

    /** An unsigned 32-bit LEB128 number, at most 5 bytes. */
    public int u32() {
        int start = pos;
        int result = 0;
        for (int shift = 0;; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw malformed(ErrorMessage.INTEGER_REPRESENTATION_TOO_LONG, start);
                }
                if ((b & 0x70) != 0) {
                    throw malformed(ErrorMessage.INTEGER_TOO_LARGE, start);
                }
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /**
     * A u32 length or vector count. It may not exceed the bytes left counted from the
     * start of its own encoding (the reference interpreter's rule); every vector element
     * takes at least one byte, so this also bounds what a count can make us allocate.
     */
    public int length() {
        int start = pos;
        int n = u32();
        if (n < 0 || n > limit - start) {
            throw malformed(ErrorMessage.LENGTH_OUT_OF_BOUNDS, start);
        }
        return n;
    }

    /** A vector count (same rule as {@link #length()}). */
    public int count() {
        return length();
    }

    /** A signed 32-bit LEB128 number. */
    public int s32() {
        int start = pos;
        int result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw malformed(ErrorMessage.INTEGER_REPRESENTATION_TOO_LONG, start);
                }
                // Bits beyond the 32nd must repeat the sign bit (bit 3 of this byte).
                int high = b & 0x78;
                if (high != 0 && high != 0x78) {
                    throw malformed(ErrorMessage.INTEGER_TOO_LARGE, start);
                }
            }
            result |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 32 && (b & 0x40) != 0) {
            result |= -1 << shift;
        }
        return result;
    }

    /** A signed 33-bit LEB128 number (block types), returned as a long. */
    public long s33() {
        int start = pos;
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw malformed(ErrorMessage.INTEGER_REPRESENTATION_TOO_LONG, start);
                }
                int high = b & 0x70;
                if (high != 0 && high != 0x70) {
                    throw malformed(ErrorMessage.INTEGER_TOO_LARGE, start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A signed 64-bit LEB128 number. */
    public long s64() {
        int start = pos;
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift == 63) {
                if ((b & 0x80) != 0) {
                    throw malformed(ErrorMessage.INTEGER_REPRESENTATION_TOO_LONG, start);
                }
                // Only the 64th bit is left: the rest must repeat it.
                if (b != 0 && b != 0x7F) {
                    throw malformed(ErrorMessage.INTEGER_TOO_LARGE, start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** An unsigned 64-bit LEB128 number (64-bit limits and memory offsets). */
    public long u64() {
        int start = pos;
        long result = 0;
        for (int shift = 0;; shift += 7) {
            int b = u8();
            if (shift == 63) {
                if ((b & 0x80) != 0) {
                    throw malformed(ErrorMessage.INTEGER_REPRESENTATION_TOO_LONG, start);
                }
                if ((b & 0x7E) != 0) {
                    throw malformed(ErrorMessage.INTEGER_TOO_LARGE, start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    public int f32Bits() {
        if (limit - pos < 4) {
            pos = limit;
            throw unexpectedEnd();
        }
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16 | (data[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public long f64Bits() {
        long low = f32Bits() & 0xFFFFFFFFL;
        long high = f32Bits() & 0xFFFFFFFFL;
        return low | high << 32;
    }

    /** A name: a length-prefixed UTF-8 string, checked for well-formedness. */
    public String name() {
        int length = length();
        int start = pos;
        if (length > limit - pos) {
            pos = limit;
            throw unexpectedEnd();
        }
        String name = Utf8.decode(data, start, length);
        if (name == null) {
            throw malformed(ErrorMessage.MALFORMED_UTF8, start);
        }
        pos += length;
        return name;
    }
}
