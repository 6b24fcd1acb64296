package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.profiles.CountingConditionProfile;

/** {@code if ... else ... end}: both arms are blocks carrying the if's label. */
public final class IfNode extends WasmNode {
    private final int conditionSlot;
    @Child private BlockNode thenBlock;
    @Child private BlockNode elseBlock;
    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public IfNode(int conditionSlot, BlockNode thenBlock, BlockNode elseBlock) {
        this.conditionSlot = conditionSlot;
        this.thenBlock = thenBlock;
        this.elseBlock = elseBlock;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (profile.profile(frame.getIntStatic(conditionSlot) != 0)) {
            return thenBlock.execute(frame);
        } else if (elseBlock != null) {
            return elseBlock.execute(frame);
        }
        return NORMAL;
    }
}
