package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmlang.nodes.BranchCounts;

/** {@code br_if}: branches when the i32 on top of the stack is non-zero. */
public final class BranchIfNode extends WasmNode {
    private final int conditionSlot;
    private final int label;
    private final int from;
    private final int to;
    private final int count;
    private final BranchCounts profile;
    /** The stack slots from {@code to + count} up to this one are dead once the branch is taken. */
    private final int deadTo;
    /** Locals live on the fall-through path but not at the target. */
    @CompilationFinal(dimensions = 1) private int[] takenDeadLocals = NO_SLOTS;

    public BranchIfNode(int conditionSlot, int label, int from, int to, int count, int deadTo, BranchCounts profile) {
        this.deadTo = deadTo;
        this.profile = profile;
        this.conditionSlot = conditionSlot;
        this.label = label;
        this.from = from;
        this.to = to;
        this.count = count;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (test(frame)) {
            take(frame);
            return label;
        }
        return NORMAL;
    }

    /**
     * Whether the branch is taken. The caller then runs {@link #take} on the taken path, or
     * {@link #clearDeadAfter} on the other: clearing inside this method, before the paths
     * merge at its return, made phis of frame tags (see {@link JumpUnlessNode#test}).
     */
    boolean test(VirtualFrame frame) {
        return profile.profile(frame.getIntStatic(conditionSlot) != 0);
    }

    /** Moves the branch's values to the target's stack height and clears what is dead there. */
    void take(VirtualFrame frame) {
        BranchNode.moveValues(frame, from, to, count);
        clearSlots(frame, to + count, deadTo);
        clearSlots(frame, takenDeadLocals);
    }

    void setTakenDeadLocals(int[] locals) {
        this.takenDeadLocals = locals;
    }

    int label() {
        return label;
    }
}
