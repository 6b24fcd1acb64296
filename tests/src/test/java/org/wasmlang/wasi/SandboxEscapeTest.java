package org.wasmlang.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.testing.TestPaths;

/**
 * A guest (tests/src/test/resources/wasi/escape.c, raw WASI calls) tries every way out of
 * its preopen: "..", absolute paths, links the host planted pointing outside, links it
 * makes itself, renames, hard links, creation and deletion outside. Each attempt must fail
 * and nothing outside may be read or changed; a positive control proves the guest runs.
 */
class SandboxEscapeTest {
    private static final int PERM = 63;
    private static final int LOOP = 32;

    @TempDir
    Path outside;

    private Map<String, String> runEscapeGuest(Path box, boolean readOnly) throws IOException {
        byte[] wasm = Files.readAllBytes(TestPaths.projectRoot().resolve("tests/src/test/resources/wasi/escape.wasm"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("wasmlang").allowIO(IOAccess.ALL).in(InputStream.nullInputStream())
                        .out(out).err(out).build()) {
            Value module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(wasm), "escape.wasm").build());
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("args", ProxyArray.fromArray("escape.wasm"));
            options.put("dirs", ProxyArray.fromArray(box + "::/box" + (readOnly ? ":ro" : "")));
            Value wasi = context.getBindings("wasmlang").getMember("Wasi").newInstance(ProxyObject.fromMap(options));
            Value instance = module.invokeMember("newInstance", ProxyObject.fromMap(Map.of("wasi_snapshot_preview1", wasi)));
            assertEquals(0, wasi.invokeMember("start", instance).asInt(), out.toString(StandardCharsets.UTF_8));
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                results.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return results;
    }

    private Path prepare() throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "SECRET");
        Files.createDirectory(outside.resolve("outside-dir"));
        Path box = Files.createDirectories(outside.resolve("box"));
        Files.createDirectory(box.resolve("sub"));
        Files.writeString(box.resolve("inside.txt"), "hello");
        Files.createSymbolicLink(box.resolve("out-link"), outside);
        Files.createSymbolicLink(box.resolve("rel-link"), Path.of("../secret.txt"));
        Files.setLastModifiedTime(outside.resolve("secret.txt"), FileTime.fromMillis(1_000_000_000L));
        return box;
    }

    @Test
    void noPathLeavesThePreopen() throws IOException {
        Path box = prepare();
        Map<String, String> r = runEscapeGuest(box, false);

        assertEquals("0 read:hello", r.get("inside"), "positive control: the guest reads inside its preopen");
        assertEquals("0", r.get("open-sub"));
        for (String attempt : List.of("dotdot", "absolute", "nested-dotdot", "host-absolute-link", "host-relative-link",
                        "sub-dotdot", "guest-link-follow", "guest-absolute-symlink", "create-outside",
                        "create-through-link", "truncate-outside", "mkdir-outside", "unlink-outside", "rename-out",
                        "rename-in", "hardlink-in", "hardlink-through-link", "stat-outside", "stat-through-link",
                        "times-through-link", "rmdir-outside")) {
            assertEquals(String.valueOf(PERM), r.get(attempt), attempt + " must be refused with PERM");
        }
        // Not following the last link opens nothing (O_NOFOLLOW), and a loop ends in LOOP.
        assertEquals(String.valueOf(LOOP), r.get("host-relative-link-nofollow"));
        assertEquals(String.valueOf(LOOP), r.get("follow-loop"));
        // A relative link may be made (it points nowhere the guest can follow).
        assertEquals("0", r.get("guest-relative-symlink"));

        assertEquals("SECRET", Files.readString(outside.resolve("secret.txt")), "the secret is unchanged");
        assertEquals(1_000_000_000L, Files.getLastModifiedTime(outside.resolve("secret.txt")).toMillis());
        assertTrue(Files.isDirectory(outside.resolve("outside-dir")));
        for (String made : List.of("created.txt", "made-dir", "moved.txt")) {
            assertFalse(Files.exists(outside.resolve(made)), made + " must not appear outside the preopen");
        }
        assertFalse(Files.exists(box.resolve("stolen.txt")));
        assertFalse(Files.exists(box.resolve("hard.txt")));
        assertFalse(Files.exists(box.resolve("hard2.txt")));
        assertTrue(Files.exists(box.resolve("inside.txt")));
    }

    @Test
    void readOnlyPreopenRefusesChanges() throws IOException {
        Path box = prepare();
        Map<String, String> r = runEscapeGuest(box, true);
        assertEquals("0 read:hello", r.get("inside"));
        // Making a link changes the directory: refused although it would stay inside.
        assertNotEquals("0", r.get("guest-relative-symlink"));
        assertNotEquals("0", r.get("symlink-loop"));
        assertFalse(Files.exists(box.resolve("my-link")));
        assertEquals("SECRET", Files.readString(outside.resolve("secret.txt")));
    }
}
