package org.wasmlang.launcher.wast;

import java.math.BigInteger;

/**
 * Float literals of the text format, rounded to nearest-even directly to the target width.
 * The literal is turned into an exact fraction and rounded once, so f32 never suffers the
 * double rounding of parsing as f64 first.
 */
final class FloatLiterals {
    /** Beyond these powers of ten a literal is surely infinite or zero in both formats. */
    private static final int MAX_DECIMAL_MAGNITUDE = 400;
    private static final int MIN_DECIMAL_MAGNITUDE = -400;

    private FloatLiterals() {
    }

    static int parseF32(String text) {
        return (int) parse(text, FloatFormat.F32);
    }

    static long parseF64(String text) {
        return parse(text, FloatFormat.F64);
    }

    /** Returns the raw bits; throws NumberFormatException if the literal is malformed. */
    static long parse(String text, FloatFormat format) {
        boolean negative = text.startsWith("-");
        String body = negative || text.startsWith("+") ? text.substring(1) : text;
        long sign = negative ? format.signBit() : 0;
        if (body.equals("inf")) {
            return sign | format.infinityBits();
        }
        if (body.equals("nan")) {
            return sign | format.infinityBits() | format.quietBit();
        }
        if (body.startsWith("nan:0x")) {
            return sign | format.infinityBits() | nanPayload(body.substring(6), format);
        }
        long magnitude = body.startsWith("0x")
                        ? hexMagnitude(body.substring(2), format)
                        : decimalMagnitude(body, format);
        return sign | magnitude;
    }

    private static long nanPayload(String hexDigits, FloatFormat format) {
        String digits = Digits.strip(hexDigits, 16);
        BigInteger payload = new BigInteger(digits, 16);
        if (payload.signum() == 0 || payload.bitLength() > format.mantissaBits) {
            throw new NumberFormatException("NaN payload out of range: 0x" + hexDigits);
        }
        return payload.longValueExact();
    }

    /** hexnum ['.' [hexfrac]] [('p'|'P') sign? num]: the exponent is a decimal power of two. */
    private static long hexMagnitude(String body, FloatFormat format) {
        int p = indexOfEither(body, 'p', 'P');
        String mantissa = p < 0 ? body : body.substring(0, p);
        long exponent = p < 0 ? 0 : exponent(body.substring(p + 1));
        int dot = mantissa.indexOf('.');
        String whole = Digits.strip(dot < 0 ? mantissa : mantissa.substring(0, dot), 16);
        String fraction = dot < 0 || dot + 1 == mantissa.length() ? "" : Digits.strip(mantissa.substring(dot + 1), 16);
        BigInteger digits = new BigInteger(whole + fraction, 16);
        if (digits.signum() == 0) {
            return 0;
        }
        long scale = exponent - 4L * fraction.length();
        long log2Upper = digits.bitLength() + scale;
        if (log2Upper > format.bias() + 2) {
            return format.infinityBits();
        }
        if (log2Upper < format.minScale() - 2) {
            return 0;
        }
        BigInteger numerator = scale >= 0 ? digits.shiftLeft((int) scale) : digits;
        BigInteger denominator = scale >= 0 ? BigInteger.ONE : BigInteger.ONE.shiftLeft((int) -scale);
        return roundFraction(numerator, denominator, format);
    }

    /** num ['.' [frac]] [('e'|'E') sign? num]. */
    private static long decimalMagnitude(String body, FloatFormat format) {
        int e = indexOfEither(body, 'e', 'E');
        String mantissa = e < 0 ? body : body.substring(0, e);
        long exponent = e < 0 ? 0 : exponent(body.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String whole = Digits.strip(dot < 0 ? mantissa : mantissa.substring(0, dot), 10);
        String fraction = dot < 0 || dot + 1 == mantissa.length() ? "" : Digits.strip(mantissa.substring(dot + 1), 10);
        BigInteger digits = new BigInteger(whole + fraction);
        if (digits.signum() == 0) {
            return 0;
        }
        long scale = exponent - fraction.length();
        // The value lies in [10^(n-1+scale), 10^(n+scale)) for n significant digits.
        long significantDigits = digits.toString().length();
        if (significantDigits - 1 + scale > MAX_DECIMAL_MAGNITUDE) {
            return format.infinityBits();
        }
        if (significantDigits + scale < MIN_DECIMAL_MAGNITUDE) {
            return 0;
        }
        BigInteger numerator = scale >= 0 ? digits.multiply(BigInteger.TEN.pow((int) scale)) : digits;
        BigInteger denominator = scale >= 0 ? BigInteger.ONE : BigInteger.TEN.pow((int) -scale);
        return roundFraction(numerator, denominator, format);
    }

    /** A decimal exponent; saturates far beyond any finite value instead of overflowing. */
    private static long exponent(String text) {
        boolean negative = text.startsWith("-");
        String digits = Digits.strip(negative || text.startsWith("+") ? text.substring(1) : text, 10);
        long magnitude = digits.length() > 12 ? 1_000_000_000_000L : Long.parseLong(digits);
        return negative ? -magnitude : magnitude;
    }

    private static int indexOfEither(String s, char a, char b) {
        int i = s.indexOf(a);
        return i >= 0 ? i : s.indexOf(b);
    }

    /**
     * Rounds numerator/denominator (both positive) to the nearest representable magnitude,
     * ties to even, giving subnormals and infinity where due.
     */
    static long roundFraction(BigInteger numerator, BigInteger denominator, FloatFormat format) {
        int precision = format.mantissaBits + 1;
        // The value lies in (2^(k-1), 2^(k+1)); pick the scale that leaves `precision` bits.
        int k = numerator.bitLength() - denominator.bitLength();
        int scale = Math.max(k - precision, format.minScale());
        BigInteger[] quotientAndRemainder = divideScaled(numerator, denominator, scale);
        if (quotientAndRemainder[0].bitLength() > precision) {
            scale++;
            quotientAndRemainder = divideScaled(numerator, denominator, scale);
        }
        BigInteger quotient = quotientAndRemainder[0];
        BigInteger divisor = scale >= 0 ? denominator.shiftLeft(scale) : denominator;
        int half = quotientAndRemainder[1].shiftLeft(1).compareTo(divisor);
        if (half > 0 || half == 0 && quotient.testBit(0)) {
            quotient = quotient.add(BigInteger.ONE);
            if (quotient.bitLength() > precision) {
                // Carried into a new bit: the quotient is exactly 2^precision.
                quotient = quotient.shiftRight(1);
                scale++;
            }
        }
        long mantissa = quotient.longValue();
        if (quotient.bitLength() < precision) {
            // Subnormal (or zero): biased exponent 0, scale is minScale here.
            return mantissa;
        }
        long biasedExponent = (long) scale + format.mantissaBits + format.bias();
        if (biasedExponent >= format.maxBiasedExponent()) {
            return format.infinityBits();
        }
        long fractionBits = mantissa & ((1L << format.mantissaBits) - 1);
        return biasedExponent << format.mantissaBits | fractionBits;
    }

    /** Quotient and remainder of numerator / (denominator * 2^scale). */
    private static BigInteger[] divideScaled(BigInteger numerator, BigInteger denominator, int scale) {
        if (scale >= 0) {
            return numerator.divideAndRemainder(denominator.shiftLeft(scale));
        }
        return numerator.shiftLeft(-scale).divideAndRemainder(denominator);
    }
}
