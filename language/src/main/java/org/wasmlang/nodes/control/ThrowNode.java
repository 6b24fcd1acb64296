package org.wasmlang.nodes.control;

import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmException;
import org.wasmlang.runtime.WasmTag;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** {@code throw x}: boxes the tag's values from the top of the stack into a new exception. */
public final class ThrowNode extends WasmNode {
    private final WasmTag tag;
    @CompilationFinal(dimensions = 1) private final int[] types;
    private final int from;

    public ThrowNode(WasmTag tag, int from) {
        this.tag = tag;
        this.types = tag.type().params();
        this.from = from;
    }

    @Override
    public int execute(VirtualFrame frame) {
        throw new WasmException(tag, payload(frame), this);
    }

    @ExplodeLoop
    private Object[] payload(VirtualFrame frame) {
        Object[] payload = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            payload[i] = Values.box(frame, from + i, types[i]);
        }
        return payload;
    }
}
