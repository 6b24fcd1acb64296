package org.wasmlang.nodes;

import org.wasmlang.runtime.simd.SimdValues;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

/**
 * One instruction (or structured block) of a function body. Operands live in static
 * frame slots: locals first, then the operand stack, whose height at every instruction
 * the node builder knows, so each node reads and writes fixed slot indices.
 *
 * <p>{@link #execute} returns {@link #NORMAL} to fall through, or the label a branch
 * targets, named by its nesting level in the function (0 = the function body). Each
 * enclosing block compares it with its own level, a constant, and passes other labels on
 * unchanged, so partial evaluation folds branching away without exceptions.
 *
 * <p>Each node also knows which stack slots hold dead values once it has fallen through
 * (the operands it popped, and those popped by a {@code drop} after it). Compiled code
 * clears them: otherwise every deoptimization point would keep them alive, a loop would
 * carry them from one iteration to the next, and a comparison feeding a branch would be
 * materialized as 0 or 1 only to be kept for a frame state. Locals are treated alike from
 * a liveness analysis (Wasm compilers reuse a few locals for many short-lived values). The
 * interpreter skips this.
 */
public abstract class WasmNode extends Node {
    public static final int NORMAL = -1;

    /** Where the instruction starts in the module bytes, for guest stack traces. */
    private int byteOffset = -1;
    @CompilationFinal private int deadFrom;
    @CompilationFinal private int deadTo;
    /** Locals whose value is not read again after this node falls through (see LocalLiveness). */
    @CompilationFinal(dimensions = 1) private int[] deadLocals = NO_SLOTS;

    public static final int[] NO_SLOTS = new int[0];

    public abstract int execute(VirtualFrame frame);

    public final int byteOffset() {
        return byteOffset;
    }

    final void setByteOffset(int byteOffset) {
        this.byteOffset = byteOffset;
    }

    /** Slots {@code [from, to)} are dead after this node falls through (an empty range: none). */
    public final void setDeadAfter(int from, int to) {
        this.deadFrom = from;
        this.deadTo = to;
    }

    public final int deadFrom() {
        return deadFrom;
    }

    public final int deadTo() {
        return deadTo;
    }

    public final void setDeadLocals(int[] locals) {
        this.deadLocals = locals;
    }

    /** Clears what is dead after this node falls through; called by the enclosing region. */
    public final void clearDeadAfter(VirtualFrame frame) {
        clearSlots(frame, deadFrom, deadTo);
        clearSlots(frame, deadLocals);
    }

    /**
     * Tells the compiler that the given slots (and the high halves a v128 in them would
     * have) will not be read before being written.
     */
    @ExplodeLoop
    public static void clearSlots(VirtualFrame frame, int[] slots) {
        if (CompilerDirectives.inCompiledCode()) {
            int high = SimdValues.highHalf(frame);
            for (int slot : slots) {
                frame.clearStatic(slot);
                if (high != 0) {
                    frame.clearStatic(slot + high);
                }
            }
        }
    }

    /** Tells the compiler that slots {@code [from, to)} will not be read before being written. */
    @ExplodeLoop
    public static void clearSlots(VirtualFrame frame, int from, int to) {
        if (CompilerDirectives.inCompiledCode()) {
            int high = SimdValues.highHalf(frame);
            for (int slot = from; slot < to; slot++) {
                frame.clearStatic(slot);
                if (high != 0) {
                    frame.clearStatic(slot + high);
                }
            }
        }
    }
}
