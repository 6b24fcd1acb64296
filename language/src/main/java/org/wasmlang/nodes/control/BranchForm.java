package org.wasmlang.nodes.control;

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
        return shape() == CONDITIONAL;
    }

    /** Roughly how many exploded paths it adds to its region. */
    default int controlPoints() {
        return 1;
    }
}
