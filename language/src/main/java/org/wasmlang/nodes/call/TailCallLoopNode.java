package org.wasmlang.nodes.call;

import org.wasmlang.runtime.TailCall;

import com.oracle.truffle.api.nodes.Node;

/**
 * The trampoline at a call site whose callee may end in a tail call: makes the calls the
 * callee and its successors ask for, one after the other from the caller's frame, until
 * one returns results. Its calls go through an inline cache of their own, so a chain that
 * cycles through a few functions (even/odd, an interpreter's handlers) calls them directly.
 */
public final class TailCallLoopNode extends Node {
    @Child private IndirectDispatchNode dispatch = IndirectDispatchNodeGen.create(false);

    public Object finish(Object result) {
        Object current = result;
        while (current instanceof TailCall request) {
            current = dispatch.execute(request.function(), request.arguments());
        }
        return current;
    }
}
