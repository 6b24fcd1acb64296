package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmException;
import org.wasmlang.runtime.WasmTag;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * The legacy {@code try}: {@code try ... catch x ... catch_all ... end} or
 * {@code try ... delegate l}. The body and each handler are regions with the try's label.
 * An exception from the body that a catch matches puts the tag's values on the stack at the
 * try's height, keeps the exception in the try's frame slot (for {@code rethrow}) and runs
 * that handler; exceptions from a handler go on outwards. With {@code delegate}, every
 * exception from the body goes on as a {@link DelegatedException} to the handlers around the
 * target label.
 */
public final class LegacyTryNode extends TryNode {
    private WasmNode[][] handlerBodies;
    @Child private Handlers handlerRegions;
    /** Per handler: its tag, or null for catch_all. */
    @CompilationFinal(dimensions = 1) private final WasmTag[] tags;
    /** Where a handler's values go (the try's height). */
    private final int height;
    /** Where the caught exception is kept for rethrow. */
    private final int exceptionSlot;
    /** The label delegated to, or -1. */
    private final int delegateLabel;

    public LegacyTryNode(WasmNode[] body, int label, WasmNode[][] handlers, WasmTag[] tags, int height, int exceptionSlot,
                    int delegateLabel) {
        super(body, label);
        this.handlerBodies = handlers;
        this.tags = tags;
        this.height = height;
        this.exceptionSlot = exceptionSlot;
        this.delegateLabel = delegateLabel;
    }

    @Override
    @ExplodeLoop
    int handle(VirtualFrame frame, AbstractTruffleException exception) {
        if (delegateLabel >= 0) {
            throw new DelegatedException(exception, delegateLabel);
        }
        for (int c = 0; c < tags.length; c++) {
            WasmTag tag = tags[c];
            if (matches(tag, exception)) {
                if (tag != null) {
                    unboxPayload(frame, tag, (WasmException) exception, height);
                }
                frame.setObjectStatic(exceptionSlot, exception);
                return handlerRegions.regions[c].execute(frame);
            }
        }
        throw exception;
    }

    @Override
    public int targetCount() {
        return 0;
    }

    @Override
    public int targetLabel(int t) {
        throw new IndexOutOfBoundsException();
    }

    @Override
    public void setTakenDeadLocals(int t, int[] locals) {
        throw new IndexOutOfBoundsException();
    }

    @Override
    public WasmNode[][] handlers() {
        return handlerBodies;
    }

    @Override
    void flattenHandlers() {
        RegionNode[] regions = new RegionNode[handlerBodies.length];
        for (int c = 0; c < regions.length; c++) {
            regions[c] = RegionNode.create(handlerBodies[c], label, false);
        }
        handlerRegions = insert(new Handlers(regions));
        handlerBodies = null;
    }

    @Override
    public String toString() {
        return "try";
    }

    /** The handlers' regions, made when the try is flattened. */
    static final class Handlers extends com.oracle.truffle.api.nodes.Node {
        @Children final RegionNode[] regions;

        Handlers(RegionNode[] regions) {
            this.regions = regions;
        }
    }
}
