package org.wasmlang.launcher.wast;

/** Script-syntax spellings of values for failure messages. */
final class ValueText {
    private ValueText() {
    }

    static String f32(int bits) {
        return floatText(bits & 0xffffffffL, FloatFormat.F32);
    }

    static String f64(long bits) {
        return floatText(bits, FloatFormat.F64);
    }

    private static String floatText(long bits, FloatFormat format) {
        String sign = (bits & format.signBit()) != 0 ? "-" : "";
        long magnitude = bits & (format.signBit() - 1);
        long payload = magnitude & (format.quietBit() * 2 - 1);
        if (magnitude >= format.infinityBits()) {
            return sign + (payload == 0 ? "inf" : "nan:0x" + Long.toHexString(payload));
        }
        String hex = format == FloatFormat.F32
                        ? Float.toHexString(Float.intBitsToFloat((int) magnitude))
                        : Double.toHexString(Double.longBitsToDouble(magnitude));
        // Java writes 0x1.0p0 and 0x1.8p-3; the text format prefers 0x1p+0 and 0x1.8p-3.
        hex = hex.replace(".0p", "p");
        int p = hex.indexOf('p');
        if (hex.charAt(p + 1) != '-') {
            hex = hex.substring(0, p + 1) + "+" + hex.substring(p + 1);
        }
        return sign + hex;
    }

    static String i32x4(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int lane = 0; lane < 4; lane++) {
            int value = 0;
            for (int i = 3; i >= 0; i--) {
                value = value << 8 | bytes[lane * 4 + i] & 0xff;
            }
            text.append(lane == 0 ? "" : " ").append(String.format("0x%08x", value));
        }
        return text.toString();
    }

    /** A lane of V128Lanes without its type prefix. */
    static String lane(Expected lane) {
        return switch (lane) {
            case Expected.CanonicalNan n -> "nan:canonical";
            case Expected.ArithmeticNan n -> "nan:arithmetic";
            case Expected.Exact(WastValue.F32 f) -> f32(f.bits());
            case Expected.Exact(WastValue.F64 f) -> f64(f.bits());
            case Expected.Exact(WastValue.I32 i) -> Integer.toString(i.bits());
            case Expected.Exact(WastValue.I64 i) -> Long.toString(i.bits());
            default -> lane.toString();
        };
    }
}
