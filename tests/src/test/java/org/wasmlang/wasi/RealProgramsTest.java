package org.wasmlang.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmlang.launcher.WasmLangMain;
import org.wasmlang.testing.Json;
import org.wasmlang.testing.TestPaths;

/**
 * Real WASI programs (SQLite's shell and speedtest1, Lua, bzip2, xxhsum and simdkit with
 * SIMD, and the README's example) run through {@code wasmlang run}; stdout, stderr, exit code
 * and the files they leave must equal what Node 24's node:wasi produced
 * (tests/real-programs/refresh-expected.sh).
 */
class RealProgramsTest {
    @TestFactory
    Stream<DynamicTest> realPrograms() throws IOException {
        Path root = TestPaths.projectRoot();
        List<Path> descriptions = new ArrayList<>();
        descriptions.add(root.resolve("examples/wordfreq.runs.json"));
        try (Stream<Path> files = Files.list(root.resolve("tests/real-programs"))) {
            files.filter(p -> p.toString().endsWith(".runs.json")).sorted().forEach(descriptions::add);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path description : descriptions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) Json.parse(Files.readString(description));
            Path folder = description.getParent();
            Path wasm = folder.resolve((String) spec.get("wasm"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> runs = (List<Map<String, Object>>) spec.get("runs");
            for (int k = 0; k < runs.size(); k++) {
                Map<String, Object> run = runs.get(k);
                String name = wasm.getFileName() + " #" + k + ": " + run.get("name");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Assumptions.assumeTrue(Files.exists(wasm), "skipped: " + wasm + " is not built");
                    runOne(folder, wasm, (String) spec.get("argv0"), run);
                }));
            }
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void runOne(Path folder, Path wasm, String argv0, Map<String, Object> run) throws IOException {
        List<Path> temporary = new ArrayList<>();
        try {
            List<String> command = new ArrayList<>(List.of("run", "--argv0", argv0));
            List<String[]> guestToHost = new ArrayList<>();
            for (Map<String, Object> dir : (List<Map<String, Object>>) run.getOrDefault("dirs", List.of())) {
                Path copy = Files.createTempDirectory("real-program");
                temporary.add(copy);
                copyTree(folder.resolve((String) dir.get("host")), copy);
                command.add("--dir");
                command.add(copy + "::" + dir.get("guest"));
                guestToHost.add(new String[]{(String) dir.get("guest"), copy.toString()});
            }
            ((Map<String, Object>) run.getOrDefault("env", Map.of())).forEach((k, v) -> {
                command.add("--env");
                command.add(k + "=" + v);
            });
            command.add(wasm.toString());
            for (Object a : (List<Object>) run.getOrDefault("args", List.of())) {
                command.add((String) a);
            }
            InputStream stdin = run.get("stdin") == null ? InputStream.nullInputStream()
                            : new ByteArrayInputStream(Files.readAllBytes(folder.resolve((String) run.get("stdin"))));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = WasmLangMain.run(command.toArray(String[]::new), stdin, new PrintStream(out, true),
                            new PrintStream(err, true));
            String errText = err.toString(StandardCharsets.UTF_8);
            assertEquals(((Number) run.get("exit_code")).intValue(), status, () -> "exit code; stderr:\n" + errText);
            Pattern ignore = run.get("ignore_lines_matching") == null ? null
                            : Pattern.compile((String) run.get("ignore_lines_matching"));
            compare(folder.resolve((String) run.get("stdout")), out.toByteArray(), ignore, "stdout");
            if (run.get("stderr") != null) {
                compare(folder.resolve((String) run.get("stderr")), err.toByteArray(), ignore, "stderr");
            }
            for (Map<String, Object> file : (List<Map<String, Object>>) run.getOrDefault("files", List.of())) {
                Path actual = hostPath((String) file.get("guest"), guestToHost);
                assertArrayEquals(Files.readAllBytes(folder.resolve((String) file.get("expected"))),
                                Files.readAllBytes(actual), "file " + file.get("guest"));
            }
        } finally {
            for (Path t : temporary) {
                WasiTestSuiteTest.deleteTree(t);
            }
        }
    }

    private static void compare(Path expectedFile, byte[] actual, Pattern ignore, String what) throws IOException {
        byte[] expected = Files.readAllBytes(expectedFile);
        if (ignore == null) {
            assertArrayEquals(expected, actual, what + " differs from " + expectedFile.getFileName() + ":\n"
                            + new String(actual, StandardCharsets.UTF_8));
            return;
        }
        assertEquals(kept(new String(expected, StandardCharsets.UTF_8), ignore),
                        kept(new String(actual, StandardCharsets.UTF_8), ignore), what);
    }

    private static String kept(String text, Pattern ignore) {
        return Stream.of(text.split("\n", -1)).filter(line -> !ignore.matcher(line).find())
                        .collect(Collectors.joining("\n"));
    }

    private static Path hostPath(String guest, List<String[]> guestToHost) {
        for (String[] mapping : guestToHost) {
            String prefix = mapping[0].endsWith("/") ? mapping[0] : mapping[0] + "/";
            if (guest.startsWith(prefix)) {
                return Path.of(mapping[1]).resolve(guest.substring(prefix.length()));
            }
        }
        throw new IllegalArgumentException("no preopen holds " + guest);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path p : tree.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
