package org.wasmlang.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmlang.launcher.WasmLangMain;
import org.wasmlang.testing.Json;
import org.wasmlang.testing.TestPaths;

/**
 * The official WASI test suite's 72 preview1 programs (../shared/testsuite/wasi-preview1),
 * each run twice: through {@code wasmlang run} in-process and through the embedding API.
 * Exit code and, where the expectation gives one, stdout must match. Programs that get a
 * {@code root} run on a fresh copy of it, preopened as the guest's "/".
 */
class WasiTestSuiteTest {
    private static final String[] SUITES = {"assemblyscript", "c", "rust"};

    record Expectation(Path wasm, List<String> args, Map<String, String> env, Path root, int exitCode, String stdout) {
        String name() {
            return wasm.getParent().getFileName() + "/" + wasm.getFileName();
        }
    }

    static List<Expectation> programs() throws IOException {
        Path suite = TestPaths.requireShared("testsuite/wasi-preview1");
        List<Expectation> all = new ArrayList<>();
        for (String folder : SUITES) {
            try (Stream<Path> files = Files.list(suite.resolve(folder))) {
                for (Path wasm : files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList()) {
                    all.add(expectation(wasm));
                }
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Expectation expectation(Path wasm) throws IOException {
        Path json = wasm.resolveSibling(wasm.getFileName().toString().replaceFirst("\\.wasm$", ".json"));
        Map<String, Object> spec = Files.exists(json) ? (Map<String, Object>) Json.parse(Files.readString(json)) : Map.of();
        List<String> args = new ArrayList<>();
        for (Object a : (List<Object>) spec.getOrDefault("args", List.of())) {
            args.add((String) a);
        }
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) spec.getOrDefault("env", Map.of())).forEach((k, v) -> env.put(k, (String) v));
        Path root = spec.containsKey("root") ? wasm.resolveSibling((String) spec.get("root")) : null;
        int exitCode = ((Number) spec.getOrDefault("exit_code", 0L)).intValue();
        return new Expectation(wasm, args, env, root, exitCode, (String) spec.get("stdout"));
    }

    @TestFactory
    Stream<DynamicTest> throughTheLauncher() throws IOException {
        return programs().stream().map(e -> DynamicTest.dynamicTest("wasmlang run " + e.name(), () -> {
            Path root = copyRoot(e);
            List<String> command = new ArrayList<>(List.of("run"));
            if (root != null) {
                command.add("--dir");
                command.add(root + "::/");
            }
            e.env.forEach((k, v) -> {
                command.add("--env");
                command.add(k + "=" + v);
            });
            command.add(e.wasm.toString());
            command.addAll(e.args);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = WasmLangMain.run(command.toArray(String[]::new), InputStream.nullInputStream(),
                            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            check(e, status, out, err);
            deleteTree(root);
        }));
    }

    @TestFactory
    Stream<DynamicTest> throughTheEmbeddingApi() throws IOException {
        return programs().stream().map(e -> DynamicTest.dynamicTest("embedded " + e.name(), () -> {
            Path root = copyRoot(e);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (Context context = Context.newBuilder("wasmlang").allowIO(IOAccess.ALL).in(InputStream.nullInputStream())
                            .out(out).err(err).build()) {
                Value module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(Files.readAllBytes(e.wasm)),
                                e.wasm.getFileName().toString()).build());
                List<Object> argv = new ArrayList<>();
                argv.add(e.wasm.getFileName().toString());
                argv.addAll(e.args);
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("args", ProxyArray.fromList(argv));
                options.put("env", ProxyObject.fromMap(new LinkedHashMap<>(e.env)));
                if (root != null) {
                    options.put("preopens", ProxyObject.fromMap(Map.of("/", root.toString())));
                }
                Value wasi = context.getBindings("wasmlang").getMember("Wasi").newInstance(ProxyObject.fromMap(options));
                Value instance = module.invokeMember("newInstance",
                                ProxyObject.fromMap(Map.of("wasi_snapshot_preview1", wasi)));
                int status = wasi.invokeMember("start", instance).asInt();
                check(e, status, out, err);
            }
            deleteTree(root);
        }));
    }

    private static void check(Expectation e, int status, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(e.exitCode, status, () -> e.name() + " exit code; stdout:\n" + stdout + "\nstderr:\n"
                        + err.toString(StandardCharsets.UTF_8));
        if (e.stdout != null) {
            assertEquals(e.stdout, stdout, e.name() + " stdout");
        }
    }

    private static Path copyRoot(Expectation e) throws IOException {
        if (e.root == null) {
            return null;
        }
        Path copy = Files.createTempDirectory("wasi-root");
        try (Stream<Path> tree = Files.walk(e.root)) {
            for (Path p : tree.toList()) {
                Path target = copy.resolve(e.root.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
                // The shared data is read-only; the guest must be able to change its copy.
                target.toFile().setWritable(true);
            }
        }
        return copy;
    }

    static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
