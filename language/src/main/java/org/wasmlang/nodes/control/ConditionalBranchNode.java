package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * A branch that is either taken or falls through: {@code br_if}, {@code br_on_null},
 * {@code br_on_non_null}. Subclasses only answer {@link #test}; the region runs
 * {@link #take} on the taken path and {@link #clearDeadAfter} on the other, so that each
 * path clears dead slots on its own side (clearing before the paths merge made phis of
 * frame tags, see {@link JumpUnlessNode#test}).
 *
 * <p>When taken, the branch moves the {@code count} values starting at slot {@code from}
 * (the label's values) to slot {@code to} (the target's stack height), then clears the
 * stack slots above them up to {@code deadTo} and the locals the target does not need.
 * What stays on the stack when it falls through is the node builder's business: the
 * slots popped are cleared by {@link #clearDeadAfter} like any instruction's.
 */
public abstract class ConditionalBranchNode extends WasmNode implements BranchForm {
    private final int label;
    private final int from;
    private final int to;
    private final int count;
    /** The stack slots from {@code to + count} up to this one are dead once the branch is taken. */
    private final int deadTo;
    /** Locals live on the fall-through path but not at the target. */
    @CompilationFinal(dimensions = 1) private int[] takenDeadLocals = NO_SLOTS;

    protected ConditionalBranchNode(int label, int from, int to, int count, int deadTo) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.count = count;
        this.deadTo = deadTo;
    }

    /** Whether the branch is taken. It must not clear anything: the region does, per path. */
    abstract boolean test(VirtualFrame frame);

    /** Moves the branch's values to the target's stack height and clears what is dead there. */
    final void take(VirtualFrame frame) {
        BranchNode.moveValues(frame, from, to, count);
        clearSlots(frame, to + count, deadTo);
        clearSlots(frame, takenDeadLocals);
    }

    final int label() {
        return label;
    }

    @Override
    public final int execute(VirtualFrame frame) {
        if (test(frame)) {
            take(frame);
            return label;
        }
        return NORMAL;
    }

    @Override
    public final byte shape() {
        return CONDITIONAL;
    }

    @Override
    public final int targetCount() {
        return 1;
    }

    @Override
    public final int targetLabel(int t) {
        return label;
    }

    @Override
    public final void setTakenDeadLocals(int t, int[] locals) {
        this.takenDeadLocals = locals;
    }
}
