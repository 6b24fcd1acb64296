package org.wasmlang.nodes.call;

import org.wasmlang.runtime.TailCall;
import org.wasmlang.runtime.WasmFunction;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

/**
 * The inline cache of {@code call_indirect}: direct calls for a few callees, then indirect.
 * It also finishes the tail calls a callee asks for, unless it is the trampoline's own.
 */
public abstract class IndirectDispatchNode extends Node {
    static final int INLINE_CACHE_SIZE = 4;

    /** False in a {@link TailCallLoopNode}, which loops over the requests itself. */
    private final boolean finishesTailCalls;
    /** Created when the first tail call request comes back. */
    @Child private TailCallLoopNode tailCalls;

    protected IndirectDispatchNode(boolean finishesTailCalls) {
        this.finishesTailCalls = finishesTailCalls;
    }

    public abstract Object execute(WasmFunction function, Object[] arguments);

    @Specialization(guards = "function == cachedFunction", limit = "INLINE_CACHE_SIZE")
    Object doDirect(@SuppressWarnings("unused") WasmFunction function, Object[] arguments,
                    @Cached("function") WasmFunction cachedFunction,
                    @Cached("create(cachedFunction.callTarget())") DirectCallNode callNode) {
        Object result = callNode.call(arguments);
        // A constant per cached callee: after one without return_call, no check at all.
        return cachedFunction.makesTailCalls() ? finishTailCalls(result) : result;
    }

    @Specialization(replaces = "doDirect")
    Object doIndirect(WasmFunction function, Object[] arguments,
                    @Cached IndirectCallNode callNode) {
        Object result = callNode.call(function.callTarget(), arguments);
        return function.makesTailCalls() ? finishTailCalls(result) : result;
    }

    private Object finishTailCalls(Object result) {
        if (!finishesTailCalls || !(result instanceof TailCall)) {
            return result;
        }
        if (tailCalls == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            tailCalls = insert(new TailCallLoopNode());
        }
        return tailCalls.finish(result);
    }
}
