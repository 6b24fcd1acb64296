package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exception handling (Wasm 3.0): throw and try_table across functions, instances and a host
 * function's frame, catch_ref and throw_ref, payloads of several types, a try_table in a
 * loop, uncaught exceptions as the host sees them; each in the interpreter and with forced
 * compilation.
 *
 * <p>The modules are hand-assembled (wabt 1.0.32 cannot assemble try_table); their text:
 * <pre>
 * (import "host" "cb" (func))                          ;; calls back into throwI32
 * (tag $e (export "e") (param i32)) (tag $e2 (export "e2") (param i64 f64)) (tag $e3 (param v128 externref))
 * (func "throwI32" (param i32) (throw $e (local.get 0)))
 * (func "catchI32" (param i32) (result i32)
 *   (block $h (result i32) (try_table (catch $e $h) (call $throwI32 (local.get 0))) (i32.const -1)))
 * (func "loopCatch" (param $n i32) (result i32) (local $i i32) (local $sum i32)   ;; sum of 0..n-1, each thrown and caught
 *   (loop $l (local.set $sum (i32.add (block $h (result i32) (try_table (catch $e $h) (call $throwI32 (local.get $i)))
 *     (i32.const 0)) (local.get $sum))) (br_if $l (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
 *   (local.get $sum))
 * (func "rethrow" (result i32) (local $x exnref)   ;; catch_ref, then throw_ref caught by an outer try_table: 7
 *   (block $outer (result i32) (block $h (result i32 exnref) (try_table (catch_ref $e $h) (throw $e (i32.const 7))) unreachable)
 *     (local.set $x) drop (try_table (catch $e $outer) (throw_ref (local.get $x))) (i32.const -1)))
 * (func "multi" (result i64 f64) (block $h (result i64 f64) (try_table (catch $e2 $h) (throw $e2 (i64.const 123456789012) (f64.const 2.5))) unreachable))
 * (func "viaHost" (result i32) (block $h (result i32) (try_table (catch $e $h) (call $cb)) (i32.const -1)))
 * (func "nullRef" (throw_ref (ref.null exn)))
 * (func "vecRef" (param externref) (result v128 externref)
 *   (block $h (result v128 externref) (try_table (catch $e3 $h) (throw $e3 (v128.const i8x16 0 1 .. 15) (local.get 0))) unreachable))
 * (func "catchAll" (result i32) (block $h (try_table (catch_all $h) (call $throwI32 (i32.const 5)))) (return (i32.const 0))) (i32.const 1))
 * </pre>
 * The importer: {@code (import "a" "e" (tag (param i32))) (import "a" "throwI32" (func (param i32))) (tag $own (param i32))}
 * with {@code catchImported} and {@code catchOwnTag} as {@code catchI32}, catching the imported tag or its own.
 */
class ExceptionsTest {
    private static final String MAIN = "0061736d0100000001300a60017f0060027e7c0060017f017f6000017f60000060027b6f006000027f696000027e7c60016f027b6f6000027b6f020b0104686f73740263620004030a090002020307030408030d070300000001000507660b087468726f7749333200010863617463684933320002096c6f6f70436174636800030772657468726f770004056d756c7469000507766961486f73740006076e756c6c5265660007067665635265660008086361746368416c6c00090165040002653204010adc01090600200008000b1200027f1f4001000000200010010b417f0b0b2a01027f0340027f1f4001000000200110010b41000b20026a2102200141016a22012000480d000b20020b25010169027f02061f4001010000410708000b000b21001a1f400100000020000a0b417f0b0b1f0002071f40010001004294b4e4f4cb0344000000000000044008010b000b0b1000027f1f400100000010000b417f0b0b0500d0690a0b230002091f4001000200fd0c000102030405060708090a0b0c0d0e0f200008020b000b0b140002401f40010200410510010b41000f0b41010b";
    /** The module of hostExceptionsAreCaughtByCatchAllOnly, text there. */
    private static final String HOST_CATCH = "0061736d01000000010c0360000060017f006000017f020b0104686f737402636200000304030202000d0301"
                    + "0001073f03126361746368416c6c41726f756e64486f7374000112636174636854616741726f756e64486f737400021172657468726f"
                    + "7741726f756e64486f737400030a25030c00067f100041001941010b0b0b00067f1000410007000b0b0a00064010001909000b0b";
    private static final String IMPORTER = "0061736d01000000010a0260017f0060017f017f021502016101650400000161087468726f77493332000003030201010d03010000071f020d6361746368496d706f7274656400010b63617463684f776e54616700020a27021200027f1f4001000000200010000b417f0b0b1200027f1f4001000100200010000b417f0b0b";

    private static Context context(boolean compiled) {
        Context.Builder builder = Context.newBuilder("wasmlang").allowExperimentalOptions(true);
        if (compiled) {
            builder.options(Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false",
                            "engine.CompilationFailureAction", "Throw"));
        }
        return builder.build();
    }

    private static Value module(Context context, String hex) {
        return context.eval(Source.newBuilder("wasmlang", ByteSequence.create(HexFormat.of().parseHex(hex)), "eh.wasm").buildLiteral());
    }

    /** The main module, its host callback calling throwI32(42) back. */
    private static Value main(Context context) {
        AtomicReference<Value> exports = new AtomicReference<>();
        ProxyExecutable callback = args -> exports.get().getMember("throwI32").execute(42);
        Value instance = module(context, MAIN).invokeMember("newInstance",
                        ProxyObject.fromMap(Map.of("host", ProxyObject.fromMap(Map.of("cb", callback)))));
        exports.set(instance.getMember("exports"));
        return exports.get();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void throwAndCatchAcrossFunctions(boolean compiled) {
        try (Context context = context(compiled)) {
            Value e = main(context);
            assertEquals(5, e.getMember("catchI32").execute(5).asInt());
            assertEquals(-9, e.getMember("catchI32").execute(-9).asInt());
            assertEquals(1, e.getMember("catchAll").execute().asInt());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tryTableInALoop(boolean compiled) {
        try (Context context = context(compiled)) {
            Value loop = main(context).getMember("loopCatch");
            for (int round = 0; round < 5; round++) {
                assertEquals(4950, loop.execute(100).asInt());
            }
            assertEquals(49995000, loop.execute(10000).asInt());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void catchRefAndThrowRef(boolean compiled) {
        try (Context context = context(compiled)) {
            Value e = main(context);
            assertEquals(7, e.getMember("rethrow").execute().asInt());
            PolyglotException trap = assertThrows(PolyglotException.class, () -> e.getMember("nullRef").execute());
            assertTrue(trap.getMessage().startsWith("null exception reference"), trap.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void payloadsOfSeveralTypes(boolean compiled) {
        try (Context context = context(compiled)) {
            Value e = main(context);
            Value multi = e.getMember("multi").execute();
            assertEquals(123456789012L, multi.getArrayElement(0).asLong());
            assertEquals(2.5, multi.getArrayElement(1).asDouble());
            Object host = new Object();
            Value vector = e.getMember("vecRef").execute(host);
            Value bytes = vector.getArrayElement(0);
            for (int i = 0; i < 16; i++) {
                assertEquals(i, bytes.getArrayElement(i).asInt());
            }
            assertTrue(vector.getArrayElement(1).isHostObject());
            assertEquals(host, vector.getArrayElement(1).asHostObject());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void exceptionThroughAHostFunctionFrame(boolean compiled) {
        try (Context context = context(compiled)) {
            assertEquals(42, main(context).getMember("viaHost").execute().asInt());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tagsAcrossInstances(boolean compiled) {
        try (Context context = context(compiled)) {
            Value e = main(context);
            Value importer = module(context, IMPORTER).invokeMember("newInstance", ProxyObject.fromMap(Map.of("a",
                            ProxyObject.fromMap(Map.of("e", e.getMember("e"), "throwI32", e.getMember("throwI32")))))).getMember("exports");
            assertEquals(9, importer.getMember("catchImported").execute(9).asInt());
            // A tag of the same type is another tag: not caught.
            PolyglotException uncaught = assertThrows(PolyglotException.class, () -> importer.getMember("catchOwnTag").execute(3));
            assertTrue(uncaught.isGuestException());
            assertEquals(3, uncaught.getGuestObject().getMember("payload").getArrayElement(0).asInt());
            // Linking a tag of another type fails.
            PolyglotException link = assertThrows(PolyglotException.class, () -> module(context, IMPORTER).invokeMember("newInstance",
                            ProxyObject.fromMap(Map.of("a", ProxyObject.fromMap(Map.of("e", e.getMember("e2"), "throwI32", e.getMember("throwI32")))))));
            assertTrue(link.getMessage().startsWith("incompatible import type"), link.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void uncaughtExceptionOnTheHostSide(boolean compiled) {
        try (Context context = context(compiled)) {
            Value e = main(context);
            PolyglotException uncaught = assertThrows(PolyglotException.class, () -> e.getMember("throwI32").execute(17));
            assertTrue(uncaught.isGuestException());
            assertFalse(uncaught.isInternalError());
            assertTrue(uncaught.getMessage().contains("uncaught exception: tag e"), uncaught.getMessage());
            Value exception = uncaught.getGuestObject();
            assertEquals(17, exception.getMember("payload").getArrayElement(0).asInt());
            assertTrue(exception.invokeMember("is", e.getMember("e")).asBoolean());
            assertFalse(exception.invokeMember("is", e.getMember("e2")).asBoolean());
            assertEquals(17, exception.invokeMember("getArg", e.getMember("e"), 0).asInt());
            assertArrayEquals(new int[]{17}, new int[]{exception.getMember("payload").getArrayElement(0).asInt()});
        }
    }

    /** The bindings' Tag and Exception: a host tag imported by a module, host-made exceptions inspected. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void hostTagsAndExceptions(boolean compiled) {
        try (Context context = context(compiled)) {
            Value wasm = context.getBindings("wasmlang");
            Value tag = wasm.getMember("Tag").newInstance(ProxyObject.fromMap(Map.of("parameters",
                            org.graalvm.polyglot.proxy.ProxyArray.fromArray("i32"))));
            Value other = wasm.getMember("Tag").newInstance(org.graalvm.polyglot.proxy.ProxyArray.fromArray("i32"));
            Value exception = wasm.getMember("Exception").newInstance(tag, org.graalvm.polyglot.proxy.ProxyArray.fromArray(11));
            assertTrue(exception.invokeMember("is", tag).asBoolean());
            assertFalse(exception.invokeMember("is", other).asBoolean());
            assertEquals(11, exception.invokeMember("getArg", tag, 0).asInt());
            // The host tag as the importer's tag: the importer's own tag is still another one.
            Value e = main(context);
            Value importer = module(context, IMPORTER).invokeMember("newInstance", ProxyObject.fromMap(Map.of("a",
                            ProxyObject.fromMap(Map.of("e", tag, "throwI32", e.getMember("throwI32")))))).getMember("exports");
            PolyglotException uncaught = assertThrows(PolyglotException.class, () -> importer.getMember("catchImported").execute(4));
            assertTrue(uncaught.getGuestObject().invokeMember("is", e.getMember("e")).asBoolean());
        }
    }

    /**
     * From JavaScript (GraalJS), as a JS API user writes it: a Wasm exception passes through a
     * JS function's frame and is caught by tag in Wasm; JS catches an uncaught one and reads
     * its payload; a JS function throws a host-made wasm.Exception that Wasm catches by tag.
     */
    @Test
    void exceptionsCrossJavaScriptFrames() {
        try (Context context = Context.newBuilder("wasmlang", "js").allowPolyglotAccess(PolyglotAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            context.getBindings("js").putMember("mainHex", MAIN);
            Value results = context.eval("js", """
                            const wasm = Polyglot.import("wasmlang");
                            const module = new wasm.Module(new Uint8Array(mainHex.match(/../g).map(h => parseInt(h, 16))));
                            let ex, mode = "wasm";
                            const cb = () => {
                              if (mode === "wasm") ex.throwI32(42);          // a Wasm exception through this JS frame
                              else throw new wasm.Exception(ex.e, [5]);    // a host-made exception of tag e
                            };
                            ex = module.newInstance({host: {cb}}).exports;
                            const throughJs = ex.viaHost();
                            mode = "host";
                            const fromJs = ex.viaHost();
                            let payload = -1, isE = false;
                            try { ex.throwI32(17); } catch (e) { payload = e.payload[0]; isE = e.is(ex.e); }
                            [throughJs, fromJs, payload, isE];
                            """);
            assertEquals(42, results.getArrayElement(0).asInt());
            assertEquals(5, results.getArrayElement(1).asInt());
            assertEquals(17, results.getArrayElement(2).asInt());
            assertTrue(results.getArrayElement(3).asBoolean());
        }
    }

    /**
     * As the JS API has JavaScript exceptions caught by catch_all, a host function's exception
     * is caught by catch_all, passes tagged catches, and comes out of a rethrow as itself;
     * traps stay uncatchable. The module (legacy try, wat2wasm --enable-exceptions):
     * <pre>
     * (import "host" "cb" (func $cb)) (tag $e (param i32))
     * (func "catchAllAroundHost" (result i32) (try (result i32) (do (call $cb) (i32.const 0)) (catch_all (i32.const 1))))
     * (func "catchTagAroundHost" (result i32) (try (result i32) (do (call $cb) (i32.const 0)) (catch $e)))
     * (func "rethrowAroundHost" (try (do (call $cb)) (catch_all (rethrow 0))))
     * </pre>
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void hostExceptionsAreCaughtByCatchAllOnly(boolean compiled) {
        try (Context context = context(compiled)) {
            ProxyExecutable failing = args -> {
                throw new IllegalStateException("host failure");
            };
            Value exports = module(context, HOST_CATCH).invokeMember("newInstance",
                            ProxyObject.fromMap(Map.of("host", ProxyObject.fromMap(Map.of("cb", failing))))).getMember("exports");
            assertEquals(1, exports.getMember("catchAllAroundHost").execute().asInt());
            PolyglotException passed = assertThrows(PolyglotException.class, () -> exports.getMember("catchTagAroundHost").execute());
            assertTrue(passed.isHostException(), passed.toString());
            PolyglotException rethrown = assertThrows(PolyglotException.class, () -> exports.getMember("rethrowAroundHost").execute());
            assertTrue(rethrown.isHostException(), rethrown.toString());
            assertEquals("host failure", rethrown.asHostException().getMessage());
            // A trap under the call (another instance's throw_ref of null, as the import) is not caught.
            Value trapping = module(context, MAIN).invokeMember("newInstance", ProxyObject.fromMap(Map.of("host",
                            ProxyObject.fromMap(Map.of("cb", (ProxyExecutable) args -> null))))).getMember("exports");
            Value guarded = module(context, HOST_CATCH).invokeMember("newInstance", ProxyObject.fromMap(Map.of("host",
                            ProxyObject.fromMap(Map.of("cb", trapping.getMember("nullRef")))))).getMember("exports");
            PolyglotException trap = assertThrows(PolyglotException.class, () -> guarded.getMember("catchAllAroundHost").execute());
            assertTrue(trap.getMessage().contains("null exception reference"), trap.getMessage());
        }
    }

    /**
     * From Python (GraalPy): a Wasm exception passes through a Python function's frame and is
     * caught by tag in Wasm; Python catches an uncaught one as a ForeignException and reads
     * its payload; a Python exception is caught by catch_all and comes out of a rethrow as the
     * Python exception it was.
     */
    @Test
    void exceptionsCrossPythonFrames() {
        try (Context context = Context.newBuilder("wasmlang", "python").allowPolyglotAccess(PolyglotAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            context.getBindings("python").putMember("main_hex", MAIN);
            context.getBindings("python").putMember("host_catch_hex", HOST_CATCH);
            Value results = context.eval("python", """
                            import polyglot
                            wasm = polyglot.import_value("wasmlang")
                            class HostError(Exception):
                                pass
                            state = {}
                            def cb():
                                state["ex"].throwI32(42)
                            state["ex"] = wasm.Module(bytes.fromhex(main_hex)).newInstance({"host": {"cb": cb}}).exports
                            ex = state["ex"]
                            through_python = ex.viaHost()
                            try:
                                ex.throwI32(17)
                                payload, is_e = -1, False
                            except polyglot.ForeignException as e:
                                # "is" is a keyword in Python: getArg names the tag too.
                                payload, is_e = e.payload[0], e.getArg(ex.e, 0) == 17
                            def fail():
                                raise HostError("python failure")
                            guarded = wasm.Module(bytes.fromhex(host_catch_hex)).newInstance({"host": {"cb": fail}}).exports
                            caught = guarded.catchAllAroundHost()
                            try:
                                guarded.rethrowAroundHost()
                                rethrown = "nothing"
                            except HostError as e:
                                rethrown = str(e)
                            [through_python, payload, is_e, caught, rethrown]
                            """);
            assertEquals(42, results.getArrayElement(0).asInt());
            assertEquals(17, results.getArrayElement(1).asInt());
            assertTrue(results.getArrayElement(2).asBoolean());
            assertEquals(1, results.getArrayElement(3).asInt());
            assertEquals("python failure", results.getArrayElement(4).asString());
        }
    }
}
