package org.wasmlang.launcher;

import static org.wasmlang.launcher.Outcome.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.testing.WasmBinary;

/** {@code wasmlang run FILE --invoke NAME ARGS}: results, traps and usage errors. */
class RunCommandTest {
    @TempDir Path dir;

    private Path module() throws IOException {
        WasmBinary b = new WasmBinary();
        int binary = b.type(new int[]{WasmBinary.I64, WasmBinary.I64}, new int[]{WasmBinary.I64});
        int nothing = b.type(new int[0], new int[0]);
        b.export("add", b.function(binary, new int[0], 0x20, 0x00, 0x20, 0x01, 0x7C));
        b.export("crash", b.function(nothing, new int[0], 0x00));
        Path file = dir.resolve("m.wasm");
        Files.write(file, b.build());
        return file;
    }

    @Test
    void printsTheResult() throws IOException {
        Outcome o = run("run", module().toString(), "--invoke", "add", "40", "2");
        assertEquals(0, o.status(), o.err());
        assertEquals("42", o.out().strip());
    }

    @Test
    void printsVectorResultsInTheSpecNotation() throws IOException {
        WasmBinary b = new WasmBinary();
        int v128 = 0x7B;
        int splat = b.type(new int[]{WasmBinary.I32}, new int[]{v128});
        int two = b.type(new int[]{WasmBinary.I32}, new int[]{v128, WasmBinary.I32});
        b.export("splat", b.function(splat, new int[0], 0x20, 0x00, 0xFD, 0x11));
        b.export("two", b.function(two, new int[0], 0x20, 0x00, 0xFD, 0x11, 0x20, 0x00));
        Path file = dir.resolve("v.wasm");
        Files.write(file, b.build());
        Outcome o = run("run", file.toString(), "--invoke", "splat", "-2");
        assertEquals(0, o.status(), o.err());
        assertEquals("v128.const i32x4 0xfffffffe 0xfffffffe 0xfffffffe 0xfffffffe", o.out().strip());
        o = run("run", file.toString(), "--invoke", "two", "7");
        assertEquals("v128.const i32x4 0x00000007 0x00000007 0x00000007 0x00000007\n7", o.out().strip().replace("\r", ""));
    }

    @Test
    void optionsMayComeBeforeTheFile() throws IOException {
        Outcome o = run("run", "--invoke", "add", module().toString(), "-5", "3");
        assertEquals(0, o.status(), o.err());
        assertEquals("-2", o.out().strip());
    }

    /** What belongs to the guest, the shorthand without run, and errors that give the OS's reason. */
    @Test
    void argumentsAfterTheFileBelongToTheGuestAndErrorsSayWhy() throws IOException {
        // --help after the file is the guest's argument, not a request for WasmLang's help.
        Outcome help = run("run", module().toString(), "--invoke", "add", "--help", "1");
        assertEquals(2, help.status());
        assertTrue(help.err().contains("not a number"), help.err());
        assertTrue(!help.out().contains("Usage: wasmlang"), help.out());
        Outcome shorthand = run(module().toString(), "--invoke", "add", "2", "3");
        assertEquals(0, shorthand.status(), shorthand.err());
        assertEquals("5", shorthand.out().strip());
        Outcome dashed = run("run", "--invoke", "add", "--", module().toString(), "1", "1");
        assertEquals(0, dashed.status(), dashed.err());
        assertEquals("2", dashed.out().strip());
        Outcome missing = run("run", dir.resolve("nonexist.wasm").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nonexist.wasm: No such file or directory"), missing.err());
        Path text = dir.resolve("hello.wat");
        Files.writeString(text, "(module (func (export \"f\")))\n");
        Outcome wat = run("run", text.toString(), "--invoke", "f");
        assertEquals(1, wat.status());
        assertTrue(wat.err().contains("convert it with wat2wasm first"), wat.err());
        Outcome version = run("-V");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("WasmLang "), version.out());
    }

    /** The 2.0 rules on the command line: a tail call, fine by default, is then an unsupported feature. */
    @Test
    void theWasmVersionOptionSelectsTheRules() throws IOException {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32}, new int[]{WasmBinary.I32});
        int identity = b.function(type, new int[0], 0x20, 0x00);
        b.export("tail", b.function(type, new int[0], 0x20, 0x00, 0x12, identity));
        Path file = dir.resolve("tail.wasm");
        Files.write(file, b.build());
        Outcome byDefault = run("run", file.toString(), "--invoke", "tail", "7");
        assertEquals(0, byDefault.status(), byDefault.err());
        assertEquals("7", byDefault.out().strip());
        Outcome wasm20 = run("run", "--wasmlang.WasmVersion=2.0", file.toString(), "--invoke", "tail", "7");
        assertEquals(1, wasm20.status(), wasm20.err());
        assertTrue(wasm20.err().contains("unsupported feature: tail calls"), wasm20.err());
        Outcome unknown = run("run", "--wasmlang.WasmVersion=9", file.toString(), "--invoke", "tail", "7");
        assertEquals(2, unknown.status(), unknown.err());
        assertTrue(unknown.err().contains("unknown Wasm version '9'"), unknown.err());
    }

    @Test
    void aTrapPrintsItsMessageAndGuestStackAndExits134() throws IOException {
        Outcome o = run("run", module().toString(), "--invoke", "crash");
        assertEquals(134, o.status());
        assertTrue(o.err().contains("unreachable"), o.err());
        assertTrue(o.err().contains("at crash (byte offset 0x"), o.err());
    }

    @Test
    void usageErrorsSayWhatIsWrong() throws IOException {
        Path file = module();
        Outcome missing = run("run", file.toString(), "--invoke", "nope");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("exports no function \"nope\""), missing.err());
        Outcome notNumber = run("run", file.toString(), "--invoke", "add", "x", "1");
        assertEquals(2, notNumber.status());
        assertTrue(notNumber.err().contains("not a number"), notNumber.err());
        Files.write(dir.resolve("bad.wasm"), new byte[]{0, 'a', 's', 'm', 2, 0, 0, 0});
        Outcome bad = run("run", dir.resolve("bad.wasm").toString(), "--invoke", "f");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("unknown binary version"), bad.err());
    }

    private static String wasiGuest(String name) {
        return org.wasmlang.testing.TestPaths.projectRoot().resolve("tests/src/test/resources/wasi/" + name).toString();
    }

    @Test
    void aWasiCommandGetsItsArgumentsDirectoriesAndEnvironment() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("words.txt"), "alpha beta beta gamma gamma gamma\n");
        String example = org.wasmlang.testing.TestPaths.projectRoot().resolve("examples/wordfreq.wasm").toString();
        Outcome o = run("run", "--dir", data + "::/in", "--env", "WORDFREQ_MIN_LENGTH=5", example, "-n", "2",
                        "/in/words.txt");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("gamma"), o.out());
        assertTrue(o.out().contains("alpha"), o.out());
        assertTrue(!o.out().contains("beta"), "beta is shorter than WORDFREQ_MIN_LENGTH: " + o.out());
    }

    @Test
    void theGuestsExitCodeBecomesTheProcesss() throws IOException {
        // json_stats exits with 2 on bad input, after a message on stderr.
        Outcome o = run("run", wasiGuest("json_stats.wasm"));
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("json_stats: expected an object"), o.err());
    }

    @Test
    void aPathOutsideThePreopensIsNotFound() throws IOException {
        String example = org.wasmlang.testing.TestPaths.projectRoot().resolve("examples/wordfreq.wasm").toString();
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "classified\n");
        Outcome o = run("run", example, secret.toString());
        assertEquals(1, o.status(), o.out());
        assertTrue(!o.out().contains("classified"), o.out());
    }

    @Test
    void badOptionsAreExplained() throws IOException {
        Outcome unknown = run("run", "--bogus", module().toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown option --bogus"), unknown.err());
        assertTrue(unknown.err().contains("usage: wasmlang run"), unknown.err());
        Outcome env = run("run", "--env", "=x", module().toString());
        assertEquals(2, env.status());
        assertTrue(env.err().contains("needs a name"), env.err());
        Outcome noStart = run("run", module().toString());
        assertEquals(2, noStart.status());
        assertTrue(noStart.err().contains("not a WASI command"), noStart.err());
    }

    @Test
    void aBadEngineOptionIsAMessageNotAStackTrace() throws IOException {
        Path file = module();
        System.setProperty("polyglot.engine.NoSuchOptionHere", "1");
        try {
            Outcome o = run("run", "--invoke", "add", file.toString(), "1", "2");
            assertEquals(2, o.status(), o.err());
            assertTrue(o.err().startsWith("wasmlang run: ") && o.err().contains("NoSuchOptionHere"), o.err());
            assertTrue(!o.err().contains("\tat "), o.err());
        } finally {
            System.clearProperty("polyglot.engine.NoSuchOptionHere");
        }
    }
}
