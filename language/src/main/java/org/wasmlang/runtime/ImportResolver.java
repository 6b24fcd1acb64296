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
}
