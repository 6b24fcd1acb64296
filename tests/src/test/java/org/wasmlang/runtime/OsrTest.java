package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmlang.interop.Guests;

/**
 * Loops that move to compiled code while they run (on-stack replacement) must hand back
 * exactly the locals, operand stack, memory and globals the interpreter would have had, on
 * every way out of the loop, v128 values included. The guest is tests/src/test/resources/guests/osr.wat; each call
 * runs long enough, with a low OSR threshold and compilation in the foreground, that its
 * loops are replaced while they run, and the compilation log must say so.
 */
class OsrTest {
    private static final int OUTER = 300;
    private static final int INNER = 2_000;

    @Test
    void loopsLeftFromCompiledCodeHandBackTheirState() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("wasmlang").allowExperimentalOptions(true).logHandler(log)
                        .options(Map.of("engine.OSRCompilationThreshold", "1024", "engine.BackgroundCompilation", "false",
                                        "engine.CompilationFailureAction", "Throw", "engine.TraceCompilation", "true"))
                        .build()) {
            Value exports = Guests.module(context, "osr.wasm").invokeMember("newInstance").getMember("exports");

            assertEquals(nested(OUTER, INNER), exports.getMember("nested").execute(OUTER, INNER).asLong());
            assertEquals(search(3, 123_456, 400_000), exports.getMember("search").execute(3, 123_456, 400_000).asInt());
            assertEquals(-1, exports.getMember("search").execute(0, 1_000_003, 50_000).asInt(), "no i*i is 1000003 mod itself");

            int steps = 100_000;
            Value carried = exports.getMember("carry").execute(steps);
            assertEquals(7 + steps, carried.getArrayElement(0).asInt());
            assertEquals(steps, carried.getArrayElement(1).asDouble());
            assertEquals(3, carried.getArrayElement(2).asInt());
            assertEquals(steps, exports.getMember("visits").getMember("value").asInt());
            int sum = (int) ((long) steps * (steps - 1) / 2);
            assertEquals(sum, exports.getMember("memory").readBufferInt(ByteOrder.LITTLE_ENDIAN, 0));

            int n = 100_000;
            Value vector = exports.getMember("vectors").execute(n);
            for (int k = 1; k <= 4; k++) {
                assertEquals(k + n + k * (int) ((long) n * (n - 1) / 2), vector.readBufferInt(ByteOrder.LITTLE_ENDIAN, 4 * (k - 1)),
                                "lane " + (k - 1));
            }

            PolyglotException trap = assertThrows(PolyglotException.class,
                            () -> exports.getMember("walk_off").execute(16 * 65536 - 8));
            assertTrue(trap.getMessage().contains("out of bounds memory access"), trap.getMessage());
            // The engine goes on after a trap in compiled loop code.
            assertEquals(nested(3, 10), exports.getMember("nested").execute(3, 10).asLong());

            String compilations = log.toString(StandardCharsets.UTF_8);
            for (String function : new String[]{"nested", "search", "carry", "vectors", "walk_off"}) {
                assertTrue(compilations.contains(function + "<OSR"), function + " was not replaced on the stack:\n" + compilations);
            }
        }
    }

    private static long nested(int outer, int inner) {
        long acc = 0;
        double half = 0;
        int j = 0;
        do {
            int i = 0;
            do {
                acc = acc * 31 + Integer.toUnsignedLong(i);
                half += 0.5;
                i++;
            } while (Integer.compareUnsigned(i, inner) < 0);
            j++;
        } while (Integer.compareUnsigned(j, outer) < 0);
        return 5 + acc + (long) half;
    }

    private static int search(int start, int target, int limit) {
        int i = start;
        float steps = 0;
        do {
            steps += 1;
            if (Integer.remainderUnsigned(i * i, 1_000_003) == target) {
                return i + (int) steps;
            }
            i++;
        } while (steps < (float) Integer.toUnsignedLong(limit));
        return -1;
    }
}
