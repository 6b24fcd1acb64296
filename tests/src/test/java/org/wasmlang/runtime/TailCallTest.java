package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmlang.interop.Guests;
import org.wasmlang.testing.WasmBinary;

/**
 * {@code return_call} and {@code return_call_indirect} (guests/tail_calls.wat): chains of
 * 10 million tail calls run in constant stack and heap, interpreted and compiled, whoever
 * starts them; traps in them are ordinary traps; results, several of them too, reach the
 * host. A C threaded interpreter built with {@code [[clang::musttail]]} must compute what
 * Node computes.
 */
class TailCallTest {
    private static final long CHAIN = 10_000_000L;

    private static Context context(boolean compiled) {
        Context.Builder builder = Context.newBuilder("wasmlang").allowExperimentalOptions(true)
                        .option("engine.WarnInterpreterOnly", "false");
        if (compiled) {
            builder.options(Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false",
                            "engine.CompilationFailureAction", "Throw"));
        } else {
            builder.option("engine.Compilation", "false");
        }
        return builder.build();
    }

    /** The guest, importing a host function and {@code twice} of a second instance, which tail calls itself. */
    private static Value exports(Context context) {
        WasmBinary other = new WasmBinary();
        int type = other.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        int twice = other.function(type, new int[0], 0x20, 0, 0x12, 1); // local.get 0; return_call 1
        other.function(type, new int[0], 0x20, 0, 0x41, 2, 0x6C); // local.get 0; i32.const 2; i32.mul
        other.export("twice", twice);
        Value otherExports = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(other.build()), "other.wasm")
                        .buildLiteral()).invokeMember("newInstance").getMember("exports");
        Object imports = ProxyObject.fromMap(Map.of(
                        "host", ProxyObject.fromMap(Map.of("answer", (ProxyExecutable) args -> args[0].asInt() + 42)),
                        "other", ProxyObject.fromMap(Map.of("twice", otherExports.getMember("twice")))));
        return Guests.module(context, "tail_calls.wasm").invokeMember("newInstance", imports).getMember("exports");
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void tenMillionTailCallsRunInConstantSpace(boolean compiled) {
        try (Context context = context(compiled)) {
            Value exports = exports(context);
            assertEquals(1, exports.getMember("even").execute(CHAIN).asInt());
            assertEquals(0, exports.getMember("even_indirect").execute(CHAIN + 1).asInt());
            // Started by call and call_indirect inside Wasm: the call site runs the chain. A
            // million calls are far more than the stack holds, too.
            assertEquals(11, exports.getMember("even_via_call").execute(CHAIN / 10).asInt());
            assertEquals(10, exports.getMember("even_via_call_indirect").execute(CHAIN / 10 + 1).asInt());
        }
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void tailCallsReturnSeveralResults(boolean compiled) {
        try (Context context = context(compiled)) {
            Value exports = exports(context);
            Value results = exports.getMember("countdown").execute(100_000, 5L);
            assertEquals(5L + 100_000L * 100_001L / 2, results.getArrayElement(0).asLong());
            assertEquals(-1, results.getArrayElement(1).asInt());
            Value swapped = exports.getMember("swap_indirect").execute(7, 21L);
            assertEquals(42L, swapped.getArrayElement(0).asLong());
            assertEquals(8, swapped.getArrayElement(1).asInt());
        }
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void returnCallIndirectTrapsLikeCallIndirect(boolean compiled) {
        try (Context context = context(compiled)) {
            Value callSlot = exports(context).getMember("call_slot");
            assertEquals(1, callSlot.execute(0, 1000L).asInt());
            assertEquals(0, callSlot.execute(1, 1000L).asInt());
            assertTrap("indirect call type mismatch", () -> callSlot.execute(2, 1L));
            assertTrap("uninitialized element", () -> callSlot.execute(3, 1L));
            assertTrap("undefined element", () -> callSlot.execute(4, 1L));
            assertTrap("undefined element", () -> callSlot.execute(-1, 1L));
            // The engine goes on after the traps.
            assertEquals(1, callSlot.execute(0, 2L).asInt());
        }
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void trapsInTailCalledFunctionsAreOrdinaryTraps(boolean compiled) {
        try (Context context = context(compiled)) {
            Value exports = exports(context);
            assertEquals(-3, exports.getMember("tail_divide").execute(7, -2).asInt());
            PolyglotException trap = assertTrap("integer divide by zero", () -> exports.getMember("tail_divide").execute(7, 0));
            assertTrue(trap.isGuestException());
        }
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void tailCallsIntoImports(boolean compiled) {
        try (Context context = context(compiled)) {
            Value exports = exports(context);
            assertEquals(50, exports.getMember("to_host").execute(8).asInt());
            assertEquals(2 * 9, exports.getMember("to_other").execute(8).asInt());
        }
    }

    /** Interpreted only: forced compilation would run Graal on the nearly exhausted stack (see CompiledSpecSuiteTest). */
    @Test
    void ordinaryRecursionStillExhaustsTheStack() {
        try (Context context = context(false)) {
            Value exports = exports(context);
            assertTrap("call stack exhausted", () -> exports.getMember("deep").execute(0L));
            // The engine goes on, tail calls included.
            assertEquals(1, exports.getMember("even").execute(1000L).asInt());
        }
    }

    /** A tail call out of a loop that runs in on-stack-replaced code. */
    @Test
    void tailCallFromAnOsrLoop() {
        try (Context context = Context.newBuilder("wasmlang").allowExperimentalOptions(true)
                        .options(Map.of("engine.OSRCompilationThreshold", "1024", "engine.BackgroundCompilation", "false",
                                        "engine.CompilationFailureAction", "Throw"))
                        .build()) {
            Value loopThenTail = exports(context).getMember("loop_then_tail");
            assertEquals(0, loopThenTail.execute(200_000L).asInt());
            assertEquals(1, loopThenTail.execute(200_001L).asInt());
        }
    }

    /**
     * guests/tail_interpreter.c: every bytecode handler tail calls the next through a table,
     * so each run is one chain of millions of return_call_indirect; the results must
     * be what Node 24 computed (guests/tail_interpreter.node.txt, made by build.sh).
     */
    @Test
    void threadedInterpreterAgreesWithNode() throws IOException {
        List<String> expected;
        try (InputStream in = TailCallTest.class.getResourceAsStream("/guests/tail_interpreter.node.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        try (Context context = Context.newBuilder("wasmlang").option("engine.WarnInterpreterOnly", "false").build()) {
            Value exports = Guests.module(context, "tail_interpreter.wasm").invokeMember("newInstance").getMember("exports");
            assertEquals(6, expected.size(), "one line per call in tail_interpreter.node.txt");
            for (String line : expected) {
                // "run 0 10000 = 849666" or "parity 10000001 = 0"
                String[] words = line.split(" ");
                String name = words[0];
                Value result = name.equals("run")
                                ? exports.getMember("run").execute(Integer.parseInt(words[1]), Long.parseLong(words[2]))
                                : exports.getMember("parity").execute(Long.parseLong(words[1]));
                assertEquals(line, line.substring(0, line.indexOf('=') + 2) + (name.equals("run") ? result.asLong() : result.asInt()));
            }
        }
    }

    private static PolyglotException assertTrap(String message, Runnable call) {
        PolyglotException e = assertThrows(PolyglotException.class, call::run);
        assertTrue(e.getMessage().contains(message), () -> "expected \"" + message + "\", got " + e.getMessage());
        return e;
    }
}
