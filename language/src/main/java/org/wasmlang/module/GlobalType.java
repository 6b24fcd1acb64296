package org.wasmlang.module;

/** A global's value type and mutability. */
public record GlobalType(int valueType, boolean mutable) {
    @Override
    public String toString() {
        return mutable ? "(mut " + ValueType.name(valueType) + ")" : ValueType.name(valueType);
    }
}
