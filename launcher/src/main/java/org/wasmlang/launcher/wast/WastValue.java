package org.wasmlang.launcher.wast;

import java.util.Arrays;

/** A constant in a script: an invoke argument or an exactly expected result. */
public sealed interface WastValue {

    record I32(int bits) implements WastValue {
        @Override
        public String toString() {
            return "i32.const " + bits;
        }
    }

    record I64(long bits) implements WastValue {
        @Override
        public String toString() {
            return "i64.const " + bits;
        }
    }

    record F32(int bits) implements WastValue {
        @Override
        public String toString() {
            return "f32.const " + ValueText.f32(bits) + String.format(" (bits 0x%08x)", bits);
        }
    }

    record F64(long bits) implements WastValue {
        @Override
        public String toString() {
            return "f64.const " + ValueText.f64(bits) + String.format(" (bits 0x%016x)", bits);
        }
    }

    /** 16 bytes, lane 0 first, each lane little-endian: the layout in linear memory. */
    record V128(byte[] bytes) implements WastValue {
        public V128 {
            if (bytes.length != 16) {
                throw new IllegalArgumentException("a v128 has 16 bytes, not " + bytes.length);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof V128 v && Arrays.equals(bytes, v.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "v128.const i32x4 " + ValueText.i32x4(bytes);
        }
    }

    /** A null reference; heapType as written, e.g. "func", "extern", "none" or a type index. */
    record RefNull(String heapType) implements WastValue {
        @Override
        public String toString() {
            return "ref.null " + heapType;
        }
    }

    /** The host reference with identity id (ref.extern N). */
    record RefExtern(long id) implements WastValue {
        @Override
        public String toString() {
            return "ref.extern " + id;
        }
    }

    /** The host reference with identity id as an internal reference (3.0 ref.host N). */
    record RefHost(long id) implements WastValue {
        @Override
        public String toString() {
            return "ref.host " + id;
        }
    }
}
