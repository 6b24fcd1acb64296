package org.wasmlang.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/** A module could not be loaded for a reason other than its bytes (e.g. wrong source kind). */
public final class WasmLoadException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public WasmLoadException(String message) {
        super(message);
    }
}
