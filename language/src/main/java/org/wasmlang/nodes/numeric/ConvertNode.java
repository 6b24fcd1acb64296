package org.wasmlang.nodes.numeric;

import static org.wasmlang.binary.Opcodes.*;

import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.WasmMath;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Conversions between value types (0xA7..0xBF) and the saturating truncations (0xFC 0..7,
 * given here as {@code SATURATING | subopcode}), in place on the top stack slot.
 */
public final class ConvertNode extends WasmNode {
    /** Marks the 0xFC-prefixed saturating truncations in {@link #opcode}. */
    public static final int SATURATING = 0x1000;

    private final int opcode;
    private final int source;
    private final int result;

    public ConvertNode(int opcode, int source, int result) {
        this.opcode = opcode;
        this.source = source;
        this.result = result;
    }

    @Override
    public int execute(VirtualFrame frame) {
        final int s = source;
        final int r = result;
        switch (opcode) {
            case I32_WRAP_I64 -> frame.setIntStatic(r, (int) frame.getLongStatic(s));
            case I32_TRUNC_F32_S -> frame.setIntStatic(r, WasmMath.i32TruncF32S(frame.getFloatStatic(s), this));
            case I32_TRUNC_F32_U -> frame.setIntStatic(r, WasmMath.i32TruncF32U(frame.getFloatStatic(s), this));
            case I32_TRUNC_F64_S -> frame.setIntStatic(r, WasmMath.i32TruncF64S(frame.getDoubleStatic(s), this));
            case I32_TRUNC_F64_U -> frame.setIntStatic(r, WasmMath.i32TruncF64U(frame.getDoubleStatic(s), this));
            case I64_EXTEND_I32_S -> frame.setLongStatic(r, frame.getIntStatic(s));
            case I64_EXTEND_I32_U -> frame.setLongStatic(r, Integer.toUnsignedLong(frame.getIntStatic(s)));
            case I64_TRUNC_F32_S -> frame.setLongStatic(r, WasmMath.i64TruncF32S(frame.getFloatStatic(s), this));
            case I64_TRUNC_F32_U -> frame.setLongStatic(r, WasmMath.i64TruncF32U(frame.getFloatStatic(s), this));
            case I64_TRUNC_F64_S -> frame.setLongStatic(r, WasmMath.i64TruncF64S(frame.getDoubleStatic(s), this));
            case I64_TRUNC_F64_U -> frame.setLongStatic(r, WasmMath.i64TruncF64U(frame.getDoubleStatic(s), this));
            case F32_CONVERT_I32_S -> frame.setFloatStatic(r, frame.getIntStatic(s));
            case F32_CONVERT_I32_U -> frame.setFloatStatic(r, WasmMath.f32ConvertI32U(frame.getIntStatic(s)));
            case F32_CONVERT_I64_S -> frame.setFloatStatic(r, WasmMath.f32ConvertI64S(frame.getLongStatic(s)));
            case F32_CONVERT_I64_U -> frame.setFloatStatic(r, WasmMath.f32ConvertI64U(frame.getLongStatic(s)));
            case F32_DEMOTE_F64 -> frame.setFloatStatic(r, (float) frame.getDoubleStatic(s));
            case F64_CONVERT_I32_S -> frame.setDoubleStatic(r, frame.getIntStatic(s));
            case F64_CONVERT_I32_U -> frame.setDoubleStatic(r, WasmMath.f64ConvertI32U(frame.getIntStatic(s)));
            case F64_CONVERT_I64_S -> frame.setDoubleStatic(r, frame.getLongStatic(s));
            case F64_CONVERT_I64_U -> frame.setDoubleStatic(r, WasmMath.f64ConvertI64U(frame.getLongStatic(s)));
            case F64_PROMOTE_F32 -> frame.setDoubleStatic(r, frame.getFloatStatic(s));
            case I32_REINTERPRET_F32 -> frame.setIntStatic(r, Float.floatToRawIntBits(frame.getFloatStatic(s)));
            case I64_REINTERPRET_F64 -> frame.setLongStatic(r, Double.doubleToRawLongBits(frame.getDoubleStatic(s)));
            case F32_REINTERPRET_I32 -> frame.setFloatStatic(r, Float.intBitsToFloat(frame.getIntStatic(s)));
            case F64_REINTERPRET_I64 -> frame.setDoubleStatic(r, Double.longBitsToDouble(frame.getLongStatic(s)));
            case SATURATING | I32_TRUNC_SAT_F32_S -> frame.setIntStatic(r, WasmMath.i32TruncSatF32S(frame.getFloatStatic(s)));
            case SATURATING | I32_TRUNC_SAT_F32_U -> frame.setIntStatic(r, WasmMath.i32TruncSatF32U(frame.getFloatStatic(s)));
            case SATURATING | I32_TRUNC_SAT_F64_S -> frame.setIntStatic(r, WasmMath.i32TruncSatF64S(frame.getDoubleStatic(s)));
            case SATURATING | I32_TRUNC_SAT_F64_U -> frame.setIntStatic(r, WasmMath.i32TruncSatF64U(frame.getDoubleStatic(s)));
            case SATURATING | I64_TRUNC_SAT_F32_S -> frame.setLongStatic(r, WasmMath.i64TruncSatF32S(frame.getFloatStatic(s)));
            case SATURATING | I64_TRUNC_SAT_F32_U -> frame.setLongStatic(r, WasmMath.i64TruncSatF32U(frame.getFloatStatic(s)));
            case SATURATING | I64_TRUNC_SAT_F64_S -> frame.setLongStatic(r, WasmMath.i64TruncSatF64S(frame.getDoubleStatic(s)));
            case SATURATING | I64_TRUNC_SAT_F64_U -> frame.setLongStatic(r, WasmMath.i64TruncSatF64U(frame.getDoubleStatic(s)));
            default -> throw new IllegalStateException("not a conversion opcode: " + opcode);
        }
        return NORMAL;
    }
}
