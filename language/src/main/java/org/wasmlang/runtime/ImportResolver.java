package org.wasmlang.runtime;

import org.wasmlang.module.Import;

/** Supplies the value of each import: a runtime object of the import's kind, or null. */
@FunctionalInterface
public interface ImportResolver {
    ImportResolver NONE = imp -> null;

    /**
     * Returns the {@link WasmFunction}, {@link WasmTable}, {@link WasmMemory} or
     * {@link WasmGlobal} to import, or null when the import object lacks it.
     */
    Object resolve(Import imp);

    /**
     * Called once the instance has its memories, tables and segments, before its start
     * function runs, so that host functions made by this resolver (WASI, functions that
     * reach their caller) can find the instance that imported them.
     */
    default void linked(WasmInstance instance) {
    }
}
