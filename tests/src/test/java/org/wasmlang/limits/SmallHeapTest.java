package org.wasmlang.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
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
import org.wasmlang.interop.Guests;
import org.wasmlang.testing.WasmBinary;

/**
 * Guests asking for more memory than the JVM's heap never make the host throw
 * OutOfMemoryError. Runs in its own Surefire execution with a 192 MiB heap (tests/pom.xml,
 * "small-heap"); skipped in the others.
 */
class SmallHeapTest {
    private static final long MiB = 1 << 20;

    private static void assumeSmallHeap() {
        assumeTrue(Runtime.getRuntime().maxMemory() < 512 * MiB, "needs the small-heap execution's -Xmx");
    }

    private static Value limits(Context context) {
        Object reenter = (ProxyExecutable) args -> 0;
        return Guests.module(context, "limits.wasm").invokeMember("newInstance",
                        ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("reenter", reenter))))).getMember("exports");
    }

    /** The host still has the room it had before (a guest's share is half the heap). */
    private static void hostCanStillAllocate() {
        byte[][] hold = new byte[4][];
        for (int i = 0; i < hold.length; i++) {
            hold[i] = new byte[(int) (Runtime.getRuntime().maxMemory() / 10)];
        }
        assertEquals(4, hold.length);
    }

    @Test
    void aMemoryGrowsPastTheHeapInNativeMemory() {
        assumeSmallHeap();
        try (Context context = Context.create("wasmlang")) {
            Value exports = limits(context);
            // 1 page, then 64 MiB steps up to the 4 GiB a 32-bit memory has: 20 times the heap.
            assertEquals(1 + 63 * 1024, exports.getMember("grow_memory").execute(1024).asInt());
            Value memory = exports.getMember("memory");
            long last = memory.getBufferSize() - 1;
            memory.writeBufferByte(last, (byte) 42);
            assertEquals(42, memory.readBufferByte(last));
            hostCanStillAllocate();
        }
    }

    @Test
    void manyContextsOfLargeMemoriesAtOnce() {
        assumeSmallHeap();
        List<Context> contexts = new ArrayList<>();
        try {
            byte[] module = new WasmBinary().memory(1024).build(); // 64 MiB each
            for (int i = 0; i < 8; i++) {
                Context context = Context.create("wasmlang");
                contexts.add(context);
                context.eval(Source.newBuilder("wasmlang", ByteSequence.create(module), "big.wasm").buildLiteral())
                                .invokeMember("newInstance");
            }
            hostCanStillAllocate();
        } finally {
            contexts.forEach(Context::close);
        }
    }

    @Test
    void theMemoryLimitStillAppliesOffTheHeap() {
        assumeSmallHeap();
        try (Context context = Context.newBuilder("wasmlang").option("wasmlang.MemoryLimit", "1g").build()) {
            assertEquals(1 + 15 * 1024, limits(context).getMember("grow_memory").execute(1024).asInt(), "up to 1 GiB");
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(Source.newBuilder("wasmlang",
                            ByteSequence.create(new WasmBinary().memory(32768).build()), "huge.wasm").buildLiteral())
                            .invokeMember("newInstance"));
            assertTrue(e.getMessage().startsWith("memory limit exceeded: 2 GiB more"), e.getMessage());
        }
    }

    @Test
    void tablesStopBeforeTheHeapIsFull() {
        assumeSmallHeap();
        try (Context context = Context.newBuilder("wasmlang").option("wasmlang.TableSizeLimit", "100000000").build()) {
            List<Value> instances = new ArrayList<>();
            int total = 0;
            for (int i = 0; i < 4; i++) {
                Value exports = limits(context);
                instances.add(exports);
                total += exports.getMember("grow_table").execute(1 << 20).asInt();
            }
            assertTrue(total < Runtime.getRuntime().maxMemory() / 4, "elements: " + total);
            hostCanStillAllocate();
        }
    }
}
