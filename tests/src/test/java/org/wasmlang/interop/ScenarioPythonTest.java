package org.wasmlang.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.TypeLiteral;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed scenarios from a GraalPy host. The Java side only shares the bindings
 * ({@code polyglot.import_value("wasmlang")}) and the guests' folder; the rest is Python.
 * One engine serves all tests so Python starts once.
 */
class ScenarioPythonTest {
    private static Engine engine;
    private Context context;

    @BeforeAll
    static void startEngine() {
        engine = Engine.newBuilder("wasmlang", "python").build();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void open() {
        context = Context.newBuilder("wasmlang", "python").engine(engine).allowPolyglotAccess(PolyglotAccess.ALL)
                        .allowIO(IOAccess.ALL).build();
        context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
        context.getBindings("python").putMember("guest_dir", Guests.path("errors.wasm").getParent().toString());
    }

    @AfterEach
    void close() {
        context.close();
    }

    private static final String PRELUDE = """
                    import polyglot
                    wasm = polyglot.import_value("wasmlang")
                    def load(name):
                        return polyglot.eval(language="wasmlang", path=guest_dir + "/" + name)
                    """;

    private Value python(String code) {
        return context.eval(Source.create("python", PRELUDE + code));
    }

    private static List<String> strings(Value array) {
        return array.as(new TypeLiteral<List<String>>() {
        });
    }

    @Test
    void scenario1StaticBuffer() {
        Value result = python("""
                        exports = load("static_buffer.wasm").newInstance().exports
                        ptr = exports.get_buffer_pointer()
                        written = exports.memory.write(ptr, "Did you know".encode())
                        length = exports.add_wasm_is_cool(written)
                        bytes(exports.memory.read(ptr, length)).decode()
                        """);
        assertEquals("Did you know WASM is cool!", result.asString());
    }

    @Test
    void scenario2ImportedMemory() {
        Value result = python("""
                        memory = wasm.Memory(256, 256)
                        exports = wasm.Instance(load("imported_memory.wasm"), {"env": {"memory": memory}}).exports
                        ptr = exports.get_buffer_pointer()
                        length = exports.add_wasm_is_cool(memory.writeString(ptr, "Did you know"))
                        try:
                            memory.grow(1)
                            grow_error = ""
                        except polyglot.ForeignException as e:   # WasmLang's errors and traps
                            grow_error = str(e)
                        [memory.readString(ptr, length), memory.pages, grow_error]
                        """);
        assertEquals("Did you know WASM is cool!", result.getArrayElement(0).asString());
        assertEquals(256, result.getArrayElement(1).asInt());
        assertTrue(result.getArrayElement(2).asString().contains("maximum 256 pages"), result.toString());
    }

    @Test
    void scenario3MultiValueAndGrow() {
        Value result = python("""
                        exports = load("multi_value.wasm").newInstance().exports
                        mem = exports.mem
                        ptr, length = exports.load()
                        before = mem.readString(ptr, length)
                        mem.writeString(ptr, "Hello, Wasmer!")
                        ptr2, length2 = exports.load()
                        pages_before = mem.pages
                        old = mem.grow(1)
                        [before, mem.readString(ptr2, length2), length2, pages_before, old, mem.pages, mem.byteLength]
                        """);
        assertEquals("Hello, World!", result.getArrayElement(0).asString());
        assertEquals("Hello, Wasmer!", result.getArrayElement(1).asString());
        assertEquals(14, result.getArrayElement(2).asInt());
        assertEquals(2, result.getArrayElement(3).asInt());
        assertEquals(2, result.getArrayElement(4).asInt());
        assertEquals(3, result.getArrayElement(5).asInt());
        assertEquals(3 * 65536, result.getArrayElement(6).asInt());
    }

    @Test
    void scenario4HostFunctionsWriteIntoTheCallersMemory() {
        Value result = python("""
                        import json
                        data = json.dumps({"name": 'Wasm "Ünï" é', "num": 21}).encode()   # \\u escapes for non-ASCII

                        def get_input(caller, ptr):
                            caller.memory.write(ptr, data)

                        exports = load("json_input.wasm").newInstance({"host": {
                            "get_input_size": lambda: len(data),
                            "get_input": wasm.withCaller(get_input),
                        }}).exports
                        out = exports.run()
                        exports.memory.readCString(out) if out else "error: " + exports.memory.readCString(exports.error())
                        """);
        assertEquals("Hello, Wasm \"Ünï\" é! 21 * 2 = 42", result.asString());
    }

    @Test
    void scenario5SendLineAndAllocator() {
        Value result = python("""
                        lines = []
                        def send_line(caller, ptr, length):
                            lines.append(bytes(caller.memory.read(ptr, length)).decode("utf-8"))

                        instance = load("send_line.wasm").newInstance({"env": {"send_line": wasm.withCaller(send_line)}})
                        allocator = instance.allocator()   # finds alloc/dealloc
                        ptr = allocator.writeBytes("Zoë".encode())
                        sent = instance.exports.greet(ptr, allocator.size(ptr))
                        allocator.free(ptr)
                        [sent, allocator.writeString("Ana!") == ptr, lines]
                        """);
        assertEquals(3, result.getArrayElement(0).asInt());
        assertTrue(result.getArrayElement(1).asBoolean(), "dealloc gave the block back");
        assertEquals(List.of("Grüße, Zoë!", "Ünïcödé ✓ 日本語 🎉", "3 characters"), strings(result.getArrayElement(2)));
    }

    @Test
    void callerInAStartFunction() {
        Value result = python("""
                        log = []
                        def on_log(caller, ptr, length):
                            log.append(caller.memory.readString(ptr, length))
                            caller.exports.calls.value += 1

                        first = load("caller_start.wasm").newInstance({"host": {"log": wasm.withCaller(on_log)}})
                        after_start = len(log)
                        [after_start, first.exports.hello(), log]
                        """);
        assertEquals(1, result.getArrayElement(0).asInt(), "the start function called the host during instantiation");
        assertEquals(2, result.getArrayElement(1).asInt());
        assertEquals(List.of("started: üñï", "hello again"), strings(result.getArrayElement(2)));
    }

    @Test
    void tablesGlobalsAndNumbers() {
        Value result = python("""
                        exports = load("tables.wasm").newInstance().exports
                        funcs = exports.funcs
                        total = funcs[0](2, 3)
                        funcs[2] = funcs[1]
                        product = exports.apply(2, 6, 7)
                        token = object()
                        exports.refs[1] = token
                        same = exports.get_ref(1) is token
                        exports.counter.value = 8
                        try:
                            funcs.set(0, "nope")   # funcs[0] = "nope" fails too, with GraalPy's own message
                            type_error = ""
                        except TypeError as e:
                            type_error = str(e)
                        [total, product, same, exports.counter.value, len(funcs), exports.big.value, type_error]
                        """);
        assertEquals(5, result.getArrayElement(0).asInt());
        assertEquals(42, result.getArrayElement(1).asInt());
        assertTrue(result.getArrayElement(2).asBoolean(), "externref keeps the Python object's identity");
        assertEquals(8, result.getArrayElement(3).asInt());
        assertEquals(3, result.getArrayElement(4).asInt());
        assertEquals(-9007199254740993L, result.getArrayElement(5).asLong(), "Python ints hold every i64 exactly");
        assertTrue(result.getArrayElement(6).asString().contains("expected funcref"), result.getArrayElement(6).asString());
    }

    @Test
    void i64AndF64TakePythonNumbers() {
        Value result = python("""
                        exports = load("errors.wasm").newInstance({"env": {"callback": lambda x: x}}).exports
                        [exports.wide(2 ** 40, 0.5), exports.wide(2 ** 64 - 1, 0), exports.wide(3, 1)]
                        """);
        assertEquals((1L << 40) + 0.5, result.getArrayElement(0).asDouble());
        assertEquals(-1.0, result.getArrayElement(1).asDouble(), "2^64-1 wraps to -1 as Wasm does");
        assertEquals(4.0, result.getArrayElement(2).asDouble(), "an int is accepted for f64");
    }

    @Test
    void errorsAreClearAndTheInstanceStaysUsable() {
        Value result = python("""
                        def message(f):
                            try:
                                f()
                                return "no error"
                            except (TypeError, polyglot.ForeignException) as e:
                                return type(e).__name__ + ": " + str(e)

                        fail = [False]
                        class HostSaysNo(Exception):
                            pass
                        def callback(x):
                            if fail[0]:
                                raise HostSaysNo("host says no")
                            return x * 2

                        module = load("errors.wasm")
                        exports = module.newInstance({"env": {"callback": callback}}).exports
                        out = {}
                        out["type"] = message(lambda: exports.divide("six", 2))
                        out["count"] = message(lambda: exports.divide(6))
                        out["big"] = message(lambda: exports.wide(2 ** 64, 0))
                        out["range"] = message(lambda: exports.memory.read(65530, 100))
                        out["write"] = message(lambda: exports.memory.write(65535, b"ab"))
                        out["missing"] = message(lambda: module.newInstance())
                        out["memory"] = message(lambda: wasm.Memory("one"))
                        out["dict"] = message(lambda: wasm.Global({"value": "i32"}, {"initial": 256}))
                        out["withCaller"] = message(lambda: wasm.withCaller(42))
                        try:
                            exports.divide(1, 0)
                        except polyglot.ForeignException as e:
                            out["trap"] = str(e)
                            out["stack"] = e.wasmStack
                        fail[0] = True
                        try:
                            exports.call_back(4)
                        except HostSaysNo as e:
                            out["host"] = "HostSaysNo: " + str(e)
                        fail[0] = False
                        out["after"] = [exports.divide(6, 2), exports.call_back(4)]
                        out
                        """);
        assertEquals("ForeignException: argument 1: expected i32, got six (calling divide (func (param i32 i32)"
                        + " (result i32)))", result.getHashValue("type").asString());
        assertEquals("ForeignException: divide expects 2 arguments (func (param i32 i32) (result i32)), got 1",
                        result.getHashValue("count").asString());
        assertTrue(result.getHashValue("big").asString().startsWith("ForeignException: argument 1: expected i64, got"),
                        result.toString());
        assertEquals("ForeignException: bytes 65530..65630 are outside the memory of 65536 bytes",
                        result.getHashValue("range").asString());
        assertEquals("ForeignException: bytes 65535..65537 are outside the memory of 65536 bytes",
                        result.getHashValue("write").asString());
        assertEquals("ForeignException: unknown import \"env\" \"callback\"", result.getHashValue("missing").asString());
        assertTrue(result.getHashValue("dict").asString().endsWith("got {'initial': 256}"), result.toString());
        assertEquals("ForeignException: Memory: argument 1 must be a non-negative integer, got one",
                        result.getHashValue("memory").asString());
        assertEquals("ForeignException: withCaller: argument 1 must be a function, got 42",
                        result.getHashValue("withCaller").asString());
        assertEquals("integer divide by zero", result.getHashValue("trap").asString());
        assertTrue(result.getHashValue("stack").asString().startsWith("at inner (byte offset 0x"), result.toString());
        assertEquals("HostSaysNo: host says no", result.getHashValue("host").asString(),
                        "the Python exception reaches the caller unchanged");
        assertEquals(3, result.getHashValue("after").getArrayElement(0).asInt());
        assertEquals(9, result.getHashValue("after").getArrayElement(1).asInt());
    }
}
