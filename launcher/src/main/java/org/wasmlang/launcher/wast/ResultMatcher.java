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
            case Expected.V128Lanes lanes -> false;
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
            case WastValue.V128 v -> false;
        };
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
