package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmlang.testing.WasmBinary;

/**
 * A guest stuck in an endless loop can be cancelled by the host, interpreted and compiled
 * alike. Compiled loops close inside their region (no LoopNode per iteration), so this checks
 * that the compiler's safepoints on guest loops still let {@code Context.close(true)} in.
 */
class CancellationTest {
    @ParameterizedTest(name = "compiled = {0}")
    @ValueSource(booleans = {false, true})
    void anEndlessLoopIsCancelled(boolean compiled) throws InterruptedException {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        // loop: local0 = local0 + 1; br 0 (never ends).
        int spin = b.function(type, new int[0], 0x03, 0x40, 0x20, 0x00, 0x41, 0x01, 0x6A, 0x21, 0x00, 0x0C, 0x00, 0x0B,
                        0x20, 0x00);
        b.export("spin", spin);
        Context.Builder builder = Context.newBuilder("wasmlang");
        if (compiled) {
            builder.allowExperimentalOptions(true).options(Map.of("engine.CompileImmediately", "true",
                            "engine.BackgroundCompilation", "false", "engine.CompilationFailureAction", "Throw"));
        }
        Context context = builder.build();
        Value module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(b.build()), "spin.wasm").buildLiteral());
        Value exports = module.invokeMember("newInstance").getMember("exports");
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread guest = new Thread(() -> {
            started.countDown();
            try {
                exports.getMember("spin").execute(0);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        guest.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread.sleep(compiled ? 3000 : 500);
        context.close(true);
        guest.join(30_000);
        assertTrue(!guest.isAlive(), "the guest thread still runs after close(true)");
        Throwable thrown = outcome.get();
        assertNotNull(thrown, "spin returned");
        assertTrue(thrown instanceof PolyglotException p && p.isCancelled(), String.valueOf(thrown));
    }
}
