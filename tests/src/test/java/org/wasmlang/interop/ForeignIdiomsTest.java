package org.wasmlang.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

/**
 * The seed scenarios as users write them for other engines: Java as GraalWasm's docs do
 * (eval, {@code module.newInstance(imports)}, interop buffers, a {@code ProxyObject} import
 * object), JavaScript and Python as the WebAssembly JS API does ({@code instantiate},
 * descriptors, {@code memory.buffer}, host functions that close over the exported memory).
 * Nothing here uses a WasmLang-only helper.
 */
class ForeignIdiomsTest {

    private static final String JSON = "{\"name\": \"Wasm \\\"Ünï\\\" é\", \"num\": 21}";
    private static final String GREETING = "Hello, Wasm \"Ünï\" é! 21 * 2 = 42";

    // ---- Java, as GraalWasm's documentation writes it ----

    @Test
    void javaStaticBufferThroughTheInteropBuffer() {
        try (Context context = Context.create("wasmlang")) {
            Source source = Source.newBuilder("wasmlang", ByteSequence.create(Guests.bytes("static_buffer.wasm")),
                            "static_buffer").buildLiteral();
            Value module = context.eval(source);
            Value exports = module.newInstance().getMember("exports");
            Value memory = exports.getMember("memory");
            int pointer = exports.getMember("get_buffer_pointer").execute().asInt();
            byte[] text = "Did you know".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < text.length; i++) {
                memory.writeBufferByte(pointer + i, text[i]);
            }
            int length = exports.getMember("add_wasm_is_cool").execute(text.length).asInt();
            byte[] result = new byte[length];
            memory.readBuffer(pointer, result, 0, length);
            assertEquals("Did you know WASM is cool!", new String(result, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void javaMultiValueResultsAreAnArray() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = Guests.module(context, "multi_value.wasm").newInstance().getMember("exports");
            Value pair = exports.getMember("load").execute();
            assertTrue(pair.hasArrayElements());
            byte[] text = new byte[pair.getArrayElement(1).asInt()];
            exports.getMember("mem").readBuffer(pair.getArrayElement(0).asLong(), text, 0, text.length);
            assertEquals("Hello, World!", new String(text, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void javaHostFunctionsCloseOverTheExportedMemory() {
        byte[] utf8 = JSON.getBytes(StandardCharsets.UTF_8);
        AtomicReference<Value> memory = new AtomicReference<>();
        try (Context context = Context.create("wasmlang")) {
            ProxyObject imports = ProxyObject.fromMap(Map.of("host", ProxyObject.fromMap(Map.of(
                            "get_input_size", (ProxyExecutable) args -> utf8.length,
                            "get_input", (ProxyExecutable) args -> {
                                long pointer = args[0].asLong();
                                for (int i = 0; i < utf8.length; i++) {
                                    memory.get().writeBufferByte(pointer + i, utf8[i]);
                                }
                                return null;
                            }))));
            Value exports = Guests.module(context, "json_input.wasm").newInstance(imports).getMember("exports");
            memory.set(exports.getMember("memory"));
            long out = exports.getMember("run").execute().asLong();
            assertEquals(GREETING, cString(memory.get(), out));
        }
    }

    private static String cString(Value memory, long pointer) {
        int length = 0;
        while (memory.readBufferByte(pointer + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        memory.readBuffer(pointer, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // ---- JavaScript, as the WebAssembly JS API writes it ----

    private static Context jsContext() {
        Context context = Context.newBuilder("wasmlang", "js").allowPolyglotAccess(PolyglotAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build();
        context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
        // The bytes of a guest as a Uint8Array, as fetch() or fs.readFileSync would give them.
        Value newBytes = context.eval("js", "n => new Uint8Array(n)");
        context.getBindings("js").putMember("guestBytes", (ProxyExecutable) args -> {
            byte[] bytes = Guests.bytes(args[0].asString());
            Value array = newBytes.execute(bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                array.setArrayElement(i, bytes[i] & 0xff);
            }
            return array;
        });
        return context;
    }

    private static final String JS_PRELUDE = """
                    const WebAssembly = Polyglot.import("wasmlang");
                    const encodeUtf8 = s => Uint8Array.from(unescape(encodeURIComponent(s)), c => c.charCodeAt(0));
                    const decodeUtf8 = bytes => decodeURIComponent(escape(String.fromCharCode(...bytes)));
                    const cString = (memory, ptr) => {
                        const bytes = new Uint8Array(memory.buffer);
                        let end = ptr;
                        while (bytes[end] !== 0) end++;
                        return decodeUtf8(bytes.subarray(ptr, end));
                    };
                    """;

    private static Value js(Context context, String code) {
        return context.eval(Source.create("js", JS_PRELUDE + code));
    }

    @Test
    void jsStaticBufferWithAwaitInstantiateAndTypedArrays() {
        try (Context context = jsContext()) {
            js(context, """
                            globalThis.result = "not run";
                            (async () => {
                                const { module, instance } = await WebAssembly.instantiate(guestBytes("static_buffer.wasm"));
                                const { memory, get_buffer_pointer, add_wasm_is_cool } = instance.exports;
                                const ptr = get_buffer_pointer();
                                const input = encodeUtf8("Did you know");
                                new Uint8Array(memory.buffer, ptr, input.length).set(input);
                                const length = add_wasm_is_cool(input.length);
                                globalThis.result = [decodeUtf8(new Uint8Array(memory.buffer, ptr, length)),
                                                     WebAssembly.Module.length === undefined || module !== undefined];
                            })().catch(e => { globalThis.result = "failed: " + e; });
                            """);
            Value result = context.eval("js", "result");
            assertTrue(result.hasArrayElements(), result.toString());
            assertEquals("Did you know WASM is cool!", result.getArrayElement(0).asString());
        }
    }

    @Test
    void jsImportedMemoryWithDescriptors() {
        try (Context context = jsContext()) {
            Value result = js(context, """
                            const memory = new WebAssembly.Memory({ initial: 256, maximum: 256 });
                            const module = new WebAssembly.Module(guestBytes("imported_memory.wasm"));
                            const instance = new WebAssembly.Instance(module, { env: { memory } });
                            const ptr = instance.exports.get_buffer_pointer();
                            const input = encodeUtf8("Did you know");
                            new Uint8Array(memory.buffer).set(input, ptr);
                            const length = instance.exports.add_wasm_is_cool(input.length);
                            let growError = "none";
                            try { memory.grow(1); } catch (e) { growError = e.message; }
                            [decodeUtf8(new Uint8Array(memory.buffer, ptr, length)), memory.buffer.byteLength, growError,
                             WebAssembly.validate(guestBytes("imported_memory.wasm")), WebAssembly.validate(new Uint8Array(4))];
                            """);
            assertEquals("Did you know WASM is cool!", result.getArrayElement(0).asString());
            assertEquals(256 * 65536, result.getArrayElement(1).asInt());
            assertTrue(result.getArrayElement(2).asString().contains("maximum 256 pages"), result.toString());
            assertTrue(result.getArrayElement(3).asBoolean());
            assertTrue(!result.getArrayElement(4).asBoolean());
        }
    }

    @Test
    void jsHostFunctionsCloseOverTheExportedMemory() {
        try (Context context = jsContext()) {
            context.getBindings("js").putMember("json", JSON);
            Value result = js(context, """
                            const input = encodeUtf8(json);
                            let memory;
                            const imports = { host: {
                                get_input_size: () => input.length,
                                get_input: ptr => { new Uint8Array(memory.buffer).set(input, ptr); },
                            } };
                            const { instance } = WebAssembly.instantiate(guestBytes("json_input.wasm"), imports);
                            memory = instance.exports.memory;
                            const out = instance.exports.run();
                            out === 0 ? "error: " + cString(memory, instance.exports.error()) : cString(memory, out);
                            """);
            assertEquals(GREETING, result.asString());
        }
    }

    @Test
    void jsCompileThenInstantiateAModuleGivesTheInstance() {
        try (Context context = jsContext()) {
            Value result = js(context, """
                            const module = WebAssembly.compile(guestBytes("multi_value.wasm"));
                            const instance = WebAssembly.instantiate(module);
                            const [ptr, len] = instance.exports.load();
                            decodeUtf8(new Uint8Array(instance.exports.mem.buffer, ptr, len));
                            """);
            assertEquals("Hello, World!", result.asString());
        }
    }

    // ---- Python, with the JS API's names ----

    @Test
    void pythonHostFunctionsCloseOverTheExportedMemory() {
        try (Context context = Context.newBuilder("wasmlang", "python").allowPolyglotAccess(PolyglotAccess.ALL)
                        .allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            context.getPolyglotBindings().putMember("guest_path", Guests.path("json_input.wasm").toString());
            context.getPolyglotBindings().putMember("json", JSON);
            Value result = context.eval("python", """
                            import polyglot
                            WebAssembly = polyglot.import_value("wasmlang")
                            data = polyglot.import_value("json").encode("utf-8")
                            memory = None

                            def get_input(ptr):
                                memory.write(ptr, data)

                            imports = {"host": {"get_input_size": lambda: len(data), "get_input": get_input}}
                            with open(polyglot.import_value("guest_path"), "rb") as f:
                                instance = WebAssembly.instantiate(f.read(), imports).instance
                            memory = instance.exports.memory
                            out = instance.exports.run()
                            raw = bytes(memory.read(out, 256))
                            raw[:raw.index(0)].decode("utf-8")
                            """);
            assertEquals(GREETING, result.asString());
        }
    }

    @Test
    void instantiateNamesItsArgumentErrors() {
        try (Context context = Context.create("wasmlang")) {
            Value wasm = context.getBindings("wasmlang");
            PolyglotException e = org.junit.jupiter.api.Assertions.assertThrows(PolyglotException.class,
                            () -> wasm.invokeMember("instantiate"));
            assertEquals("instantiate takes 1 to 2 arguments, got 0", e.getMessage());
            e = org.junit.jupiter.api.Assertions.assertThrows(PolyglotException.class,
                            () -> wasm.invokeMember("instantiate", 42));
            assertTrue(e.getMessage().startsWith("instantiate: "), e.getMessage());
        }
    }
}
