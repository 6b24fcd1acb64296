package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

/**
 * A control-flow form that branches to enclosing labels: {@code br}/{@code return}, the
 * conditional branches ({@code br_if}, {@code br_on_null}, {@code br_on_non_null}, each a
 * {@link ConditionalBranchNode}) and {@code br_table}. It is the one view of a branch that
 * {@link RegionNode} (how to dispatch it), {@link LocalLiveness} (its targets, whether it
 * falls through, where locals die on each taken edge) and {@link RegionFlattener} (its kind
 * and cost in control points) have, so a new form is added by implementing this interface
 * and, if it is conditional, {@link ConditionalBranchNode#test}: nothing in those three
 * classes names it.
 */
public interface BranchForm {
    /** Always branches to its one target ({@code br}, {@code return}). */
    byte ALWAYS = RegionNode.BR;
    /** Branches to its one target or falls through ({@link ConditionalBranchNode}). */
    byte CONDITIONAL = RegionNode.BR_CONDITIONAL;
    /** Branches to one of several targets ({@code br_table}). */
    byte TABLE = RegionNode.BR_TABLE;
    /**
     * Runs a body of its own (a block labelled {@link #nestedLabel}) and reports what it
     * reports; an exception thrown in the body takes one of the form's targets
     * ({@code try_table}'s catch clauses) or runs one of its {@link #handlers} (legacy
     * {@code catch}), from any point of the body. The region resolves the label it returns
     * like a nested loop's.
     */
    byte NESTED = RegionNode.NESTED;
    WasmNode[][] NO_HANDLERS = new WasmNode[0][];

    /** How the region dispatches it: {@link #ALWAYS}, {@link #CONDITIONAL} or {@link #TABLE}. */
    byte shape();

    /** The number of distinct targets. */
    int targetCount();

    /** The label of distinct target {@code t} (its nesting level; 0 = the function). */
    int targetLabel(int t);

    /** The locals to clear when the branch to distinct target {@code t} is taken. */
    void setTakenDeadLocals(int t, int[] locals);

    /** Whether execution can continue after it when no branch is taken. */
    default boolean fallsThrough() {
        return shape() == CONDITIONAL || shape() == NESTED;
    }

    /** {@link #NESTED}: the body, before its region is made; null for other shapes. */
    default WasmNode[] nestedBody() {
        return null;
    }

    /** {@link #NESTED}: the label of the body (and of the handlers). */
    default int nestedLabel() {
        return -1;
    }

    /** {@link #NESTED}: blocks that run after an exception, with the body's label (legacy catch). */
    default WasmNode[][] handlers() {
        return NO_HANDLERS;
    }

    /** {@link #NESTED}: makes the regions of the body and handlers, once the function was analysed. */
    default void flattenNested() {
    }

    /** Roughly how many exploded paths it adds to its region. */
    default int controlPoints() {
        return 1;
    }
}
