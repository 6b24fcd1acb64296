package org.wasmlang.fuzz;

/** Value spellings shared with tools/fuzz/v8-harness.cjs (which must print the same). */
final class Render {
    private Render() {
    }

    /** A JavaScript number: integral values in decimal, others as their f64 bits. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (x == 0) {
            return Double.doubleToRawLongBits(x) < 0 ? "-0" : "0";
        }
        if (x == Math.rint(x) && Math.abs(x) < 0x1p53) {
            return Long.toString((long) x);
        }
        return String.format("0x%016x", Double.doubleToRawLongBits(x));
    }

    /**
     * f32 bits, a NaN as its class: Wasm leaves a NaN result's sign open, and its payload too
     * once an operand is a non-canonical NaN, so a quiet NaN is just that; a signalling NaN
     * only comes from bit operations, which are exact, so it keeps its payload.
     */
    static String f32Bits(int bits) {
        if ((bits & 0x7f800000) == 0x7f800000 && (bits & 0x7fffff) != 0) {
            return nanClass(bits & 0x7fffff, 0x400000);
        }
        return String.format("0x%08x", bits);
    }

    static String f64Bits(long bits) {
        if ((bits & 0x7ff0000000000000L) == 0x7ff0000000000000L && (bits & 0xfffffffffffffL) != 0) {
            return nanClass(bits & 0xfffffffffffffL, 1L << 51);
        }
        return String.format("0x%016x", bits);
    }

    private static String nanClass(long payload, long quietBit) {
        if ((payload & quietBit) == 0) {
            return "nan:signalling:0x" + Long.toHexString(payload);
        }
        return "nan:quiet";
    }
}
