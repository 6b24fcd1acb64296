package org.wasmlang.nodes.call;

import org.wasmlang.module.FuncType;
import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmFunction;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * {@code call}: the callee is fixed when the instance is made, so the call goes through a
 * {@link DirectCallNode} that Graal can inline. Arguments are taken from the stack slots
 * starting at {@code slot}; the results are written back from there.
 */
public final class CallNode extends WasmNode {

    @Override
    protected boolean isCall() {
        return true;
    }
    @Child private DirectCallNode callNode;
    private final int slot;
    @CompilationFinal(dimensions = 1) private final int[] paramTypes;
    @CompilationFinal(dimensions = 1) private final int[] resultTypes;
    /** Only when the callee has a return_call*: other calls pay nothing for tail calls. */
    @Child private TailCallLoopNode tailCalls;

    public CallNode(WasmFunction callee, int slot) {
        this.callNode = DirectCallNode.create(callee.callTarget());
        this.tailCalls = callee.makesTailCalls() ? new TailCallLoopNode() : null;
        this.slot = slot;
        FuncType type = callee.type();
        this.paramTypes = type.params();
        this.resultTypes = type.results();
    }

    @Override
    public int execute(VirtualFrame frame) {
        Object result = callNode.call(arguments(frame, slot, paramTypes));
        if (tailCalls != null) {
            result = tailCalls.finish(result);
        }
        storeResults(frame, slot, resultTypes, result);
        return NORMAL;
    }

    @ExplodeLoop
    static Object[] arguments(VirtualFrame frame, int slot, int[] paramTypes) {
        Object[] arguments = new Object[paramTypes.length];
        for (int i = 0; i < paramTypes.length; i++) {
            arguments[i] = Values.box(frame, slot + i, paramTypes[i]);
        }
        return arguments;
    }

    @ExplodeLoop
    static void storeResults(VirtualFrame frame, int slot, int[] resultTypes, Object result) {
        if (resultTypes.length == 1) {
            Values.unbox(frame, slot, resultTypes[0], result);
        } else if (resultTypes.length > 1) {
            Object[] results = (Object[]) result;
            for (int i = 0; i < resultTypes.length; i++) {
                Values.unbox(frame, slot + i, resultTypes[i], results[i]);
            }
        }
    }
}
