package org.wasmlang.launcher.wast;

/** Digit runs of the text format: ASCII digits of one radix, '_' allowed only between two digits. */
final class Digits {
    private Digits() {
    }

    /** The value of an ASCII hex digit, or -1; Character.digit would also accept non-ASCII digits. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static boolean isDigit(char c, int radix) {
        int v = value(c);
        return v >= 0 && v < radix;
    }

    /** Returns the digits without separators; throws NumberFormatException if s is not a digit run. */
    static String strip(String s, int radix) {
        if (s.isEmpty()) {
            throw new NumberFormatException("missing digits");
        }
        boolean separators = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                boolean between = i > 0 && i + 1 < s.length()
                                && isDigit(s.charAt(i - 1), radix) && isDigit(s.charAt(i + 1), radix);
                if (!between) {
                    throw new NumberFormatException("'_' must stand between two digits");
                }
                separators = true;
            } else if (!isDigit(c, radix)) {
                throw new NumberFormatException("unexpected character '" + c + "'");
            }
        }
        return separators ? s.replace("_", "") : s;
    }
}
