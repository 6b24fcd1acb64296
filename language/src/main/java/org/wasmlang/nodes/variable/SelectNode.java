package org.wasmlang.nodes.variable;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmlang.nodes.BranchCounts;

/** {@code select}: keeps the first operand when the condition is non-zero, else the second. */
public final class SelectNode extends WasmNode {
    private final int first;
    private final BranchCounts profile;

    /** @param first the slot of the first operand; the second and the condition follow it */
    public SelectNode(int first, BranchCounts profile) {
        this.profile = profile;
        this.first = first;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (!profile.profile(frame.getIntStatic(first + 2) != 0)) {
            frame.copyStatic(first + 1, first);
        }
        return NORMAL;
    }
}
