package org.wasmlang.nodes.control;

import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.nodes.variable.ConstNode;
import org.wasmlang.nodes.variable.CopySlotNode;

/**
 * Backward liveness of locals over a function's node tree, before it is flattened into
 * regions. Branches are seen only through {@link BranchForm}. Every place where a local stops being live gets it recorded, so compiled code
 * can clear it there: after its last read or a dead write ({@link WasmNode#setDeadLocals}),
 * on a {@code br_if}/{@code br_table} edge whose target does not need it, and at the start
 * of an {@code if} arm that does not need it. Clearing on every such edge means that where
 * paths merge (block ends, loop headers) a dead local is cleared on all of them, so no phi
 * and no frame state keeps its value.
 *
 * <p>Locals are written by {@link CopySlotNode}s and {@link ConstNode}s (local.set/tee), and by
 * the nodes a local.set/tee was folded into; any node may read them directly. The node
 * builder records those reads and folded writes. Labels are nesting levels,
 * so the live set at a branch target is kept by level while the analysis is inside it:
 * the live-out of a block or if, the live-in of a loop (found by iterating to a fixed point;
 * each loop starts from its last result, so nested loops converge in a few rounds).
 */
public final class LocalLiveness {
    private final int localCount;
    private final Map<WasmNode, int[]> localReads;
    private final Map<WasmNode, Integer> localWrites;
    private BitSet[] atLabel = new BitSet[16];
    private final Map<WasmLoopNode, BitSet> loopLiveIn = new IdentityHashMap<>();
    /**
     * Inside the body of a try ({@link BranchForm#NESTED}): the locals some handler (a catch
     * clause's label, a legacy catch block, an enclosing try's) needs. An exception can leave
     * from any point of the body, so they stay live all through it.
     */
    private BitSet handlerLive;

    private LocalLiveness(int localCount, Map<WasmNode, int[]> localReads, Map<WasmNode, Integer> localWrites) {
        this.localCount = localCount;
        this.localReads = localReads;
        this.localWrites = localWrites;
    }

    /**
     * Annotates the nodes of a function body and returns the locals that are dead on entry
     * (their initial value, parameter or default, is never read).
     */
    public static int[] analyzeFunction(WasmNode[] body, int localCount, Map<WasmNode, int[]> localReads,
                    Map<WasmNode, Integer> localWrites) {
        LocalLiveness liveness = new LocalLiveness(localCount, localReads, localWrites);
        liveness.setLabel(0, new BitSet());
        BitSet liveIn = liveness.sequence(body, new BitSet());
        BitSet dead = new BitSet();
        dead.set(0, localCount);
        dead.andNot(liveIn);
        return dead.stream().toArray();
    }

    private void setLabel(int label, BitSet live) {
        if (label >= atLabel.length) {
            atLabel = Arrays.copyOf(atLabel, Math.max(label + 1, atLabel.length * 2));
        }
        atLabel[label] = live;
    }

    private BitSet sequence(WasmNode[] body, BitSet liveOut) {
        BitSet live = withHandlers(liveOut);
        for (int i = body.length - 1; i >= 0; i--) {
            live = withHandlers(before(body[i], live));
        }
        return live;
    }

    /** A live set with what the handlers of the enclosing tries need. */
    private BitSet withHandlers(BitSet live) {
        if (handlerLive == null || handlerLive.isEmpty()) {
            return live;
        }
        BitSet missing = (BitSet) handlerLive.clone();
        missing.andNot(live);
        if (missing.isEmpty()) {
            return live;
        }
        BitSet result = (BitSet) live.clone();
        result.or(handlerLive);
        return result;
    }

    /** A try: its body with its handlers' needs added to every live set inside it. */
    private BitSet nested(BranchForm form, BitSet after) {
        BitSet handlers = handlerLive == null ? new BitSet() : (BitSet) handlerLive.clone();
        for (int t = 0; t < form.targetCount(); t++) {
            handlers.or(atLabel[form.targetLabel(t)]);
        }
        for (WasmNode[] handler : form.handlers()) {
            setLabel(form.nestedLabel(), after);
            handlers.or(sequence(handler, after));
        }
        BitSet outer = handlerLive;
        handlerLive = handlers;
        setLabel(form.nestedLabel(), after);
        BitSet live = sequence(form.nestedBody(), after);
        handlerLive = outer;
        for (int t = 0; t < form.targetCount(); t++) {
            int label = form.targetLabel(t);
            form.setTakenDeadLocals(t, label == 0 ? WasmNode.NO_SLOTS : slots(difference(handlers, atLabel[label])));
        }
        return live;
    }

    /** The live set before {@code node}, given the one after it; {@code after} is not changed. */
    private BitSet before(WasmNode node, BitSet after) {
        if (node instanceof CopySlotNode copy) {
            BitSet live = (BitSet) after.clone();
            int from = copy.from();
            int to = copy.to();
            BitSet dies = new BitSet();
            if (to < localCount) {
                live.clear(to);
                if (!after.get(to)) {
                    dies.set(to);
                }
            }
            if (from < localCount) {
                live.set(from);
                if (!after.get(from)) {
                    dies.set(from);
                }
            }
            node.setDeadLocals(slots(dies));
            return live;
        } else if (node instanceof ConstNode constant && constant.slot() < localCount) {
            // i32.const; local.set, written straight into the local.
            BitSet live = (BitSet) after.clone();
            live.clear(constant.slot());
            node.setDeadLocals(after.get(constant.slot()) ? WasmNode.NO_SLOTS : new int[]{constant.slot()});
            return live;
        } else if (node instanceof BranchForm branch && branch.shape() == BranchForm.NESTED) {
            return nested(branch, after);
        } else if (node instanceof ThrowNode || node instanceof ThrowRefNode) {
            // Reads only stack slots; what a handler needs is added by the enclosing sequence.
            return new BitSet();
        } else if (node instanceof BranchForm branch) {
            // Live before: what any target needs, and what follows if it can fall through.
            BitSet live = branch.fallsThrough() ? (BitSet) after.clone() : new BitSet();
            for (int t = 0; t < branch.targetCount(); t++) {
                live.or(atLabel[branch.targetLabel(t)]);
            }
            addReads(node, live);
            if (branch.fallsThrough()) {
                node.setDeadLocals(slots(difference(live, after)));
            }
            for (int t = 0; t < branch.targetCount(); t++) {
                int label = branch.targetLabel(t);
                // A branch to the function's label returns: nothing to keep tidy after that.
                branch.setTakenDeadLocals(t, label == 0 ? WasmNode.NO_SLOTS : slots(difference(live, atLabel[label])));
            }
            return live;
        } else if (node instanceof UnreachableNode) {
            return new BitSet();
        } else if (node instanceof BlockNode block) {
            setLabel(block.label(), after);
            return sequence(block.body(), after);
        } else if (node instanceof IfNode ifNode) {
            BlockNode thenBlock = (BlockNode) ifNode.thenBlock();
            BlockNode elseBlock = (BlockNode) ifNode.elseBlock();
            setLabel(thenBlock.label(), after);
            BitSet thenLive = sequence(thenBlock.body(), after);
            BitSet elseLive = elseBlock == null ? after : sequence(elseBlock.body(), after);
            BitSet live = (BitSet) thenLive.clone();
            live.or(elseLive);
            addReads(node, live);
            ifNode.setArmDeadLocals(slots(difference(live, thenLive)), slots(difference(live, elseLive)));
            return live;
        } else if (node instanceof WasmLoopNode loop) {
            BitSet liveIn = loopLiveIn.getOrDefault(loop, new BitSet());
            while (true) {
                setLabel(loop.label(), liveIn);
                BitSet computed = (BitSet) sequence(loop.body(), after).clone();
                if (computed.equals(liveIn)) {
                    break;
                }
                computed.or(liveIn);
                liveIn = computed;
            }
            loopLiveIn.put(loop, liveIn);
            return liveIn;
        }
        Integer written = localWrites.get(node);
        if (localReads.get(node) == null && written == null) {
            return after;
        }
        // An instruction reading its operands straight from locals, or writing its result
        // straight into one (see NodeBuilder).
        BitSet live = (BitSet) after.clone();
        BitSet dies = new BitSet();
        if (written != null) {
            live.clear(written);
            if (!after.get(written)) {
                dies.set(written);
            }
        }
        addReads(node, live);
        dies.or(difference(live, after));
        node.setDeadLocals(slots(dies));
        return live;
    }

    private void addReads(WasmNode node, BitSet live) {
        int[] reads = localReads.get(node);
        if (reads != null) {
            for (int local : reads) {
                live.set(local);
            }
        }
    }

    private static BitSet difference(BitSet a, BitSet b) {
        BitSet result = (BitSet) a.clone();
        result.andNot(b);
        return result;
    }

    private static int[] slots(BitSet set) {
        return set.isEmpty() ? WasmNode.NO_SLOTS : set.stream().toArray();
    }
}
