package org.wasmlang.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.wasmlang.interop.Guests;

/**
 * The concurrency model (docs/reliability.md): contexts on several threads share one engine
 * (parsed modules and compiled code) and run the same module at the same time; one context
 * is used by one thread at a time, and a second thread gets the polyglot API's error.
 */
class ConcurrencyTest {
    private static final int WORDS = 16384;

    /** checksum.wat in Java. */
    static int expectedChecksum(int seed, int n) {
        int[] memory = new int[WORDS];
        int x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 1103515245 + 12345;
            memory[i & (WORDS - 1)] = x;
        }
        int sum = 0;
        for (int word : memory) {
            sum = Integer.rotateLeft(sum, 5) + word;
        }
        return sum;
    }

    @Test
    void contextsOnSeveralThreadsRunOneModuleAtOnce() throws Exception {
        int threads = 4;
        int rounds = 150;
        try (Engine engine = Engine.newBuilder("wasmlang").option("engine.WarnInterpreterOnly", "false").build()) {
            Source source = Source.newBuilder("wasmlang", ByteSequence.create(Guests.bytes("checksum.wasm")), "checksum.wasm")
                            .build();
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Thread> workers = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            int[] checked = new int[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread worker = new Thread(() -> {
                    try (Context context = Context.newBuilder("wasmlang").engine(engine).build()) {
                        Value checksum = context.eval(source).invokeMember("newInstance").getMember("exports")
                                        .getMember("checksum");
                        start.await(30, TimeUnit.SECONDS);
                        for (int round = 0; round < rounds; round++) {
                            int seed = id * 100_003 + round;
                            int n = WORDS + Math.floorMod(seed * 31, 997);
                            assertEquals(expectedChecksum(seed, n), checksum.execute(seed, n).asInt(),
                                            "thread " + id + ", round " + round);
                            checked[id]++;
                        }
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "checksum " + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join(120_000);
            }
            assertTrue(failures.isEmpty(), failures.toString());
            for (int t = 0; t < threads; t++) {
                assertEquals(rounds, checked[t], "thread " + t);
            }
        }
    }

    @Test
    void aSecondThreadCallingIntoABusyContextGetsThePolyglotError() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Context context = Context.create("wasmlang")) {
            Object reenter = (ProxyExecutable) args -> {
                inside.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            };
            Value exports = Guests.module(context, "limits.wasm").invokeMember("newInstance",
                            ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("reenter", reenter))))).getMember("exports");
            AtomicReference<Object> first = new AtomicReference<>();
            Thread busy = new Thread(() -> first.set(exports.getMember("through_host").execute(0).asInt()));
            busy.start();
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> exports.getMember("down").execute(3));
            assertTrue(e.getMessage().contains("Multi threaded access") && e.getMessage().contains("wasmlang"), e.getMessage());
            release.countDown();
            busy.join(30_000);
            assertEquals(1, first.get(), "the first thread's call completes");
            assertEquals(3, exports.getMember("down").execute(3).asInt(), "the context is the second thread's now");
        }
    }
}
