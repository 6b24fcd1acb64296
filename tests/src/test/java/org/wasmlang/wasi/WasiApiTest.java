package org.wasmlang.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.testing.TestPaths;
import org.wasmlang.testing.WasmBinary;

/** Configuring WASI from Java: import object, options, stdio streams, exit codes, errors. */
class WasiApiTest {
    private static final String JSON_IN = "{\"name\": \"Wasm\", \"values\": [1, 2.5, 10]}";
    private static final String JSON_OUT = "{\"greeting\": \"Hello, Wasm!\", \"count\": 3, \"sum\": 13.5, \"max\": 10}\n";

    private static Source guest(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(TestPaths.projectRoot().resolve("tests/src/test/resources/wasi/" + name));
        return Source.newBuilder("wasmlang", ByteSequence.create(bytes), name).build();
    }

    @Test
    void jsonOnStdinJsonOnStdout() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("wasmlang")
                        .in(new ByteArrayInputStream(JSON_IN.getBytes(StandardCharsets.UTF_8))).out(out).build()) {
            Value module = context.eval(guest("json_stats.wasm"));
            Value wasi = context.getBindings("wasmlang").getMember("Wasi").newInstance();
            Value instance = module.invokeMember("newInstance", ProxyObject.fromMap(Map.of("wasi_snapshot_preview1", wasi)));
            assertEquals(0, wasi.invokeMember("start", instance).asInt());
        }
        assertEquals(JSON_OUT, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badInputEndsWithTheGuestsExitCodeAndTheHostGoesOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("wasmlang").in(new ByteArrayInputStream("[1]".getBytes()))
                        .out(out).err(err).build()) {
            Value module = context.eval(guest("json_stats.wasm"));
            Value wasi = context.getBindings("wasmlang").getMember("Wasi").newInstance();
            Value instance = module.invokeMember("newInstance", ProxyObject.fromMap(Map.of("wasi_snapshot_preview1", wasi)));
            // Calling _start directly: proc_exit surfaces as an exit exception with the code.
            PolyglotException exit = assertThrows(PolyglotException.class,
                            () -> instance.getMember("exports").getMember("_start").execute());
            assertTrue(exit.isExit(), exit::toString);
            assertEquals(2, exit.getExitStatus());
            assertEquals("json_stats: expected an object\n", err.toString(StandardCharsets.UTF_8));
            // The context is still usable: a second instance runs.
            Value again = module.invokeMember("newInstance", ProxyObject.fromMap(Map.of("wasi_snapshot_preview1", wasi)));
            assertEquals(2, wasi.invokeMember("start", again).asInt());
        }
    }

    @Test
    void optionsConfigureWasiWithoutAnImportObject(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Files.writeString(dir.resolve("engines.txt"), "wasm wasm truffle\n");
        Path example = TestPaths.projectRoot().resolve("examples/wordfreq.wasm");
        try (Context context = Context.newBuilder("wasmlang").allowIO(IOAccess.ALL).out(out)
                        .option("wasmlang.Wasi", "true").option("wasmlang.WasiDirs", dir + "::/data")
                        .option("wasmlang.WasiEnv.WORDFREQ_MIN_LENGTH", "5").arguments("wasmlang", new String[]{"/data/engines.txt"})
                        .build()) {
            Value module = context.eval(Source.newBuilder("wasmlang", example.toFile()).build());
            Value instance = module.invokeMember("newInstance");
            PolyglotException e = null;
            try {
                instance.getMember("exports").getMember("_start").execute();
            } catch (PolyglotException exit) {
                e = exit;
            }
            if (e != null) {
                assertTrue(e.isExit(), e::toString);
                assertEquals(0, e.getExitStatus());
            }
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("truffle"), text);
        assertTrue(!text.contains(" wasm"), "WORDFREQ_MIN_LENGTH=5 drops short words: " + text);
    }

    @Test
    void aWasiModuleWithoutWasiConfiguredNamesTheOption() throws IOException {
        try (Context context = Context.create("wasmlang")) {
            Value module = context.eval(guest("json_stats.wasm"));
            PolyglotException e = assertThrows(PolyglotException.class, () -> module.invokeMember("newInstance"));
            assertTrue(e.getMessage().contains("WASI is not configured"), e.getMessage());
            assertTrue(e.getMessage().contains("wasmlang.Wasi"), e.getMessage());
        }
    }

    @Test
    void aMissingPreopenIsAClearError() throws IOException {
        try (Context context = Context.newBuilder("wasmlang").allowIO(IOAccess.ALL).build()) {
            Value module = context.eval(guest("json_stats.wasm"));
            Value wasi = context.getBindings("wasmlang").getMember("Wasi").newInstance(ProxyObject.fromMap(
                            Map.of("dirs", ProxyArray.fromArray("/no/such/dir::/data"))));
            PolyglotException e = assertThrows(PolyglotException.class, () -> module.invokeMember("newInstance",
                            ProxyObject.fromMap(Map.of("wasi_snapshot_preview1", wasi))));
            assertTrue(e.getMessage().contains("/no/such/dir"), e.getMessage());
        }
    }

    @Test
    void withoutIoAccessThePreopenIsRefused(@TempDir Path dir) throws IOException {
        // The embedder's IO policy holds: a context without IO cannot hand out a directory.
        try (Context context = Context.newBuilder("wasmlang").allowIO(IOAccess.NONE).build()) {
            Value module = context.eval(guest("json_stats.wasm"));
            Value wasi = context.getBindings("wasmlang").getMember("Wasi").newInstance(ProxyObject.fromMap(
                            Map.of("dirs", ProxyArray.fromArray(dir + "::/data"))));
            PolyglotException e = assertThrows(PolyglotException.class, () -> module.invokeMember("newInstance",
                            ProxyObject.fromMap(Map.of("wasi_snapshot_preview1", wasi))));
            assertTrue(e.getMessage().contains("cannot open the directory"), e.getMessage());
        }
    }

    @Test
    void wasiCallsWithoutMemoryAreAClearError() {
        // (import "wasi_snapshot_preview1" "sched_yield") is fine without memory; fd_write is not.
        WasmBinary b = new WasmBinary();
        int fdWriteType = b.type(new int[]{WasmBinary.I32, WasmBinary.I32, WasmBinary.I32, WasmBinary.I32},
                        new int[]{WasmBinary.I32});
        int fdWrite = b.importFunction("wasi_snapshot_preview1", "fd_write", fdWriteType);
        int runType = b.type(new int[0], new int[]{WasmBinary.I32});
        // i32.const 1, i32.const 0 (three times), call fd_write
        int run = b.function(runType, new int[0], 0x41, 1, 0x41, 0, 0x41, 0, 0x41, 0, 0x10, fdWrite);
        b.export("run", run);
        byte[] module = b.build();
        try (Context context = Context.newBuilder("wasmlang").option("wasmlang.Wasi", "true").build()) {
            Value instance = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(module), "m.wasm").buildLiteral())
                            .invokeMember("newInstance");
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> instance.getMember("exports").getMember("run").execute());
            assertTrue(e.getMessage().contains("has no memory"), e.getMessage());
        }
    }
}
