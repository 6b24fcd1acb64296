package org.wasmlang.validation;

/** The module is well formed but breaks a validation rule. */
public final class WasmInvalidException extends WasmModuleException {
    private static final long serialVersionUID = 1L;

    public WasmInvalidException(ErrorMessage error, String detail, int offset, int functionIndex) {
        super(error, detail, offset, functionIndex);
    }
}
