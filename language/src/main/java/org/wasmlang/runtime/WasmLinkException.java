package org.wasmlang.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/**
 * Instantiation failed before any code ran: an import is missing or does not match
 * ("unknown import", "incompatible import type"), or an instance cannot be made.
 */
public final class WasmLinkException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public WasmLinkException(String message) {
        super(message);
    }
}
