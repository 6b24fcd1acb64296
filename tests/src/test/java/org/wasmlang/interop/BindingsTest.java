package org.wasmlang.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.wasmlang.testing.WasmBinary;

/** {@code getBindings("wasmlang")}: host-made modules, memories, globals and validate. */
class BindingsTest {
    private static byte[] guestWithImportedMemory() {
        WasmBinary b = new WasmBinary();
        int load = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        b.importMemory("env", "memory", 256, 256);
        b.export("load", b.function(load, new int[0], 0x20, 0x00, 0x28, 0x02, 0x00));
        return b.build();
    }

    /** Module bytes passed as a Java byte[] need host array access. */
    private static Context context() {
        return Context.newBuilder("wasmlang").allowHostAccess(HostAccess.newBuilder(HostAccess.EXPLICIT)
                        .allowArrayAccess(true).build()).build();
    }

    /** The JS API's descriptors, from Java as a ProxyObject or a Map (with map access), from JavaScript and Python. */
    @Test
    void memoryTableAndGlobalTakeJsApiDescriptors() {
        try (Context context = Context.newBuilder("wasmlang").allowHostAccess(HostAccess.newBuilder(HostAccess.EXPLICIT)
                        .allowArrayAccess(true).allowMapAccess(true).build()).build()) {
            Value wasm = context.getBindings("wasmlang");
            Value memory = wasm.getMember("Memory").newInstance(ProxyObject.fromMap(Map.of("initial", 2, "maximum", 5)));
            assertEquals(2, memory.getMember("pages").asInt());
            assertEquals(2, memory.invokeMember("grow", 3).asInt());
            assertThrows(PolyglotException.class, () -> memory.invokeMember("grow", 1), "the maximum of 5 pages holds");
            Value big = wasm.getMember("Memory").newInstance(Map.of("initial", 1, "address", "i64"));
            assertEquals("Memory[1 pages, i64]", big.toString());
            PolyglotException shared = assertThrows(PolyglotException.class,
                            () -> wasm.getMember("Memory").newInstance(Map.of("initial", 1, "maximum", 2, "shared", true)));
            assertEquals("Memory: unsupported feature: threads (shared memory)", shared.getMessage());
            PolyglotException missing = assertThrows(PolyglotException.class,
                            () -> wasm.getMember("Memory").newInstance(Map.of("maximum", 2)));
            assertEquals("Memory: the descriptor needs initial", missing.getMessage());
            Value table = wasm.getMember("Table").newInstance(Map.of("initial", 3, "element", "externref"), "x");
            assertEquals(3, table.getMember("length").asInt());
            assertEquals("x", table.invokeMember("get", 2).asString());
            Value counter = wasm.getMember("Global").newInstance(Map.of("value", "i64", "mutable", true), 7);
            assertEquals(7, counter.getMember("value").asLong());
            Value zero = wasm.getMember("Global").newInstance(ProxyObject.fromMap(Map.of("value", "f64")));
            assertEquals(0.0, zero.getMember("value").asDouble());
        }
        try (Context context = Context.newBuilder("wasmlang", "js", "python").allowPolyglotAccess(PolyglotAccess.ALL).build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            Value js = context.eval("js", """
                            const wasm = Polyglot.import("wasmlang");
                            const memory = new wasm.Memory({initial: 1, maximum: 4});
                            const table = new wasm.Table({initial: 2, element: "anyfunc"});
                            const global = new wasm.Global({value: "i32", mutable: true}, 42);
                            [memory.pages, table.length, global.value];
                            """);
            assertEquals(1, js.getArrayElement(0).asInt());
            assertEquals(2, js.getArrayElement(1).asInt());
            assertEquals(42, js.getArrayElement(2).asInt());
            Value python = context.eval("python", """
                            import polyglot
                            wasm = polyglot.import_value("wasmlang")
                            memory = wasm.Memory({"initial": 3})
                            glob = wasm.Global({"value": "f32", "mutable": False}, 1.5)
                            [memory.pages, glob.value]
                            """);
            assertEquals(3, python.getArrayElement(0).asInt());
            assertEquals(1.5, python.getArrayElement(1).asDouble());
        }
    }

    /**
     * Which Java callables a Context accepts as imported functions: a ProxyExecutable always;
     * a lambda of a functional interface only when HostAccess lets guests call it (HostAccess.ALL
     * here), else instantiation says the import is not a function.
     */
    @Test
    void javaLambdasAsImportsNeedHostAccess() {
        WasmBinary b = new WasmBinary();
        int unary = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        int f = b.importFunction("env", "f", unary);
        b.export("call", b.function(unary, new int[0], 0x20, 0x00, 0x10, f));
        byte[] bytes = b.build();
        java.util.function.IntUnaryOperator twice = x -> 2 * x;
        try (Context context = Context.newBuilder("wasmlang").allowHostAccess(HostAccess.ALL).build()) {
            Value module = context.eval(org.graalvm.polyglot.Source.newBuilder("wasmlang",
                            org.graalvm.polyglot.io.ByteSequence.create(bytes), "lambda.wasm").buildLiteral());
            Value exports = module.newInstance(ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("f", twice)))))
                            .getMember("exports");
            assertEquals(42, exports.getMember("call").execute(21).asInt());
        }
        try (Context context = Context.create("wasmlang")) {
            Value module = context.eval(org.graalvm.polyglot.Source.newBuilder("wasmlang",
                            org.graalvm.polyglot.io.ByteSequence.create(bytes), "lambda.wasm").buildLiteral());
            PolyglotException e = assertThrows(PolyglotException.class, () -> module.newInstance(
                            ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("f", twice))))));
            assertTrue(e.getMessage().contains("\"env\" \"f\""), e.getMessage());
            org.graalvm.polyglot.proxy.ProxyExecutable proxy = args -> 2 * args[0].asInt();
            Value exports = module.newInstance(ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("f", proxy)))))
                            .getMember("exports");
            assertEquals(42, exports.getMember("call").execute(21).asInt());
        }
    }

    /**
     * i64 in JavaScript, as docs/embedding.md describes it: GraalJS shows a result as a number
     * that holds the exact 64-bit value until arithmetic, so BigInt(r) is exact, and BigInt
     * arguments are exact. Module: big() returns 2^60 + 1, id(i64) returns its argument.
     */
    @Test
    void i64ValuesStayExactInJavaScript() {
        try (Context context = Context.newBuilder("wasmlang", "js").allowPolyglotAccess(PolyglotAccess.ALL).build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            Value results = context.eval("js", """
                            const wasm = Polyglot.import("wasmlang");
                            const hex = "0061736d01000000010a026000017e60017e017e03040300000107140303626967000005736d616c6c0001026964"
                                + "00020a18030c00428180808080808080100b040042050b040020000b";
                            const { exports } = new wasm.Module(new Uint8Array(hex.match(/../g).map(h => parseInt(h, 16)))).newInstance();
                            [String(BigInt(exports.big())), exports.big() == 1152921504606846977n,
                             String(BigInt(exports.id(2n ** 62n + 1n))), String(BigInt(exports.id(-5)))];
                            """);
            assertEquals("1152921504606846977", results.getArrayElement(0).asString());
            assertTrue(results.getArrayElement(1).asBoolean());
            assertEquals("4611686018427387905", results.getArrayElement(2).asString());
            assertEquals("-5", results.getArrayElement(3).asString());
        }
    }

    /** GraalWasm's idiom: the module itself is instantiable (Java's Value.newInstance, JavaScript's new). */
    @Test
    void aModuleIsInstantiableThroughInterop() {
        try (Context context = context()) {
            Value wasm = context.getBindings("wasmlang");
            Value memory = wasm.getMember("Memory").newInstance(256, 256);
            memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 64, 31);
            Value module = wasm.getMember("Module").newInstance((Object) guestWithImportedMemory());
            assertTrue(module.canInstantiate());
            Object imports = ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("memory", memory))));
            assertEquals(31, module.newInstance(imports).getMember("exports").getMember("load").execute(64).asInt());
        }
        try (Context context = Context.newBuilder("wasmlang", "js").allowPolyglotAccess(PolyglotAccess.ALL)
                        .allowHostAccess(HostAccess.newBuilder(HostAccess.EXPLICIT).allowArrayAccess(true).build()).build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            context.getBindings("js").putMember("bytes", guestWithImportedMemory());
            Value loaded = context.eval("js", """
                            const wasm = Polyglot.import("wasmlang");
                            const memory = new wasm.Memory(256, 256);
                            new DataView(memory).setInt32(8, 12, true);
                            const Guest = new wasm.Module(bytes);
                            const instance = new Guest({env: {memory}});
                            instance.exports.load(8);
                            """);
            assertEquals(12, loaded.asInt());
        }
    }

    /** Without array access a byte[] is no module; the error says so in a line, not by listing every byte. */
    @Test
    void bytesTheBindingsCannotReadGetAShortError() {
        try (Context context = Context.create("wasmlang")) {
            byte[] large = new byte[100_000];
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> context.getBindings("wasmlang").getMember("Module").newInstance((Object) large));
            assertTrue(e.getMessage().contains("must be bytes"), e.getMessage());
            assertTrue(e.getMessage().length() < 600, e.getMessage().length() + " characters: " + e.getMessage());
        }
    }

    @Test
    void aHostMemoryCanBeImported() {
        try (Context context = context()) {
            Value wasm = context.getBindings("wasmlang");
            Value memory = wasm.getMember("Memory").newInstance(256, 256);
            memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 1024, 777);
            Value module = wasm.getMember("Module").newInstance((Object) guestWithImportedMemory());
            Object imports = ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("memory", memory))));
            Value instance = wasm.getMember("Instance").newInstance(module, imports);
            assertEquals(777, instance.getMember("exports").getMember("load").execute(1024).asInt());
        }
    }

    @Test
    void aModuleListsItsImportsAndExports() {
        try (Context context = context()) {
            Value module = context.getBindings("wasmlang").getMember("Module").newInstance((Object) guestWithImportedMemory());
            Value imports = module.getMember("imports");
            assertEquals(1, imports.getArraySize());
            assertEquals("env", imports.getArrayElement(0).getMember("module").asString());
            assertEquals("memory", imports.getArrayElement(0).getMember("name").asString());
            assertEquals("memory", imports.getArrayElement(0).getMember("kind").asString());
            assertEquals("(memory 256 256)", imports.getArrayElement(0).getMember("type").asString());
            Value exports = module.getMember("exports");
            assertEquals("load", exports.getArrayElement(0).getMember("name").asString());
            assertEquals("(func (param i32) (result i32))", exports.getArrayElement(0).getMember("type").asString());
            // Printed as what it holds, not as a Java object.
            assertEquals("[{name: load, kind: func, type: (func (param i32) (result i32))}]", exports.toString());
        }
    }

    @Test
    void aMemoryOutsideTheImportLimitsIsRefused() {
        try (Context context = context()) {
            Value wasm = context.getBindings("wasmlang");
            Value small = wasm.getMember("Memory").newInstance(1, 2);
            Value module = wasm.getMember("Module").newInstance((Object) guestWithImportedMemory());
            Object imports = ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("memory", small))));
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> wasm.getMember("Instance").newInstance(module, imports));
            assertEquals("incompatible import type for \"env\" \"memory\": expected (memory 256 256), got (memory 1 2)",
                            e.getMessage());
        }
    }

    @Test
    void validateAndGlobals() {
        try (Context context = context()) {
            Value wasm = context.getBindings("wasmlang");
            assertTrue(wasm.getMember("validate").execute((Object) guestWithImportedMemory()).asBoolean());
            assertFalse(wasm.getMember("validate").execute((Object) new byte[]{0, 'a', 's', 'm'}).asBoolean());
            Value global = wasm.getMember("Global").newInstance("i64", true, 42);
            assertEquals(42L, global.getMember("value").asLong());
            global.putMember("value", 43);
            assertEquals(43L, global.getMember("value").asLong());
            Value constant = wasm.getMember("Global").newInstance("f64", false, 1.5);
            assertThrows(UnsupportedOperationException.class, () -> constant.putMember("value", 2.5));
        }
    }
}
