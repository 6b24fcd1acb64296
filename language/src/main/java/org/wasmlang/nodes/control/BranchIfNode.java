package org.wasmlang.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmlang.nodes.BranchCounts;

/** {@code br_if}: branches when its condition holds (the i32 on top of the stack is non-zero). */
public final class BranchIfNode extends ConditionalBranchNode {
    private final Condition condition;
    private final BranchCounts profile;

    public BranchIfNode(Condition condition, int label, int from, int to, int count, int deadTo, BranchCounts profile) {
        super(label, from, to, count, deadTo);
        this.condition = condition;
        this.profile = profile;
    }

    @Override
    boolean test(VirtualFrame frame) {
        return profile.profile(condition.holds(frame));
    }
}
