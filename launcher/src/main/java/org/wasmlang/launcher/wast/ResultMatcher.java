package org.wasmlang.launcher.wast;

import java.util.List;

import org.graalvm.polyglot.Value;

/** Compares what an invocation returned with what assert_return expects. */
final class ResultMatcher {
    private ResultMatcher() {
    }

    /** Null when the result matches, else a description of the difference. */
    static String mismatch(List<Expected> expected, Value result) {
        if (expected.isEmpty()) {
            return null;
        }
        if (expected.size() == 1) {
            return matches(expected.get(0), result) ? null
                            : "expected " + expected.get(0) + " but got " + describe(result);
        }
        if (!result.hasArrayElements() || result.getArraySize() != expected.size()) {
            return "expected " + expected.size() + " results but got " + describe(result);
        }
        for (int i = 0; i < expected.size(); i++) {
            Value element = result.getArrayElement(i);
            if (!matches(expected.get(i), element)) {
                return "result " + i + ": expected " + expected.get(i) + " but got " + describe(element);
            }
        }
        return null;
    }

    private static boolean matches(Expected expected, Value actual) {
        return switch (expected) {
            case Expected.Exact exact -> matchesExact(exact.value(), actual);
            case Expected.CanonicalNan nan -> nan.f64() ? canonical64(actual) : canonical32(actual);
            case Expected.ArithmeticNan nan -> nan.f64() ? arithmetic64(actual) : arithmetic32(actual);
            case Expected.Either either -> either.alternatives().stream().anyMatch(e -> matches(e, actual));
            case Expected.RefKind kind -> switch (kind.kind()) {
                case "null" -> actual.isNull();
                case "func" -> !actual.isNull() && actual.canExecute();
                default -> !actual.isNull();
            };
            case Expected.V128Lanes lanes -> matchesLanes(lanes, actual);
        };
    }

    private static boolean matchesExact(WastValue expected, Value actual) {
        return switch (expected) {
            case WastValue.I32 v -> actual.isNumber() && actual.fitsInInt() && actual.asInt() == v.bits();
            case WastValue.I64 v -> actual.isNumber() && actual.fitsInLong() && actual.asLong() == v.bits();
            case WastValue.F32 v -> actual.isNumber() && actual.fitsInFloat()
                            && Float.floatToRawIntBits(actual.asFloat()) == v.bits();
            case WastValue.F64 v -> actual.isNumber() && actual.fitsInDouble()
                            && Double.doubleToRawLongBits(actual.asDouble()) == v.bits();
            case WastValue.RefNull v -> actual.isNull();
            case WastValue.RefExtern v -> actual.isHostObject() && actual.asHostObject().equals(new ExternRef(v.id()));
            case WastValue.RefHost v -> actual.isHostObject() && actual.asHostObject().equals(new ExternRef(v.id()));
            case WastValue.V128 v -> java.util.Arrays.equals(v.bytes(), vectorBytes(actual));
        };
    }

    /** A v128 result's 16 bytes (WasmLang gives v128s to hosts as 16-byte buffers), or null. */
    private static byte[] vectorBytes(Value actual) {
        if (!actual.hasBufferElements() || actual.getBufferSize() != 16) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = actual.readBufferByte(i);
        }
        return bytes;
    }

    /** An f32x4/f64x2 expectation with NaN patterns, lane by lane. */
    private static boolean matchesLanes(Expected.V128Lanes expected, Value actual) {
        byte[] bytes = vectorBytes(actual);
        if (bytes == null) {
            return false;
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        boolean f64 = expected.shape().equals("f64x2");
        for (int lane = 0; lane < expected.lanes().size(); lane++) {
            Value laneValue = Value.asValue(f64 ? (Object) buffer.getDouble(lane * 8) : (Object) buffer.getFloat(lane * 4));
            if (!matches(expected.lanes().get(lane), laneValue)) {
                return false;
            }
        }
        return true;
    }

    private static boolean canonical32(Value v) {
        return v.isNumber() && v.fitsInFloat() && (Float.floatToRawIntBits(v.asFloat()) & 0x7FFFFFFF) == 0x7FC00000;
    }

    private static boolean arithmetic32(Value v) {
        return v.isNumber() && v.fitsInFloat() && (Float.floatToRawIntBits(v.asFloat()) & 0x7FC00000) == 0x7FC00000;
    }

    private static boolean canonical64(Value v) {
        return v.isNumber() && v.fitsInDouble()
                        && (Double.doubleToRawLongBits(v.asDouble()) & 0x7FFFFFFFFFFFFFFFL) == 0x7FF8000000000000L;
    }

    private static boolean arithmetic64(Value v) {
        return v.isNumber() && v.fitsInDouble()
                        && (Double.doubleToRawLongBits(v.asDouble()) & 0x7FF8000000000000L) == 0x7FF8000000000000L;
    }

    private static String describe(Value value) {
        if (value.hasBufferElements() && value.getBufferSize() == 16) {
            return value.toString();
        }
        if (value.isNumber() && value.fitsInLong()) {
            return value + " (0x" + Long.toHexString(value.asLong()) + ")";
        }
        if (value.isNumber() && value.fitsInDouble()) {
            double d = value.asDouble();
            return value + " (f32 bits 0x" + Integer.toHexString(Float.floatToRawIntBits((float) d)) + ", f64 bits 0x"
                            + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        return value.toString();
    }
}
