package org.wasmlang.launcher;

import static org.wasmlang.launcher.Outcome.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.testing.WasmBinary;

/** {@code wasmlang print FILE.wasm}: the text view on stdout, errors as run reports them. */
class PrintCommandTest {
    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void printsTheModule() throws IOException {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32, WasmBinary.I32}, new int[]{WasmBinary.I32});
        b.export("add", b.function(type, new int[0], 0x20, 0x00, 0x20, 0x01, 0x6A));
        Outcome o = run("print", write("add.wasm", b.build()).toString());
        assertEquals(0, o.status(), o.err());
        assertEquals("""
                        (module
                          (type (;0;) (func (param i32 i32) (result i32)))
                          (func (;0;) (type 0) (param i32 i32) (result i32)
                            local.get 0
                            local.get 1
                            i32.add
                          )
                          (export "add" (func 0))
                        )
                        """, o.out());
        assertEquals("", o.err());
    }

    @Test
    void badInputIsReportedAsRunReportsIt() throws IOException {
        Outcome missing = run("print", dir.resolve("absent.wasm").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("cannot read") && missing.err().contains("No such file or directory"), missing.err());

        Outcome malformed = run("print", write("bad.wasm", new byte[]{0, 'a', 's', 'm', 2, 0, 0, 0}).toString());
        assertEquals(1, malformed.status());
        assertEquals("wasmlang: invalid module: unknown binary version (at byte offset 0x4)\n", malformed.err());
        assertEquals("", malformed.out());

        // Valid bytes, invalid module: local.get of a local that does not exist.
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[0], new int[]{WasmBinary.I32});
        b.function(type, new int[0], 0x20, 0x05);
        Outcome invalid = run("print", write("invalid.wasm", b.build()).toString());
        assertEquals(1, invalid.status());
        assertTrue(invalid.err().startsWith("wasmlang: invalid module: unknown local"), invalid.err());

        Outcome text = run("print", write("m.wat", "(module)".getBytes(StandardCharsets.UTF_8)).toString());
        assertEquals(1, text.status());
        assertTrue(text.err().contains("convert it with wat2wasm"), text.err());

        Outcome usage = run("print");
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("usage: wasmlang print"), usage.err());
        Outcome unknown = run("print", "--frobnicate", "x.wasm");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--frobnicate"), unknown.err());
    }

    @Test
    void theWasmVersionOptionSelectsTheRules() throws IOException {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[0], new int[0]);
        // return_call 0: a tail call, Wasm 3.0 only.
        b.function(type, new int[0], 0x12, 0x00);
        Path file = write("tail.wasm", b.build());
        assertEquals(0, run("print", file.toString()).status());
        Outcome v2 = run("print", "--wasmlang.WasmVersion=2.0", file.toString());
        assertEquals(1, v2.status());
        assertTrue(v2.err().contains("unsupported feature: tail calls"), v2.err());
    }

    @Test
    void helpListsPrint() {
        assertTrue(run("--help").out().contains("print FILE.wasm"));
    }
}
