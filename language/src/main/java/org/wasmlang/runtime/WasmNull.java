package org.wasmlang.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** The null reference (ref.null of any type); hosts see it as null. */
@ExportLibrary(InteropLibrary.class)
public final class WasmNull implements TruffleObject {
    public static final WasmNull NULL = new WasmNull();

    private WasmNull() {
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "null";
    }
}
