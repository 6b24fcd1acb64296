package org.wasmlang.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

/**
 * v128 values crossing the host boundary (guests/simd.wat): a host receives a read-only
 * 16-byte buffer, and may pass a v128 back, a buffer of 16 bytes, or an array of 16 byte
 * values; anything else is a type error naming the argument, never a host crash.
 */
class SimdHostTest {
    /** i32x4 lanes as the 16 little-endian bytes a host passes. */
    private static byte[] i32x4(int... lanes) {
        ByteBuffer buffer = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int lane : lanes) {
            buffer.putInt(lane);
        }
        return buffer.array();
    }

    private static int[] lanesOf(Value vector) {
        assertTrue(vector.hasBufferElements(), vector.toString());
        assertEquals(16, vector.getBufferSize());
        int[] lanes = new int[4];
        for (int i = 0; i < 4; i++) {
            lanes[i] = vector.readBufferInt(ByteOrder.LITTLE_ENDIAN, 4 * i);
        }
        return lanes;
    }

    @Test
    void javaHostPassesAndReceivesVectors() {
        List<Value> logged = new ArrayList<>();
        // A Java byte[] or ByteBuffer is bytes to the guest only where HostAccess lets it be read.
        HostAccess arraysAndBuffers = HostAccess.newBuilder(HostAccess.EXPLICIT).allowArrayAccess(true)
                        .allowBufferAccess(true).build();
        try (Context context = Context.newBuilder("wasmlang").allowHostAccess(arraysAndBuffers).build()) {
            Value module = Guests.module(context, "simd.wasm");
            Map<String, Object> host = Map.of(
                            "log", (ProxyExecutable) args -> {
                                logged.add(args[0]);
                                return null;
                            },
                            "make", (ProxyExecutable) args -> i32x4(1, -1, 0x10000, 7));
            Value exports = module.invokeMember("newInstance",
                            ProxyObject.fromMap(Map.of("host", ProxyObject.fromMap(host)))).getMember("exports");

            Value sum = exports.getMember("add").execute(i32x4(1, 2, 3, 4), ByteBuffer.wrap(i32x4(10, 20, 30, -40)));
            assertArrayEquals(new int[]{11, 22, 33, -36}, lanesOf(sum));
            assertEquals("v128.const i32x4 0x0000000b 0x00000016 0x00000021 0xffffffdc", sum.toString());
            // A v128 result goes back in as it is.
            assertArrayEquals(new int[]{22, 44, 66, -72}, lanesOf(exports.getMember("add").execute(sum, sum)));
            assertEquals(0xdc, exports.getMember("lane").execute(sum, 12).asInt());

            Value doubled = exports.getMember("roundTrip").execute(exports.getMember("splat").execute(5));
            assertArrayEquals(new int[]{5, 5, 5, 5}, lanesOf(logged.get(0)));
            // i16x8.add of (1, -1, 0x10000, 7) with itself, lane by lane in 16 bits.
            assertArrayEquals(new int[]{2, 0xFFFEFFFE, 0x20000, 14}, lanesOf(doubled));
            assertArrayEquals(lanesOf(doubled), lanesOf(exports.getMember("last").getMember("value")));

            byte[] copy = new byte[16];
            doubled.readBuffer(0, copy, 0, 16);
            assertArrayEquals(i32x4(2, 0xFFFEFFFE, 0x20000, 14), copy);
            assertThrows(UnsupportedOperationException.class, () -> doubled.writeBufferByte(0, (byte) 1));

            // A host-made v128 global takes the same forms.
            Value global = context.getBindings("wasmlang").getMember("Global").newInstance("v128", true, i32x4(9, 8, 7, 6));
            assertArrayEquals(new int[]{9, 8, 7, 6}, lanesOf(global.getMember("value")));
            global.putMember("value", doubled);
            assertArrayEquals(lanesOf(doubled), lanesOf(global.getMember("value")));
        }
    }

    @Test
    void wrongVectorArgumentsAreTypeErrors() {
        try (Context context = Context.create("wasmlang")) {
            Value module = Guests.module(context, "simd.wasm");
            ProxyExecutable none = args -> null;
            Value exports = module.invokeMember("newInstance", ProxyObject.fromMap(Map.of("host",
                            ProxyObject.fromMap(Map.of("log", none, "make", none))))).getMember("exports");
            Value add = exports.getMember("add");
            for (Object wrong : new Object[]{42, "sixteen bytes!!!", ProxyArray.fromArray(1, 2, 3), ProxyArray.fromArray(
                            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 256), null}) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> add.execute(wrong, i32x4(0, 0, 0, 0)));
                assertTrue(e.getMessage().contains("argument 1: expected v128"), e.getMessage());
                assertTrue(!e.isInternalError(), e.getMessage());
            }
            // The host import returns null where the guest expects a v128.
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> exports.getMember("roundTrip").execute(i32x4(1, 2, 3, 4)));
            assertTrue(e.getMessage().contains("expected v128"), e.getMessage());
            assertTrue(!e.isInternalError(), e.getMessage());
        }
    }

    @Test
    void javaScriptHost() {
        try (Context context = Context.newBuilder("wasmlang", "js").allowPolyglotAccess(PolyglotAccess.ALL)
                        .allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            context.getBindings("js").putMember("guestDir", Guests.path("simd.wasm").getParent().toString());
            Value result = context.eval(Source.create("js", """
                            const logged = [];
                            const host = { log: v => { logged.push(Array.from(new Uint8Array(v))); },
                                           make: () => [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0] };
                            const module = Polyglot.evalFile("wasmlang", guestDir + "/simd.wasm");
                            const { exports } = module.newInstance({ host });
                            const a = new Uint8Array(16).fill(1);
                            const sum = exports.add(a, Array(16).fill(2));
                            const doubled = exports.roundTrip(sum);
                            let error = "";
                            try { exports.add(1, 2); } catch (e) { error = e.message; }
                            [Array.from(new Uint8Array(sum)).join(","), logged[0].join(","),
                             new Int16Array(new Uint8Array(doubled).buffer).join(","), Array.from(sum).join(","), error];
                            """));
            assertEquals("3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3", result.getArrayElement(0).asString());
            assertEquals("3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3", result.getArrayElement(1).asString());
            assertEquals("2,4,6,8,10,12,14,16", result.getArrayElement(2).asString());
            assertEquals("3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3", result.getArrayElement(3).asString());
            assertTrue(result.getArrayElement(4).asString().contains("argument 1: expected v128"),
                            result.getArrayElement(4).asString());
        }
    }

    @Test
    void pythonHost() {
        try (Context context = Context.newBuilder("wasmlang", "python").allowPolyglotAccess(PolyglotAccess.ALL)
                        .allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            context.getBindings("python").putMember("guest_dir", Guests.path("simd.wasm").getParent().toString());
            Value result = context.eval(Source.create("python", """
                            import polyglot
                            logged = []
                            def log(v):
                                logged.append(bytes(v))
                            def make():
                                return bytes([9] * 16)
                            module = polyglot.eval(language="wasmlang", path=guest_dir + "/simd.wasm")
                            exports = module.newInstance({"host": {"log": log, "make": make}}).exports
                            total = exports.add(bytes(range(16)), [1] * 16)
                            doubled = exports.roundTrip(total)
                            try:
                                exports.add(1.5, total)
                                error = ""
                            except (TypeError, polyglot.ForeignException) as e:
                                error = str(e)
                            [list(bytes(total)), list(logged[0]), list(bytes(doubled)), error]
                            """));
            for (int i = 0; i < 16; i++) {
                assertEquals(i + 1, result.getArrayElement(0).getArrayElement(i).asInt());
                assertEquals(i + 1, result.getArrayElement(1).getArrayElement(i).asInt());
                assertEquals(18, result.getArrayElement(2).getArrayElement(i).asInt());
            }
            assertTrue(result.getArrayElement(3).asString().contains("argument 1: expected v128"),
                            result.getArrayElement(3).asString());
        }
    }
}
