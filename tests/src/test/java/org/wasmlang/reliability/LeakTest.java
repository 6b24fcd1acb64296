package org.wasmlang.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.interop.Guests;

/**
 * Repeated instantiate/call/drop and create/use/close cycles keep the heap, the thread count
 * and the open file descriptors flat: each is measured after a warm-up and again after the
 * cycles, and may not grow beyond a small margin (a trend, not an absolute). CI runs fewer
 * cycles than docs/reliability.md reports; {@code -Dwasmlang.test.leakCycles=N} sets them.
 */
class LeakTest {
    private static final int CYCLES = Integer.getInteger("wasmlang.test.leakCycles", 1000);
    private static final long MiB = 1 << 20;

    /** Heap in use, open descriptors and live threads, after the garbage collector had its turn. */
    record Usage(long heap, long descriptors, int threads) {
        static Usage now() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(50); // lets Cleaners run
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Usage(heap, openDescriptors(), ManagementFactory.getThreadMXBean().getThreadCount());
        }

        void assertNoGrowthSince(Usage before, String what) {
            System.out.printf("%s: heap %d -> %d MiB, descriptors %d -> %d, threads %d -> %d%n", what, before.heap / MiB,
                            heap / MiB, before.descriptors, descriptors, before.threads, threads);
            assertTrue(heap < before.heap + 24 * MiB, what + ": heap grew from " + before.heap / MiB + " to " + heap / MiB + " MiB");
            assertTrue(descriptors <= before.descriptors + 2, what + ": descriptors grew from " + before.descriptors + " to "
                            + descriptors);
            assertTrue(threads <= before.threads + 2, what + ": threads grew from " + before.threads + " to " + threads);
        }
    }

    /** Open file descriptors of this process (Linux); -1 elsewhere. */
    static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static Source source(String guest) {
        return Source.newBuilder("wasmlang", ByteSequence.create(Guests.bytes(guest)), guest).buildLiteral();
    }

    @Test
    void instantiateCallDropInOneContext() throws InterruptedException {
        try (Context context = Context.create("wasmlang")) {
            Value module = context.eval(source("checksum.wasm"));
            Runnable cycle = () -> {
                Value checksum = module.invokeMember("newInstance").getMember("exports").getMember("checksum");
                assertEquals(ConcurrencyTest.expectedChecksum(7, 16), checksum.execute(7, 16).asInt());
            };
            for (int i = 0; i < 200; i++) {
                cycle.run();
            }
            Usage before = Usage.now();
            for (int i = 0; i < CYCLES; i++) {
                cycle.run();
            }
            Usage.now().assertNoGrowthSince(before, CYCLES + " instantiate/call cycles");
        }
    }

    @Test
    void contextsCreatedUsedAndClosed() throws InterruptedException {
        try (Engine engine = Engine.newBuilder("wasmlang").option("engine.WarnInterpreterOnly", "false").build()) {
            Source source = source("checksum.wasm");
            Runnable cycle = () -> {
                try (Context context = Context.newBuilder("wasmlang").engine(engine).build()) {
                    Value checksum = context.eval(source).invokeMember("newInstance").getMember("exports").getMember("checksum");
                    assertEquals(ConcurrencyTest.expectedChecksum(7, 16), checksum.execute(7, 16).asInt());
                }
            };
            for (int i = 0; i < 100; i++) {
                cycle.run();
            }
            Usage before = Usage.now();
            for (int i = 0; i < CYCLES / 2; i++) {
                cycle.run();
            }
            Usage.now().assertNoGrowthSince(before, CYCLES / 2 + " contexts");
        }
    }

    /** A WASI program opens 200 files and exits without closing one, by the three ways a program ends. */
    @Test
    void filesAProgramLeavesOpenAreClosed(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts descriptors in /proc");
        Files.writeString(dir.resolve("data.txt"), "data");
        Source source = source("open_files.wasm");
        try (Engine engine = Engine.newBuilder("wasmlang").option("engine.WarnInterpreterOnly", "false").build()) {
            Runnable cycle = () -> {
                for (String ending : new String[]{"start", "_start", "return"}) {
                    long open = openDescriptors();
                    try (Context context = Context.newBuilder("wasmlang").engine(engine).allowIO(IOAccess.ALL).build()) {
                        Value wasi = context.getBindings("wasmlang").getMember("Wasi").newInstance(ProxyObject.fromMap(
                                        Map.of("preopens", ProxyObject.fromMap(Map.of("/data", dir.toString())))));
                        Value instance = context.eval(source).invokeMember("newInstance",
                                        ProxyObject.fromMap(Map.of("wasi_snapshot_preview1", wasi)));
                        Value exports = instance.getMember("exports");
                        switch (ending) {
                            case "start" -> assertEquals(200, wasi.invokeMember("start", instance).asInt());
                            case "_start" -> {
                                PolyglotException exit = assertThrows(PolyglotException.class,
                                                () -> exports.getMember("_start").execute());
                                assertTrue(exit.isExit() && exit.getExitStatus() == 200, exit.toString());
                            }
                            default -> assertEquals(200, exports.getMember("open_many").execute(200).asInt());
                        }
                    }
                    // At once, not when the garbage collector gets to the channels.
                    assertTrue(openDescriptors() <= open + 2, ending + ": " + open + " descriptors before, "
                                    + openDescriptors() + " after the context closed");
                }
            };
            cycle.run();
            Usage before = Usage.now();
            for (int i = 0; i < 20; i++) {
                cycle.run();
            }
            Usage.now().assertNoGrowthSince(before, "20 x 3 WASI programs leaving 200 files open");
        }
    }
}
