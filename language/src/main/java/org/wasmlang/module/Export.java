package org.wasmlang.module;

/** One export: a name and the index of the exported item in its kind's index space. */
public record Export(String name, ExternKind kind, int index) {
}
