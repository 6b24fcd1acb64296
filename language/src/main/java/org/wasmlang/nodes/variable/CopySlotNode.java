package org.wasmlang.nodes.variable;

import org.wasmlang.module.ValueType;
import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.simd.SimdValues;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Copies one frame slot to another: {@code local.get} (local to stack), {@code local.set}
 * (stack to local) and {@code local.tee} (top of stack to local, staying on the stack).
 */
public final class CopySlotNode extends WasmNode {
    private final int from;
    private final int to;
    /** Locals have a static type, so only the half of the slot that holds it is copied. */
    private final boolean object;
    /** A v128 also has its high half copied. */
    private final boolean vector;

    public CopySlotNode(int from, int to, int valueType) {
        this.from = from;
        this.to = to;
        this.object = Values.isObject(valueType);
        this.vector = valueType == ValueType.V128;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (object) {
            frame.copyObjectStatic(from, to);
        } else {
            frame.copyPrimitiveStatic(from, to);
            if (vector) {
                int high = SimdValues.highHalf(frame);
                frame.copyPrimitiveStatic(from + high, to + high);
                SimdValues.copyShadow(frame, from, to);
            }
        }
        return NORMAL;
    }
}
