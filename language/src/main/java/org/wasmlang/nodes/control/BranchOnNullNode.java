package org.wasmlang.nodes.control;

import org.wasmlang.nodes.BranchCounts;
import org.wasmlang.runtime.WasmNull;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * {@code br_on_null} and {@code br_on_non_null}: branch on whether the reference on top of
 * the stack is null. {@code br_on_null} branches with the label's values below the
 * reference (the null is dropped) and otherwise leaves the reference on the stack;
 * {@code br_on_non_null} branches with the reference as the label's last value and
 * otherwise drops it. Which slots move and which die is the node builder's arithmetic
 * ({@link ConditionalBranchNode}); here is only the test.
 */
public final class BranchOnNullNode extends ConditionalBranchNode {
    private final int referenceSlot;
    /** True for {@code br_on_null}, false for {@code br_on_non_null}. */
    private final boolean onNull;
    private final BranchCounts profile;

    public BranchOnNullNode(boolean onNull, int referenceSlot, int label, int from, int to, int count, int deadTo,
                    BranchCounts profile) {
        super(label, from, to, count, deadTo);
        this.onNull = onNull;
        this.referenceSlot = referenceSlot;
        this.profile = profile;
    }

    @Override
    boolean test(VirtualFrame frame) {
        return profile.profile((frame.getObjectStatic(referenceSlot) == WasmNull.NULL) == onNull);
    }
}
