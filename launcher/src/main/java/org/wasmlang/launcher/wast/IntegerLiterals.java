package org.wasmlang.launcher.wast;

/**
 * Integer literals: optional sign, decimal or 0x hex digits. An N-bit literal may be anything
 * from -2^(N-1) to 2^N-1, so unsigned spellings such as 0xffffffff wrap to negative values.
 */
final class IntegerLiterals {
    private IntegerLiterals() {
    }

    /** Returns the N-bit value sign-extended to a long; throws NumberFormatException if malformed. */
    static long parse(String text, int bits) {
        boolean negative = text.startsWith("-");
        int start = negative || text.startsWith("+") ? 1 : 0;
        long magnitude = parseMagnitude(text, start);
        if (negative) {
            // For 64 bits the limit 1L << 63 is Long.MIN_VALUE, i.e. 2^63 read unsigned.
            if (Long.compareUnsigned(magnitude, 1L << (bits - 1)) > 0) {
                throw outOfRange(text, bits);
            }
            return signExtend(-magnitude, bits);
        }
        if (bits < 64 && Long.compareUnsigned(magnitude, (1L << bits) - 1) > 0) {
            throw outOfRange(text, bits);
        }
        return signExtend(magnitude, bits);
    }

    /** A natural number (no sign) that fits in a signed long, e.g. the N of ref.extern N. */
    static long parseNat(String text) {
        long value = parseMagnitude(text, 0);
        if (value < 0) {
            throw new NumberFormatException("number too large: " + text);
        }
        return value;
    }

    private static long parseMagnitude(String text, int start) {
        boolean hex = text.startsWith("0x", start);
        int radix = hex ? 16 : 10;
        String digits = Digits.strip(text.substring(hex ? start + 2 : start), radix);
        try {
            return Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("integer out of range: " + text);
        }
    }

    private static long signExtend(long value, int bits) {
        int unused = 64 - bits;
        return value << unused >> unused;
    }

    private static NumberFormatException outOfRange(String text, int bits) {
        return new NumberFormatException("i" + bits + " literal out of range: " + text);
    }
}
