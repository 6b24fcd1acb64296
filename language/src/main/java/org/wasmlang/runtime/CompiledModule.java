package org.wasmlang.runtime;

import org.wasmlang.module.Module;
import org.wasmlang.validation.FunctionInfo;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A decoded and validated module, ready to be instantiated any number of times: what
 * {@code Context.eval} of a {@code .wasm} source returns.
 */
@ExportLibrary(InteropLibrary.class)
public final class CompiledModule implements TruffleObject {
    private final String name;
    private final Module module;
    private final FunctionInfo[] functionInfos;

    public CompiledModule(String name, Module module, FunctionInfo[] functionInfos) {
        this.name = name;
        this.module = module;
        this.functionInfos = functionInfos;
    }

    public String name() {
        return name;
    }

    public Module module() {
        return module;
    }

    /** Validation results of the defined function with this index among defined functions. */
    public FunctionInfo functionInfo(int definedIndex) {
        return functionInfos[definedIndex];
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Module[" + name + "]";
    }
}
