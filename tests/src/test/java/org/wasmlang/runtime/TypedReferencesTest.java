package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

/**
 * Typed function references (Wasm 3.0): call_ref, ref.as_non_null, br_on_null and
 * br_on_non_null in the interpreter and in compiled code, local initialisation, a table
 * with an initialiser expression, and import matching by subtyping across modules.
 *
 * <p>The modules are hand-assembled (wabt 1.0.32 has no typed references); their text:
 * <pre>
 * (type $t (func (param i32) (result i32)))
 * (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
 * (func $dbl (type $t) (i32.mul (local.get 0) (i32.const 2)))
 * (table 2 (ref $t) (ref.func $inc))
 * (elem declare func $inc $dbl)
 * (func "callRef" (param $which i32) (param $x i32) (result i32)   ;; $inc, $dbl or null by $which
 *   (call_ref $t (local.get $x) (if (result (ref null $t)) ... )))
 * (func "tableCall" (param $i i32) (param $x i32) (result i32) (call_indirect (type $t) ...))
 * (func "countOnNull" (param $n i32) (result i32)   ;; loop: r = n odd ? null : $inc;
 *   ...  (block $isNull (drop (br_on_null $isNull (local.get $r))) count++))
 * (func "sumOnNonNull" (param $n i32) (result i32)  ;; loop: r = n odd ? null : $dbl;
 *   ...  sum += (block $call (result i32) (call_ref $t (local.get $n)
 *           (block $got (result (ref $t)) (br_on_non_null $got (local.get $r)) (br $call (i32.const 0))))))
 * (func "asNonNull" (param $null i32) (result i32) (local $f (ref $t))
 *   (local.set $f (ref.as_non_null (select (result (ref null $t)) (ref.null $t) (ref.func $inc) (local.get $null))))
 *   (call_ref $t (i32.const 41) (local.get $f)))
 * </pre>
 */
class TypedReferencesTest {
    private static final String MAIN = "0061736d01000000010c0260017f017f60027f7f017f03080700000101000000040a01400064000002d2000b07400507"
                    + "63616c6c5265660002097461626c6543616c6c00030b636f756e744f6e4e756c6c00040c73756d4f6e4e6f6e4e756c6c"
                    + "00050961734e6f6e4e756c6c000609060103000200010ad401070700200041016a0b0700200041026c0b1e0020012000"
                    + "45046300d200052000410146046300d20105d0000b0b14000b0900200120001100000b3b02017f016300024003402000"
                    + "450d01200041016b2100d000d20020004101711c016300210202402002d5001a200141016a21010b0c000b0b20010b44"
                    + "02017f016300024003402000450d01200041016b2100d000d20120004101711c01630021022001027f20000264002002"
                    + "d60041000c010b14000b6a21010c000b0b20010b1801016400d000d20020001c016300d421014129200114000b";
    /** (type (func (param i32) (result i32))) (global (export "g") (ref 0) (ref.func $inc)) */
    private static final String EXPORTER = "0061736d0100000001060160017f017f03020100060701640000d2000b070501016703000a09010700200041016a0b";
    /**
     * (type (func)) (type $t (func (param i32) (result i32))) (import "m" "g" (global (ref null $t)))
     * (func (export "call") (type $t) (call_ref $t (local.get 0) (global.get 0))): an
     * equivalent type at another index, and a nullable import of a non-nullable global.
     */
    private static final String IMPORTER = "0061736d0100000001090260000060017f017f020901016d016703630100030201010708010463616c6c00000a0a0108"
                    + "002000230014010b";
    /** (type (func)) (import "m" "g" (global (ref null 0))): a reference to another function type. */
    private static final String BAD_IMPORTER = "0061736d01000000010401600000020901016d016703630000";
    /** (func (local (ref func)) (drop (local.get 0))) */
    private static final String UNINITIALIZED = "0061736d01000000010401600000030201000a0a01080101647020001a0b";
    /** (func (local (ref func)) (block (local.set 0 (ref.func 0))) (drop (local.get 0))): forgotten at the end. */
    private static final String UNINITIALIZED_AFTER_BLOCK = "0061736d0100000001040160000003020100090501030001000a11010f010164700240d20021000b20001a0b";

    private static Value instantiate(Context context, String hex, Object importObject) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Value module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(bytes), "test.wasm").buildLiteral());
        Value instance = importObject == null ? module.invokeMember("newInstance") : module.invokeMember("newInstance", importObject);
        return instance.getMember("exports");
    }

    private static Context compiling() {
        return Context.newBuilder("wasmlang").allowExperimentalOptions(true)
                        .options(Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false",
                                        "engine.CompilationFailureAction", "Throw"))
                        .build();
    }

    @Test
    void callRefCallsTheReferenceAndTrapsOnNull() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = instantiate(context, MAIN, null);
            assertEquals(6, exports.getMember("callRef").execute(0, 5).asInt());
            assertEquals(10, exports.getMember("callRef").execute(1, 5).asInt());
            PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("callRef").execute(2, 5));
            assertEquals("null function reference", e.getMessage());
            assertEquals(42, exports.getMember("asNonNull").execute(0).asInt());
            e = assertThrows(PolyglotException.class, () -> exports.getMember("asNonNull").execute(1));
            assertEquals("null reference", e.getMessage());
        }
    }

    @Test
    void tableInitialiserFillsEveryElement() {
        try (Context context = Context.create("wasmlang")) {
            Value exports = instantiate(context, MAIN, null);
            assertEquals(6, exports.getMember("tableCall").execute(0, 5).asInt());
            assertEquals(8, exports.getMember("tableCall").execute(1, 7).asInt());
        }
    }

    @Test
    void branchesOnNullInTheInterpreter() {
        try (Context context = Context.create("wasmlang")) {
            checkBranchesOnNull(instantiate(context, MAIN, null));
        }
    }

    @Test
    void branchesOnNullInCompiledCode() {
        try (Context context = compiling()) {
            checkBranchesOnNull(instantiate(context, MAIN, null));
        }
    }

    private static void checkBranchesOnNull(Value exports) {
        for (int round = 0; round < 3; round++) {
            assertEquals(5, exports.getMember("countOnNull").execute(10).asInt());
            assertEquals(500, exports.getMember("countOnNull").execute(1000).asInt());
            // Sum of 2n over the even n below 10: 0 + 4 + 8 + 12 + 16.
            assertEquals(40, exports.getMember("sumOnNonNull").execute(10).asInt());
            assertEquals(180, exports.getMember("sumOnNonNull").execute(20).asInt());
            assertEquals(6, exports.getMember("callRef").execute(0, 5).asInt());
            assertThrows(PolyglotException.class, () -> exports.getMember("callRef").execute(2, 5));
        }
    }

    @Test
    void nonDefaultableLocalsMustBeSetBeforeUse() {
        try (Context context = Context.create("wasmlang")) {
            for (String module : new String[]{UNINITIALIZED, UNINITIALIZED_AFTER_BLOCK}) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> instantiate(context, module, null));
                assertTrue(e.getMessage().startsWith("uninitialized local"), e.getMessage());
            }
        }
    }

    @Test
    void importsMatchTypedGlobalsBySubtyping() {
        try (Context context = Context.create("wasmlang")) {
            Value g = instantiate(context, EXPORTER, null).getMember("g");
            Object imports = ProxyObject.fromMap(Map.of("m", ProxyObject.fromMap(Map.of("g", g))));
            Value exports = instantiate(context, IMPORTER, imports);
            assertEquals(42, exports.getMember("call").execute(41).asInt());
            PolyglotException e = assertThrows(PolyglotException.class, () -> instantiate(context, BAD_IMPORTER, imports));
            assertEquals("incompatible import type for \"m\" \"g\": expected a global (ref null (func)), "
                            + "got a global (ref (func (param i32) (result i32)))", e.getMessage());
        }
    }
}
