package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmlang.nodes.BranchCounts;

/**
 * {@code if ... else ... end}: both arms are blocks carrying the if's label. Regions flatten
 * ifs into jumps; this node remains for an if too large to share its enclosing region, whose
 * arms are then regions of their own.
 */
public final class IfNode extends WasmNode {
    private final Condition condition;
    @Child private WasmNode thenBlock;
    @Child private WasmNode elseBlock;
    private final BranchCounts profile;
    /** The stack slots dead once the condition is tested (it may itself come from a local). */
    private final int conditionDeadFrom;
    private final int conditionDeadTo;
    /** Locals live before the if but not at the start of the then (else) arm. */
    @CompilationFinal(dimensions = 1) private int[] thenDeadLocals = NO_SLOTS;
    @CompilationFinal(dimensions = 1) private int[] elseDeadLocals = NO_SLOTS;

    public IfNode(Condition condition, int conditionDeadFrom, int conditionDeadTo, WasmNode thenBlock, WasmNode elseBlock,
                    BranchCounts profile) {
        this.profile = profile;
        this.conditionDeadFrom = conditionDeadFrom;
        this.conditionDeadTo = conditionDeadTo;
        this.condition = condition;
        this.thenBlock = thenBlock;
        this.elseBlock = elseBlock;
    }

    Condition condition() {
        return condition;
    }

    int conditionDeadFrom() {
        return conditionDeadFrom;
    }

    int conditionDeadTo() {
        return conditionDeadTo;
    }

    void setArmDeadLocals(int[] thenLocals, int[] elseLocals) {
        this.thenDeadLocals = thenLocals;
        this.elseDeadLocals = elseLocals;
    }

    int[] thenDeadLocals() {
        return thenDeadLocals;
    }

    int[] elseDeadLocals() {
        return elseDeadLocals;
    }

    BranchCounts profile() {
        return profile;
    }

    WasmNode thenBlock() {
        return thenBlock;
    }

    WasmNode elseBlock() {
        return elseBlock;
    }

    @Override
    public int execute(VirtualFrame frame) {
        boolean condition = profile.profile(this.condition.holds(frame));
        clearSlots(frame, conditionDeadFrom, conditionDeadTo);
        if (condition) {
            clearSlots(frame, thenDeadLocals);
            return thenBlock.execute(frame);
        }
        clearSlots(frame, elseDeadLocals);
        if (elseBlock != null) {
            return elseBlock.execute(frame);
        }
        return NORMAL;
    }
}
