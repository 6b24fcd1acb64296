package org.wasmlang.nodes.control;


import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * A Wasm exception on its way from a legacy {@code try ... delegate l} to the handlers
 * around the block of label {@link #depth} (in its function): the try nodes nested deeper
 * let it pass, the first one at that level or further out handles {@link #exception} as if
 * it were thrown there. It never leaves its function: {@link DelegateBoundaryNode} unwraps it.
 */
final class DelegatedException extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    final AbstractTruffleException exception;
    final int depth;

    DelegatedException(AbstractTruffleException exception, int depth) {
        this.exception = exception;
        this.depth = depth;
    }

    /** The exception for the try block of {@code label} to handle, or this, thrown on, when it is meant for an outer one. */
    AbstractTruffleException handledAt(int label) {
        if (label > depth) {
            throw this;
        }
        return exception;
    }
}
