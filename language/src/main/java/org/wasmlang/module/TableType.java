package org.wasmlang.module;

/**
 * A table's element reference type and size limits, and (typed function references) the
 * constant expression its elements start as, or null for {@code ref.null}.
 */
public record TableType(int elementType, Limits limits, ConstantExpression init) {
    public TableType(int elementType, Limits limits) {
        this(elementType, limits, null);
    }

    @Override
    public String toString() {
        return "(table " + limits + " " + ValueType.name(elementType) + ")";
    }
}
