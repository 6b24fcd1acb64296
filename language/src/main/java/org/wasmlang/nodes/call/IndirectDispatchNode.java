package org.wasmlang.nodes.call;

import org.wasmlang.runtime.WasmFunction;

import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

/** The inline cache of {@code call_indirect}: direct calls for a few callees, then indirect. */
public abstract class IndirectDispatchNode extends Node {
    static final int INLINE_CACHE_SIZE = 4;

    public abstract Object execute(WasmFunction function, Object[] arguments);

    @Specialization(guards = "function == cachedFunction", limit = "INLINE_CACHE_SIZE")
    static Object doDirect(@SuppressWarnings("unused") WasmFunction function, Object[] arguments,
                    @Cached("function") @SuppressWarnings("unused") WasmFunction cachedFunction,
                    @Cached("create(cachedFunction.callTarget())") DirectCallNode callNode) {
        return callNode.call(arguments);
    }

    @Specialization(replaces = "doDirect")
    static Object doIndirect(WasmFunction function, Object[] arguments,
                    @Cached IndirectCallNode callNode) {
        return callNode.call(function.callTarget(), arguments);
    }
}
