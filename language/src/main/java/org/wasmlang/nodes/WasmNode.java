package org.wasmlang.nodes;

import org.wasmlang.nodes.control.RegionNode;
import org.wasmlang.runtime.simd.SimdValues;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

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
@GenerateWrapper
@ExportLibrary(NodeLibrary.class)
public abstract class WasmNode extends Node implements InstrumentableNode {
    public static final int NORMAL = -1;

    /** Where the instruction starts in the module bytes, for guest stack traces. */
    private int byteOffset = -1;
    @CompilationFinal private int deadFrom;
    @CompilationFinal private int deadTo;
    /** Locals whose value is not read again after this node falls through (see LocalLiveness). */
    @CompilationFinal(dimensions = 1) private int[] deadLocals = NO_SLOTS;

    public static final int[] NO_SLOTS = new int[0];

    public abstract int execute(VirtualFrame frame);

    // Instrumentation (see docs/architecture.md, "Instrumentation"): tools wrap nodes only
    // while they listen, so these methods cost nothing to code that runs without them.

    @Override
    public boolean isInstrumentable() {
        return true;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new WasmNodeWrapper(this, probe);
    }

    /**
     * Every instruction of a region is a statement, except the jumps the flattener adds for
     * an {@code if}'s {@code else} and {@code end}; the function body is the root and its body.
     */
    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        if (tag == StandardTags.StatementTag.class) {
            return byteOffset >= 0 && isStatement();
        } else if (tag == StandardTags.CallTag.class) {
            return isCall();
        } else if (tag == StandardTags.RootTag.class || tag == StandardTags.RootBodyTag.class) {
            return holder() instanceof WasmFunctionRootNode;
        }
        return false;
    }

    /** The node that holds this one, looking through a tool's wrapper (which asks for tags too). */
    protected final Node holder() {
        Node parent = getParent();
        return parent instanceof WrapperNode ? parent.getParent() : parent;
    }

    /** The instruction's line in the module's text view; for the function body, the function's lines. */
    @Override
    public SourceSection getSourceSection() {
        if (holder() instanceof WasmFunctionRootNode root) {
            return root.getSourceSection();
        }
        if (byteOffset < 0 || !(getRootNode() instanceof WasmFunctionRootNode root)) {
            return null;
        }
        return root.instructionSection(byteOffset);
    }

    /** A debugger's view of the function's variables (see {@link WasmFunctionRootNode#scope}). */
    @ExportMessage
    final boolean hasScope(@SuppressWarnings("unused") Frame frame) {
        return getRootNode() instanceof WasmFunctionRootNode;
    }

    @ExportMessage
    final Object getScope(Frame frame, boolean nodeEnter) throws UnsupportedMessageException {
        if (!(getRootNode() instanceof WasmFunctionRootNode root)) {
            throw UnsupportedMessageException.create();
        }
        return root.scope(frame, byteOffset, nodeEnter);
    }

    /**
     * Whether this instruction is a statement when it has a byte offset (see {@link #hasTag}):
     * an instruction of a region that begins a statement of the function's source (each one in
     * the text view; with DWARF, the first to run of a source line).
     */
    private boolean isStatement() {
        return isInstructionOfRegion() && getRootNode() instanceof WasmFunctionRootNode root && root.isStatementStart(byteOffset);
    }

    /** Whether this node is an instruction its region runs (not a jump the flattener added). */
    protected boolean isInstructionOfRegion() {
        return holder() instanceof RegionNode;
    }

    /** Whether this instruction calls a function (a call tools see as a {@code CallTag}). */
    protected boolean isCall() {
        return false;
    }

    /** The instruction a region holds at a position: itself, or the one a tool's wrapper wraps. */
    public static WasmNode unwrap(WasmNode node) {
        return node instanceof WasmNodeWrapper wrapper ? wrapper.getDelegateNode() : node;
    }

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
