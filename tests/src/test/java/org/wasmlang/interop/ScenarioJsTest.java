package org.wasmlang.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed scenarios from a GraalJS host. The Java side only shares the bindings
 * ({@code Polyglot.import("wasmlang")}) and the guests' folder; the rest is JavaScript.
 */
class ScenarioJsTest {
    private Context context;

    @BeforeEach
    void open() {
        context = Context.newBuilder("wasmlang", "js").allowPolyglotAccess(PolyglotAccess.ALL).allowIO(IOAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build();
        context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
        context.getBindings("js").putMember("guestDir", Guests.path("errors.wasm").getParent().toString());
    }

    @AfterEach
    void close() {
        context.close();
    }

    private static final String PRELUDE = """
                    const wasm = Polyglot.import("wasmlang");
                    const load = name => Polyglot.evalFile("wasmlang", guestDir + "/" + name);
                    """;

    private Value js(String code) {
        return context.eval(Source.create("js", PRELUDE + code));
    }

    private static List<String> strings(Value array) {
        return array.as(new org.graalvm.polyglot.TypeLiteral<List<String>>() {
        });
    }

    @Test
    void scenario1StaticBuffer() {
        Value result = js("""
                        const { exports } = load("static_buffer.wasm").newInstance();
                        const ptr = exports.get_buffer_pointer();
                        const bytes = new Uint8Array(exports.memory);   // a live view of the guest's memory
                        const text = "Did you know";
                        for (let i = 0; i < text.length; i++) bytes[ptr + i] = text.charCodeAt(i);
                        const length = exports.add_wasm_is_cool(text.length);
                        exports.memory.readString(ptr, length);
                        """);
        assertEquals("Did you know WASM is cool!", result.asString());
    }

    @Test
    void scenario2ImportedMemory() {
        Value result = js("""
                        const memory = new wasm.Memory(256, 256);
                        const { exports } = new wasm.Instance(load("imported_memory.wasm"), { env: { memory } });
                        const ptr = exports.get_buffer_pointer();
                        const length = exports.add_wasm_is_cool(memory.writeString(ptr, "Did you know"));
                        let growError = "";
                        try { memory.grow(1); } catch (e) { growError = e.message; }
                        [memory.readString(ptr, length), memory.pages, growError];
                        """);
        assertEquals("Did you know WASM is cool!", result.getArrayElement(0).asString());
        assertEquals(256, result.getArrayElement(1).asInt());
        assertTrue(result.getArrayElement(2).asString().contains("maximum 256 pages"), result.toString());
    }

    @Test
    void scenario3MultiValueAndGrow() {
        Value result = js("""
                        const { exports } = load("multi_value.wasm").newInstance();
                        const mem = exports.mem;
                        const [ptr, len] = exports.load();
                        const before = mem.readString(ptr, len);
                        mem.writeString(ptr, "Hello, Wasmer!");
                        const [ptr2, len2] = exports.load();
                        const pagesBefore = mem.pages;
                        const old = mem.grow(1);
                        [before, mem.readString(ptr2, len2), len2, pagesBefore, old, mem.pages, mem.byteLength,
                         new Uint8Array(mem).length];
                        """);
        assertEquals("Hello, World!", result.getArrayElement(0).asString());
        assertEquals("Hello, Wasmer!", result.getArrayElement(1).asString());
        assertEquals(14, result.getArrayElement(2).asInt());
        assertEquals(2, result.getArrayElement(3).asInt());
        assertEquals(2, result.getArrayElement(4).asInt());
        assertEquals(3, result.getArrayElement(5).asInt());
        assertEquals(3 * 65536, result.getArrayElement(6).asInt());
        assertEquals(3 * 65536, result.getArrayElement(7).asInt(), "a new view sees the grown memory");
    }

    @Test
    void scenario4HostFunctionsWriteIntoTheCallersMemory() {
        Value result = js("""
                        const json = JSON.stringify({ name: 'Wasm "Ünï" é', num: 21 });
                        const utf8Length = s => unescape(encodeURIComponent(s)).length;
                        const { exports } = load("json_input.wasm").newInstance({ host: {
                            get_input_size: () => utf8Length(json),
                            get_input: wasm.withCaller((caller, ptr) => { caller.memory.writeString(ptr, json); }),
                        } });
                        const out = exports.run();
                        out === 0 ? "error: " + exports.memory.readCString(exports.error()) : exports.memory.readCString(out);
                        """);
        assertEquals("Hello, Wasm \"Ünï\" é! 21 * 2 = 42", result.asString());
    }

    @Test
    void scenario5SendLineAndAllocator() {
        Value result = js("""
                        const lines = [];
                        const instance = load("send_line.wasm").newInstance({ env: {
                            send_line: wasm.withCaller((caller, ptr, len) => { lines.push(caller.memory.readString(ptr, len)); }),
                        } });
                        const allocator = instance.allocator();        // finds alloc/dealloc
                        const ptr = allocator.writeString("Zoë");
                        const sent = instance.exports.greet(ptr, allocator.size(ptr));
                        allocator.free(ptr);
                        const reused = allocator.writeString("Ana!") === ptr;
                        [sent, reused, lines];
                        """);
        assertEquals(3, result.getArrayElement(0).asInt());
        assertTrue(result.getArrayElement(1).asBoolean(), "dealloc gave the block back");
        assertEquals(List.of("Grüße, Zoë!", "Ünïcödé ✓ 日本語 🎉", "3 characters"), strings(result.getArrayElement(2)));
    }

    @Test
    void callerInAStartFunction() {
        Value result = js("""
                        const log = [];
                        const imports = { host: { log: wasm.withCaller((caller, ptr, len) => {
                            log.push(caller.memory.readString(ptr, len));
                            caller.exports.calls.value += 1;
                        }) } };
                        const first = load("caller_start.wasm").newInstance(imports);
                        const afterStart = log.length;
                        const calls = first.exports.hello();
                        [afterStart, calls, log];
                        """);
        assertEquals(1, result.getArrayElement(0).asInt(), "the start function called the host during instantiation");
        assertEquals(2, result.getArrayElement(1).asInt());
        assertEquals(List.of("started: üñï", "hello again"), strings(result.getArrayElement(2)));
    }

    @Test
    void tablesGlobalsAndI64() {
        Value result = js("""
                        const { exports } = load("tables.wasm").newInstance();
                        const funcs = exports.funcs;
                        const sum = funcs[0](2, 3);
                        funcs[2] = funcs[1];
                        const product = exports.apply(2, 6, 7);
                        const token = { id: 1 };
                        exports.refs.set(1, token);
                        const same = exports.get_ref(1) === token;
                        exports.counter.value = 8;
                        const wide = [exports.big.value, typeof exports.big.value];
                        let typeError = "";
                        // A failed element write throws in strict code (sloppy code ignores it, as for frozen arrays).
                        try { (() => { "use strict"; funcs[0] = "nope"; })(); } catch (e) { typeError = e.message; }
                        let setError = "";
                        try { funcs.set(0, "nope"); } catch (e) { setError = e.message; }
                        [sum, product, same, exports.counter.value, funcs.length, funcs.get(0)(1, 1), typeError, setError, wide[1]];
                        """);
        assertEquals(5, result.getArrayElement(0).asInt());
        assertEquals(42, result.getArrayElement(1).asInt());
        assertTrue(result.getArrayElement(2).asBoolean(), "externref keeps the JS object's identity");
        assertEquals(8, result.getArrayElement(3).asInt());
        assertEquals(3, result.getArrayElement(4).asInt());
        assertEquals(2, result.getArrayElement(5).asInt());
        assertNotEquals("", result.getArrayElement(6).asString(), "a strict-mode element write of a string fails");
        assertTrue(result.getArrayElement(7).asString().contains("argument 2: expected funcref, got nope"),
                        result.getArrayElement(7).asString());
        assertEquals("number", result.getArrayElement(8).asString(), "i64 results are JS numbers");
    }

    @Test
    void i64TakesNumbersAndBigInts() {
        Value result = js("""
                        const { exports } = load("errors.wasm").newInstance({ env: { callback: x => x } });
                        [exports.wide(2n ** 40n, 0.5), exports.wide(1099511627776, 0.5), exports.wide(2n ** 64n - 1n, 0)];
                        """);
        assertEquals((1L << 40) + 0.5, result.getArrayElement(0).asDouble());
        assertEquals((1L << 40) + 0.5, result.getArrayElement(1).asDouble());
        assertEquals(-1.0, result.getArrayElement(2).asDouble(), "2^64-1 wraps to -1 as Wasm does");
    }

    @Test
    void errorsAreClearAndTheInstanceStaysUsable() {
        Value result = js("""
                        const message = f => { try { f(); return "no error"; } catch (e) { return e.message ?? String(e); } };
                        let fail = false;
                        const thrown = new Error("host says no");
                        const module = load("errors.wasm");
                        const { exports } = module.newInstance({ env: { callback: x => { if (fail) throw thrown; return x * 2; } } });
                        const out = {};
                        out.type = message(() => exports.divide("six", 2));
                        out.count = message(() => exports.divide(6));
                        out.bigint = message(() => exports.wide(2n ** 64n, 0));
                        out.range = message(() => exports.memory.readString(65530, 100));
                        out.view = message(() => new DataView(exports.memory).getInt32(65534, true));
                        out.missing = message(() => module.newInstance());
                        let trap;
                        try { exports.divide(1, 0); } catch (e) { trap = e; }
                        out.trap = trap.message;
                        out.stack = trap.wasmStack;
                        fail = true;
                        let caught;
                        try { exports.call_back(4); } catch (e) { caught = e; }
                        out.sameError = caught === thrown;
                        fail = false;
                        out.after = [exports.divide(6, 2), exports.call_back(4)];
                        out;
                        """);
        assertTrue(result.getMember("type").asString().contains("argument 1: expected i32, got six"), result.toString());
        assertEquals("divide expects 2 arguments (func (param i32 i32) (result i32)), got 1",
                        result.getMember("count").asString());
        assertTrue(result.getMember("bigint").asString().contains("argument 1: expected i64"), result.toString());
        assertEquals("bytes 65530..65630 are outside the memory of 65536 bytes", result.getMember("range").asString());
        assertTrue(result.getMember("view").asString().contains("RangeError")
                        || result.getMember("view").asString().contains("viewLength"), result.toString());
        assertEquals("unknown import \"env\" \"callback\"", result.getMember("missing").asString());
        assertEquals("integer divide by zero", result.getMember("trap").asString());
        assertTrue(result.getMember("stack").asString().startsWith("at inner (byte offset 0x"), result.toString());
        assertTrue(result.getMember("sameError").asBoolean(), "the host's Error reaches the caller unchanged");
        assertEquals(3, result.getMember("after").getArrayElement(0).asInt());
        assertEquals(9, result.getMember("after").getArrayElement(1).asInt());
    }
}
