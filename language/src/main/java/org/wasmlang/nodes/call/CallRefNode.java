package org.wasmlang.nodes.call;

import org.wasmlang.module.FuncType;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * {@code call_ref $t}: calls the function reference on top of the stack. Validation proved
 * it is a function of type {@code $t} or null, so the only check is for null; the call goes
 * through the same inline cache as {@code call_indirect}.
 */
public final class CallRefNode extends WasmNode {

    @Override
    protected boolean isCall() {
        return true;
    }
    private final int slot;
    @CompilationFinal(dimensions = 1) private final int[] paramTypes;
    @CompilationFinal(dimensions = 1) private final int[] resultTypes;
    @Child private IndirectDispatchNode dispatch = IndirectDispatchNodeGen.create(true);

    /** @param slot the first argument's slot; the reference sits after the arguments */
    public CallRefNode(FuncType type, int slot) {
        this.slot = slot;
        this.paramTypes = type.params();
        this.resultTypes = type.results();
    }

    @Override
    public int execute(VirtualFrame frame) {
        Object reference = frame.getObjectStatic(slot + paramTypes.length);
        if (!(reference instanceof WasmFunction function)) {
            throw WasmTrap.create(TrapKind.NULL_FUNCTION_REFERENCE, this);
        }
        Object result = dispatch.execute(function, CallNode.arguments(frame, slot, paramTypes));
        CallNode.storeResults(frame, slot, resultTypes, result);
        return NORMAL;
    }
}
