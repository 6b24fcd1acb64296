package org.wasmlang.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One program of {@code benchmarks/run real}: a whole WASI command run, as an entry of
 * benchmarks/real/programs.json describes it (a run of a .runs.json, possibly with other
 * args, env, stdin or dirs). Every path is absolute.
 *
 * @param stdin            the file given as stdin, or null for an empty stdin
 * @param expectedExitCode the run's exit code from its .runs.json, or null when the entry
 *                         changed the run and gives none of its own ({@code exit_code})
 * @param expectedStdout   the run's expected stdout from its .runs.json, or null when the entry
 *                         changed the run and names none of its own ({@code stdout}); Node's
 *                         stdout of the same round checks the other engines in any case
 * @param files            guest paths of files the run leaves in its dirs, compared with Node's
 * @param ignoreLines      lines of stdout in which this is found are not compared (timings)
 * @param terminalSymptom  found in the stdout or stderr of an engine whose output differs, it
 *                         means the engine told the program its stdin or stdout is a terminal
 * @param targetSeconds    the wall time WasmLang should stay under, or null
 */
record RealProgram(String name, String about, Path wasm, String argv0, List<String> args, Map<String, String> env, Path stdin,
                List<Dir> dirs, Integer expectedExitCode, Path expectedStdout, List<String> files, Pattern ignoreLines,
                Pattern terminalSymptom, Double targetSeconds) {

    /** A folder to preopen: the host folder (the harness gives each run a fresh copy) and its guest path. */
    record Dir(Path host, String guest) {
    }

    private static final Set<String> ENTRY_KEYS = Set.of("name", "about", "runs", "run", "wasm", "argv0", "args", "env",
                    "stdin", "dirs", "exit_code", "stdout", "files", "ignore_lines_matching", "terminal_symptom", "target_seconds");

    /** Fields that make a different run than the .runs.json's, whose expected outputs then no longer apply. */
    private static final List<String> RUN_CHANGING_KEYS = List.of("wasm", "args", "env", "stdin", "dirs");

    /**
     * Reads programs.json (its format: benchmarks/real/README.md); stdin files the entries
     * ask the harness to make (the 3 MiB bzip2 input) are written into {@code generated}.
     */
    @SuppressWarnings("unchecked")
    static List<RealProgram> load(Path programsFile, Path generated) throws IOException {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(programsFile));
        Path folder = programsFile.toAbsolutePath().getParent();
        List<RealProgram> programs = new ArrayList<>();
        for (Object item : (List<Object>) root.get("programs")) {
            Map<String, Object> entry = (Map<String, Object>) item;
            String name = (String) entry.get("name");
            try {
                programs.add(fromEntry(entry, folder, generated));
            } catch (RuntimeException | IOException e) {
                throw new IOException(programsFile + ": program " + name + ": " + e.getMessage(), e);
            }
        }
        return programs;
    }

    @SuppressWarnings("unchecked")
    private static RealProgram fromEntry(Map<String, Object> entry, Path folder, Path generated) throws IOException {
        for (String key : entry.keySet()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key " + key);
            }
        }
        String name = (String) entry.get("name");
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("needs a name of letters, digits, '.', '_' and '-'");
        }
        // The run from the .runs.json, each path made absolute against that file's folder.
        Map<String, Object> run = new LinkedHashMap<>();
        Path runFolder = folder;
        Map<String, Object> description = Map.of();
        if (entry.containsKey("runs")) {
            Path runsFile = folder.resolve((String) entry.get("runs")).normalize();
            description = (Map<String, Object>) Json.parse(Files.readString(runsFile));
            runFolder = runsFile.getParent();
            List<Object> runs = (List<Object>) description.get("runs");
            int index = ((Number) entry.get("run")).intValue();
            if (index < 0 || index >= runs.size()) {
                throw new IllegalArgumentException(runsFile + " has no run " + index);
            }
            run.putAll((Map<String, Object>) runs.get(index));
        }
        Path wasm = path(runFolder, (String) description.get("wasm"));
        String argv0 = (String) description.get("argv0");
        Path stdin = path(runFolder, (String) run.get("stdin"));
        List<Dir> dirs = dirs(runFolder, (List<Object>) run.get("dirs"), generated, name);
        Integer exitCode = run.get("exit_code") == null ? null : ((Number) run.get("exit_code")).intValue();
        Path expectedStdout = path(runFolder, (String) run.get("stdout"));
        boolean changed = RUN_CHANGING_KEYS.stream().anyMatch(entry::containsKey);
        if (changed) {
            exitCode = null;
            expectedStdout = null;
        }
        if (entry.containsKey("exit_code")) {
            exitCode = ((Number) entry.get("exit_code")).intValue();
        }
        if (entry.containsKey("stdout")) {
            expectedStdout = path(folder, (String) entry.get("stdout"));
        }
        List<String> args = strings((List<Object>) entry.getOrDefault("args", run.getOrDefault("args", List.of())));
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) entry.getOrDefault("env", run.getOrDefault("env", Map.of())))
                        .forEach((key, value) -> env.put(key, (String) value));
        if (entry.containsKey("wasm")) {
            wasm = path(folder, (String) entry.get("wasm"));
        }
        if (entry.containsKey("argv0")) {
            argv0 = (String) entry.get("argv0");
        }
        if (entry.containsKey("dirs")) {
            dirs = dirs(folder, (List<Object>) entry.get("dirs"), generated, name);
        }
        if (entry.containsKey("stdin") && entry.get("stdin") == null) {
            stdin = null;
        } else if (entry.get("stdin") instanceof String file) {
            stdin = path(folder, file);
        } else if (entry.get("stdin") instanceof Map<?, ?> recipe) {
            stdin = make((Map<String, Object>) recipe, folder, generated.resolve(name + ".stdin"));
        }
        List<String> files = strings((List<Object>) entry.getOrDefault("files", List.of()));
        for (String file : files) {
            if (dirs.stream().noneMatch(dir -> file.startsWith(dir.guest() + "/"))) {
                throw new IllegalArgumentException("the file " + file + " is in none of the run's dirs");
            }
        }
        if (wasm == null || !Files.isRegularFile(wasm)) {
            throw new IllegalArgumentException("no module " + wasm);
        }
        String ignore = (String) entry.getOrDefault("ignore_lines_matching", run.get("ignore_lines_matching"));
        String symptom = (String) entry.get("terminal_symptom");
        Double target = entry.get("target_seconds") == null ? null : ((Number) entry.get("target_seconds")).doubleValue();
        return new RealProgram(name, (String) entry.getOrDefault("about", ""), wasm, argv0 == null ? wasm.getFileName().toString() : argv0,
                        args, env, stdin, dirs, exitCode, expectedStdout, files, ignore == null ? null : Pattern.compile(ignore),
                        symptom == null ? null : Pattern.compile(symptom, Pattern.MULTILINE), target);
    }

    private static Path path(Path folder, String relative) {
        return relative == null ? null : folder.resolve(relative).toAbsolutePath().normalize();
    }

    /**
     * The run's dirs. A host given as an object is a folder the harness makes with one file in
     * it: {@code {"file": NAME, "repeat": FILE, "min_bytes": N}}.
     */
    @SuppressWarnings("unchecked")
    private static List<Dir> dirs(Path folder, List<Object> dirs, Path generated, String program) throws IOException {
        List<Dir> result = new ArrayList<>();
        for (Object item : dirs == null ? List.of() : dirs) {
            Map<String, Object> dir = (Map<String, Object>) item;
            Path host;
            if (dir.get("host") instanceof Map<?, ?> recipe) {
                String file = (String) recipe.get("file");
                if (file == null || file.contains("/")) {
                    throw new IllegalArgumentException("a made folder needs a file name (\"file\")");
                }
                host = generated.resolve(program + ".dir" + result.size());
                make((Map<String, Object>) recipe, folder, host.resolve(file));
            } else {
                host = path(folder, (String) dir.get("host"));
            }
            result.add(new Dir(host, (String) dir.get("guest")));
        }
        return List.copyOf(result);
    }

    /** A file the harness makes: {@code {"repeat": FILE, "min_bytes": N}}. */
    private static Path make(Map<String, Object> recipe, Path folder, Path target) throws IOException {
        if (!(recipe.get("repeat") instanceof String source) || !(recipe.get("min_bytes") instanceof Number minBytes)) {
            throw new IllegalArgumentException("a made file needs \"repeat\" (a file) and \"min_bytes\"");
        }
        return repeatUntil(path(folder, source), minBytes.longValue(), target);
    }

    private static List<String> strings(List<Object> values) {
        return values.stream().map(value -> (String) value).toList();
    }

    /**
     * Writes {@code source} again and again into {@code target} until it holds at least
     * {@code minBytes}: a large input that is the same on every machine, not committed.
     */
    private static Path repeatUntil(Path source, long minBytes, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        if (bytes.length == 0) {
            throw new IOException(source + " is empty");
        }
        long copies = (minBytes + bytes.length - 1) / bytes.length;
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            for (long i = 0; i < copies; i++) {
                out.write(bytes);
            }
        }
        return target;
    }

    /** The module's size, for the report. */
    long wasmBytes() {
        try {
            return Files.size(wasm);
        } catch (IOException e) {
            return -1;
        }
    }
}
