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
