package org.wasmlang.text;

/**
 * How values are spelled in the text format: floats exactly, strings escaped.
 */
public final class Literals {
    private static final int F32_QUIET_BIT = 1 << 22;
    private static final long F64_QUIET_BIT = 1L << 51;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Literals() {
    }

    /**
     * An f32 by its bits: {@code inf}, {@code nan} (the canonical NaN), {@code nan:0x...} (any
     * other payload), else the shortest decimal that reads back as the same float (Java's
     * {@code Float.toString} promises that since JDK 19; the text format accepts its {@code E}).
     */
    public static String f32(int bits) {
        String sign = bits < 0 ? "-" : "";
        float value = Float.intBitsToFloat(bits);
        if (Float.isNaN(value)) {
            int payload = bits & 0x7FFFFF;
            return sign + (payload == F32_QUIET_BIT ? "nan" : "nan:0x" + Integer.toHexString(payload));
        }
        if (Float.isInfinite(value)) {
            return sign + "inf";
        }
        return Float.toString(value);
    }

    /** An f64 by its bits, as {@link #f32}. */
    public static String f64(long bits) {
        String sign = bits < 0 ? "-" : "";
        double value = Double.longBitsToDouble(bits);
        if (Double.isNaN(value)) {
            long payload = bits & 0xF_FFFF_FFFF_FFFFL;
            return sign + (payload == F64_QUIET_BIT ? "nan" : "nan:0x" + Long.toHexString(payload));
        }
        if (Double.isInfinite(value)) {
            return sign + "inf";
        }
        return Double.toString(value);
    }

    /** A byte string in quotes: printable ASCII as it is, every other byte as {@code \hh}. */
    static void bytes(StringBuilder out, byte[] data, int offset, int length) {
        out.append('"');
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
                out.append((char) b);
            } else {
                hexByte(out, b);
            }
        }
        out.append('"');
    }

    /**
     * A name (import, export) in quotes: printable characters as they are, control
     * characters, quotes and backslashes as the {@code \hh} bytes of their UTF-8.
     */
    static String name(String name) {
        StringBuilder out = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c != '"' && c != '\\') {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    hexByte(out, b & 0xFF);
                }
            }
        }
        return out.append('"').toString();
    }

    private static void hexByte(StringBuilder out, int b) {
        out.append('\\').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    /** Four little-endian 32-bit lanes of 16 bytes, as v128.const's {@code i32x4} operands. */
    static void i32x4(StringBuilder out, byte[] data, int offset) {
        out.append("i32x4");
        for (int lane = 0; lane < 4; lane++) {
            int at = offset + 4 * lane;
            int value = (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | (data[at + 3] & 0xFF) << 24;
            out.append(" 0x");
            String hex = Integer.toHexString(value);
            out.append("0".repeat(8 - hex.length())).append(hex);
        }
    }
}
