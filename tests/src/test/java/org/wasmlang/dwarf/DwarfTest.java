package org.wasmlang.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmlang.module.Module;

/**
 * The DWARF reader on guests/dwarf/prog.c compiled by clang-19 at -O0 with DWARF 5
 * (prog.wasm) and DWARF 4 (prog-dwarf4.wasm). Expected lines and names come from prog.c;
 * addresses and frame offsets from llvm-dwarfdump-19 (the same at both versions).
 */
class DwarfTest {
    private static final String PROG_C = "/wasmlang/guests/dwarf/prog.c";

    /** The source lines of each function of prog.c, first to last. */
    private static final Map<String, int[]> BODIES = Map.of("scale", new int[]{16, 19}, "sum", new int[]{21, 27}, "area",
                    new int[]{29, 37}, "main", new int[]{39, 54});

    private static Subprogram function(DebugInfo info, String name) {
        for (Subprogram s : info.subprograms()) {
            if (name.equals(s.name())) {
                return s;
            }
        }
        throw new AssertionError("no subprogram " + name);
    }

    private static List<String> names(List<Variable> vars) {
        return vars.stream().map(Variable::name).toList();
    }

    private static Variable variable(List<Variable> vars, String name) {
        return vars.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + vars));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm"})
    void subprogramsHaveTheirNamesAndDeclarationLines(String guest) throws IOException {
        DebugInfo info = Guests.debugInfo(Guests.module(guest));
        for (Map.Entry<String, int[]> e : BODIES.entrySet()) {
            Subprogram s = function(info, e.getKey());
            assertEquals(e.getValue()[0], s.declLine(), e.getKey());
            assertEquals(PROG_C, s.declFile().path());
            assertEquals("prog.c", s.declFile().fileName());
        }
        CompileUnit cu = info.compileUnits().stream().filter(u -> "prog.c".equals(u.name())).findFirst().orElseThrow();
        assertEquals("/wasmlang/guests/dwarf", cu.compDir());
        assertEquals(guest.equals("prog.wasm") ? 5 : 4, cu.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm"})
    void everyRowOfAFunctionIsALineOfItsBody(String guest) throws IOException {
        Module module = Guests.module(guest);
        DebugInfo info = Guests.debugInfo(module);
        for (Map.Entry<String, int[]> e : BODIES.entrySet()) {
            Subprogram s = function(info, e.getKey());
            int[] range = s.moduleRanges().get(0);
            List<SourceLine> rows = info.linesIn(range[0], range[1]);
            assertTrue(rows.size() > 3, e.getKey());
            for (SourceLine row : rows) {
                assertTrue(row.line() == 0 || (e.getValue()[0] <= row.line() && row.line() <= e.getValue()[1]), e.getKey() + ": " + row);
                assertEquals(PROG_C, row.file().path());
            }
            // The subprogram's code is a defined function's body (from its size field on).
            assertEquals(s, info.subprogramAt(range[0]));
            assertEquals(s, info.subprogramAt(range[1] - 1));
            // Every instruction of the function maps to the function's own lines.
            for (int offset = range[0]; offset < range[1]; offset++) {
                SourceLine line = info.lineAt(offset);
                assertNotNull(line, e.getKey() + " at " + offset);
                assertTrue(line.line() == 0 || (e.getValue()[0] <= line.line() && line.line() <= e.getValue()[1]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm"})
    void knownAddressesMapToTheirLines(String guest) throws IOException {
        Module module = Guests.module(guest);
        DebugInfo info = Guests.debugInfo(module);
        int base = module.codeSectionOffset();
        assertEquals(0x17b, base);
        // llvm-dwarfdump --debug-line: 0x9a line 23 col 14 (the for of sum), 0x1a8 line 33
        // (the inner w of area), 0x1e2 line 0, 0x42 line 17 col 18 (prologue end of scale).
        assertEquals(23, info.lineAt(base + 0x9a).line());
        assertEquals(14, info.lineAt(base + 0x9a).column());
        assertEquals(23, info.lineAt(base + 0xa4).line());
        assertEquals(33, info.lineAt(base + 0x1a8).line());
        assertEquals(0, info.lineAt(base + 0x1e2).line());
        assertEquals(17, info.lineAt(base + 0x42).line());
        assertTrue(info.lineAt(base + 0x42).isStatement());
        assertFalse(info.lineAt(base + 0x49).isStatement());
        // A function's body starts at its size field; its first instruction is on its first line.
        Subprogram scale = function(info, "scale");
        assertEquals(16, info.lineAt(scale.moduleStart()).line());
        // Outside any sequence: the code section's function count, and the module header.
        assertNull(info.lineAt(base));
        assertNull(info.lineAt(0));
        assertNull(info.subprogramAt(0));
        assertTrue(info.variablesAt(0).isEmpty());
        // The statement rows of main begin each statement of lines 40 to 53 once at least.
        int[] main = function(info, "main").moduleRanges().get(0);
        for (int line = 40; line <= 53; line++) {
            int l = line;
            assertTrue(info.linesIn(main[0], main[1]).stream().anyMatch(r -> r.line() == l && r.isStatement()), "line " + line);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm"})
    void nestedScopesShadowByName(String guest) throws IOException {
        Module module = Guests.module(guest);
        DebugInfo info = Guests.debugInfo(module);
        int base = module.codeSectionOffset();
        // area: the if block (line 33, 0x1a8..0x1e2) declares its own w.
        List<Variable> inBlock = info.variablesAt(base + 0x1b0);
        assertEquals(List.of("p", "q", "h", "w"), names(inBlock));
        assertEquals(33, variable(inBlock, "w").declLine());
        assertEquals(Variable.Kind.PARAMETER, variable(inBlock, "p").kind());
        List<Variable> outside = info.variablesAt(base + 0x14a);
        assertEquals(List.of("p", "q", "w", "h"), names(outside));
        assertEquals(30, variable(outside, "w").declLine());
        // sum: i lives in the for statement only.
        assertEquals(List.of("values", "count", "total"), names(info.variablesAt(base + 0x8f)));
        assertEquals(List.of("values", "count", "total", "i"), names(info.variablesAt(base + 0xce)));
        assertEquals(List.of("values", "count", "total"), names(info.variablesAt(base + 0x127)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm"})
    void typesAreSpelledAsInC(String guest) throws IOException {
        Module module = Guests.module(guest);
        DebugInfo info = Guests.debugInfo(module);
        Map<String, String> types = new HashMap<>();
        for (Variable v : info.variablesAt(function(info, "main").moduleStart() + 0x10)) {
            types.put(v.name(), v.typeName());
        }
        assertEquals(Map.of("origin", "struct point", "corner", "struct point", "numbers", "int[4]", "name", "char[8]", "cursor", "char *",
                        "big", "unsigned long long", "c", "enum color", "ratio", "double", "flag", "unsigned char", "s", "int"), types);
        Variable values = variable(info.variablesAt(function(info, "sum").moduleStart()), "values");
        assertEquals("const int *", values.typeName());
        assertEquals(DwarfType.Kind.POINTER, values.type().kind());
        assertEquals("int", values.type().target().resolved().name());
        Map<String, String> globals = new HashMap<>();
        for (Variable v : info.globals()) {
            if (v.name() != null && v.declFile() != null && v.declFile().path().equals(PROG_C)) {
                globals.put(v.name(), v.typeName());
            }
        }
        assertEquals(Map.of("counter", "int", "greeting", "const char *"), globals);
        DwarfType point = variable(info.variablesAt(function(info, "area").moduleStart()), "p").type();
        assertEquals(8, point.byteSize());
        assertEquals(List.of("x", "y"), point.members().stream().map(DwarfType.Member::name).toList());
        assertEquals(4, point.members().get(1).offset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm"})
    void valuesOfMainsLocalsFromAHandMadeFrame(String guest) throws IOException {
        Module module = Guests.module(guest);
        DebugInfo info = Guests.debugInfo(module);
        Subprogram main = function(info, "main");
        int pc = main.moduleRanges().get(0)[0] + 0x200; // at line 51, the printf
        // main's frame base is local 2 (DW_OP_WASM_location 0x0 0x2); offsets from llvm-dwarfdump.
        int fb = 0x1000;
        FakeFrame frame = new FakeFrame(0x10000);
        frame.locals.put(2, (long) fb);
        frame.putInt(fb + 144, 1).putInt(fb + 148, 2);
        frame.putInt(fb + 112, 3).putInt(fb + 116, 1).putInt(fb + 120, 4).putInt(fb + 124, 1);
        frame.putBytes(fb + 104, "wasm\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
        frame.putInt(fb + 100, fb + 104);
        frame.putLong(fb + 88, 12345678901L);
        frame.putInt(fb + 84, 6);
        frame.putLong(fb + 72, Double.doubleToRawLongBits(0.5));
        frame.memory[fb + 71] = 'y';
        frame.putInt(fb + 64, -9);
        Map<String, DwarfValue> values = new HashMap<>();
        for (Variable v : info.variablesAt(pc)) {
            values.put(v.name(), info.read(v, pc, frame));
        }
        assertEquals("{x = 1, y = 2}", values.get("origin").display());
        assertEquals(2, values.get("origin").children().get(1).value());
        assertEquals("[3, 1, 4, 1]", values.get("numbers").display());
        assertEquals("\"wasm\"", values.get("name").display());
        assertEquals(String.format("0x%08x \"wasm\"", fb + 104), values.get("cursor").display());
        assertEquals((long) fb + 104, values.get("cursor").value());
        assertEquals(new BigInteger("12345678901"), values.get("big").value());
        assertEquals("BLUE", values.get("c").display());
        assertEquals(0.5, values.get("ratio").value());
        assertEquals("121 'y'", values.get("flag").display());
        assertEquals(-9, values.get("s").value());
        assertEquals("-9", values.get("s").display());
        // The same frame with memory too small: unreadable, not an exception.
        FakeFrame tiny = new FakeFrame(16);
        tiny.locals.put(2, (long) fb);
        for (Variable v : info.variablesAt(pc)) {
            DwarfValue value = info.read(v, pc, tiny);
            assertTrue(!value.isAvailable() || value.children().stream().noneMatch(DwarfValue::isAvailable), v + ": " + value);
        }
        // No frame base local at all: unavailable with the frame's own reason.
        DwarfValue noLocal = info.read(variable(info.variablesAt(pc), "s"), pc, new FakeFrame(16));
        assertEquals("no local 2", noLocal.unavailableReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm"})
    void aByValueStructParameterIsAtTheAddressItsLocalHolds(String guest) throws IOException {
        Module module = Guests.module(guest);
        DebugInfo info = Guests.debugInfo(module);
        int pc = function(info, "area").moduleStart() + 0x20;
        FakeFrame frame = new FakeFrame(0x1000);
        // p is DW_OP_WASM_location 0x0 0x0: local 0 holds its address.
        frame.locals.put(0, 0x200L);
        frame.locals.put(1, 0x300L);
        frame.putInt(0x200, 4).putInt(0x204, 6).putInt(0x300, -1).putInt(0x304, 7);
        List<Variable> vars = info.variablesAt(pc);
        assertEquals("{x = 4, y = 6}", info.read(variable(vars, "p"), pc, frame).display());
        assertEquals("{x = -1, y = 7}", info.read(variable(vars, "q"), pc, frame).display());
        // w is fbreg +8 with the frame base in local 4; that local is missing here.
        assertFalse(info.read(variable(vars, "w"), pc, frame).isAvailable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm", "prog-o2.wasm"})
    void globalsReadFromTheDataSegments(String guest) throws IOException {
        Module module = Guests.module(guest);
        DebugInfo info = Guests.debugInfo(module);
        FakeFrame frame = FakeFrame.withData(module, 0x20000);
        Map<String, DwarfValue> values = new HashMap<>();
        for (Variable v : info.globals()) {
            if (v.name() != null) {
                values.put(v.name(), info.read(v, 0, frame));
            }
        }
        assertEquals(7, values.get("counter").value());
        assertTrue(values.get("greeting").display().endsWith(" \"hello\""), values.get("greeting").display());
    }

    @Test
    void optimizedCodeUsesConstantsAndLocationLists() throws IOException {
        Module module = Guests.module("prog-o2.wasm");
        DebugInfo info = Guests.debugInfo(module);
        // scale, sum and area were inlined and their own code dropped by the linker.
        List<String> ours = info.subprograms().stream().filter(s -> s.declFile() != null && s.declFile().path().equals(PROG_C))
                        .map(Subprogram::name).toList();
        assertEquals(List.of("main"), ours);
        Subprogram main = function(info, "main");
        // From llvm-dwarfdump: constants valid in main from 0x69 to its end (0xd8).
        int pc = module.codeSectionOffset() + 0x70;
        assertEquals(main, info.subprogramAt(pc));
        FakeFrame frame = new FakeFrame(0x1000);
        frame.locals.put(0, 0x800L);
        Map<String, DwarfValue> values = new HashMap<>();
        for (Variable v : info.variablesAt(pc)) {
            values.put(v.name(), info.read(v, pc, frame));
        }
        assertEquals(9, values.get("s").value()); // DW_OP_consts 9, DW_OP_stack_value
        assertEquals(new BigInteger("12345678901"), values.get("big").value()); // DW_OP_constu
        assertEquals("BLUE", values.get("c").display()); // DW_OP_lit6
        assertEquals(0.5, values.get("ratio").value()); // DW_OP_implicit_value
        assertEquals("121 'y'", values.get("flag").display());
        assertEquals("optimized out", values.get("origin").unavailableReason());
        // Before 0x69 the constants are not yet known.
        int early = module.codeSectionOffset() + 0x30;
        DwarfValue s = info.read(variable(info.variablesAt(early), "s"), early, frame);
        assertEquals("optimized out here", s.unavailableReason());
        // cursor is name's address, computed from main's frame pointer in local 0 over
        // [0x2e, 0x69): DW_OP_WASM_location 0x0 0x0, DW_OP_plus_uconst 0x38, DW_OP_stack_value.
        frame.putBytes(0x838, "wasm\0".getBytes(StandardCharsets.US_ASCII));
        DwarfValue cursor = info.read(variable(info.variablesAt(early), "cursor"), early, frame);
        assertEquals("0x00000838 \"wasm\"", cursor.display());
        assertEquals("optimized out here", info.read(variable(info.variablesAt(pc), "cursor"), pc, frame).unavailableReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog", "prog-dwarf4", "prog-o2"})
    void everyLineTableRowMatchesLlvmDwarfdump(String guest) throws IOException {
        Module module = Guests.module(guest + ".wasm");
        DebugInfo info = Guests.debugInfo(module);
        int base = module.codeSectionOffset();
        long codeSize = module.definedFunction(module.definedFunctionCount() - 1).codeEnd() - base;
        List<String> expected = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(Guests.bytes(guest + ".lines.gz"))),
                                        StandardCharsets.US_ASCII))) {
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                // Sequences of functions the linker dropped sit at tombstone addresses; not code.
                if (Long.parseLong(row.substring(0, row.indexOf(' ')), 16) <= codeSize) {
                    expected.add(row);
                }
            }
        }
        List<String> actual = new ArrayList<>();
        for (SourceLine row : info.linesIn(0, Integer.MAX_VALUE)) {
            actual.add(String.format("%x %d %d %d%d", row.moduleOffset() - base, row.line(), row.column(), row.isStatement() ? 1 : 0,
                            row.endSequence() ? 1 : 0));
        }
        assertTrue(expected.size() > 2000, "rows: " + expected.size());
        Collections.sort(expected);
        Collections.sort(actual);
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shapes.wasm", "shapes64.wasm"})
    void cxxNamesComeFromTheDeclarationAMethodCompletes(String guest) throws IOException {
        Module module = Guests.module(guest);
        DebugInfo info = Guests.debugInfo(module);
        // Vec::dot is defined outside its class: name and linkage name are on the declaration.
        Subprogram dot = function(info, "dot");
        assertEquals("_ZNK3geo3Vec3dotERKS0_", dot.linkageName());
        assertEquals(11, dot.declLine());
        assertEquals("/wasmlang/guests/dwarf/shapes.cpp", dot.declFile().path());
        List<Variable> vars = info.variablesAt(dot.moduleStart());
        assertEquals(List.of("this", "other", "sum"), names(vars));
        assertEquals("const geo::Vec *", variable(vars, "this").typeName());
        assertEquals("const geo::Vec &", variable(vars, "other").typeName());
        assertEquals("long long", variable(vars, "sum").typeName());
        // run's frame: the frame base is local 4 (an i64 on wasm64); v at +32, a at +56,
        // other's reference in dot's frame at +16 on wasm64, +8 on wasm32 (llvm-dwarfdump).
        Subprogram run = function(info, "run");
        int pc = run.moduleStart() + 0x40;
        FakeFrame frame = new FakeFrame(0x1000);
        frame.locals.put(4, 0x400L);
        frame.putLong(0x400 + 32, 3).putLong(0x400 + 40, -4).putLong(0x400 + 56, 1L << 40);
        List<Variable> runVars = info.variablesAt(pc);
        assertEquals("{x = 3, y = -4}", info.read(variable(runVars, "v"), pc, frame).display());
        assertEquals(1L << 40, info.read(variable(runVars, "a"), pc, frame).value());
        boolean wasm64 = guest.equals("shapes64.wasm");
        frame.putLong(0x400 + (wasm64 ? 16 : 8), 0x420);
        DwarfValue other = info.read(variable(vars, "other"), dot.moduleStart() + 0x40, frame);
        assertEquals(wasm64 ? "0x0000000000000420" : "0x00000420", other.display());
        assertEquals(wasm64 ? 8 : 4, variable(vars, "this").type().byteSize());
    }

    @Test
    void typedefsQualifiersArraysAndBitFields() throws IOException {
        Module module = Guests.module("types.wasm");
        DebugInfo info = Guests.debugInfo(module);
        Subprogram probe = function(info, "probe");
        int pc = probe.moduleStart() + 0x60;
        List<Variable> vars = info.variablesAt(pc);
        Map<String, String> types = new LinkedHashMap<>();
        for (Variable v : vars) {
            types.put(v.name(), v.typeName());
        }
        // As types.c spells them.
        assertEquals("{seed=int, size=size_t, grid=int[2][3], fixed=char *const, names=const char *const *, counter=volatile short, "
                        + "op=binary_op, b=union bits, fl=struct flags, s=enum sign, yes=_Bool}", types.toString());
        assertEquals("int (*)(int, int)", variable(vars, "op").type().target().name());
        // probe's frame base is local 3; offsets from llvm-dwarfdump.
        int fb = 0x100;
        FakeFrame frame = new FakeFrame(0x400);
        frame.locals.put(3, (long) fb);
        frame.putInt(fb + 56, 4);
        for (int i = 0; i < 6; i++) {
            frame.putInt(fb + 32 + 4 * i, i + 1);
        }
        frame.putInt(fb + 28, 0);
        frame.memory[fb + 22] = (byte) 0xfe;
        frame.memory[fb + 23] = (byte) 0xff;
        frame.putInt(fb + 12, Float.floatToIntBits(1.0f));
        frame.putInt(fb + 8, 0x0000fd0b); // level at byte 1 (DW_AT_data_member_location 1)
        frame.putInt(fb + 4, -1);
        frame.memory[fb + 3] = 1;
        Map<String, String> shown = new LinkedHashMap<>();
        for (Variable v : vars) {
            if (!v.name().equals("seed") && !v.name().equals("names") && !v.name().equals("op")) {
                shown.put(v.name(), info.read(v, pc, frame).display());
            }
        }
        assertEquals("{size=4, grid=[[1, 2, 3], [4, 5, 6]], fixed=0x00000000 NULL, counter=-2, b={f = 1.0, u = 1065353216}, "
                        + "fl={ready = <bit-field not shown>, mode = <bit-field not shown>, level = -3 '\\xfd'}, s=NEGATIVE, yes=true}",
                        shown.toString());
        assertEquals(4L, info.read(variable(vars, "size"), pc, frame).value());
        assertEquals((short) -2, info.read(variable(vars, "counter"), pc, frame).value());
    }

    @Test
    void aModuleWithoutDwarfHasNone() throws IOException {
        Module module = org.wasmlang.binary.ModuleDecoder.decode(
                        new byte[]{0, 'a', 's', 'm', 1, 0, 0, 0}, org.wasmlang.module.Features.DEFAULT);
        assertTrue(DebugInfo.read(module).isAbsent());
    }
}
