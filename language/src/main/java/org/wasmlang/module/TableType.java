package org.wasmlang.module;

/** A table's element reference type and size limits. */
public record TableType(int elementType, Limits limits) {
    @Override
    public String toString() {
        return "(table " + limits + " " + ValueType.name(elementType) + ")";
    }
}
