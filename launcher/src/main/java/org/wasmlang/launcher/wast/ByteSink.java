package org.wasmlang.launcher.wast;

import java.util.Arrays;

/** A growable byte buffer for string literals (unsynchronised, unlike ByteArrayOutputStream). */
final class ByteSink {
    private byte[] bytes = new byte[64];
    private int size;

    void add(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) b;
    }

    void addUtf8(int codePoint) {
        if (codePoint < 0x80) {
            add(codePoint);
        } else if (codePoint < 0x800) {
            add(0xc0 | codePoint >> 6);
            add(0x80 | codePoint & 0x3f);
        } else if (codePoint < 0x10000) {
            add(0xe0 | codePoint >> 12);
            add(0x80 | codePoint >> 6 & 0x3f);
            add(0x80 | codePoint & 0x3f);
        } else {
            add(0xf0 | codePoint >> 18);
            add(0x80 | codePoint >> 12 & 0x3f);
            add(0x80 | codePoint >> 6 & 0x3f);
            add(0x80 | codePoint & 0x3f);
        }
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }
}
