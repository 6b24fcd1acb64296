package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmlang.nodes.BranchCounts;

/**
 * The test of a flattened {@code if}: its {@link RegionNode} falls through into the then
 * arm when the i32 condition is non-zero and jumps to the else arm (or the end) otherwise.
 */
final class JumpUnlessNode extends WasmNode {
    private final int conditionSlot;
    private final BranchCounts profile;

    private final int conditionDeadTo;

    JumpUnlessNode(int conditionSlot, int conditionDeadTo, BranchCounts profile) {
        this.profile = profile;
        this.conditionSlot = conditionSlot;
        this.conditionDeadTo = conditionDeadTo;
    }

    boolean test(VirtualFrame frame) {
        boolean condition = profile.profile(frame.getIntStatic(conditionSlot) != 0);
        clearSlots(frame, conditionSlot, conditionDeadTo);
        return condition;
    }

    @Override
    public int execute(VirtualFrame frame) {
        throw CompilerDirectives.shouldNotReachHere("run by its region");
    }
}
