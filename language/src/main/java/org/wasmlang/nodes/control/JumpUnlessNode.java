package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmlang.nodes.BranchCounts;

/**
 * The test of a flattened {@code if}: its {@link RegionNode} falls through into the then
 * arm when the condition holds and jumps to the else arm (or the end) otherwise.
 */
final class JumpUnlessNode extends WasmNode {
    private final Condition condition;
    private final BranchCounts profile;

    private final int conditionDeadFrom;
    private final int conditionDeadTo;

    @CompilationFinal(dimensions = 1) private final int[] thenDeadLocals;
    @CompilationFinal(dimensions = 1) private final int[] elseDeadLocals;

    JumpUnlessNode(IfNode ifNode) {
        this.profile = ifNode.profile();
        this.condition = ifNode.condition();
        this.conditionDeadFrom = ifNode.conditionDeadFrom();
        this.conditionDeadTo = ifNode.conditionDeadTo();
        this.thenDeadLocals = ifNode.thenDeadLocals();
        this.elseDeadLocals = ifNode.elseDeadLocals();
    }

    /**
     * The condition. Each arm's dead locals are cleared by the region on that arm's own path
     * ({@link #enterThen}, {@link #enterElse}): cleared here, before the two paths merge at
     * the return, a local cleared on one path only became a phi of its cleared and written
     * frame tags, and such phis reached loop headers, where compiled code stored them to the
     * stack on every back edge (12 stores per partition step in {@code quicksort}).
     */
    boolean test(VirtualFrame frame) {
        boolean condition = profile.profile(this.condition.holds(frame));
        clearSlots(frame, conditionDeadFrom, conditionDeadTo);
        return condition;
    }

    void enterThen(VirtualFrame frame) {
        clearSlots(frame, thenDeadLocals);
    }

    void enterElse(VirtualFrame frame) {
        clearSlots(frame, elseDeadLocals);
    }

    @Override
    public int execute(VirtualFrame frame) {
        throw CompilerDirectives.shouldNotReachHere("run by its region");
    }
}
