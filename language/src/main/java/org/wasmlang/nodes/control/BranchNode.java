package org.wasmlang.nodes.control;

import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * {@code br} and {@code return}: moves the label's values from the top of the stack down
 * to the height the target restores, then reports the target label.
 */
public final class BranchNode extends WasmNode implements BranchForm {
    private final int label;
    private final int from;
    private final int to;
    private final int count;
    /** The stack slots from {@code to + count} up to this one are dead once the branch is taken. */
    private final int deadTo;

    /**
     * @param from the first slot of the values on top of the stack
     * @param to the first slot where the target expects them
     * @param deadTo the end of the stack slots in use before the branch
     */
    public BranchNode(int label, int from, int to, int count, int deadTo) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.count = count;
        this.deadTo = deadTo;
    }

    @Override
    public int execute(VirtualFrame frame) {
        moveValues(frame, from, to, count);
        clearSlots(frame, to + count, deadTo);
        return label;
    }

    @Override
    public byte shape() {
        return ALWAYS;
    }

    @Override
    public int targetCount() {
        return 1;
    }

    @Override
    public int targetLabel(int t) {
        return label;
    }

    /** The target needs every local live before the branch: nothing dies on the edge. */
    @Override
    public void setTakenDeadLocals(int t, int[] locals) {
        assert locals.length == 0;
    }

    @ExplodeLoop
    static void moveValues(VirtualFrame frame, int from, int to, int count) {
        if (from != to) {
            for (int i = 0; i < count; i++) {
                Values.copy(frame, from + i, to + i);
            }
        }
    }
}
