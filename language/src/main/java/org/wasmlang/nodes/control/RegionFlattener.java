package org.wasmlang.nodes.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.wasmlang.nodes.WasmNode;

/**
 * Builds a {@link RegionNode} from the tree the node builder made: nested {@link BlockNode}s
 * and {@link IfNode}s become jumps in one instruction array, loops stay child nodes.
 *
 * <p>Partial evaluation explodes a region once per control point (and gives up beyond a
 * fixed number of them), so a block or if that would push a region past
 * {@link #MAX_CONTROL_POINTS} is not flattened whole. If its own control points fit (with
 * each block or if nested in it counted as one, a region of its own), it is flattened and
 * those nested ones decide again, one by one; otherwise it becomes a region of its own.
 * Cutting the outermost block that does not fit, as before, turned the dispatch of an
 * interpreter written in C (Lua's: 80 blocks, each nested in the next, around a
 * {@code br_table}) into 80 regions nested in each other, which the interpreter entered and
 * left one by one on every dispatch: Lua's compute script entered 133 million regions
 * for 105 million i32 operators.
 */
final class RegionFlattener {
    static final int MAX_CONTROL_POINTS = 2500;
    /** Plain instructions run together without a control point; long runs are split. */
    static final int MAX_PLAIN_RUN = 500;

    private final int label;
    private final List<WasmNode> code = new ArrayList<>();
    private byte[] kinds = new byte[64];
    /** For JUMP and JUMP_UNLESS: the position they go to (resolved to a pc at the end). */
    private int[] jumpPosition = new int[64];
    private int[] scopeOf = new int[64];
    /** For each scope, by depth: the position where that enclosing block ends. */
    private final List<int[]> scopes = new ArrayList<>();
    private int[] positionPc = new int[16];
    private int positions;
    private int controlPoints;
    /**
     * The control points that the instructions not yet emitted, in the blocks being
     * flattened, need at least (each block or if among them counted as one).
     */
    private int reserved;
    private final Map<WasmNode, Integer> costs = new IdentityHashMap<>();

    RegionFlattener(int label) {
        this.label = label;
    }

    RegionNode flatten(WasmNode[] body, boolean loop) {
        scopes.add(new int[]{-1});
        emit(body, 0, 0);
        int n = code.size();
        boolean[] isTarget = new boolean[n + 1];
        for (int p = 0; p < positions; p++) {
            isTarget[positionPc[p]] = true;
        }
        int[] next = new int[n];
        for (int pc = n - 1; pc >= 0; pc--) {
            if (kinds[pc] == RegionNode.JUMP || kinds[pc] == RegionNode.JUMP_UNLESS) {
                next[pc] = positionPc[jumpPosition[pc]];
            } else if (kinds[pc] == RegionNode.PLAIN) {
                boolean extend = pc + 1 < n && kinds[pc + 1] == RegionNode.PLAIN && !isTarget[pc + 1]
                                && next[pc + 1] - pc <= MAX_PLAIN_RUN;
                next[pc] = extend ? next[pc + 1] : pc + 1;
            }
        }
        int[][] scopePcs = new int[scopes.size()][];
        for (int s = 0; s < scopePcs.length; s++) {
            int[] ends = scopes.get(s);
            scopePcs[s] = new int[ends.length];
            for (int d = 1; d < ends.length; d++) {
                scopePcs[s][d] = positionPc[ends[d]];
            }
        }
        return new RegionNode(code.toArray(new WasmNode[0]), Arrays.copyOf(kinds, n), next,
                        Arrays.copyOf(scopeOf, n), scopePcs, label, loop);
    }

    private void emit(WasmNode[] body, int scope, int depth) {
        int outer = reserved;
        int[] after = new int[body.length + 1];
        for (int i = body.length - 1; i >= 0; i--) {
            after[i] = after[i + 1] + leastCost(body[i]);
        }
        for (int i = 0; i < body.length; i++) {
            WasmNode node = body[i];
            reserved = outer + after[i + 1];
            if (node instanceof BlockNode block) {
                if (fits(block) || fitsShallow(block)) {
                    assert block.label() == label + depth + 1;
                    controlPoints += 2;
                    int end = newPosition();
                    emit(block.body(), childScope(scope, end), depth + 1);
                    place(end);
                    clearAfterFlattened(block, scope);
                } else {
                    controlPoints++;
                    RegionNode region = RegionNode.create(block.body(), block.label(), false);
                    region.setDeadAfter(block.deadFrom(), block.deadTo());
                    add(region, RegionNode.NESTED, scope);
                }
            } else if (node instanceof IfNode ifNode) {
                BlockNode thenBlock = (BlockNode) ifNode.thenBlock();
                BlockNode elseBlock = (BlockNode) ifNode.elseBlock();
                if (fits(ifNode) || fitsShallow(ifNode)) {
                    assert thenBlock.label() == label + depth + 1;
                    controlPoints += 3;
                    int end = newPosition();
                    int inner = childScope(scope, end);
                    int elseStart = elseBlock == null ? end : newPosition();
                    add(new JumpUnlessNode(ifNode), RegionNode.JUMP_UNLESS, scope);
                    jumpPosition[code.size() - 1] = elseStart;
                    int elseCost = elseBlock == null ? 0 : leastCost(elseBlock.body());
                    reserved += elseCost;
                    emit(thenBlock.body(), inner, depth + 1);
                    reserved -= elseCost;
                    if (elseBlock != null) {
                        add(new JumpNode(), RegionNode.JUMP, inner);
                        jumpPosition[code.size() - 1] = end;
                        place(elseStart);
                        emit(elseBlock.body(), inner, depth + 1);
                    }
                    place(end);
                    clearAfterFlattened(ifNode, scope);
                } else {
                    controlPoints++;
                    WasmNode thenRegion = RegionNode.create(thenBlock.body(), thenBlock.label(), false);
                    WasmNode elseRegion = elseBlock == null ? null : RegionNode.create(elseBlock.body(), elseBlock.label(), false);
                    IfNode unflattened = new IfNode(ifNode.condition(), ifNode.conditionDeadFrom(), ifNode.conditionDeadTo(), thenRegion, elseRegion,
                                    ifNode.profile());
                    unflattened.setDeadAfter(ifNode.deadFrom(), ifNode.deadTo());
                    unflattened.setArmDeadLocals(ifNode.thenDeadLocals(), ifNode.elseDeadLocals());
                    add(unflattened, RegionNode.NESTED, scope);
                }
            } else {
                if (node instanceof WasmLoopNode loop) {
                    loop.flatten();
                } else if (node instanceof BranchForm form) {
                    form.flattenNested();
                }
                byte kind = kindOf(node);
                controlPoints += cost(node);
                add(node, kind, scope);
            }
        }
        reserved = outer;
    }

    /** A flattened block leaves no node behind to clear what is dropped after it: add one. */
    private void clearAfterFlattened(WasmNode block, int scope) {
        if (block.deadTo() > block.deadFrom()) {
            WasmNode clear = new DropNode();
            clear.setDeadAfter(block.deadFrom(), block.deadTo());
            add(clear, RegionNode.PLAIN, scope);
        }
    }

    private static byte kindOf(WasmNode node) {
        if (node instanceof BranchForm branch) {
            return branch.shape();
        } else if (node instanceof WasmLoopNode || node instanceof RegionNode || node instanceof IfNode
                        || node instanceof BlockNode) {
            return RegionNode.NESTED;
        }
        return RegionNode.PLAIN;
    }

    private boolean fits(WasmNode node) {
        return controlPoints + reserved + cost(node) <= MAX_CONTROL_POINTS;
    }

    /** Whether a block's or if's own control points fit, its nested blocks and ifs counted as one each. */
    private boolean fitsShallow(WasmNode node) {
        return controlPoints + reserved + flattenedCost(node, this::leastCost) <= MAX_CONTROL_POINTS;
    }

    /** A block's or if's control points when flattened: its own, and its bodies' by {@code bodyCost}. */
    private static int flattenedCost(WasmNode node, ToIntFunction<WasmNode[]> bodyCost) {
        if (node instanceof BlockNode block) {
            return 2 + bodyCost.applyAsInt(block.body());
        }
        IfNode ifNode = (IfNode) node;
        int cost = 3 + bodyCost.applyAsInt(((BlockNode) ifNode.thenBlock()).body());
        if (ifNode.elseBlock() != null) {
            cost += bodyCost.applyAsInt(((BlockNode) ifNode.elseBlock()).body());
        }
        return cost;
    }

    /** The control points a node adds at least: a block or if one, as a region of its own. */
    private int leastCost(WasmNode node) {
        return node instanceof BlockNode || node instanceof IfNode ? 1 : cost(node);
    }

    private int leastCost(WasmNode[] body) {
        int sum = 0;
        for (WasmNode node : body) {
            sum += leastCost(node);
        }
        return sum;
    }

    /** Roughly how many control points a node adds to the region that flattens it. */
    private int cost(WasmNode node) {
        Integer known = costs.get(node);
        if (known != null) {
            return known;
        }
        int cost;
        if (node instanceof BlockNode || node instanceof IfNode) {
            cost = flattenedCost(node, this::cost);
        } else if (node instanceof BranchForm branch) {
            cost = branch.controlPoints();
        } else {
            cost = kindOf(node) == RegionNode.PLAIN ? 0 : 1;
        }
        costs.put(node, cost);
        return cost;
    }

    private int cost(WasmNode[] body) {
        int sum = 0;
        for (WasmNode node : body) {
            sum += cost(node);
        }
        return sum;
    }

    private void add(WasmNode node, byte kind, int scope) {
        int pc = code.size();
        if (pc == kinds.length) {
            kinds = Arrays.copyOf(kinds, pc * 2);
            jumpPosition = Arrays.copyOf(jumpPosition, pc * 2);
            scopeOf = Arrays.copyOf(scopeOf, pc * 2);
        }
        code.add(node);
        kinds[pc] = kind;
        scopeOf[pc] = scope;
    }

    private int childScope(int scope, int endPosition) {
        int[] parent = scopes.get(scope);
        int[] child = Arrays.copyOf(parent, parent.length + 1);
        child[parent.length] = endPosition;
        scopes.add(child);
        return scopes.size() - 1;
    }

    private int newPosition() {
        if (positions == positionPc.length) {
            positionPc = Arrays.copyOf(positionPc, positions * 2);
        }
        return positions++;
    }

    private void place(int position) {
        positionPc[position] = code.size();
    }
}
