package org.wasmlang.nodes.call;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.nodes.control.BranchForm;
import org.wasmlang.runtime.TailCall;
import org.wasmlang.runtime.WasmFunction;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * {@code return_call} and {@code return_call_indirect}: the function ends here like at a
 * {@code return} (the node reports the function's label), leaving in its request slot a
 * {@link TailCall} that the root node returns instead of results. The caller then makes
 * the call, from its own frame, so tail calls take no stack.
 */
public abstract class TailCallNode extends WasmNode implements BranchForm {

    @Override
    protected boolean isCall() {
        return true;
    }
    /** The label of the function body, which a {@code return} branches to. */
    private static final int FUNCTION_LABEL = 0;

    /** The first argument's slot. */
    protected final int slot;
    @CompilationFinal(dimensions = 1) protected final int[] paramTypes;
    private final int requestSlot;

    protected TailCallNode(int slot, int[] paramTypes, int requestSlot) {
        this.slot = slot;
        this.paramTypes = paramTypes;
        this.requestSlot = requestSlot;
    }

    /** The callee, after any trap the instruction raises. */
    protected abstract WasmFunction callee(VirtualFrame frame);

    @Override
    public final int execute(VirtualFrame frame) {
        WasmFunction callee = callee(frame);
        frame.setObjectStatic(requestSlot, new TailCall(callee, CallNode.arguments(frame, slot, paramTypes)));
        return FUNCTION_LABEL;
    }

    /** To the region, liveness and flattening, a tail call is a {@code return}: it leaves the function. */
    @Override
    public final byte shape() {
        return ALWAYS;
    }

    @Override
    public final int targetCount() {
        return 1;
    }

    @Override
    public final int targetLabel(int t) {
        return FUNCTION_LABEL;
    }

    @Override
    public final void setTakenDeadLocals(int t, int[] locals) {
        assert locals.length == 0 : "nothing is live after the function ends";
    }
}
