package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerAsserts;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.InstrumentableNode.WrapperNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * A function body, a loop body, or a block too large to share its enclosing region: the
 * {@code block}s and {@code if}s nested in it are flattened into one instruction array with
 * jumps, so that a branch out of N nested blocks is one jump instead of N label compares.
 *
 * <p>{@link #run} walks the array with a program counter. Its loop is exploded with merging:
 * partial evaluation sees the program counter as a constant on every path, compiles each
 * instruction once, and merges the paths that reach the same instruction, so the compiled
 * code has the shape of the Wasm control flow (a {@code br_table} becomes a switch whose
 * cases jump straight to their targets). Nested loops and separate regions stay child
 * nodes; the label they report is resolved here.
 *
 * <p>A nested block at depth {@code d} (1 = directly inside) has label {@code label + d};
 * {@link #scopes} maps, for the instructions of each scope, {@code d} to where that block
 * ends. A branch to {@link #label} itself ends the region (for a loop: next iteration).
 */
public final class RegionNode extends WasmNode {
    static final byte PLAIN = 0;
    static final byte BR = 1;
    static final byte BR_CONDITIONAL = 2;
    static final byte BR_TABLE = 3;
    static final byte JUMP = 4;
    static final byte JUMP_UNLESS = 5;
    static final byte NESTED = 6;

    private static final Integer NORMAL_VALUE = NORMAL;
    /** What a loop region's {@link #run} returns, in the interpreter, to start the next iteration. */
    static final Object NEXT_ITERATION = new Object();

    @Children private final WasmNode[] code;
    @CompilationFinal(dimensions = 1) private final byte[] kinds;
    /** JUMP and JUMP_UNLESS: where to go; PLAIN: where the run of plain instructions ends. */
    @CompilationFinal(dimensions = 1) private final int[] next;
    @CompilationFinal(dimensions = 1) private final int[] scopeOf;
    @CompilationFinal(dimensions = 2) private final int[][] scopes;
    private final int label;
    private final boolean loop;

    RegionNode(WasmNode[] code, byte[] kinds, int[] next, int[] scopeOf, int[][] scopes, int label, boolean loop) {
        this.code = code;
        this.kinds = kinds;
        this.next = next;
        this.scopeOf = scopeOf;
        this.scopes = scopes;
        this.label = label;
        this.loop = loop;
    }

    /** Flattens a block's (or function's, or loop's) instructions into a region. */
    public static RegionNode create(WasmNode[] body, int label, boolean loop) {
        return new RegionFlattener(label).flatten(body, loop);
    }

    int label() {
        return label;
    }

    @Override
    public int execute(VirtualFrame frame) {
        return (Integer) run(frame);
    }

    /**
     * Runs the region: returns {@link #NEXT_ITERATION} when a loop's body branches to
     * the loop, {@link #NORMAL} (boxed) when it ends normally, or the outer label it branches
     * to (boxed).
     */
    @ExplodeLoop(kind = ExplodeLoop.LoopExplosionKind.MERGE_EXPLODE)
    Object run(VirtualFrame frame) {
        int pc = 0;
        dispatch: while (true) {
            CompilerAsserts.partialEvaluationConstant(pc);
            if (pc >= code.length) {
                return NORMAL_VALUE;
            }
            byte kind = kinds[pc];
            int target;
            if (kind == PLAIN) {
                int end = next[pc];
                executePlain(frame, pc, end);
                pc = end;
                continue;
            } else if (kind == JUMP) {
                pc = next[pc];
                continue;
            } else if (kind == JUMP_UNLESS) {
                JumpUnlessNode test = (JumpUnlessNode) enterInstruction(frame, pc);
                boolean taken = test.test(frame);
                leaveInstruction(frame, pc);
                if (taken) {
                    test.enterThen(frame);
                    pc++;
                } else {
                    test.enterElse(frame);
                    pc = next[pc];
                }
                continue;
            } else if (kind == BR) {
                target = code[pc].execute(frame);
            } else if (kind == BR_CONDITIONAL) {
                ConditionalBranchNode branch = (ConditionalBranchNode) enterInstruction(frame, pc);
                boolean taken = branch.test(frame);
                leaveInstruction(frame, pc);
                if (!taken) {
                    branch.clearDeadAfter(frame);
                    pc++;
                    continue;
                }
                branch.take(frame);
                target = branch.label();
            } else if (kind == BR_TABLE) {
                BranchTableNode table = (BranchTableNode) enterInstruction(frame, pc);
                int index = table.index(frame);
                leaveInstruction(frame, pc);
                if (CompilerDirectives.inInterpreter()) {
                    // Straight to the chosen target, then on as for any branch below: the
                    // loops are for partial evaluation, which needs the target a constant on
                    // each path, and would cost the interpreter a compare per target (80 in
                    // Lua's dispatch).
                    target = table.take(frame, table.targetOf(index));
                } else {
                    int[] scope = scopes[scopeOf[pc]];
                    if (table.switchesOnEntries()) {
                        // One path per table entry, its target constant: the compares of the
                        // index fold into one jump table on the index itself, where looking the
                        // target up first put a clamp, an array load and its bounds check in
                        // front of the jump (the dispatch of every bytecode in `interp`).
                        int last = table.entryCount() - 1;
                        for (int e = 0; e <= last; e++) {
                            if (e == last || index == e) {
                                int to = table.take(frame, table.entryTarget(e));
                                int next = continuation(scope, to);
                                if (next >= 0) {
                                    pc = next;
                                    continue dispatch;
                                }
                                return exit(to);
                            }
                        }
                    } else {
                        // One path per distinct target, each with its label (and so its next
                        // instruction) constant: the comparisons fold into one switch.
                        int chosen = table.targetOf(index);
                        for (int t = 0; t < table.targetCount(); t++) {
                            if (t == chosen) {
                                int to = table.take(frame, t);
                                int next = continuation(scope, to);
                                if (next >= 0) {
                                    pc = next;
                                    continue dispatch;
                                }
                                return exit(to);
                            }
                        }
                    }
                    throw CompilerDirectives.shouldNotReachHere("br_table target out of range");
                }
            } else {
                target = code[pc].execute(frame);
                if (target == NORMAL) {
                    unwrap(code[pc]).clearDeadAfter(frame);
                    pc++;
                    continue;
                }
                if (CompilerDirectives.inCompiledCode()) {
                    // The label a nested loop or region reports is not a constant: compare it
                    // with each enclosing label so that every path continues at a constant pc.
                    int[] scope = scopes[scopeOf[pc]];
                    for (int d = scope.length - 1; d > 0; d--) {
                        if (target == label + d) {
                            pc = scope[d];
                            continue dispatch;
                        }
                    }
                    if (loopsHere(target)) {
                        pc = 0;
                        continue dispatch;
                    }
                    return exit(target);
                }
            }
            int next = continuation(scopes[scopeOf[pc]], target);
            if (next >= 0) {
                pc = next;
                continue;
            }
            return exit(target);
        }
    }

    /**
     * Whether a branch to {@code target} starts the next iteration inside this call. In the
     * interpreter a loop region returns to its {@link WasmLoopNode} after each iteration,
     * which counts them and can switch to on-stack replacement. Compiled code jumps back to the
     * start instead: the exploded dispatch then forms the loop itself, and the paths that
     * continue never merge with those that leave (a merge that made every value carried by
     * the loop a phi of both, and kept dead values of the leaving paths alive).
     */
    private boolean loopsHere(int target) {
        return loop && target == label && CompilerDirectives.inCompiledCode();
    }

    /**
     * Where a branch to {@code to} continues inside this region (a constant wherever
     * {@code to} is one), or -1 when it leaves the region.
     */
    private int continuation(int[] scope, int to) {
        if (to > label) {
            return scope[to - label];
        }
        return loopsHere(to) ? 0 : -1;
    }

    private Object exit(int target) {
        if (target == label) {
            return loop ? NEXT_ITERATION : NORMAL_VALUE;
        }
        return Integer.valueOf(target);
    }

    @ExplodeLoop
    private void executePlain(VirtualFrame frame, int from, int to) {
        for (int i = from; i < to; i++) {
            code[i].execute(frame);
            unwrap(code[i]).clearDeadAfter(frame);
        }
    }

    /*
     * A region calls the parts of a branch instruction itself (test, then take), not its
     * execute, so a tool's wrapper around one is entered here: its probe sees the instruction
     * start and end around the test. The node at a pc is a constant to compiled code, so
     * without a tool these fold away.
     */

    private WasmNode enterInstruction(VirtualFrame frame, int pc) {
        WasmNode node = code[pc];
        if (node instanceof WrapperNode wrapper) {
            wrapper.getProbeNode().onEnter(frame);
        }
        return unwrap(node);
    }

    private void leaveInstruction(VirtualFrame frame, int pc) {
        if (code[pc] instanceof WrapperNode wrapper) {
            wrapper.getProbeNode().onReturnValue(frame, null);
        }
    }

    @Override
    public String toString() {
        return loop ? "loop" : "region";
    }
}
