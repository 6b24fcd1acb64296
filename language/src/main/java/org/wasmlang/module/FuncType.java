package org.wasmlang.module;

import java.util.Arrays;

/**
 * A function type. Two function types are equal when their parameter and result types
 * are; {@code call_indirect} compares them through {@link #equals}, and instances map
 * equal types to one canonical id so compiled code compares ints.
 */
public final class FuncType {
    private final int[] params;
    private final int[] results;
    private final int hash;

    public FuncType(int[] params, int[] results) {
        this.params = params;
        this.results = results;
        this.hash = 31 * Arrays.hashCode(params) + Arrays.hashCode(results);
    }

    public int paramCount() {
        return params.length;
    }

    public int param(int i) {
        return params[i];
    }

    public int resultCount() {
        return results.length;
    }

    public int result(int i) {
        return results[i];
    }

    /** A copy of the parameter types. */
    public int[] params() {
        return params.clone();
    }

    /** A copy of the result types. */
    public int[] results() {
        return results.clone();
    }

    /**
     * This type with the index of every concrete reference in it replaced by
     * {@code map(index)} (this type itself when it has none).
     */
    public FuncType mapReferences(java.util.function.IntUnaryOperator map) {
        int[] p = mapTypes(params, map);
        int[] r = mapTypes(results, map);
        return p == params && r == results ? this : new FuncType(p, r);
    }

    private static int[] mapTypes(int[] types, java.util.function.IntUnaryOperator map) {
        int[] mapped = types;
        for (int i = 0; i < types.length; i++) {
            if (ValueType.isConcrete(types[i])) {
                int index = map.applyAsInt(ValueType.typeIndex(types[i]));
                if (index != ValueType.typeIndex(types[i])) {
                    if (mapped == types) {
                        mapped = types.clone();
                    }
                    mapped[i] = ValueType.withTypeIndex(types[i], index);
                }
            }
        }
        return mapped;
    }

    /** Whether any parameter or result is a reference to a defined type. */
    public boolean hasConcreteReferences() {
        for (int t : params) {
            if (ValueType.isConcrete(t)) {
                return true;
            }
        }
        for (int t : results) {
            if (ValueType.isConcrete(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof FuncType other && hash == other.hash && Arrays.equals(params, other.params)
                        && Arrays.equals(results, other.results);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(func");
        if (params.length > 0) {
            sb.append(" (param");
            for (int p : params) {
                sb.append(' ').append(ValueType.name(p));
            }
            sb.append(')');
        }
        if (results.length > 0) {
            sb.append(" (result");
            for (int r : results) {
                sb.append(' ').append(ValueType.name(r));
            }
            sb.append(')');
        }
        return sb.append(')').toString();
    }
}
