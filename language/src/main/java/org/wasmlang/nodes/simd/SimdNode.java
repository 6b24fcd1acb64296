package org.wasmlang.nodes.simd;

import org.wasmlang.binary.Instruction.Family;
import org.wasmlang.module.ValueType;
import org.wasmlang.nodes.Values;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.simd.SimdMode;
import org.wasmlang.runtime.simd.SimdOps;
import org.wasmlang.runtime.simd.V128;
import org.wasmlang.runtime.simd.VectorApiOps;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Every SIMD instruction that only computes. The family and sub-opcode are final fields,
 * so partial evaluation keeps one call into {@link SimdOps}; the {@link V128}s it reads from
 * and writes to pairs of long slots (see {@link Values}) never leave compiled code.
 */
public final class SimdNode extends WasmNode {
    private final Family family;
    private final int opcode;
    /** Operand slots (locals or stack slots); unused ones are -1. */
    private final int a;
    private final int b;
    private final int c;
    private final int result;
    /** The lane of extract_lane/replace_lane. */
    private final int lane;
    /** The scalar type of a splat's operand, of extract_lane's result or replace_lane's operand. */
    private final int scalarType;
    @CompilationFinal(dimensions = 1) private final byte[] shuffle;
    /** The shuffle as a Vector API lane selection, when v128s are vectors. */
    private final Object vectorShuffle;

    public SimdNode(Family family, int opcode, int a, int b, int c, int result, int lane, int scalarType, byte[] shuffle) {
        this.family = family;
        this.opcode = opcode;
        this.a = a;
        this.b = b;
        this.c = c;
        this.result = result;
        this.lane = lane;
        this.scalarType = scalarType;
        this.shuffle = shuffle;
        this.vectorShuffle = SimdMode.VECTOR_API && shuffle != null ? VectorApiOps.shuffleOf(shuffle) : null;
    }

    private static V128 vector(Frame frame, int slot) {
        return Values.getVector(frame, slot);
    }

    /**
     * An if chain, not a switch: a switch on an enum reads javac's ordinal map, an array
     * partial evaluation cannot fold, so every family's code would be compiled into each node.
     */
    @Override
    public int execute(VirtualFrame frame) {
        if (SimdMode.VECTOR_API) {
            executeOnVectors(frame);
            return NORMAL;
        }
        if (family == Family.V128_BINARY) {
            Values.setVector(frame, result, SimdOps.binary(opcode, vector(frame, a), vector(frame, b)));
        } else if (family == Family.V128_UNARY) {
            Values.setVector(frame, result, SimdOps.unary(opcode, vector(frame, a)));
        } else if (family == Family.V128_TERNARY) {
            Values.setVector(frame, result, SimdOps.ternary(opcode, vector(frame, a), vector(frame, b), vector(frame, c)));
        } else if (family == Family.V128_TEST) {
            frame.setIntStatic(result, SimdOps.test(opcode, vector(frame, a)));
        } else if (family == Family.V128_SHIFT) {
            Values.setVector(frame, result, SimdOps.shift(opcode, vector(frame, a), frame.getIntStatic(b)));
        } else if (family == Family.V128_SPLAT) {
            Values.setVector(frame, result, SimdOps.splat(opcode, scalarBits(frame, a)));
        } else if (family == Family.V128_EXTRACT_LANE) {
            setScalar(frame, result, SimdOps.extractLane(opcode, vector(frame, a), lane));
        } else if (family == Family.V128_REPLACE_LANE) {
            Values.setVector(frame, result, SimdOps.replaceLane(opcode, vector(frame, a), lane, scalarBits(frame, b)));
        } else if (family == Family.V128_SHUFFLE) {
            Values.setVector(frame, result, SimdOps.shuffle(vector(frame, a), vector(frame, b), shuffle));
        } else {
            throw CompilerDirectives.shouldNotReachHere(family.name());
        }
        return NORMAL;
    }

    /** The same chain as {@link #execute}, on Vector API vectors in object slots. */
    private void executeOnVectors(VirtualFrame frame) {
        if (family == Family.V128_BINARY) {
            frame.setObjectStatic(result, VectorApiOps.binary(opcode, frame.getObjectStatic(a), frame.getObjectStatic(b)));
        } else if (family == Family.V128_UNARY) {
            frame.setObjectStatic(result, VectorApiOps.unary(opcode, frame.getObjectStatic(a)));
        } else if (family == Family.V128_TERNARY) {
            frame.setObjectStatic(result, VectorApiOps.ternary(opcode, frame.getObjectStatic(a), frame.getObjectStatic(b),
                            frame.getObjectStatic(c)));
        } else if (family == Family.V128_TEST) {
            frame.setIntStatic(result, VectorApiOps.test(opcode, frame.getObjectStatic(a)));
        } else if (family == Family.V128_SHIFT) {
            frame.setObjectStatic(result, VectorApiOps.shift(opcode, frame.getObjectStatic(a), frame.getIntStatic(b)));
        } else if (family == Family.V128_SPLAT) {
            frame.setObjectStatic(result, VectorApiOps.splat(opcode, scalarBits(frame, a)));
        } else if (family == Family.V128_EXTRACT_LANE) {
            setScalar(frame, result, VectorApiOps.extractLane(opcode, frame.getObjectStatic(a), lane));
        } else if (family == Family.V128_REPLACE_LANE) {
            frame.setObjectStatic(result, VectorApiOps.replaceLane(opcode, frame.getObjectStatic(a), lane, scalarBits(frame, b)));
        } else if (family == Family.V128_SHUFFLE) {
            frame.setObjectStatic(result, VectorApiOps.shuffle(frame.getObjectStatic(a), frame.getObjectStatic(b), vectorShuffle, shuffle));
        } else {
            throw CompilerDirectives.shouldNotReachHere(family.name());
        }
    }

    /** A scalar operand as the raw bits {@link SimdOps} takes. */
    private long scalarBits(Frame frame, int slot) {
        return switch (scalarType) {
            case ValueType.I32 -> frame.getIntStatic(slot);
            case ValueType.I64 -> frame.getLongStatic(slot);
            case ValueType.F32 -> Float.floatToRawIntBits(frame.getFloatStatic(slot));
            default -> Double.doubleToRawLongBits(frame.getDoubleStatic(slot));
        };
    }

    private void setScalar(Frame frame, int slot, long bits) {
        switch (scalarType) {
            case ValueType.I32 -> frame.setIntStatic(slot, (int) bits);
            case ValueType.I64 -> frame.setLongStatic(slot, bits);
            case ValueType.F32 -> frame.setFloatStatic(slot, Float.intBitsToFloat((int) bits));
            default -> frame.setDoubleStatic(slot, Double.longBitsToDouble(bits));
        }
    }
}
