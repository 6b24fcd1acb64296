package org.wasmlang.validation;

/** The bytes are not a WebAssembly module (a decoding error). */
public final class WasmMalformedException extends WasmModuleException {
    private static final long serialVersionUID = 1L;

    public WasmMalformedException(ErrorMessage error, String detail, int offset, int functionIndex) {
        super(error, detail, offset, functionIndex);
    }

    public WasmMalformedException(ErrorMessage error, int offset) {
        this(error, null, offset, -1);
    }
}
