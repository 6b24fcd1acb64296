package org.wasmlang.module;

/**
 * One import. Exactly one of the descriptors is set, according to {@code kind}: the type
 * index of a function or tag, or the table, memory or global type.
 *
 * @param indexInKind the position of this import in its kind's index space
 */
public record Import(String module, String name, ExternKind kind, int indexInKind, int typeIndex, TableType table,
                MemoryType memory, GlobalType global) {

    @Override
    public String toString() {
        return "\"" + module + "\" \"" + name + "\" " + kind.text();
    }
}
