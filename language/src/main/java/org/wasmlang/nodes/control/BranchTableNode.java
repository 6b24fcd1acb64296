package org.wasmlang.nodes.control;

import java.util.Arrays;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * {@code br_table}. The table maps an index to one of a few distinct targets (one per
 * label). The enclosing region unrolls a loop over the table's entries (compiled code, up
 * to {@link #MAX_SWITCHED_ENTRIES}) or over its distinct targets (the interpreter, and
 * larger tables in compiled code), so each target's value moves use constant slots and
 * the frame stays virtual in compiled code.
 */
public final class BranchTableNode extends WasmNode implements BranchForm {
    static final int MAX_SWITCHED_ENTRIES = 256;

    private final int indexSlot;
    /** For each table entry, which distinct target it names; the last entry is the default. */
    @CompilationFinal(dimensions = 1) private final int[] entryTarget;
    @CompilationFinal(dimensions = 1) private final int[] targetLabel;
    @CompilationFinal(dimensions = 1) private final int[] targetTo;
    private final int from;
    private final int count;
    /** The stack slots above a target's values up to this one are dead once a branch is taken. */
    private final int deadTo;
    /** For each distinct target: the locals live at another target but not at this one. */
    @CompilationFinal(dimensions = 2) private final int[][] takenDeadLocals;

    public BranchTableNode(int indexSlot, int[] entryTarget, int[] targetLabel, int[] targetTo, int from, int count,
                    int deadTo) {
        this.deadTo = deadTo;
        this.indexSlot = indexSlot;
        this.entryTarget = entryTarget;
        this.targetLabel = targetLabel;
        this.targetTo = targetTo;
        this.from = from;
        this.count = count;
        this.takenDeadLocals = new int[targetLabel.length][];
        Arrays.fill(takenDeadLocals, NO_SLOTS);
    }

    @Override
    @ExplodeLoop
    public int execute(VirtualFrame frame) {
        int target = targetOf(index(frame));
        for (int t = 0; t < targetLabel.length; t++) {
            if (t == target) {
                return take(frame, t);
            }
        }
        throw new IllegalStateException("br_table target out of range");
    }

    int index(VirtualFrame frame) {
        return frame.getIntStatic(indexSlot);
    }

    /** Which distinct target an index selects. */
    int targetOf(int index) {
        int defaultEntry = entryTarget.length - 1;
        return entryTarget[Integer.compareUnsigned(index, defaultEntry) < 0 ? index : defaultEntry];
    }

    /** Table entries, the default (last) included. */
    int entryCount() {
        return entryTarget.length;
    }

    int entryTarget(int entry) {
        return entryTarget[entry];
    }

    /**
     * Whether compiled code compares the index with each entry. Past this many entries a
     * table costs the region more exploded paths than a lookup of the target costs time.
     */
    boolean switchesOnEntries() {
        return entryTarget.length <= MAX_SWITCHED_ENTRIES;
    }

    @Override
    public byte shape() {
        return TABLE;
    }

    @Override
    public int controlPoints() {
        return 1 + (switchesOnEntries() ? entryCount() : targetCount());
    }

    @Override
    public int targetLabel(int t) {
        return targetLabel[t];
    }

    @Override
    public void setTakenDeadLocals(int t, int[] locals) {
        takenDeadLocals[t] = locals;
    }

    @Override
    public int targetCount() {
        return targetLabel.length;
    }

    /** Moves the values for distinct target {@code t} and returns its label. */
    int take(VirtualFrame frame, int t) {
        BranchNode.moveValues(frame, from, targetTo[t], count);
        clearSlots(frame, targetTo[t] + count, deadTo);
        clearSlots(frame, takenDeadLocals[t]);
        return targetLabel[t];
    }
}
