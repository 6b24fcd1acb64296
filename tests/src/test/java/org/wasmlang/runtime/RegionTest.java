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
 * A function too large for one flattened region (several thousand control points), so
 * nested blocks and ifs become regions of their own and branches leave them for a block of
 * the enclosing region: run interpreted and with every function compiled before its first
 * call (a failed compilation, e.g. partial evaluation giving up, is an error).
 */
class RegionTest {
    private static final int BLOCKS = 1400;

    /**
     * {@code f(x)}: block $out, then BLOCKS blocks; block k adds 1 to the result unless
     * {@code x == k}, which branches to $out (from an if in odd blocks, a br_if in even ones),
     * or {@code x == k + BLOCKS}, which a loop in block k (a nested node whose label the
     * enclosing region resolves) takes as a branch to the end of block k; after block k,
     * 2 is added. So f(x) = 3x below BLOCKS, 3 * BLOCKS - 1 below 2 * BLOCKS, and
     * 3 * BLOCKS above.
     */
    private static byte[] module() {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(new byte[]{0x02, 0x40}); // block $out
        for (int k = 0; k < BLOCKS; k++) {
            code.writeBytes(new byte[]{0x02, 0x40, 0x03, 0x40, 0x20, 0x00}); // block; loop; local.get 0
            code.write(0x41); // i32.const k + BLOCKS
            writeSigned(code, k + BLOCKS);
            code.writeBytes(new byte[]{0x46, 0x0D, 0x01, 0x0B}); // i32.eq; br_if (end of block k); end loop
            code.writeBytes(new byte[]{0x20, 0x00}); // local.get 0
            code.write(0x41); // i32.const k
            writeSigned(code, k);
            code.write(0x46); // i32.eq
            if (k % 2 == 0) {
                code.writeBytes(new byte[]{0x0D, 0x01}); // br_if $out
            } else {
                code.writeBytes(new byte[]{0x04, 0x40, 0x0C, 0x02, 0x0B}); // if; br $out; end
            }
            // local.get 1; i32.const 1; i32.add; local.set 1; end; the same adding 2
            code.writeBytes(new byte[]{0x20, 0x01, 0x41, 0x01, 0x6A, 0x21, 0x01, 0x0B});
            code.writeBytes(new byte[]{0x20, 0x01, 0x41, 0x02, 0x6A, 0x21, 0x01});
        }
        code.writeBytes(new byte[]{0x0B, 0x20, 0x01}); // end $out; local.get 1
        return oneFunction("f", new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32}, code);
    }

    /** A module exporting one function of i32 parameters and result, with the given body. */
    private static byte[] oneFunction(String name, int[] params, int[] locals, ByteArrayOutputStream code) {
        WasmBinary b = new WasmBinary();
        int type = b.type(params, new int[]{WasmBinary.I32});
        b.export(name, b.function(type, locals, code.toByteArray()));
        return b.build();
    }

    private static Value export(Context context, byte[] module, String name) {
        Value instance = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(module), name + ".wasm").buildLiteral())
                        .invokeMember("newInstance");
        return instance.getMember("exports").getMember(name);
    }

    private static final int CASES = 60;
    private static final int IFS_PER_CASE = 20;

    /**
     * {@code g(start, skip)}: the dispatch of an interpreter written in C, too large for one
     * region. CASES blocks nested in each other around a {@code br_table} on {@code start};
     * after the end of block k comes case k-1, inside block k+1: IFS_PER_CASE ifs that each
     * add 1 to a counter, halfway an if that leaves for the next case when
     * {@code skip == k}, then a return of the counter plus 1000 times the case. Branches
     * thus leave ifs that became regions of their own for blocks flattened around them.
     */
    private static byte[] dispatchModule() {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (int k = 0; k < CASES; k++) {
            code.writeBytes(new byte[]{0x02, 0x40}); // block
        }
        code.writeBytes(new byte[]{0x20, 0x00, 0x0E}); // local.get 0; br_table
        writeSigned(code, CASES - 1);
        for (int depth = 0; depth < CASES; depth++) {
            writeSigned(code, depth);
        }
        for (int k = 0; k < CASES; k++) {
            code.write(0x0B); // end of the block case k follows
            for (int i = 0; i < IFS_PER_CASE; i++) {
                if (i == IFS_PER_CASE / 2 && k < CASES - 1) {
                    code.writeBytes(new byte[]{0x20, 0x01, 0x41}); // local.get 1; i32.const k
                    writeSigned(code, k);
                    code.writeBytes(new byte[]{0x46, 0x04, 0x40, 0x0C, 0x01, 0x0B}); // i32.eq; if; br 1; end
                }
                // local.get 0; i32.const -1; i32.ne; if; local.get 2; i32.const 1; i32.add; local.set 2; end
                code.writeBytes(new byte[]{0x20, 0x00, 0x41, 0x7F, 0x47, 0x04, 0x40, 0x20, 0x02, 0x41, 0x01, 0x6A, 0x21, 0x02, 0x0B});
            }
            code.writeBytes(new byte[]{0x20, 0x02, 0x41}); // local.get 2; i32.const 1000 k
            writeSigned(code, 1000 * k);
            code.writeBytes(new byte[]{0x6A, 0x0F}); // i32.add; return
        }
        code.writeBytes(new byte[]{0x41, 0x00}); // i32.const 0 (unreachable)
        return oneFunction("g", new int[]{WasmBinary.I32, WasmBinary.I32}, new int[]{WasmBinary.I32}, code);
    }

    private static void writeSigned(ByteArrayOutputStream out, int value) {
        while (true) {
            int bits = value & 0x7F;
            value >>= 7;
            boolean done = (value == 0 && (bits & 0x40) == 0) || (value == -1 && (bits & 0x40) != 0);
            out.write(done ? bits : bits | 0x80);
            if (done) {
                return;
            }
        }
    }

    private static Context context(boolean compiled) {
        Context.Builder builder = Contexts.interpretedOrCompiled(compiled);
        if (compiled) {
            // Tens of KB of code, compiled whole here to check the regions.
            builder.option("wasmlang.WholeCompileLimit", "0");
        }
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void branchesLeaveIfsCutFromAFlattenedDispatch(boolean compiled) {
        try (Context context = context(compiled)) {
            Value g = export(context, dispatchModule(), "g");
            for (int start : new int[]{0, 1, 30, CASES - 2, CASES - 1, CASES, 5000}) {
                int taken = Math.min(start, CASES - 1);
                for (int skip : new int[]{-1, taken, taken + 1}) {
                    int expected = skip == taken && taken < CASES - 1 ? IFS_PER_CASE / 2 + IFS_PER_CASE + 1000 * (taken + 1)
                                    : IFS_PER_CASE + 1000 * taken;
                    assertEquals(expected, g.execute(start, skip).asInt(), "g(" + start + ", " + skip + ")");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void branchesLeaveSplitRegions(boolean compiled) {
        try (Context context = context(compiled)) {
            Value f = export(context, module(), "f");
            for (int x : new int[]{0, 1, 2, 699, 700, 1398, 1399, 1400, 1401, 2100, 2799, 2800, 5000}) {
                int expected = x < BLOCKS ? 3 * x : x < 2 * BLOCKS ? 3 * BLOCKS - 1 : 3 * BLOCKS;
                assertEquals(expected, f.execute(x).asInt(), "f(" + x + ")");
            }
        }
    }
}
