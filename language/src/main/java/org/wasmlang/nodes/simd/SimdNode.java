package org.wasmlang.nodes.simd;

import org.wasmlang.binary.Instruction.Family;
import org.wasmlang.module.ValueType;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.simd.SimdValues;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Every SIMD instruction that only computes. The family and sub-opcode are final fields,
 * so partial evaluation keeps one operation of {@link SimdValues}, on the representation
 * the JVM runs v128 in (Vector API vectors or two longs); nothing of a v128 leaves
 * compiled code.
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
    /** The shuffle as the v128 representation wants it (SimdValues.prepareShuffle). */
    private final Object preparedShuffle;

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
        this.preparedShuffle = shuffle != null ? SimdValues.prepareShuffle(shuffle) : null;
    }

    private static Object vector(Frame frame, int slot) {
        return SimdValues.get(frame, slot);
    }

    /**
     * An if chain, not a switch: a switch on an enum reads javac's ordinal map, an array
     * partial evaluation cannot fold, so every family's code would be compiled into each node.
     */
    @Override
    public int execute(VirtualFrame frame) {
        if (family == Family.V128_BINARY) {
            SimdValues.set(frame, result, SimdValues.binary(opcode, vector(frame, a), vector(frame, b)));
        } else if (family == Family.V128_UNARY) {
            SimdValues.set(frame, result, SimdValues.unary(opcode, vector(frame, a)));
        } else if (family == Family.V128_TERNARY) {
            SimdValues.set(frame, result, SimdValues.ternary(opcode, vector(frame, a), vector(frame, b), vector(frame, c)));
        } else if (family == Family.V128_TEST) {
            frame.setIntStatic(result, SimdValues.test(opcode, vector(frame, a)));
        } else if (family == Family.V128_SHIFT) {
            SimdValues.set(frame, result, SimdValues.shift(opcode, vector(frame, a), frame.getIntStatic(b)));
        } else if (family == Family.V128_SPLAT) {
            SimdValues.set(frame, result, SimdValues.splat(opcode, scalarBits(frame, a)));
        } else if (family == Family.V128_EXTRACT_LANE) {
            setScalar(frame, result, SimdValues.extractLane(opcode, vector(frame, a), lane));
        } else if (family == Family.V128_REPLACE_LANE) {
            SimdValues.set(frame, result, SimdValues.replaceLane(opcode, vector(frame, a), lane, scalarBits(frame, b)));
        } else if (family == Family.V128_SHUFFLE) {
            SimdValues.set(frame, result, SimdValues.shuffle(vector(frame, a), vector(frame, b), shuffle, preparedShuffle));
        } else {
            throw CompilerDirectives.shouldNotReachHere(family.name());
        }
        return NORMAL;
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
