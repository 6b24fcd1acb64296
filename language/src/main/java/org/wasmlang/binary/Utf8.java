package org.wasmlang.binary;

/**
 * Strict UTF-8 decoding as the spec requires for names: no overlong forms, no surrogates,
 * nothing above U+10FFFF, no truncated sequences. The JDK decoder is lenient about some
 * of these, so this is hand written.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** The decoded string, or null when the bytes are not valid UTF-8. */
    public static String decode(byte[] data, int offset, int length) {
        StringBuilder sb = null;
        int end = offset + length;
        int i = offset;
        // Fast path: pure ASCII needs no builder.
        while (i < end && data[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(data, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        sb = new StringBuilder(length);
        sb.append(new String(data, offset, i - offset, java.nio.charset.StandardCharsets.ISO_8859_1));
        while (i < end) {
            int b = data[i] & 0xFF;
            int codePoint;
            int extra;
            int min;
            if (b < 0x80) {
                sb.append((char) b);
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                codePoint = b & 0x1F;
                extra = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                codePoint = b & 0x0F;
                extra = 2;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                codePoint = b & 0x07;
                extra = 3;
                min = 0x10000;
            } else {
                return null;
            }
            if (end - i <= extra) {
                return null;
            }
            for (int k = 1; k <= extra; k++) {
                int c = data[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return null;
                }
                codePoint = codePoint << 6 | (c & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return null;
            }
            sb.appendCodePoint(codePoint);
            i += extra + 1;
        }
        return sb.toString();
    }
}
