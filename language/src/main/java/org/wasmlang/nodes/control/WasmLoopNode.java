package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.simd.SimdValues;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.BytecodeOSRNode;
import com.oracle.truffle.api.nodes.LoopNode;

/**
 * A Wasm {@code loop}. Its body is a {@link RegionNode}: a branch to the loop's label starts
 * the next iteration; falling off the end or branching further out leaves it. The region is
 * made when the enclosing region flattens this node, so that the whole function's body can
 * be analysed first.
 *
 * <p>In compiled code the region loops by itself. In the interpreter this node runs one
 * iteration at a time, counts them for the function's compilation and, once the loop is
 * hot, continues it in compiled code by on-stack replacement. It does that as a
 * {@link BytecodeOSRNode} rather than through a Truffle {@code LoopNode}: the compiled loop
 * then works on a copy of the frame that the compiler keeps in registers, where a
 * {@code LoopNode}'s OSR code reads and writes every local in the interpreter's frame on
 * the heap (the {@code interp} workload: 141 ms per call against 81 ms once the whole
 * function is compiled). Leaving the loop from OSR code copies the frame back in place.
 */
public final class WasmLoopNode extends WasmNode implements BytecodeOSRNode {
    /**
     * Back edges counted per OSR poll. Truffle looks for OSR only when its counter crosses a
     * multiple of 1024, and each poll looks the loop's metadata up, which cost 2% of an
     * interpreted Lua run when done at every back edge.
     */
    private static final int OSR_POLL_BATCH = 64;

    private final int label;
    private WasmNode[] body;
    @Child private RegionNode region;
    @CompilationFinal private Object osrMetadata;
    /**
     * Whether this loop last ran in OSR code: the interpreter then enters that code at once
     * instead of counting back edges again. Truffle asks for OSR only every so many back
     * edges, so an inner loop of a few hundred iterations, entered anew by an outer loop
     * still in the interpreter, would otherwise run in the interpreter nearly every time
     * (matmul's first two calls: 5.3 s and 4.6 s with the polls alone).
     */
    private boolean ranInOsrCode;
    /** Back edges not yet reported to Truffle's OSR counter (see {@link #OSR_POLL_BATCH}). */
    private int unpolledBackEdges;

    public WasmLoopNode(WasmNode[] body, int label) {
        this.body = body;
        this.label = label;
    }

    WasmNode[] body() {
        return body;
    }

    int label() {
        return label;
    }

    void flatten() {
        if (region == null) {
            region = insert(RegionNode.create(body, label, true));
            body = null;
        }
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (CompilerDirectives.inCompiledCode()) {
            return (Integer) runCompiled(frame);
        }
        return interpret(frame);
    }

    /** Compiled code: the region returns only when the loop is left. */
    private Object runCompiled(VirtualFrame frame) {
        Object result;
        do {
            result = region.run(frame);
        } while (result == RegionNode.NEXT_ITERATION);
        return result;
    }

    private int interpret(VirtualFrame frame) {
        if (ranInOsrCode) {
            Object osrResult = BytecodeOSRNode.tryOSR(this, 0, null, null, frame);
            if (osrResult != null) {
                return (Integer) osrResult;
            }
            ranInOsrCode = false;
        }
        int iterations = 0;
        try {
            while (true) {
                Object result = region.run(frame);
                if (result != RegionNode.NEXT_ITERATION) {
                    return (Integer) result;
                }
                iterations++;
                TruffleSafepoint.poll(this);
                if (++unpolledBackEdges >= OSR_POLL_BATCH && pollOsr()) {
                    Object osrResult = BytecodeOSRNode.tryOSR(this, 0, null, null, frame);
                    if (osrResult != null) {
                        ranInOsrCode = true;
                        return (Integer) osrResult;
                    }
                }
            }
        } finally {
            // Iterations count toward compiling the function, as calls do.
            if (iterations > 0) {
                LoopNode.reportLoopCount(this, iterations);
            }
        }
    }

    private boolean pollOsr() {
        unpolledBackEdges = 0;
        return BytecodeOSRNode.pollOSRBackEdge(this, OSR_POLL_BATCH);
    }

    @Override
    public Object executeOSR(VirtualFrame osrFrame, int target, Object interpreterState) {
        return runCompiled(osrFrame);
    }

    /**
     * Copies every slot back as it is, raw, in compiled code. The default copy knows each
     * slot's kind only in the interpreter and so leaves compiled code first: a
     * deoptimization at every exit, 25,000 of them in the first two calls of {@code matmul},
     * whose inner loops were replaced while the outer ones still ran in the interpreter.
     * The vectors of the last tier's code stay behind (SimdValues.dropShadows).
     */
    @Override
    public void restoreParentFrame(VirtualFrame osrFrame, VirtualFrame parentFrame) {
        SimdValues.dropShadows(osrFrame);
        osrFrame.copyTo(0, parentFrame, 0, osrFrame.getFrameDescriptor().getNumberOfSlots());
    }

    /** The interpreter's frame as it is, then the vectors of the last tier's code made from it (SimdValues.makeShadows). */
    @Override
    public void copyIntoOSRFrame(VirtualFrame osrFrame, VirtualFrame parentFrame, int target, Object targetMetadata) {
        BytecodeOSRNode.super.copyIntoOSRFrame(osrFrame, parentFrame, target, targetMetadata);
        SimdValues.makeShadows(osrFrame);
    }

    @Override
    public Object getOSRMetadata() {
        return osrMetadata;
    }

    @Override
    public void setOSRMetadata(Object osrMetadata) {
        this.osrMetadata = osrMetadata;
    }
}
