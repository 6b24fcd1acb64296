package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.wasmlang.testing.WasmBinary;

/** Execution through the polyglot API: results, traps, deep recursion and host imports. */
class ExecutionTest {
    private static final int[] NONE = {};

    private static Value instantiate(Context context, byte[] bytes, Object importObject) {
        Value module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(bytes), "test.wasm").buildLiteral());
        return importObject == null ? module.invokeMember("newInstance") : module.invokeMember("newInstance", importObject);
    }

    @Test
    void deepRecursionTrapsAndTheEngineStaysUsable() {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        // f(n) = f(n + 1) + 1: never ends.
        int f = b.function(type, NONE, 0x20, 0x00, 0x41, 0x01, 0x6A, 0x10, 0x00, 0x41, 0x01, 0x6A);
        int add = b.function(type, NONE, 0x20, 0x00, 0x41, 0x02, 0x6A);
        b.export("runaway", f).export("plus2", add);
        try (Context context = Context.create("wasmlang")) {
            Value exports = instantiate(context, b.build(), null).getMember("exports");
            for (int attempt = 0; attempt < 3; attempt++) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("runaway").execute(0));
                assertTrue(e.isGuestException());
                assertFalse(e.isInternalError());
                assertEquals("call stack exhausted", e.getMessage());
            }
            assertEquals(42, exports.getMember("plus2").execute(40).asInt());
        }
    }

    @Test
    void trapsCarryTheSpecMessageAndTheGuestStack() {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32, WasmBinary.I32}, new int[]{WasmBinary.I32});
        int div = b.function(type, NONE, 0x20, 0x00, 0x20, 0x01, 0x6D);
        b.export("div", div);
        try (Context context = Context.create("wasmlang")) {
            Value exports = instantiate(context, b.build(), null).getMember("exports");
            assertEquals(-3, exports.getMember("div").execute(-7, 2).asInt());
            PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("div").execute(1, 0));
            assertEquals("integer divide by zero", e.getMessage());
            assertTrue(e.getPolyglotStackTrace().iterator().hasNext());
            boolean sawDiv = false;
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                sawDiv |= frame.isGuestFrame() && "div".equals(frame.getRootName());
            }
            assertTrue(sawDiv, "the guest stack names the function");
            assertEquals(5, exports.getMember("div").execute(10, 2).asInt(), "usable after a trap");
        }
    }

    @Test
    void wrongArgumentsGiveClearErrors() {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        b.export("id", b.function(type, NONE, 0x20, 0x00));
        try (Context context = Context.create("wasmlang")) {
            Value id = instantiate(context, b.build(), null).getMember("exports").getMember("id");
            // Argument errors are guest errors with WasmLang's message in every host language
            // (GraalPy would replace the message of an interop ArityException).
            PolyglotException arity = assertThrows(PolyglotException.class, () -> id.execute(1, 2));
            assertTrue(arity.getMessage().contains("expects 1 argument (func (param i32) (result i32)), got 2"),
                            arity.getMessage());
            PolyglotException type1 = assertThrows(PolyglotException.class, () -> id.execute("seven"));
            assertTrue(type1.getMessage().startsWith("argument 1: expected i32, got seven"), type1.getMessage());
            assertEquals(-1, id.execute(0xFFFFFFFFL).asInt(), "unsigned i32 values wrap");
        }
    }

    @Test
    void hostFunctionsAreImportsAndTheirExceptionsPassThrough() {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        int hostF = b.importFunction("env", "twice", type);
        b.export("call", b.function(type, NONE, 0x20, 0x00, 0x10, hostF));
        IllegalStateException failure = new IllegalStateException("host says no");
        ProxyExecutable twice = args -> {
            int v = args[0].asInt();
            if (v < 0) {
                throw failure;
            }
            return v * 2;
        };
        try (Context context = Context.create("wasmlang")) {
            Object imports = ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("twice", twice))));
            Value call = instantiate(context, b.build(), imports).getMember("exports").getMember("call");
            assertEquals(42, call.execute(21).asInt());
            PolyglotException e = assertThrows(PolyglotException.class, () -> call.execute(-1));
            assertTrue(e.isHostException());
            assertSame(failure, e.asHostException());
            PolyglotException missing = assertThrows(PolyglotException.class, () -> instantiate(context, b.build(), null));
            assertTrue(missing.getMessage().startsWith("unknown import \"env\" \"twice\""), missing.getMessage());
        }
    }
}
