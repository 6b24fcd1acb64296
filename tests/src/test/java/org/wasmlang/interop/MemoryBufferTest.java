package org.wasmlang.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.wasmlang.testing.WasmBinary;

/** An exported memory is an interop buffer with string helpers, seen at once by the guest. */
class MemoryBufferTest {
    private static Value exports(Context context) {
        WasmBinary b = new WasmBinary();
        int load = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        int size = b.type(new int[0], new int[]{WasmBinary.I32});
        b.memory(1).exportMemory("mem");
        b.export("load", b.function(load, new int[0], 0x20, 0x00, 0x28, 0x02, 0x00));
        b.export("pages", b.function(size, new int[0], 0x3F, 0x00));
        Value module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(b.build()), "m.wasm").buildLiteral());
        return module.invokeMember("newInstance").getMember("exports");
    }

    @Test
    void hostWritesAreSeenByTheGuestAndBack() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = exports(context);
            Value memory = exports.getMember("mem");
            assertTrue(memory.hasBufferElements());
            assertEquals(65536, memory.getBufferSize());
            memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 16, 0x12345678);
            assertEquals(0x12345678, exports.getMember("load").execute(16).asInt());
            assertEquals(0x78, memory.readBufferByte(16));
            byte[] bytes = new byte[4];
            memory.readBuffer(16, bytes, 0, 4);
            assertArrayEquals(new byte[]{0x78, 0x56, 0x34, 0x12}, bytes);
        }
    }

    @Test
    void stringsGoInAndOutAsUtf8() {
        try (Context context = Context.create("wasmlang")) {
            Value memory = exports(context).getMember("mem");
            String text = "Hello, Wasmer! ✓ ünïcödé";
            int length = memory.invokeMember("writeString", 100, text).asInt();
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, length);
            assertEquals(text, memory.invokeMember("readString", 100, length).asString());
            assertEquals(text, memory.invokeMember("readCString", 100).asString());
        }
    }

    @Test
    void growIsVisibleAtOnceAndLimitsAreEnforced() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = exports(context);
            Value memory = exports.getMember("mem");
            assertEquals(1, memory.invokeMember("grow", 2).asLong());
            assertEquals(3, memory.getMember("pages").asLong());
            assertEquals(3 * 65536, memory.getMember("byteLength").asLong());
            assertEquals(3 * 65536, memory.getBufferSize());
            assertEquals(3, exports.getMember("pages").execute().asInt());
        }
    }

    @Test
    void outOfRangeAccessFailsClearlyAndChangesNothing() {
        try (Context context = Context.create("wasmlang")) {
            Value memory = exports(context).getMember("mem");
            assertThrows(IndexOutOfBoundsException.class, () -> memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 65534));
            assertThrows(IndexOutOfBoundsException.class, () -> memory.writeBufferByte(65536, (byte) 1));
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> memory.invokeMember("writeString", 65530, "too long for the end"));
            assertTrue(e.getMessage().contains("outside the memory"), e.getMessage());
            assertEquals(0, memory.readBufferByte(65530), "nothing was written");
            assertBadArgument("readString: argument 1 must be a non-negative integer, got -1",
                            () -> memory.invokeMember("readString", -1, 4));
        }
    }

    /** Typed accessors, as wasmtime and Chicory offer: little-endian, signed and unsigned, bounds-checked. */
    @Test
    void typedAccessorsReadAndWriteEveryWasmScalar() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = exports(context);
            Value memory = exports.getMember("mem");
            assertEquals(4, memory.invokeMember("writeI32", 8, -2).asInt(), "bytes written");
            assertEquals(-2, exports.getMember("load").execute(8).asInt(), "the guest sees it");
            assertEquals(-2, memory.invokeMember("readI32", 8).asInt());
            assertEquals(4294967294L, memory.invokeMember("readU32", 8).asLong());
            assertEquals(0xFE, memory.invokeMember("readU8", 8).asInt());
            assertEquals(-2, memory.invokeMember("readI8", 8).asInt());
            assertEquals(0xFFFE, memory.invokeMember("readU16", 8).asInt());
            assertEquals(-2, memory.invokeMember("readI16", 8).asInt());
            memory.invokeMember("writeU8", 16, 300);
            assertEquals(44, memory.invokeMember("readU8", 16).asInt(), "wraps to the width, as i32.store8 does");
            memory.invokeMember("writeI64", 24, Long.MIN_VALUE + 5);
            assertEquals(Long.MIN_VALUE + 5, memory.invokeMember("readI64", 24).asLong());
            memory.invokeMember("writeF32", 32, 1.5);
            assertEquals(1.5f, memory.invokeMember("readF32", 32).asFloat());
            memory.invokeMember("writeF64", 40, -0.25);
            assertEquals(-0.25, memory.invokeMember("readF64", 40).asDouble());
            assertEquals(-0.25, memory.readBufferDouble(ByteOrder.LITTLE_ENDIAN, 40));
            PolyglotException outside = assertThrows(PolyglotException.class, () -> memory.invokeMember("readI64", 65532));
            assertTrue(outside.getMessage().contains("outside the memory"), outside.getMessage());
            assertBadArgument("writeI32: argument 2 must be a number, got text", () -> memory.invokeMember("writeI32", 0, "text"));
            assertBadArgument("writeI32: argument 2 must be an integer, got 1.5", () -> memory.invokeMember("writeI32", 0, 1.5));
        }
    }

    /** Bad arguments to a memory's methods are WasmLang errors that name the method, not interop type errors. */
    @Test
    void badArgumentsGetErrorsNamingTheMethod() {
        try (Context context = Context.create("wasmlang")) {
            Value memory = exports(context).getMember("mem");
            assertBadArgument("read: argument 1 must be a non-negative integer, got -1", () -> memory.invokeMember("read", -1, 2));
            assertBadArgument("readString: argument 2 must be a non-negative integer, got -5",
                            () -> memory.invokeMember("readString", 0, -5));
            assertBadArgument("grow: argument 1 must be a non-negative integer, got x", () -> memory.invokeMember("grow", "x"));
            PolyglotException byteValue = assertThrows(PolyglotException.class,
                            () -> memory.invokeMember("write", 0, org.graalvm.polyglot.proxy.ProxyArray.fromArray(300)));
            assertTrue(byteValue.isGuestException() && byteValue.getMessage().startsWith("write: "), byteValue.getMessage());
        }
    }

    private static void assertBadArgument(String expected, Runnable call) {
        PolyglotException e = assertThrows(PolyglotException.class, call::run);
        assertTrue(e.isGuestException(), e.toString());
        assertEquals(expected, e.getMessage());
    }
}
