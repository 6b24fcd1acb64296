package org.wasmlang.nodes.control;

import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmException;
import org.wasmlang.runtime.WasmTag;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * What {@code try_table} and the legacy {@code try} share: a body that runs as a region of
 * its own inside a Java try, the rule for what that try catches, and their shape as a
 * {@link BranchForm#NESTED} branch form. Keeping the body in a node of its own keeps the Java
 * exception handler out of the enclosing region's exploded dispatch loop (and out of
 * functions without exception handling altogether).
 */
abstract class TryNode extends WasmNode implements BranchForm {
    protected final int label;
    private WasmNode[] body;
    @Child private RegionNode region;

    TryNode(WasmNode[] body, int label) {
        this.body = body;
        this.label = label;
    }

    @Override
    public final int execute(VirtualFrame frame) {
        AbstractTruffleException exception;
        try {
            return region.execute(frame);
        } catch (AbstractTruffleException | DelegatedException e) {
            exception = caught(e, label);
        }
        return handle(frame, exception);
    }

    /** What the try does with an exception its body threw: the label to go on at, or it throws. */
    abstract int handle(VirtualFrame frame, AbstractTruffleException exception);

    /**
     * What a try block of {@code label} (either form) handles of what its body threw: a Wasm
     * exception, one delegated to this level, or another language's or the host's error
     * (which only catch_all matches, as the JS API catches JavaScript exceptions). Traps,
     * exits, cancellation and exceptions delegated further out are thrown on.
     */
    private static AbstractTruffleException caught(RuntimeException thrown, int label) {
        if (thrown instanceof DelegatedException delegated) {
            return delegated.handledAt(label);
        }
        AbstractTruffleException exception = (AbstractTruffleException) thrown;
        if (exception instanceof WasmException || WasmException.caughtByCatchAll(exception)) {
            return exception;
        }
        throw exception;
    }

    /** Whether a clause of {@code tag} (null: catch_all) matches the exception. */
    static boolean matches(WasmTag tag, AbstractTruffleException exception) {
        return tag == null || exception instanceof WasmException wasm && tag == wasm.tag();
    }

    /** Writes an exception's payload to the slots from {@code to}; returns how many. */
    @ExplodeLoop
    static int unboxPayload(VirtualFrame frame, WasmTag tag, WasmException exception, int to) {
        int[] types = tag.type().params();
        Object[] payload = exception.payload();
        for (int i = 0; i < types.length; i++) {
            Values.unbox(frame, to + i, types[i], payload[i]);
        }
        return types.length;
    }

    @Override
    public final byte shape() {
        return NESTED;
    }

    @Override
    public final WasmNode[] nestedBody() {
        return body;
    }

    @Override
    public final int nestedLabel() {
        return label;
    }

    @Override
    public final void flattenNested() {
        if (region == null) {
            region = insert(RegionNode.create(body, label, false));
            body = null;
            flattenHandlers();
        }
    }

    /** Makes the regions of the handlers, if the form has any. */
    void flattenHandlers() {
    }
}
