package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;

/**
 * A Wasm {@code loop}, run by a Truffle {@link LoopNode} so that long-running loops get
 * on-stack replacement and loop-count profiles. A branch to the loop's label starts the
 * next iteration; falling off the end or branching further out leaves it.
 */
public final class WasmLoopNode extends WasmNode {
    @Child private LoopNode loop;

    public WasmLoopNode(WasmNode[] body, int label) {
        this.loop = Truffle.getRuntime().createLoopNode(new Body(body, label));
    }

    @Override
    public int execute(VirtualFrame frame) {
        return (Integer) loop.execute(frame);
    }

    static final class Body extends Node implements RepeatingNode {
        private static final Integer FALL_THROUGH = NORMAL;

        @Children private final WasmNode[] body;
        private final int label;

        Body(WasmNode[] body, int label) {
            this.body = body;
            this.label = label;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            return executeRepeatingWithValue(frame) == CONTINUE_LOOP_STATUS;
        }

        @Override
        @ExplodeLoop(kind = ExplodeLoop.LoopExplosionKind.FULL_UNROLL_UNTIL_RETURN)
        public Object executeRepeatingWithValue(VirtualFrame frame) {
            for (WasmNode instruction : body) {
                int target = instruction.execute(frame);
                if (target != NORMAL) {
                    return target == label ? CONTINUE_LOOP_STATUS : Integer.valueOf(target);
                }
            }
            return FALL_THROUGH;
        }

        @Override
        public Object initialLoopStatus() {
            return CONTINUE_LOOP_STATUS;
        }

        @Override
        public boolean shouldContinue(Object returnValue) {
            return returnValue == CONTINUE_LOOP_STATUS;
        }

        @Override
        public String toString() {
            return "loop";
        }
    }
}
