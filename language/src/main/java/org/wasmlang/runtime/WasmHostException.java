package org.wasmlang.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/** A host used a Wasm object wrongly (e.g. read outside a memory); the object is unchanged. */
public final class WasmHostException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public WasmHostException(String message) {
        super(message);
    }
}
