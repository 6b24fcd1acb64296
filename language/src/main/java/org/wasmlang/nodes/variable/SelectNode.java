package org.wasmlang.nodes.variable;

import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmlang.nodes.BranchCounts;

/** {@code select}: keeps the first operand when the condition is non-zero, else the second. */
public final class SelectNode extends WasmNode {
    /** Where the operands come from (locals or stack slots) and where the chosen one goes. */
    private final int first;
    private final int second;
    private final int condition;
    private final int result;
    private final BranchCounts profile;

    public SelectNode(int first, int second, int condition, int result, BranchCounts profile) {
        this.profile = profile;
        this.first = first;
        this.second = second;
        this.condition = condition;
        this.result = result;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (profile.profile(frame.getIntStatic(condition) != 0)) {
            if (first != result) {
                Values.copy(frame, first, result);
            }
        } else {
            Values.copy(frame, second, result);
        }
        return NORMAL;
    }
}
