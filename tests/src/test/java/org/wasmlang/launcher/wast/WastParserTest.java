package org.wasmlang.launcher.wast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Checks the .wast parser on small scripts: literals, strings, comments and every command kind. */
class WastParserTest {

    private static List<WastCommand> parse(String script) throws WastSyntaxException {
        return WastParser.parse(script, "test.wast");
    }

    private static WastCommand only(String script) throws WastSyntaxException {
        List<WastCommand> commands = parse(script);
        assertEquals(1, commands.size(), commands.toString());
        return commands.get(0);
    }

    /** The single expected result of an assert_return around the given pattern. */
    private static Expected expected(String pattern) throws WastSyntaxException {
        AssertReturn command = (AssertReturn) only("(assert_return (invoke \"f\") " + pattern + ")");
        assertEquals(1, command.results().size());
        return command.results().get(0);
    }

    /** The single argument of an invoke. */
    private static WastValue argument(String constant) throws WastSyntaxException {
        ActionCommand command = (ActionCommand) only("(invoke \"f\" " + constant + ")");
        return ((Action.Invoke) command.action()).args().get(0);
    }

    private static int f32(String literal) throws WastSyntaxException {
        return ((WastValue.F32) argument("(f32.const " + literal + ")")).bits();
    }

    private static long f64(String literal) throws WastSyntaxException {
        return ((WastValue.F64) argument("(f64.const " + literal + ")")).bits();
    }

    private static int i32(String literal) throws WastSyntaxException {
        return ((WastValue.I32) argument("(i32.const " + literal + ")")).bits();
    }

    private static long i64(String literal) throws WastSyntaxException {
        return ((WastValue.I64) argument("(i64.const " + literal + ")")).bits();
    }

    @Test
    void integerLiteralsWrapTheUnsignedRange() throws WastSyntaxException {
        assertEquals(-1, i32("0xffffffff"));
        assertEquals(-1, i32("4294967295"));
        assertEquals(Integer.MIN_VALUE, i32("-0x80000000"));
        assertEquals(Integer.MAX_VALUE, i32("0x7fff_ffff"));
        assertEquals(42, i32("+42"));
        assertEquals(Long.MIN_VALUE, i64("-0x8000000000000000"));
        assertEquals(-1L, i64("0xffff_ffff_ffff_ffff"));
        assertEquals(-1L, i64("18446744073709551615"));
    }

    @Test
    void integerLiteralsOutOfRangeOrMalformedAreErrors() {
        for (String bad : List.of("0x100000000", "-0x80000001", "1__0", "_1", "1_", "0x", "-", "1.5", "0x_1")) {
            assertThrows(WastSyntaxException.class, () -> i32(bad), bad);
        }
        assertThrows(WastSyntaxException.class, () -> i64("0x1_0000_0000_0000_0000"));
        assertThrows(WastSyntaxException.class, () -> i64("-9223372036854775809"));
    }

    @Test
    void floatLiteralsGiveExactBits() throws WastSyntaxException {
        assertEquals(0x00000001, f32("0x1p-149"));
        assertEquals(0x80000000, f32("-0x0p+0"));
        assertEquals(0x7f7fffff, f32("0x1.fffffep+127"));
        assertEquals(0x7fa00000, f32("nan:0x200000"));
        assertEquals(0x7fc00000, f32("nan"));
        assertEquals(0xffc00000, f32("-nan"));
        assertEquals(0xff800000, f32("-inf"));
        assertEquals(0x41800000, f32("0x10"));
        assertEquals(0x3f800000, f32("0x1."));
        assertEquals(0x3f800000, f32("1."));
        assertEquals(0x41400000, f32("0x1.8p3"));
        assertEquals(Float.floatToRawIntBits(1.5e-3f), f32("1.5E-3"));
        assertEquals(Float.floatToRawIntBits(1e10f), f32("1e1_0"));
        assertEquals(0x7ff8000000000000L, f64("nan"));
        assertEquals(0x8000000000000000L, f64("-0x0p+0"));
        assertEquals(0x7fefffffffffffffL, f64("0x1.fffffffffffffp+1023"));
        assertEquals(0x7ff4000000000000L, f64("nan:0x4_0000_0000_0000"));
        assertEquals(Double.doubleToRawLongBits(0.1), f64("0.1"));
    }

    @Test
    void floatLiteralsRoundOnceToNearestEven() throws WastSyntaxException {
        // 1 + 2^-24 is halfway between 1 and the next f32: ties go to the even 1.
        assertEquals(0x3f800000, f32("1.00000005960464477539"));
        assertEquals(0x3f800000, f32("1.000000059604644775390625"));
        assertEquals(0x3f800001, f32("1.000000059604644775390625000001"));
        assertEquals(0x3f800000, f32("0x1.000001p0"));
        assertEquals(0x3f800002, f32("0x1.000003p0"));
        assertEquals(0x3f800001, f32("0x1.00000100000000001p0"));
        assertEquals(0x00000000, f32("0x1p-150"));
        assertEquals(0x00800000, f32("0x1.fffffep-127"));
        assertEquals(0x7f800000, f32("0x1.ffffffp127"));
    }

    @Test
    void malformedFloatLiteralsAreErrors() {
        for (String bad : List.of("nan:0x0", "nan:0x800000", ".5", "1e", "0x1p", "1f", "infinity", "1_.5", "--1")) {
            assertThrows(WastSyntaxException.class, () -> f32(bad), bad);
        }
    }

    @Test
    void vectorLanesAreLittleEndian() throws WastSyntaxException {
        WastValue.V128 v = (WastValue.V128) argument("(v128.const i16x8 0x8000 -1 0 0 0 0 0 0x0102)");
        assertArrayEquals(new byte[] {0, (byte) 0x80, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1}, v.bytes());
        WastValue.V128 bytes = (WastValue.V128) argument("(v128.const i8x16 -128 255 0 0 0 0 0 0 0 0 0 0 0 0 0 1)");
        assertEquals((byte) 0x80, bytes.bytes()[0]);
        assertEquals((byte) 0xff, bytes.bytes()[1]);
        WastValue.V128 floats = (WastValue.V128) argument("(v128.const f32x4 0x1p+0 0 0 -0x0p+0)");
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0x80},
                        floats.bytes());
        assertThrows(WastSyntaxException.class, () -> argument("(v128.const i32x4 1 2 3)"));
        assertThrows(WastSyntaxException.class, () -> argument("(v128.const i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)"));
    }

    @Test
    void vectorExpectationsWithNanLanesCompareLaneByLane() throws WastSyntaxException {
        Expected plain = expected("(v128.const f32x4 1 2 3 4)");
        assertInstanceOf(WastValue.V128.class, ((Expected.Exact) plain).value());
        Expected.V128Lanes lanes = (Expected.V128Lanes) expected("(v128.const f64x2 nan:canonical 0x1p+0)");
        assertEquals("f64x2", lanes.shape());
        assertEquals(new Expected.CanonicalNan(true), lanes.lanes().get(0));
        assertEquals(new Expected.Exact(new WastValue.F64(0x3ff0000000000000L)), lanes.lanes().get(1));
    }

    @Test
    void nanPatternsAndReferenceKinds() throws WastSyntaxException {
        assertEquals(new Expected.CanonicalNan(false), expected("(f32.const nan:canonical)"));
        assertEquals(new Expected.ArithmeticNan(true), expected("(f64.const nan:arithmetic)"));
        assertEquals(new Expected.RefKind("func"), expected("(ref.func)"));
        assertEquals(new Expected.RefKind("null"), expected("(ref.null)"));
        assertEquals(new Expected.Exact(new WastValue.RefNull("extern")), expected("(ref.null extern)"));
        assertEquals(new Expected.Exact(new WastValue.RefExtern(7)), expected("(ref.extern 7)"));
        assertEquals(new Expected.Exact(new WastValue.RefHost(3)), expected("(ref.host 3)"));
        Expected.Either either = (Expected.Either) expected("(either (i32.const 1) (i32.const 2))");
        assertEquals(List.of(new Expected.Exact(new WastValue.I32(1)), new Expected.Exact(new WastValue.I32(2))),
                        either.alternatives());
    }

    @Test
    void stringEscapesBecomeBytes() throws WastSyntaxException {
        ModuleCommand module = (ModuleCommand) only("(module binary \"\\00asm\" \"\\t\\n\\r\\\"\\'\\\\\" \"\\u{e9}\\u{1F600}é\")");
        byte[] expected = {0, 'a', 's', 'm', '\t', '\n', '\r', '"', '\'', '\\', (byte) 0xc3, (byte) 0xa9,
            (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, (byte) 0xc3, (byte) 0xa9};
        assertArrayEquals(expected, module.binary());
        ActionCommand invoke = (ActionCommand) only("(invoke \"A\\u{30a}\\41\")");
        assertEquals("A\u030aA", invoke.action().field());
        assertThrows(WastSyntaxException.class, () -> parse("(module binary \"\\q\")"));
        assertThrows(WastSyntaxException.class, () -> parse("(module binary \"\\u{d800}\")"));
    }

    @Test
    void commentsNestAndKeepLineNumbers() throws WastSyntaxException {
        List<WastCommand> commands = parse("""
                        ;; a line comment (module
                        (; outer (; inner ;) still outer
                        ;)
                        (register "a" $M) ;; trailing
                        (register (; inline ;) "b")
                        """);
        assertEquals(List.of(new RegisterCommand(4, "a", "$M"), new RegisterCommand(5, "b", null)), commands);
        assertThrows(WastSyntaxException.class, () -> parse("(; never (; closed ;)"));
    }

    @Test
    void moduleForms() throws WastSyntaxException {
        List<WastCommand> commands = parse("""
                        (module binary "\\00asm" "\\01\\00\\00\\00")
                        (module $M binary)
                        (module definition $D binary "")
                        (module quote "(func)")
                        (module $T (func) (memory 1))
                        (module instance)
                        (module instance $I)
                        (module instance $I $D)
                        """);
        ModuleCommand first = (ModuleCommand) commands.get(0);
        assertEquals(ModuleForm.BINARY, first.form());
        assertNull(first.name());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, first.binary());
        assertFalse(first.definition());
        assertEquals("$M", ((ModuleCommand) commands.get(1)).name());
        assertEquals(0, ((ModuleCommand) commands.get(1)).binary().length);
        assertTrue(((ModuleCommand) commands.get(2)).definition());
        assertEquals(new ModuleCommand(4, null, ModuleForm.QUOTE, null, false), commands.get(3));
        assertEquals(new ModuleCommand(5, "$T", ModuleForm.TEXT, null, false), commands.get(4));
        assertEquals(new ModuleInstanceCommand(6, null, null), commands.get(5));
        assertEquals(new ModuleInstanceCommand(7, "$I", null), commands.get(6));
        assertEquals(new ModuleInstanceCommand(8, "$I", "$D"), commands.get(7));
    }

    @Test
    void actionsAndAssertions() throws WastSyntaxException {
        List<WastCommand> commands = parse("""
                        (invoke $M "f" (i32.const 1) (i64.const 2))
                        (get "g")
                        (assert_return (get $M "g") (i32.const 0x2a))
                        (assert_return (invoke "none"))
                        (assert_trap (invoke "t") "unreachable")
                        (assert_trap (module binary "") "out of bounds")
                        (assert_trap (module instance $I $M) "unreachable")
                        (assert_exhaustion (invoke "deep") "call stack exhausted")
                        (assert_invalid (module binary "") "type mismatch")
                        (assert_malformed (module quote "(") "unexpected token")
                        (assert_unlinkable (module binary "") "unknown import")
                        (assert_unlinkable (module instance) "incompatible import type")
                        (assert_exception (invoke "throw"))
                        (assert_invalid_custom (module binary "") "x")
                        (thread $T (invoke "f"))
                        """);
        assertEquals(new ActionCommand(1, new Action.Invoke("$M", "f",
                        List.of(new WastValue.I32(1), new WastValue.I64(2)))), commands.get(0));
        assertEquals(new ActionCommand(2, new Action.Get(null, "g")), commands.get(1));
        assertEquals(new AssertReturn(3, new Action.Get("$M", "g"), List.of(new Expected.Exact(new WastValue.I32(42)))),
                        commands.get(2));
        assertEquals(List.of(), ((AssertReturn) commands.get(3)).results());
        assertEquals(new AssertTrap(5, new Action.Invoke(null, "t", List.of()), null, "unreachable"), commands.get(4));
        AssertTrap moduleTrap = (AssertTrap) commands.get(5);
        assertNull(moduleTrap.action());
        assertEquals(6, moduleTrap.module().line());
        assertEquals("out of bounds", moduleTrap.message());
        assertEquals(new AssertInstanceTrap(7, new ModuleInstanceCommand(7, "$I", "$M"), "unreachable"), commands.get(6));
        assertEquals(new AssertExhaustion(8, new Action.Invoke(null, "deep", List.of()), "call stack exhausted"),
                        commands.get(7));
        assertEquals("type mismatch", ((AssertInvalid) commands.get(8)).message());
        assertEquals(ModuleForm.QUOTE, ((AssertMalformed) commands.get(9)).module().form());
        assertEquals("unknown import", ((AssertUnlinkable) commands.get(10)).message());
        assertEquals(new AssertInstanceUnlinkable(12, new ModuleInstanceCommand(12, null, null),
                        "incompatible import type"), commands.get(11));
        assertEquals(new AssertException(13, new Action.Invoke(null, "throw", List.of())), commands.get(12));
        assertEquals(new UnsupportedCommand(14, "assert_invalid_custom"), commands.get(13));
        assertEquals(new UnsupportedCommand(15, "thread"), commands.get(14));
    }

    @Test
    void syntaxErrorsCarryFileLineAndColumn() {
        WastSyntaxException unclosed = assertThrows(WastSyntaxException.class,
                        () -> parse("(module binary \"\")\n\n  (register \"x)\n"));
        assertEquals(3, unclosed.line());
        assertEquals(13, unclosed.column());
        assertTrue(unclosed.getMessage().startsWith("test.wast:3:13: "), unclosed.getMessage());

        WastSyntaxException badNumber = assertThrows(WastSyntaxException.class,
                        () -> parse("(assert_return (invoke \"f\")\n    (i32.const 0x1_0000_0000))"));
        assertTrue(badNumber.getMessage().startsWith("test.wast:2:16: "), badNumber.getMessage());

        assertThrows(WastSyntaxException.class, () -> parse("(module binary \"\"))"));
        assertThrows(WastSyntaxException.class, () -> parse("(assert_return (invoke \"f\")"));
        assertThrows(WastSyntaxException.class, () -> parse("module"));
        assertThrows(WastSyntaxException.class, () -> parse("(assert_return (invoke \"f\") (i32.const 1 2))"));
    }

    @Test
    void valuesPrintInScriptSyntax() {
        assertEquals("i32.const 42", new WastValue.I32(42).toString());
        assertEquals("f32.const 0x1p+0 (bits 0x3f800000)", new WastValue.F32(0x3f800000).toString());
        assertEquals("f64.const -nan:0x8000000000000 (bits 0xfff8000000000000)",
                        new WastValue.F64(0xfff8000000000000L).toString());
        assertEquals("ref.null func", new WastValue.RefNull("func").toString());
        assertEquals("f32.const nan:canonical", new Expected.CanonicalNan(false).toString());
    }
}
