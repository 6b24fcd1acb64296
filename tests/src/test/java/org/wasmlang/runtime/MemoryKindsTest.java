package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmlang.interop.Guests;

/**
 * Memories on both kinds of storage (memories.wat): a 64-bit memory above 4 GiB in native
 * memory, a 32-bit memory that moves off the Java heap when it outgrows an array, copies
 * between memories of different address types, and the host's view of native memory.
 */
class MemoryKindsTest {
    private static final long FOUR_GIB = 1L << 32;

    private static Value exports(Context context) {
        return Guests.module(context, "memories.wasm").invokeMember("newInstance").getMember("exports");
    }

    /** The exports, with the 64-bit memory grown from 1 to 65537 pages: 4 GiB + 64 KiB. */
    private static Value exportsAbove4GiB(Context context) {
        Value exports = exports(context);
        assertEquals(1, exports.getMember("grow64").execute(65536L).asLong());
        return exports;
    }

    @Test
    void a64BitMemoryAddressesBytesAbove4GiB() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = exportsAbove4GiB(context);
            assertEquals(65537, exports.getMember("size64").execute().asLong());
            long high = FOUR_GIB + 8;
            exports.getMember("store64").execute(high, 0x1122334455667788L);
            assertEquals(0x1122334455667788L, exports.getMember("load64").execute(high).asLong());
            // The last 8 bytes are in bounds, one byte further is not.
            long end = 65537L * 65536;
            exports.getMember("store64").execute(end - 8, -1L);
            PolyglotException outside = assertThrows(PolyglotException.class,
                            () -> exports.getMember("load64").execute(end - 7));
            assertTrue(outside.getMessage().contains("out of bounds memory access"), outside.getMessage());
            // An address of 2^63 or more, or one whose offset wraps past 2^64, is out of bounds.
            assertThrows(PolyglotException.class, () -> exports.getMember("load64").execute(Long.MIN_VALUE));
            PolyglotException wrapped = assertThrows(PolyglotException.class,
                            () -> exports.getMember("loadWrapping").execute(-16L));
            assertTrue(wrapped.getMessage().contains("out of bounds memory access"), wrapped.getMessage());
        }
    }

    @Test
    void a64BitMemoryGrowsAndKeepsItsBytes() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = exportsAbove4GiB(context);
            exports.getMember("store64").execute(FOUR_GIB, 42L);
            assertEquals(65537, exports.getMember("grow64").execute(2L).asLong());
            assertEquals(65539, exports.getMember("size64").execute().asLong());
            assertEquals(42L, exports.getMember("load64").execute(FOUR_GIB).asLong());
            assertEquals(0L, exports.getMember("load64").execute(65538L * 65536).asLong(), "grown pages are zero");
            // A delta of 2^63 or more cannot be satisfied: -1, the memory unchanged.
            assertEquals(-1L, exports.getMember("grow64").execute(Long.MIN_VALUE).asLong());
            assertEquals(-1L, exports.getMember("grow64").execute(1L << 48).asLong());
            assertEquals(65539, exports.getMember("size64").execute().asLong());
        }
    }

    @Test
    void memoryCopyRunsBetweenMemoriesOfBothAddressTypes() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = exportsAbove4GiB(context);
            exports.getMember("store64").execute(FOUR_GIB + 100, 0x0102030405060708L);
            exports.getMember("copyToSmall").execute(16, FOUR_GIB + 100, 8);
            assertEquals(0x0102030405060708L, exports.getMember("loadSmall").execute(16).asLong());
            PolyglotException outside = assertThrows(PolyglotException.class,
                            () -> exports.getMember("copyToSmall").execute(65536 - 4, FOUR_GIB, 8));
            assertTrue(outside.getMessage().contains("out of bounds memory access"), outside.getMessage());
        }
    }

    @Test
    void hostsReadAndWriteNativeMemoryAsABuffer() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = exportsAbove4GiB(context);
            Value big = exports.getMember("big");
            assertEquals(65537L * 65536, big.getBufferSize());
            big.writeBufferLong(ByteOrder.LITTLE_ENDIAN, FOUR_GIB + 24, 7L);
            assertEquals(7L, exports.getMember("load64").execute(FOUR_GIB + 24).asLong());
            big.writeBufferInt(ByteOrder.BIG_ENDIAN, 0, 0x01020304);
            assertEquals(0x04030201, big.readBufferInt(ByteOrder.LITTLE_ENDIAN, 0));
            big.invokeMember("writeString", FOUR_GIB + 1000, "héllo");
            assertEquals("héllo", big.invokeMember("readString", FOUR_GIB + 1000, 6).asString());
            byte[] read = new byte[4];
            big.readBuffer(0, read, 0, 4);
            assertArrayEquals(new byte[]{1, 2, 3, 4}, read);
            assertEquals("Memory[65537 pages, i64]", big.toString());
        }
    }

    @Test
    void a32BitMemoryMovesOffTheHeapWhenItOutgrowsAnArray() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = exports(context);
            Value wide = exports.getMember("wide");
            // 32767 pages is the largest Java array; the next page moves the bytes to native memory.
            assertEquals(1, exports.getMember("growWide").execute(32766).asInt());
            exports.getMember("storeWide").execute(12, 99);
            int last = 32767 * 65536 - 4;
            exports.getMember("storeWide").execute(last, 77);
            assertEquals(32767, exports.getMember("growWide").execute(2).asInt());
            assertEquals(99, exports.getMember("loadWide").execute(12).asInt());
            assertEquals(77, exports.getMember("loadWide").execute(last).asInt());
            exports.getMember("storeWide").execute(last + 65536, 55);
            assertEquals(55, exports.getMember("loadWide").execute(last + 65536).asInt());
            assertEquals(32769L * 65536, wide.getBufferSize());
        }
    }

    /**
     * guests/wasm64_high.c, clang's wasm64 output: it grows its memory past 4 GiB and sieves,
     * copies and hashes bytes there; the results must be what Node 24 computed
     * (guests/wasm64_high.node.txt, made by build.sh).
     */
    @Test
    void aWasm64ProgramAgreesWithNode() throws IOException {
        List<String> expected;
        try (InputStream in = MemoryKindsTest.class.getResourceAsStream("/guests/wasm64_high.node.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(4, expected.size(), "one line per call in wasm64_high.node.txt");
        try (Context context = Context.create("wasmlang")) {
            Value exports = Guests.module(context, "wasm64_high.wasm").invokeMember("newInstance").getMember("exports");
            for (String line : expected) {
                // "primes 1000000 = 78498", "hash 4096 1 = 5277657113260154267", "memoryPages  = 65552"
                String call = line.substring(0, line.indexOf(" = ")).strip();
                String[] words = call.split(" ");
                Object[] arguments = new Object[words.length - 1];
                for (int i = 1; i < words.length; i++) {
                    arguments[i - 1] = Long.parseLong(words[i]);
                }
                long result = exports.getMember(words[0]).execute(arguments).asLong();
                assertEquals(line, line.substring(0, line.indexOf(" = ") + 3) + result);
            }
        }
    }

    @Test
    void theOffHeapOptionPutsEveryMemoryInNativeMemory() {
        try (Context context = Context.newBuilder("wasmlang").option("wasmlang.OffHeapMemory", "true").build()) {
            Value exports = exports(context);
            exports.getMember("storeWide").execute(8, 5);
            assertEquals(5, exports.getMember("loadWide").execute(8).asInt());
            Value small = exports.getMember("small");
            small.writeBufferLong(ByteOrder.LITTLE_ENDIAN, 16, 123L);
            assertEquals(123L, exports.getMember("loadSmall").execute(16).asLong());
        }
    }
}
