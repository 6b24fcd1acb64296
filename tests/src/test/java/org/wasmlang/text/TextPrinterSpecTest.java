package org.wasmlang.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.binary.BinaryReader;
import org.wasmlang.binary.CodeScanner;
import org.wasmlang.binary.Instruction;
import org.wasmlang.binary.Instructions;
import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.binary.Opcodes;
import org.wasmlang.launcher.wast.AssertInvalid;
import org.wasmlang.launcher.wast.AssertTrap;
import org.wasmlang.launcher.wast.AssertUnlinkable;
import org.wasmlang.launcher.wast.ModuleCommand;
import org.wasmlang.launcher.wast.ModuleForm;
import org.wasmlang.launcher.wast.WastCommand;
import org.wasmlang.launcher.wast.WastParser;
import org.wasmlang.launcher.wast.WastRunner;
import org.wasmlang.module.Features;
import org.wasmlang.module.Function;
import org.wasmlang.module.Module;
import org.wasmlang.testing.TestPaths;
import org.wasmlang.validation.ErrorMessage;
import org.wasmlang.validation.Validator;
import org.wasmlang.validation.WasmModuleException;

/**
 * Every module of the spec scripts prints, with a consistent line map; modules WasmLang does
 * not decode (GC) fail with "unsupported feature", as they do everywhere else. When wabt's
 * {@code wat2wasm} is on the PATH, every valid Wasm 2.0 module also goes round the text: the
 * printed text, assembled again, has the same function bodies byte for byte.
 */
class TextPrinterSpecTest {
    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicTest> wasm20Modules() throws IOException {
        return scripts("testsuite/wasm-2.0/binary", Features.WASM_2_0, wat2wasm());
    }

    @TestFactory
    Stream<DynamicTest> wasm30Modules() throws IOException {
        return scripts("testsuite/wasm-3.0/binary", Features.DEFAULT, null);
    }

    @TestFactory
    Stream<DynamicTest> legacyExceptionModules() throws IOException {
        return scripts("testsuite/legacy-exceptions/binary", Features.DEFAULT, null);
    }

    @TestFactory
    Stream<DynamicTest> roundTripNeedsWat2wasm() {
        // Says in the report why the round trip did not run, rather than passing silently.
        return Stream.of(DynamicTest.dynamicTest("wat2wasm on PATH", () -> Assumptions.assumeTrue(wat2wasm() != null,
                        "skipped: wat2wasm (wabt) is not on the PATH; the text round trip of the 2.0 modules did not run")));
    }

    private static Stream<DynamicTest> scripts(String folder, Features features, String wat2wasm) throws IOException {
        Path root = TestPaths.requireShared(folder);
        return WastRunner.collectScripts(List.of(root)).stream().map(script -> DynamicTest.dynamicTest(
                        root.relativize(script).toString(), () -> script(script, features, wat2wasm)));
    }

    private static void script(Path script, Features features, String wat2wasm) throws Exception {
        List<WastCommand> commands = WastParser.parse(Files.readString(script), script.toString());
        for (WastCommand command : commands) {
            ModuleCommand module = switch (command) {
                case ModuleCommand m -> m;
                case AssertTrap t -> t.module();
                case AssertUnlinkable u -> u.module();
                case AssertInvalid i -> i.module();
                default -> null;
            };
            if (module == null || module.form() != ModuleForm.BINARY) {
                continue;
            }
            boolean valid = !(command instanceof AssertInvalid);
            String where = script.getFileName() + ":" + module.line();
            Module decoded;
            try {
                decoded = ModuleDecoder.decode(module.binary(), features);
                if (valid) {
                    Validator.validate(decoded, features);
                }
            } catch (WasmModuleException e) {
                if (valid || e.error() == ErrorMessage.UNSUPPORTED_FEATURE) {
                    assertEquals(ErrorMessage.UNSUPPORTED_FEATURE, e.error(), where + ": " + e.getMessage());
                }
                continue;
            }
            // Invalid modules print too (the printer needs decoding only), without crashing.
            ModuleText text = TextPrinter.print(decoded, features);
            checkLineMap(decoded, features, text, where);
            checkFunctionsAlone(decoded, features, text, where);
            if (valid && wat2wasm != null) {
                roundTrip(decoded, text, wat2wasm, where);
            }
        }
    }

    /**
     * Each function printed alone is its lines of the module's text less the module's
     * indentation, and places its instructions on those lines counted from its {@code (func}.
     */
    static void checkFunctionsAlone(Module module, Features features, ModuleText text, String where) {
        String[] lines = text.text().split("\n", -1);
        LineMap map = text.lineMap();
        TextPrinter printer = TextPrinter.forFunctions(module, features);
        for (int d = 0; d < module.definedFunctionCount(); d++) {
            int f = module.definedFunction(d).index();
            FunctionText alone = printer.function(f);
            int first = map.functionFirstLine(f);
            StringBuilder expected = new StringBuilder();
            for (int line = first; line <= map.functionLastLine(f); line++) {
                expected.append(lines[line - 1].substring(2)).append('\n');
            }
            assertEquals(expected.toString(), alone.text(), where + ": function " + f + " alone");
            for (int k = 0; k < map.instructionCount(f); k++) {
                int offset = alone.offsets()[k];
                assertEquals(map.instructionLine(f, offset) - first + 1, alone.instructionLine(offset), where);
            }
        }
    }

    /**
     * Every instruction, found by scanning the body independently of the printer, has a line
     * holding its name; lines grow by one per instruction; the reverse lookups agree.
     */
    static void checkLineMap(Module module, Features features, ModuleText text, String where) {
        String[] lines = text.text().split("\n", -1);
        LineMap map = text.lineMap();
        assertEquals(lines.length - 1, map.lineCount(), where + ": line count");
        int previousLast = 0;
        for (int d = 0; d < module.definedFunctionCount(); d++) {
            Function function = module.definedFunction(d);
            int f = function.index();
            int first = map.functionFirstLine(f);
            assertTrue(first > previousLast, where + ": function " + f + " starts before the previous one ends");
            assertTrue(lines[first - 1].trim().startsWith("(func"), where + ": line " + first + " is " + lines[first - 1]);
            BinaryReader r = new BinaryReader(module.bytes());
            r.setPosition(function.codeStart());
            int expectedLine = map.bodyFirstLine(f);
            assertTrue(expectedLine > first, where + ": body of " + f);
            int k = 0;
            while (r.position() < function.codeEnd()) {
                int at = r.position();
                Instruction instruction = Instructions.read(r, features);
                CodeScanner.skipImmediates(r, instruction, features, true);
                int line = map.instructionLine(f, at);
                assertEquals(expectedLine, line, where + ": line of the instruction at 0x" + Integer.toHexString(at));
                assertEquals(line, map.instructionLineAt(f, k++));
                String shown = lines[line - 1].trim();
                boolean last = r.position() == function.codeEnd();
                if (last) {
                    assertEquals(Opcodes.END, instruction.code(), where);
                    assertEquals(")", shown, where + ": the final end is the closing parenthesis");
                } else {
                    assertTrue(shown.equals(instruction.name()) || shown.startsWith(instruction.name() + " "),
                                    where + ": line " + line + " shows '" + shown + "' for " + instruction.name());
                }
                assertEquals(f, map.functionAt(line), where);
                assertEquals(at, map.instructionAt(line), where);
                if (r.position() - at > 1) {
                    assertEquals(-1, map.instructionLine(f, at + 1), where + ": an offset inside an instruction has no line");
                }
                expectedLine++;
            }
            assertEquals(expectedLine - 1, map.functionLastLine(f), where);
            assertEquals(k, map.instructionCount(f), where);
            assertEquals(f, map.functionAt(first), where);
            assertEquals(-1, map.instructionAt(first), where + ": the (func line holds no instruction");
            previousLast = map.functionLastLine(f);
        }
        assertEquals(-1, map.functionAt(1), where + ": (module is in no function");
        assertEquals(-1, map.functionAt(map.lineCount()), where + ": the last line is in no function");
    }

    private static void roundTrip(Module module, ModuleText text, String wat2wasm, String where) throws Exception {
        Path wat = Files.createTempFile(temp, "module", ".wat");
        Path wasm = wat.resolveSibling(wat.getFileName() + ".wasm");
        Files.writeString(wat, text.text(), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(wat2wasm, "--no-check", wat.toString(), "-o", wasm.toString())
                        .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(where + ": wat2wasm refused the printed text:\n" + output + "\n" + text.text());
        }
        Module again = ModuleDecoder.decode(Files.readAllBytes(wasm), Features.WASM_2_0);
        assertEquals(module.definedFunctionCount(), again.definedFunctionCount(), where);
        for (int d = 0; d < module.definedFunctionCount(); d++) {
            Function a = module.definedFunction(d);
            Function b = again.definedFunction(d);
            byte[] original = Arrays.copyOfRange(module.bytes(), a.codeStart(), a.codeEnd());
            byte[] reassembled = Arrays.copyOfRange(again.bytes(), b.codeStart(), b.codeEnd());
            if (!Arrays.equals(original, reassembled)) {
                // Where the bytes differ (three spec modules) the instructions must still be the same, but for
                // wabt encoding a block's (type n) of type [] -> [t?] as the shorter inline form.
                assertEquals(withoutInlineableBlockTypes(TextPrinter.print(module, Features.WASM_2_0).text()),
                                withoutInlineableBlockTypes(TextPrinter.print(again, Features.WASM_2_0).text()),
                                where + ": function " + a.index() + " differs after the round trip");
            }
            assertArrayEquals(a.localTypes(), b.localTypes(), where);
        }
        Files.delete(wat);
        Files.delete(wasm);
    }

    private static final java.util.regex.Pattern INLINEABLE_BLOCK_TYPE = java.util.regex.Pattern.compile(
                    "(?m)^(\\s*(?:block|loop|if|try)) \\(type \\d+\\)(?=$| \\(result [^ ()]+\\)$)");

    private static String withoutInlineableBlockTypes(String text) {
        return INLINEABLE_BLOCK_TYPE.matcher(text).replaceAll("$1");
    }

    /** wat2wasm's path when it is on the PATH, else null. */
    static String wat2wasm() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wat2wasm");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
