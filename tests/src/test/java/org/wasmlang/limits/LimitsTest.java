package org.wasmlang.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

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
 * Every resource limit, hit from a Java host: the guest gets -1 or a trap, the host a
 * PolyglotException naming the option, and the context keeps working (docs/reliability.md).
 */
class LimitsTest {
    private static Context context(String... options) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return Context.newBuilder("wasmlang").allowExperimentalOptions(true).options(map).build();
    }

    private static Context compiling(String... options) {
        String[] all = new String[options.length + 6];
        System.arraycopy(options, 0, all, 0, options.length);
        System.arraycopy(new String[]{"engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false",
                        "engine.CompilationFailureAction", "Throw"}, 0, all, options.length, 6);
        return context(all);
    }

    /** The exports of limits.wat, its env.reenter calling {@code reenter} (by default, nothing). */
    private static Value limits(Context context, AtomicReference<Value> exportsOut) {
        Object reenter = (ProxyExecutable) args -> exportsOut.get().getMember("through_host").execute(args[0]);
        Value instance = Guests.module(context, "limits.wasm").invokeMember("newInstance",
                        ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("reenter", reenter)))));
        Value exports = instance.getMember("exports");
        exportsOut.set(exports);
        return exports;
    }

    private static Value limits(Context context) {
        return limits(context, new AtomicReference<>());
    }

    private static Value module(Context context, WasmBinary binary) {
        return context.eval(Source.newBuilder("wasmlang", ByteSequence.create(binary.build()), "m.wasm").buildLiteral());
    }

    private static void assertMessage(PolyglotException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    // ---- memory ------------------------------------------------------------------------

    @Test
    void memoryGrowStopsAtTheMemoryLimit() {
        try (Context context = context("wasmlang.MemoryLimit", "4m")) {
            Value exports = limits(context);
            assertEquals(64, exports.getMember("grow_memory").execute(1).asInt(), "4 MiB are 64 pages");
            assertEquals(64, exports.getMember("grow_memory").execute(1).asInt(), "it stays refused");
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> exports.getMember("memory").invokeMember("grow", 1));
            assertMessage(e, "memory limit exceeded", "wasmlang.MemoryLimit", "4 MiB");
            assertEquals(10, exports.getMember("down").execute(10).asInt(), "the context still runs code");
        }
    }

    @Test
    void instantiationBeyondTheMemoryLimitFails() {
        try (Context context = context("wasmlang.MemoryLimit", "1m")) {
            WasmBinary tenPages = new WasmBinary().memory(10);
            Value module = module(context, tenPages);
            module.invokeMember("newInstance");
            PolyglotException e = assertThrows(PolyglotException.class, () -> module.invokeMember("newInstance"));
            assertMessage(e, "memory limit exceeded", "640 KiB more", "wasmlang.MemoryLimit of 1 MiB");
            assertTrue(e.isGuestException() && !e.isInternalError(), e.toString());
            PolyglotException binding = assertThrows(PolyglotException.class,
                            () -> context.getBindings("wasmlang").getMember("Memory").newInstance(7));
            assertMessage(binding, "Memory: memory limit exceeded");
            assertEquals(6, context.getBindings("wasmlang").getMember("Memory").newInstance(6).getMember("pages").asInt());
        }
    }

    @Test
    void memoriesOfCollectedInstancesGiveTheirShareBack() throws InterruptedException {
        try (Context context = context("wasmlang.MemoryLimit", "2m")) {
            Value module = module(context, new WasmBinary().memory(20));
            // Each instance takes 1.25 MiB of 2: the next one fits only once the last is collected.
            for (int i = 0; i < 5; i++) {
                boolean made = false;
                for (int attempt = 0; attempt < 50 && !made; attempt++) {
                    try {
                        module.invokeMember("newInstance");
                        made = true;
                    } catch (PolyglotException e) {
                        assertMessage(e, "memory limit exceeded");
                        System.gc();
                        Thread.sleep(20);
                    }
                }
                assertTrue(made, "instance " + i + " never fitted");
            }
        }
    }

    // ---- tables and instances -----------------------------------------------------------

    @Test
    void tablesStopAtTheTableSizeLimit() {
        try (Context context = context("wasmlang.TableSizeLimit", "1000")) {
            Value exports = limits(context);
            assertEquals(995, exports.getMember("grow_table").execute(7).asInt(), "1 + 7k elements, not past 1000");
            PolyglotException grow = assertThrows(PolyglotException.class,
                            () -> exports.getMember("table").invokeMember("grow", 100));
            assertMessage(grow, "table.grow failed: table limit exceeded", "wasmlang.TableSizeLimit (1000)");
            PolyglotException link = assertThrows(PolyglotException.class,
                            () -> module(context, new WasmBinary().table(1001)).invokeMember("newInstance"));
            assertMessage(link, "table limit exceeded: a table of 1001 elements", "raise the option wasmlang.TableSizeLimit");
            PolyglotException binding = assertThrows(PolyglotException.class,
                            () -> context.getBindings("wasmlang").getMember("Table").newInstance(5000));
            assertMessage(binding, "Table: table limit exceeded");
            module(context, new WasmBinary().table(1000)).invokeMember("newInstance");
        }
    }

    @Test
    void theDefaultTableSizeLimitIsTenMillion() {
        try (Context context = context()) {
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> context.getBindings("wasmlang").getMember("Table").newInstance(10_000_001));
            assertMessage(e, "wasmlang.TableSizeLimit (10000000)");
        }
    }

    @Test
    void instancesStopAtTheInstanceLimit() {
        try (Context context = context("wasmlang.InstanceLimit", "3")) {
            Value module = module(context, new WasmBinary().memory(1));
            for (int i = 0; i < 3; i++) {
                module.invokeMember("newInstance");
            }
            PolyglotException e = assertThrows(PolyglotException.class, () -> module.invokeMember("newInstance"));
            assertMessage(e, "instance limit exceeded", "3 instances", "raise the option wasmlang.InstanceLimit");
        }
    }

    @Test
    void aLimitOptionWithABadValueFailsTheContext() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context("wasmlang.MemoryLimit", "lots"));
        assertTrue(e.getMessage().contains("not a size: lots"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> context("wasmlang.TableSizeLimit", "0"));
    }

    // ---- CPU ------------------------------------------------------------------------

    @ParameterizedTest(name = "compiled = {0}")
    @ValueSource(booleans = {false, true})
    void aCallPastTheTimeLimitEndsAndTheContextStaysUsable(boolean compiled) {
        String[] options = {"wasmlang.CallTimeLimit", "1s"};
        try (Context context = compiled ? compiling(options) : context(options)) {
            Value exports = limits(context);
            for (int call = 0; call < 2; call++) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("spin").execute(0));
                assertMessage(e, "call time limit exceeded", "wasmlang.CallTimeLimit (1000ms)", "raise the option");
                assertTrue(e.isGuestException() && !e.isCancelled() && !e.isInternalError(), e.toString());
                assertEquals(100, exports.getMember("down").execute(100).asInt());
            }
        }
    }

    @Test
    void theTimeLimitCoversCallsBackIntoWasm() {
        try (Context context = context("wasmlang.CallTimeLimit", "300ms")) {
            AtomicReference<Value> exports = new AtomicReference<>();
            Value instance = Guests.module(context, "limits.wasm").invokeMember("newInstance", ProxyObject.fromMap(Map.of(
                            "env", ProxyObject.fromMap(Map.of("reenter", (ProxyExecutable) args -> exports.get()
                                            .getMember("spin").execute(args[0]))))));
            exports.set(instance.getMember("exports"));
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> exports.get().getMember("through_host").execute(0));
            assertMessage(e, "call time limit exceeded");
        }
    }

    /** Context.interrupt and close(true) end a call that runs under a time limit, as they end any other. */
    @Test
    void interruptAndCancelStillWorkUnderATimeLimit() throws Exception {
        Context context = context("wasmlang.CallTimeLimit", "60s");
        Value exports = limits(context);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread guest = new Thread(() -> {
            try {
                exports.getMember("spin").execute(0);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        guest.start();
        Thread.sleep(300);
        context.interrupt(java.time.Duration.ofSeconds(30));
        guest.join(30_000);
        assertTrue(outcome.get() instanceof PolyglotException e && e.isInterrupted(), String.valueOf(outcome.get()));
        assertEquals(5, exports.getMember("down").execute(5).asInt(), "usable after the interrupt");

        Thread second = new Thread(() -> {
            try {
                exports.getMember("spin").execute(0);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        second.start();
        Thread.sleep(300);
        context.close(true);
        second.join(30_000);
        assertTrue(outcome.get() instanceof PolyglotException e && e.isCancelled(), String.valueOf(outcome.get()));
    }

    // ---- stack ------------------------------------------------------------------------

    @ParameterizedTest(name = "compiled = {0}")
    @ValueSource(booleans = {false, true})
    void theCallDepthLimitEndsDeepRecursionExactly(boolean compiled) {
        String[] options = {"wasmlang.CallDepthLimit", "1000"};
        try (Context context = compiled ? compiling(options) : context(options)) {
            Value down = limits(context).getMember("down");
            assertEquals(999, down.execute(999).asInt(), "1000 nested calls");
            PolyglotException e = assertThrows(PolyglotException.class, () -> down.execute(1000));
            assertMessage(e, "call stack exhausted", "wasmlang.CallDepthLimit, 1000 nested calls");
            assertEquals(999, down.execute(999).asInt(), "the count is back at 0");
        }
    }

    @Test
    void theCallDepthCountsAcrossTheHost() {
        try (Context context = context("wasmlang.CallDepthLimit", "500")) {
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> limits(context).getMember("through_host").execute(0));
            assertMessage(e, "call stack exhausted", "wasmlang.CallDepthLimit, 500");
        }
    }

    /** Without a depth limit the thread's stack is the limit: small stacks too, interpreted and compiled. */
    @ParameterizedTest(name = "compiled = {0}")
    @ValueSource(booleans = {false, true})
    void recursionOnASmallThreadStackEndsInTheTrap(boolean compiled) throws InterruptedException {
        try (Context context = compiled ? compiling() : context()) {
            Value exports = limits(context);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread small = new Thread(null, () -> {
                try {
                    exports.getMember("forever").execute(0);
                    outcome.set("returned");
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "small stack", 256 * 1024);
            small.start();
            small.join();
            assertTrue(outcome.get() instanceof PolyglotException e && e.getMessage().startsWith("call stack exhausted"),
                            String.valueOf(outcome.get()));
            assertEquals(50, exports.getMember("down").execute(50).asInt());
        }
    }

    /** The figures docs/reliability.md reports come from this test's output. */
    @Test
    void recursionThroughTheHostEndsInTheTrap() {
        try (Context context = context()) {
            AtomicReference<Value> exports = new AtomicReference<>();
            int[] deepest = new int[1];
            long[] lastEntry = new long[1];
            Object reenter = (ProxyExecutable) args -> {
                deepest[0] = Math.max(deepest[0], args[0].asInt());
                lastEntry[0] = System.nanoTime();
                return exports.get().getMember("through_host").execute(args[0]);
            };
            exports.set(Guests.module(context, "limits.wasm").invokeMember("newInstance", ProxyObject.fromMap(Map.of(
                            "env", ProxyObject.fromMap(Map.of("reenter", reenter))))).getMember("exports"));
            long start = System.nanoTime();
            PolyglotException e = assertThrows(PolyglotException.class, () -> exports.get().getMember("through_host").execute(0));
            long end = System.nanoTime();
            System.out.printf("recursion through the host: %d levels in %d ms, unwound in %d ms%n", deepest[0],
                            (lastEntry[0] - start) / 1_000_000, (end - lastEntry[0]) / 1_000_000);
            assertMessage(e, "call stack exhausted");
            assertFalse(e.isInternalError(), e.toString());
            // The trap itself, not Truffle's fallback for a crossing that failed (which drops the
            // guest object and attaches its own error: the slow unwinding's cause).
            assertEquals(0, e.getSuppressed().length, () -> Arrays.toString(e.getSuppressed()));
            assertNotNull(e.getGuestObject(), "the trap as the exception's guest object");
            assertEquals(5, exports.get().getMember("down").execute(5).asInt());
        }
    }
}
