package org.wasmlang.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmlang.testing.WasmBinary;

/** The seed scenarios of the host-interop issue, a Java host's way (see docs/embedding.md). */
class ScenarioJavaTest {
    private Context context;
    private Value wasm;

    @BeforeEach
    void open() {
        context = Context.create("wasmlang");
        wasm = context.getBindings("wasmlang");
    }

    @AfterEach
    void close() {
        context.close();
    }

    private static Object imports(String module, Map<String, Object> members) {
        return ProxyObject.fromMap(Map.of(module, ProxyObject.fromMap(members)));
    }

    @Test
    void scenario1StaticBuffer() {
        Value exports = Guests.module(context, "static_buffer.wasm").invokeMember("newInstance").getMember("exports");
        Value memory = exports.getMember("memory");
        int pointer = exports.getMember("get_buffer_pointer").execute().asInt();
        int length = memory.invokeMember("writeString", pointer, "Did you know").asInt();
        assertEquals(12, length);
        int newLength = exports.getMember("add_wasm_is_cool").execute(length).asInt();
        assertEquals("Did you know WASM is cool!", memory.invokeMember("readString", pointer, newLength).asString());
        assertEquals(-1, exports.getMember("add_wasm_is_cool").execute(1020).asInt(), "the guest refuses overflow");
    }

    @Test
    void scenario2ImportedMemory() {
        Value memory = wasm.getMember("Memory").newInstance(256, 256);
        Value instance = Guests.module(context, "imported_memory.wasm").invokeMember("newInstance",
                        imports("env", Map.of("memory", memory)));
        Value exports = instance.getMember("exports");
        int pointer = exports.getMember("get_buffer_pointer").execute().asInt();
        int length = memory.invokeMember("writeString", pointer, "Did you know").asInt();
        int newLength = exports.getMember("add_wasm_is_cool").execute(length).asInt();
        assertEquals("Did you know WASM is cool!", memory.invokeMember("readString", pointer, newLength).asString());
        assertEquals(256, memory.getMember("pages").asLong());
        PolyglotException e = assertThrows(PolyglotException.class, () -> memory.invokeMember("grow", 1));
        assertTrue(e.getMessage().contains("maximum 256 pages"), e.getMessage());
    }

    @Test
    void scenario3MultiValueAndGrow() {
        Value exports = Guests.module(context, "multi_value.wasm").invokeMember("newInstance").getMember("exports");
        Value memory = exports.getMember("mem");
        Value result = exports.getMember("load").execute();
        assertEquals(2, result.getArraySize());
        int pointer = result.getArrayElement(0).asInt();
        assertEquals(13, result.getArrayElement(1).asInt());
        assertEquals("Hello, World!", memory.invokeMember("readString", pointer, 13).asString());
        assertEquals(14, memory.invokeMember("writeString", pointer, "Hello, Wasmer!").asInt());
        Value again = exports.getMember("load").execute();
        assertEquals(pointer, again.getArrayElement(0).asInt());
        assertEquals(14, again.getArrayElement(1).asInt(), "the guest measures the edited text");
        assertEquals("Hello, Wasmer!", memory.invokeMember("readString", pointer, 14).asString());

        assertEquals(2, memory.getMember("pages").asLong());
        assertEquals(2, memory.invokeMember("grow", 1).asLong());
        assertEquals(3, memory.getMember("pages").asLong());
        assertEquals(3 * 65536, memory.getMember("byteLength").asLong());
        assertEquals(3 * 65536, memory.getBufferSize());
        memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 3 * 65536 - 4, 42);
        assertEquals(42, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 3 * 65536 - 4));
    }

    @Test
    void scenario4HostFunctionsWriteIntoTheCallersMemory() {
        String json = "{\"name\": \"Wasm \\\"Ünï\\\" \\u00e9\", \"num\": 21}";
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        Value instance = Guests.module(context, "json_input.wasm").invokeMember("newInstance", imports("host", Map.of(
                        "get_input_size", (ProxyExecutable) args -> utf8.length,
                        "get_input", wasm.getMember("withCaller").execute((ProxyExecutable) args -> {
                            Value caller = args[0];
                            int pointer = args[1].asInt();
                            caller.getMember("memory").invokeMember("writeString", pointer, json);
                            return null;
                        }))));
        Value exports = instance.getMember("exports");
        int result = exports.getMember("run").execute().asInt();
        assertNotEquals(0, result, () -> exports.getMember("memory").invokeMember("readCString",
                        exports.getMember("error").execute()).asString());
        assertEquals("Hello, Wasm \"Ünï\" é! 21 * 2 = 42",
                        exports.getMember("memory").invokeMember("readCString", result).asString());
    }

    @Test
    void scenario4BadInputIsReportedByTheGuest() {
        String json = "{\"name\": \"x\", \"num\": 1.5}";
        Value instance = Guests.module(context, "json_input.wasm").invokeMember("newInstance", imports("host", Map.of(
                        "get_input_size", (ProxyExecutable) args -> json.length(),
                        "get_input", wasm.getMember("withCaller").execute((ProxyExecutable) args -> args[0]
                                        .getMember("memory").invokeMember("writeString", args[1], json)))));
        Value exports = instance.getMember("exports");
        assertEquals(0, exports.getMember("run").execute().asInt());
        assertEquals("num must be an integer", exports.getMember("memory").invokeMember("readCString",
                        exports.getMember("error").execute()).asString());
    }

    @Test
    void scenario5SendLineAndAllocator() {
        List<String> lines = new ArrayList<>();
        Value instance = Guests.module(context, "send_line.wasm").invokeMember("newInstance", imports("env", Map.of(
                        "send_line", wasm.getMember("withCaller").execute((ProxyExecutable) args -> {
                            lines.add(args[0].getMember("memory").invokeMember("readString", args[1], args[2]).asString());
                            return null;
                        }))));
        Value allocator = instance.invokeMember("allocator");
        long pointer = allocator.invokeMember("writeString", "Zoë").asLong();
        assertEquals(4, allocator.invokeMember("size", pointer).asInt(), "UTF-8 bytes of Zoë");
        Value exports = instance.getMember("exports");
        assertEquals(3, exports.getMember("greet").execute(pointer, allocator.invokeMember("size", pointer)).asInt());
        assertEquals(List.of("Grüße, Zoë!", "Ünïcödé ✓ 日本語 🎉", "3 characters"), lines);
        allocator.invokeMember("free", pointer);
        assertEquals(pointer, allocator.invokeMember("writeString", "Ana!").asLong(),
                        "dealloc returned the block, so the guest hands it out again");
        // A bad argument is a WasmLang error naming the method, not an interop type error.
        PolyglotException negative = assertThrows(PolyglotException.class, () -> allocator.invokeMember("alloc", -1));
        assertTrue(negative.isGuestException(), negative.toString());
        assertEquals("alloc: argument 1 must be a non-negative integer, got -1", negative.getMessage());
    }

    @Test
    void callerWorksInAStartFunctionAndPerInstance() {
        List<String> log = new ArrayList<>();
        Object imports = imports("host", Map.of("log", wasm.getMember("withCaller").execute((ProxyExecutable) args -> {
            Value caller = args[0];
            log.add(caller.getMember("memory").invokeMember("readString", args[1], args[2]).asString());
            Value calls = caller.getMember("exports").getMember("calls");
            calls.putMember("value", calls.getMember("value").asInt() + 1);
            return null;
        })));
        Value module = Guests.module(context, "caller_start.wasm");
        Value first = module.invokeMember("newInstance", imports);
        assertEquals(List.of("started: üñï"), log, "the start function already called the host");
        assertEquals(2, first.getMember("exports").getMember("hello").execute().asInt());
        Value second = module.invokeMember("newInstance", imports);
        assertEquals(1, second.getMember("exports").getMember("calls").getMember("value").asInt(),
                        "each instance's calls go to its own caller");
        assertEquals(2, first.getMember("exports").getMember("calls").getMember("value").asInt());
        assertEquals(List.of("started: üñï", "hello again", "started: üñï"), log);
    }

    @Test
    void callerMembers() {
        Value[] seen = new Value[1];
        Value instance = Guests.module(context, "caller_start.wasm").invokeMember("newInstance",
                        imports("host", Map.of("log", wasm.getMember("withCaller").execute((ProxyExecutable) args -> {
                            seen[0] = args[0];
                            return null;
                        }))));
        Value caller = seen[0];
        assertTrue(caller.hasMember("memory") && caller.hasMember("exports") && caller.hasMember("instance"));
        assertEquals(instance.getMember("exports").getMember("memory").getBufferSize(),
                        caller.getMember("memory").getBufferSize());
        caller.getMember("memory").writeBufferByte(0, (byte) 9);
        assertEquals(9, instance.getMember("exports").getMember("memory").readBufferByte(0), "the same memory");
        PolyglotException e = assertThrows(PolyglotException.class, () -> caller.invokeMember("allocator"));
        assertTrue(e.getMessage().contains("exports no allocator"), e.getMessage());
        PolyglotException notAFunction = assertThrows(PolyglotException.class, () -> wasm.getMember("withCaller").execute(42));
        assertEquals("withCaller: argument 1 must be a function, got 42", notAFunction.getMessage());
    }

    @Test
    void aCallerWithoutMemorySaysSo() {
        WasmBinary b = new WasmBinary();
        int nothing = b.type(new int[0], new int[0]);
        int f = b.importFunction("env", "f", nothing);
        b.export("run", b.function(nothing, new int[0], 0x10, f));
        Value module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(b.build()), "nomem.wasm")
                        .buildLiteral());
        Value exports = module.invokeMember("newInstance", imports("env", Map.of("f", wasm.getMember("withCaller")
                        .execute((ProxyExecutable) args -> args[0].getMember("memory"))))).getMember("exports");
        PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("run").execute());
        assertEquals("caller.memory: the calling instance has no memory", e.getMessage());
    }

    @Test
    void writeCStringTerminatesTheStringOnDirtyMemory() {
        // malloc always returns 32, where the host leaves non-zero bytes first.
        WasmBinary b = new WasmBinary().memory(1).exportMemory("memory");
        int mallocType = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        b.export("malloc", b.function(mallocType, new int[0], 0x41, 32));
        Value instance = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(b.build()), "bump.wasm")
                        .buildLiteral()).invokeMember("newInstance");
        Value memory = instance.getMember("exports").getMember("memory");
        for (int i = 0; i < 16; i++) {
            memory.writeBufferByte(32 + i, (byte) 0xFF);
        }
        long pointer = instance.invokeMember("allocator").invokeMember("writeCString", "abc").asLong();
        assertEquals(32, pointer);
        assertEquals(0, memory.readBufferByte(35), "the NUL after \"abc\"");
        assertEquals("abc", memory.invokeMember("readCString", pointer).asString());
        assertEquals((byte) 0xFF, memory.readBufferByte(36), "nothing written past the allocated block");
    }

    @Test
    void allocatorWithMallocAndConfiguredNames() {
        Value instance = Guests.module(context, "json_input.wasm").invokeMember("newInstance", imports("host", Map.of(
                        "get_input_size", (ProxyExecutable) args -> 0,
                        "get_input", (ProxyExecutable) args -> null)));
        Value memory = instance.getMember("exports").getMember("memory");
        Value allocator = instance.invokeMember("allocator");
        long text = allocator.invokeMember("writeCString", "C string ✓").asLong();
        assertEquals("C string ✓", memory.invokeMember("readCString", text).asString());
        long bytes = allocator.invokeMember("writeBytes", ProxyArrayOf.bytes(1, 2, 255)).asLong();
        assertEquals((byte) 255, memory.readBufferByte(bytes + 2));
        assertNotEquals(text, bytes);
        allocator.invokeMember("free", text);
        PolyglotException freed = assertThrows(PolyglotException.class, () -> allocator.invokeMember("size", text));
        assertTrue(freed.getMessage().contains("not a live block"), freed.getMessage());

        PolyglotException outOfMemory = assertThrows(PolyglotException.class,
                        () -> allocator.invokeMember("alloc", 0xFFFFFF00L));
        assertEquals("alloc: the guest's malloc(4294967040) returned 0 (out of memory)", outOfMemory.getMessage());
        assertTrue(allocator.invokeMember("alloc", 100).asLong() > 0, "the allocator still works");

        Value named = instance.invokeMember("allocator", "malloc", "free");
        assertTrue(named.invokeMember("alloc", 16).asLong() > 0);
        PolyglotException missing = assertThrows(PolyglotException.class,
                        () -> instance.invokeMember("allocator", "my_alloc", "my_free"));
        assertEquals("allocator: the instance exports no function \"my_alloc\"", missing.getMessage());
        PolyglotException wrongType = assertThrows(PolyglotException.class,
                        () -> instance.invokeMember("allocator", "run", "free"));
        assertTrue(wrongType.getMessage().contains("must be a function (param i32) (result i32)"), wrongType.getMessage());
    }

    @Test
    void tablesAndGlobals() {
        Value exports = Guests.module(context, "tables.wasm").invokeMember("newInstance").getMember("exports");
        Value funcs = exports.getMember("funcs");
        assertEquals(3, funcs.getArraySize());
        assertEquals(3, funcs.getMember("length").asInt());
        assertEquals(5, funcs.getArrayElement(0).execute(2, 3).asInt());
        assertEquals(20, funcs.invokeMember("get", 1).execute(4, 5).asInt());
        assertTrue(funcs.getArrayElement(2).isNull());
        funcs.setArrayElement(2, funcs.getArrayElement(1));
        assertEquals(42, exports.getMember("apply").execute(2, 6, 7).asInt(), "the guest sees the host's change");
        funcs.invokeMember("set", 2, exports.getMember("add"));
        assertEquals(13, exports.getMember("apply").execute(2, 6, 7).asInt());
        // Value.setArrayElement reports a wrong element type as ClassCastException; set() names it.
        assertThrows(ClassCastException.class, () -> funcs.setArrayElement(0, "not a function"));
        IllegalArgumentException notAFunction = assertThrows(IllegalArgumentException.class,
                        () -> funcs.invokeMember("set", 0, "not a function"));
        assertTrue(notAFunction.getMessage().contains("argument 2: expected funcref, got not a function"),
                        notAFunction.getMessage());
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> funcs.getArrayElement(3));
        assertEquals(3, funcs.invokeMember("grow", 2).asInt());
        assertEquals(5, funcs.getArraySize());
        PolyglotException tooBig = assertThrows(PolyglotException.class, () -> funcs.invokeMember("grow", 6));
        assertTrue(tooBig.getMessage().contains("maximum 10"), tooBig.getMessage());

        Value refs = exports.getMember("refs");
        Object token = new Object();
        exports.getMember("set_ref").execute(0, token);
        assertSame(token, refs.getArrayElement(0).asHostObject());
        refs.setArrayElement(1, "from the host");
        assertEquals("from the host", exports.getMember("get_ref").execute(1).asString());

        Value counter = exports.getMember("counter");
        assertEquals(7, counter.getMember("value").asInt());
        counter.putMember("value", 8);
        assertEquals(8, counter.getMember("value").asInt());
        assertEquals(-9007199254740993L, exports.getMember("big").getMember("value").asLong());
        assertThrows(UnsupportedOperationException.class, () -> exports.getMember("big").putMember("value", 1));
        exports.getMember("ratio").putMember("value", 0.25);
        assertEquals(0.25, exports.getMember("ratio").getMember("value").asDouble());
    }

    @Test
    void errorsAreClearAndTheInstanceStaysUsable() {
        boolean[] fail = {false};
        Value exports = Guests.module(context, "errors.wasm").invokeMember("newInstance",
                        imports("env", Map.of("callback", (ProxyExecutable) args -> {
                            if (fail[0]) {
                                throw new IllegalStateException("host says no");
                            }
                            return args[0].asInt() * 2;
                        }))).getMember("exports");
        Value divide = exports.getMember("divide");
        Value memory = exports.getMember("memory");

        PolyglotException type = assertThrows(PolyglotException.class, () -> divide.execute("six", 2));
        assertEquals("argument 1: expected i32, got six (calling divide (func (param i32 i32) (result i32)))",
                        type.getMessage());
        PolyglotException count = assertThrows(PolyglotException.class, () -> divide.execute(6));
        assertEquals("divide expects 2 arguments (func (param i32 i32) (result i32)), got 1", count.getMessage());
        PolyglotException f64 = assertThrows(PolyglotException.class, () -> exports.getMember("wide").execute(1L << 40, "x"));
        assertTrue(f64.getMessage().startsWith("argument 2: expected f64, got x"), f64.getMessage());
        assertEquals((double) (1L << 40) + 0.5, exports.getMember("wide").execute(1L << 40, 0.5).asDouble());

        assertThrows(IndexOutOfBoundsException.class, () -> memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 65534));
        PolyglotException outside = assertThrows(PolyglotException.class,
                        () -> memory.invokeMember("write", 65535, ProxyArrayOf.bytes(1, 2)));
        assertEquals("bytes 65535..65537 are outside the memory of 65536 bytes", outside.getMessage());

        PolyglotException trap = assertThrows(PolyglotException.class, () -> divide.execute(1, 0));
        assertEquals("integer divide by zero", trap.getMessage());
        String stack = trap.getGuestObject().getMember("wasmStack").asString();
        assertTrue(stack.startsWith("at inner (byte offset 0x") && stack.contains("\nat divide (byte offset 0x"), stack);

        fail[0] = true;
        PolyglotException host = assertThrows(PolyglotException.class, () -> exports.getMember("call_back").execute(4));
        assertTrue(host.isHostException());
        assertEquals("host says no", host.asHostException().getMessage());
        assertTrue(host.asHostException() instanceof IllegalStateException);
        fail[0] = false;

        assertEquals(3, divide.execute(6, 2).asInt(), "usable after every failure");
        assertEquals(9, exports.getMember("call_back").execute(4).asInt());
        exports.getMember("store").execute(8, 77);
        assertEquals(77, exports.getMember("load").execute(8).asInt());

        Value badResult = Guests.module(context, "errors.wasm").invokeMember("newInstance",
                        imports("env", Map.of("callback", (ProxyExecutable) args -> "not a number"))).getMember("exports");
        PolyglotException wrongResult = assertThrows(PolyglotException.class,
                        () -> badResult.getMember("call_back").execute(1));
        assertEquals("the host function env.callback returned a wrong value: argument 1: expected i32, got not a number",
                        wrongResult.getMessage());

        PolyglotException missing = assertThrows(PolyglotException.class,
                        () -> Guests.module(context, "errors.wasm").invokeMember("newInstance"));
        assertEquals("unknown import \"env\" \"callback\"", missing.getMessage());
    }
}
