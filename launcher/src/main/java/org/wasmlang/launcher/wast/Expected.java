package org.wasmlang.launcher.wast;

import java.util.List;
import java.util.stream.Collectors;

/** One expected result of assert_return. */
public sealed interface Expected {

    /**
     * Exactly this value. Floats compare by bits; a v128 compares by its 16 bytes, which is the
     * same as comparing each lane when no lane is a NaN pattern.
     */
    record Exact(WastValue value) implements Expected {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** nan:canonical: a NaN with only the quiet bit set in the payload, either sign. */
    record CanonicalNan(boolean f64) implements Expected {
        @Override
        public String toString() {
            return (f64 ? "f64" : "f32") + ".const nan:canonical";
        }
    }

    /** nan:arithmetic: a NaN with the quiet bit set, any other payload bits, either sign. */
    record ArithmeticNan(boolean f64) implements Expected {
        @Override
        public String toString() {
            return (f64 ? "f64" : "f32") + ".const nan:arithmetic";
        }
    }

    /**
     * A v128 compared lane by lane. The parser gives this only for an f32x4/f64x2 expectation
     * with at least one nan:canonical/nan:arithmetic lane; each lane is then CanonicalNan,
     * ArithmeticNan, or Exact of an F32/F64. All other v128 expectations are Exact(V128).
     */
    record V128Lanes(String shape, List<Expected> lanes) implements Expected {
        public V128Lanes {
            lanes = List.copyOf(lanes);
        }

        @Override
        public String toString() {
            return "v128.const " + shape + " " + lanes.stream().map(ValueText::lane).collect(Collectors.joining(" "));
        }
    }

    /** Any one of the alternatives (relaxed operations). */
    record Either(List<Expected> alternatives) implements Expected {
        public Either {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public String toString() {
            return alternatives.stream().map(a -> "(" + a + ")").collect(Collectors.joining(" ", "either ", ""));
        }
    }

    /**
     * A reference of a kind without a fixed identity, written (ref.KIND) with no operand:
     * "func", "extern", "any", "eq", "i31", "struct", "array", ... mean a non-null reference of
     * that kind; "null" (from a bare (ref.null)) means a null reference of any type.
     */
    record RefKind(String kind) implements Expected {
        @Override
        public String toString() {
            return "ref." + kind;
        }
    }
}
