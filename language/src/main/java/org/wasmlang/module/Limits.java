package org.wasmlang.module;

/**
 * The size bounds of a table or memory, in elements or pages. Sizes are {@code long}
 * so 64-bit memories and tables (Wasm 3.0) fit the same model.
 *
 * @param min the initial size
 * @param max the maximum size, or {@link #NO_MAX}
 * @param is64 whether addresses are i64 (memory64 / table64)
 * @param shared whether the memory is shared (threads)
 */
public record Limits(long min, long max, boolean is64, boolean shared) {
    public static final long NO_MAX = -1;

    public boolean hasMax() {
        return max != NO_MAX;
    }

    /** Limits matching per the spec: this (the provided) fits into {@code required}. */
    public boolean matches(Limits required) {
        if (is64 != required.is64) {
            return false;
        }
        if (Long.compareUnsigned(min, required.min) < 0) {
            return false;
        }
        if (!required.hasMax()) {
            return true;
        }
        return hasMax() && Long.compareUnsigned(max, required.max) <= 0;
    }

    @Override
    public String toString() {
        return (is64 ? "i64 " : "") + Long.toUnsignedString(min) + (hasMax() ? " " + Long.toUnsignedString(max) : "")
                        + (shared ? " shared" : "");
    }
}
