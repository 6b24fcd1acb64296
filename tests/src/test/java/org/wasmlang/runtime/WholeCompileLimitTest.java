package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.wasmlang.testing.WasmBinary;

/**
 * {@code wasmlang.WholeCompileLimit}: a function with more code bytes is never compiled as a
 * whole, its loop still is (on-stack replacement), and it computes the same either way. Read
 * from Truffle's compilation trace, with every function compiled before its first call.
 */
class WholeCompileLimitTest {
    /** Additions in the straight-line part of {@code f}, 7 code bytes each. */
    private static final int ADDITIONS = 1500;
    /** Enough iterations of {@code f}'s loop for on-stack replacement. */
    private static final int ITERATIONS = 300_000;

    /** {@code f(n)}: ADDITIONS times {@code acc += 1}, then a loop adding 2 to acc n times; returns acc. */
    private static byte[] module() {
        List<Integer> code = new ArrayList<>();
        for (int i = 0; i < ADDITIONS; i++) {
            add(code, 0x20, 0x01, 0x41, 0x01, 0x6A, 0x21, 0x01); // local.get 1; i32.const 1; i32.add; local.set 1
        }
        add(code, 0x02, 0x40, 0x03, 0x40); // block; loop
        add(code, 0x20, 0x00, 0x45, 0x0D, 0x01); // local.get 0; i32.eqz; br_if (out of the block)
        add(code, 0x20, 0x01, 0x41, 0x02, 0x6A, 0x21, 0x01); // acc += 2
        add(code, 0x20, 0x00, 0x41, 0x01, 0x6B, 0x21, 0x00); // n -= 1
        add(code, 0x0C, 0x00, 0x0B, 0x0B, 0x20, 0x01); // br (the loop); end; end; local.get 1
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        b.export("f", b.function(type, new int[]{WasmBinary.I32}, code.stream().mapToInt(Integer::intValue).toArray()));
        return b.build();
    }

    private static void add(List<Integer> code, int... bytes) {
        for (int b : bytes) {
            code.add(b);
        }
    }

    /** Runs f a few times under the given limit; returns Truffle's compilation trace. */
    private static String run(String limit) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Context.Builder builder = Context.newBuilder("wasmlang").allowExperimentalOptions(true).logHandler(log)
                        .option("engine.WarnInterpreterOnly", "false").option("engine.CompileImmediately", "true")
                        .option("engine.BackgroundCompilation", "false").option("engine.TraceCompilation", "true");
        if (limit != null) {
            builder.option("wasmlang.WholeCompileLimit", limit);
        }
        try (Context context = builder.build()) {
            Value f = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(module()), "big.wasm").buildLiteral())
                            .invokeMember("newInstance").getMember("exports").getMember("f");
            for (int round = 0; round < 3; round++) {
                assertEquals(ADDITIONS + 2 * ITERATIONS, f.execute(ITERATIONS).asInt());
                assertEquals(ADDITIONS, f.execute(0).asInt());
            }
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    private static boolean traced(String log, String event, String unit) {
        return log.lines().anyMatch(line -> line.contains("opt " + event) && line.contains("wasm function " + unit));
    }

    @Test
    void aFunctionOverTheLimitCompilesLoopByLoop() {
        String log = run(null); // the default, 8 KB; f has about 10.5 KB
        assertTrue(log.contains("(wasmlang.WholeCompileLimit) compiles loop by loop"), log);
        assertFalse(traced(log, "done", "f "), log);
        assertTrue(traced(log, "done", "f<OSR"), log);
    }

    @Test
    void withoutALimitItCompilesWhole() {
        String log = run("0");
        assertTrue(traced(log, "done", "f "), log);
        assertFalse(log.contains("compiles loop by loop"), log);
    }

    @Test
    void aLimitAboveItsSizeLetsItCompileWhole() {
        String log = run("16k");
        assertTrue(traced(log, "done", "f "), log);
    }
}
