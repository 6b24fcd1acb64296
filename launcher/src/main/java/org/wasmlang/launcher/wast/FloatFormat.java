package org.wasmlang.launcher.wast;

/** The layout of an IEEE 754 binary format: f32 or f64. */
enum FloatFormat {
    F32(23, 8),
    F64(52, 11);

    final int mantissaBits;
    final int exponentBits;

    FloatFormat(int mantissaBits, int exponentBits) {
        this.mantissaBits = mantissaBits;
        this.exponentBits = exponentBits;
    }

    int bias() {
        return (1 << (exponentBits - 1)) - 1;
    }

    /** Largest biased exponent: the one of infinities and NaNs. */
    int maxBiasedExponent() {
        return (1 << exponentBits) - 1;
    }

    long signBit() {
        return 1L << (mantissaBits + exponentBits);
    }

    long infinityBits() {
        return (long) maxBiasedExponent() << mantissaBits;
    }

    /** The quiet bit alone: the canonical NaN payload. */
    long quietBit() {
        return 1L << (mantissaBits - 1);
    }

    /** Power of two of the least significant mantissa bit of subnormals (-149 for f32). */
    int minScale() {
        return 1 - bias() - mantissaBits;
    }
}
