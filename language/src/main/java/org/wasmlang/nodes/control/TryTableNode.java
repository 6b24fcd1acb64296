package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmException;
import org.wasmlang.runtime.WasmTag;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * {@code try_table}: runs its body, a region of its own, inside a Java try. A
 * {@link WasmException} leaving the body is matched against the catch clauses in order
 * (tag identity, or any for {@code catch_all}); the first match writes the payload (and the
 * exnref for the {@code _ref} forms) where the clause's label expects its values and
 * returns that label, which the enclosing region resolves like any label a nested node
 * reports: a catch clause is a branch. No match: the exception goes on.
 */
public final class TryTableNode extends TryNode {
    /** Per clause: its tag, or null for catch_all(_ref). */
    @CompilationFinal(dimensions = 1) private final WasmTag[] tags;
    @CompilationFinal(dimensions = 1) private final boolean[] withReference;
    /** Per clause: the index of its label among the distinct targets. */
    @CompilationFinal(dimensions = 1) private final int[] clauseTarget;
    /** Per clause: the slot of the label's first value. */
    @CompilationFinal(dimensions = 1) private final int[] clauseTo;
    @CompilationFinal(dimensions = 1) private final int[] targetLabels;
    /** Per distinct target: locals to clear when a clause branches there. */
    @CompilationFinal(dimensions = 2) private final int[][] takenDeadLocals;
    /** Stack slots up to here are dead once a clause is taken. */
    private final int deadTo;

    public TryTableNode(WasmNode[] body, int label, WasmTag[] tags, boolean[] withReference, int[] clauseLabels,
                    int[] clauseTo, int deadTo) {
        super(body, label);
        this.tags = tags;
        this.withReference = withReference;
        this.clauseTo = clauseTo;
        this.deadTo = deadTo;
        int[] distinct = java.util.Arrays.stream(clauseLabels).distinct().toArray();
        this.targetLabels = distinct;
        this.clauseTarget = new int[clauseLabels.length];
        for (int c = 0; c < clauseLabels.length; c++) {
            for (int t = 0; t < distinct.length; t++) {
                if (distinct[t] == clauseLabels[c]) {
                    clauseTarget[c] = t;
                }
            }
        }
        this.takenDeadLocals = new int[distinct.length][];
        java.util.Arrays.fill(takenDeadLocals, NO_SLOTS);
    }

    @Override
    @ExplodeLoop
    int handle(VirtualFrame frame, AbstractTruffleException exception) {
        for (int c = 0; c < tags.length; c++) {
            WasmTag tag = tags[c];
            if (matches(tag, exception)) {
                int to = clauseTo[c];
                int count = 0;
                if (tag != null) {
                    count = unboxPayload(frame, tag, (WasmException) exception, to);
                }
                if (withReference[c]) {
                    frame.setObjectStatic(to + count, exception);
                    count++;
                }
                clearSlots(frame, to + count, deadTo);
                clearSlots(frame, takenDeadLocals[clauseTarget[c]]);
                return targetLabels[clauseTarget[c]];
            }
        }
        throw exception;
    }

    @Override
    public int targetCount() {
        return targetLabels.length;
    }

    @Override
    public int targetLabel(int t) {
        return targetLabels[t];
    }

    @Override
    public void setTakenDeadLocals(int t, int[] locals) {
        takenDeadLocals[t] = locals;
    }

    @Override
    public String toString() {
        return "try_table";
    }
}
