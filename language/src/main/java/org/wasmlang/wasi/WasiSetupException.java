package org.wasmlang.wasi;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/** WASI cannot serve a module the way it is set up (no memory, WASI not configured, ...). */
public final class WasiSetupException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public WasiSetupException(String message) {
        super(message);
    }
}
