package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmlang.testing.Contexts;
import org.wasmlang.testing.WasmBinary;

/**
 * An i32 or i64 comparison right before the {@code br_if} or {@code if} that tests it has
 * no node of its own: the branch evaluates it (docs/architecture.md, "Node builder"). Every
 * comparison, with operands from locals, from stack slots and as a constant, checked against
 * Java's, interpreted and with every function compiled before its first call.
 */
class FoldedCompareTest {
    /** eqz, eq, ne, lt_s, lt_u, gt_s, gt_u, le_s, le_u, ge_s, ge_u, from I32_EQZ and I64_EQZ. */
    private static final String[] NAMES = {"eqz", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"};
    private static final int I32_EQZ = 0x45;
    private static final int I64_EQZ = 0x50;
    private static final long CONSTANT = 7;

    private static boolean holds(int k, long a, long b, boolean wide) {
        int unsigned = wide ? Long.compareUnsigned(a, b) : Integer.compareUnsigned((int) a, (int) b);
        int signed = Long.compare(a, b);
        return switch (k) {
            case 0 -> a == 0;
            case 1 -> a == b;
            case 2 -> a != b;
            case 3 -> signed < 0;
            case 4 -> unsigned < 0;
            case 5 -> signed > 0;
            case 6 -> unsigned > 0;
            case 7 -> signed <= 0;
            case 8 -> unsigned <= 0;
            case 9 -> signed >= 0;
            default -> unsigned >= 0;
        };
    }

    /**
     * For comparison k: a function of (a, b) returning bit 0 from a br_if on the comparison
     * of the locals, bit 1 from an if on it, bit 2 from an if on a compared with the
     * constant, bit 3 from a br_if on the comparison of a + 0 and b + 0 (stack slots).
     */
    private static byte[] body(int k, boolean wide) {
        int opcode = (wide ? I64_EQZ : I32_EQZ) + k;
        boolean unary = k == 0;
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        // block (result i32); i32.const 1; operands; op; br_if 0; drop; i32.const 0; end
        code.writeBytes(new byte[]{0x02, 0x7F, 0x41, 0x01, 0x20, 0x00});
        if (!unary) {
            code.writeBytes(new byte[]{0x20, 0x01});
        }
        code.writeBytes(new byte[]{(byte) opcode, 0x0D, 0x00, 0x1A, 0x41, 0x00, 0x0B});
        // operands; op; if (result i32) i32.const 2 else i32.const 0 end; i32.or
        code.writeBytes(new byte[]{0x20, 0x00});
        if (!unary) {
            code.writeBytes(new byte[]{0x20, 0x01});
        }
        code.writeBytes(new byte[]{(byte) opcode, 0x04, 0x7F, 0x41, 0x02, 0x05, 0x41, 0x00, 0x0B, 0x72});
        if (!unary) {
            // local.get 0; const 7; op; if (result i32) i32.const 4 else i32.const 0 end; i32.or
            code.writeBytes(new byte[]{0x20, 0x00, (byte) (wide ? 0x42 : 0x41), (byte) CONSTANT, (byte) opcode, 0x04, 0x7F, 0x41,
                            0x04, 0x05, 0x41, 0x00, 0x0B, 0x72});
        }
        byte add = (byte) (wide ? 0x7C : 0x6A);
        byte zero = (byte) (wide ? 0x42 : 0x41);
        // block (result i32); i32.const 8; local.get 0; const 0; add; [the same for 1]; op; br_if 0; drop; i32.const 0; end; i32.or
        code.writeBytes(new byte[]{0x02, 0x7F, 0x41, 0x08, 0x20, 0x00, zero, 0x00, add});
        if (!unary) {
            code.writeBytes(new byte[]{0x20, 0x01, zero, 0x00, add});
        }
        code.writeBytes(new byte[]{(byte) opcode, 0x0D, 0x00, 0x1A, 0x41, 0x00, 0x0B, 0x72});
        return code.toByteArray();
    }

    private static byte[] module() {
        WasmBinary b = new WasmBinary();
        int i32Type = b.type(new int[]{WasmBinary.I32, WasmBinary.I32}, new int[]{WasmBinary.I32});
        int i64Type = b.type(new int[]{WasmBinary.I64, WasmBinary.I64}, new int[]{WasmBinary.I32});
        for (int k = 0; k < NAMES.length; k++) {
            b.export("i32_" + NAMES[k], b.function(i32Type, new int[0], body(k, false)));
            b.export("i64_" + NAMES[k], b.function(i64Type, new int[0], body(k, true)));
        }
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void foldedComparisonsAgreeWithJava(boolean compiled) {
        long[] values = {0, 1, -1, 7, 8, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32};
        try (Context context = Contexts.interpretedOrCompiled(compiled).build()) {
            Value exports = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(module()), "compares.wasm").buildLiteral())
                            .invokeMember("newInstance").getMember("exports");
            for (boolean wide : new boolean[]{false, true}) {
                for (int k = 0; k < NAMES.length; k++) {
                    Value function = exports.getMember((wide ? "i64_" : "i32_") + NAMES[k]);
                    for (long x : values) {
                        for (long y : values) {
                            long a = wide ? x : (int) x;
                            long b = wide ? y : (int) y;
                            int expected = (holds(k, a, b, wide) ? 1 | 2 | 8 : 0) | (k > 0 && holds(k, a, CONSTANT, wide) ? 4 : 0);
                            int actual = wide ? function.execute(a, b).asInt() : function.execute((int) a, (int) b).asInt();
                            assertEquals(expected, actual, (wide ? "i64." : "i32.") + NAMES[k] + "(" + a + ", " + b + ")");
                        }
                    }
                }
            }
        }
    }
}
