package org.wasmlang.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * What {@code withCaller(fn)} returns: marks a host executable that, imported as a Wasm
 * function, receives a {@link WasmCaller} for the importing instance before the Wasm
 * arguments. It is only meaningful in an import object.
 */
@ExportLibrary(InteropLibrary.class)
public final class CallerFunction implements TruffleObject {
    private final Object executable;

    public CallerFunction(Object executable) {
        this.executable = executable;
    }

    public Object executable() {
        return executable;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(boolean allowSideEffects) {
        return "withCaller(" + InteropLibrary.getUncached().toDisplayString(executable, allowSideEffects) + ")";
    }
}
