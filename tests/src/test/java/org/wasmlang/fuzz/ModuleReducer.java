package org.wasmlang.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shrinks a module on which WasmLang and V8 disagree, keeping it disagreeing
 * (docs/reliability.md, "Running it"). binaryen's {@code wasm-reduce} would do this, but the
 * npm build cannot run a command (Emscripten has no {@code popen}: it fails with "null
 * function" as it starts the first one), and the machine's native binaryen 108 cannot read
 * what binaryen 132 writes (try_table, multi-memory). So this does a smaller version of the
 * same: it drops exports and replaces function bodies with {@code unreachable}, halving the
 * chunks it tries as delta debugging does, and runs binaryen 132's {@code wasm-opt} passes
 * that remove what nothing reaches and simplify what is left; a step is kept when the
 * result still disagrees, which is asked of V8 (one Node run) and WasmLang (in this JVM).
 * A candidate that either engine rejects does not count as disagreeing.
 */
final class ModuleReducer {
    private static final List<List<String>> PASSES = List.of(List.of("--remove-unused-module-elements"), List.of("-Oz"),
                    List.of("--dce", "--vacuum", "--remove-unused-module-elements"), List.of("-O1"),
                    List.of("--simplify-locals", "--merge-blocks", "--remove-unused-names", "--vacuum"), List.of("--flatten",
                                    "--simplify-locals-notee-nostructure", "--vacuum"),
                    List.of("--coalesce-locals", "--reorder-locals", "--remove-unused-brs", "--vacuum"));

    /** What a candidate must still do to be kept. */
    interface Oracle {
        boolean holds(byte[] candidate) throws IOException, InterruptedException;
    }

    private final Oracle oracle;
    /** binaryen, for the wasm-opt passes; null to skip them. */
    private final FuzzTools tools;
    private final List<String> features;
    private final Path dir;
    private final long deadline;
    private int candidates;

    private ModuleReducer(Oracle oracle, FuzzTools tools, List<String> features, Path dir, long deadline) {
        this.oracle = oracle;
        this.tools = tools;
        this.features = features;
        this.dir = dir;
        this.deadline = deadline;
    }

    record Reduced(byte[] module, int candidates) {
    }

    /**
     * The smallest disagreeing module found from {@code module} within {@code seconds};
     * {@code features} are the wasm-opt feature flags of its profile.
     */
    static Reduced reduce(byte[] module, FuzzTools tools, WasmLangRunner runner, List<String> features, Path work, int seconds)
                    throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "reduce");
        try {
            return reduce(module, candidate -> disagrees(candidate, tools, runner, dir), tools, features, dir, seconds);
        } finally {
            DifferentialFuzzTest.deleteTree(dir);
        }
    }

    /**
     * The smallest module found from {@code module} within {@code seconds} for which the oracle
     * still holds, working in {@code dir}; without {@code tools}, no wasm-opt passes.
     */
    static Reduced reduce(byte[] module, Oracle oracle, FuzzTools tools, List<String> features, Path dir, int seconds)
                    throws IOException, InterruptedException {
        ModuleReducer reducer = new ModuleReducer(oracle, tools, features, dir, System.nanoTime() + seconds * 1_000_000_000L);
        byte[] best = module;
        if (!reducer.holds(best)) {
            // Not reproducible on its own (e.g. it needed the state of a long-running JVM).
            return new Reduced(module, reducer.candidates);
        }
        for (int round = 0; round < 4 && !reducer.late(); round++) {
            int before = best.length;
            best = reducer.dropExports(best);
            best = reducer.passes(best);
            best = reducer.stubFunctions(best);
            best = reducer.passes(best);
            if (best.length >= before) {
                break;
            }
        }
        return new Reduced(best, reducer.candidates);
    }

    private boolean late() {
        return System.nanoTime() > deadline;
    }

    private boolean holds(byte[] candidate) throws IOException, InterruptedException {
        candidates++;
        return oracle.holds(candidate);
    }

    /** Whether V8 and WasmLang both run the module and disagree. */
    private static boolean disagrees(byte[] candidate, FuzzTools tools, WasmLangRunner runner, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("candidate.wasm");
        Files.write(file, candidate);
        tools.runInV8(dir);
        List<String> v8 = FuzzTools.v8Events(file);
        if (v8.contains("invalid")) {
            return false;
        }
        List<String> ours = runner.run(candidate, 10_000);
        if (ours.contains("invalid") || ours.stream().anyMatch(e -> e.startsWith("crash"))) {
            return false;
        }
        return EventComparison.compare(v8, ours).verdict() == EventComparison.Verdict.DISAGREE;
    }

    /** Each wasm-opt pass list, kept when it makes the module smaller and it still disagrees. */
    private byte[] passes(byte[] module) throws IOException, InterruptedException {
        byte[] best = module;
        for (List<String> passes : tools == null ? List.<List<String>> of() : PASSES) {
            if (late()) {
                break;
            }
            Path in = dir.resolve("in.wasm");
            Path out = dir.resolve("out.wasm");
            Files.write(in, best);
            List<String> flags = new ArrayList<>(passes);
            flags.addAll(features);
            try {
                tools.optimize(in, flags, out);
            } catch (IOException e) {
                continue; // a pass binaryen cannot apply to this module
            }
            byte[] candidate = Files.readAllBytes(out);
            Files.delete(in);
            Files.delete(out);
            if (candidate.length < best.length && holds(candidate)) {
                best = candidate;
            }
        }
        return best;
    }

    private byte[] dropExports(byte[] module) throws IOException, InterruptedException {
        Sections sections = Sections.parse(module);
        int id = sections.index(7);
        if (id < 0) {
            return module;
        }
        List<byte[]> exports = entries(sections.payloads.get(id), true);
        Candidate exported = keep -> {
            List<byte[]> chosen = new ArrayList<>();
            keep.forEach(i -> chosen.add(exports.get(i)));
            return sections.with(id, vector(chosen)).bytes();
        };
        return exported.build(minimize(exports.size(), exported));
    }

    private static final byte[] UNREACHABLE_BODY = {3, 0, 0x00, 0x0b}; // size 3: no locals, unreachable, end

    private byte[] stubFunctions(byte[] module) throws IOException, InterruptedException {
        Sections sections = Sections.parse(module);
        int id = sections.index(10);
        if (id < 0) {
            return module;
        }
        List<byte[]> bodies = entries(sections.payloads.get(id), false);
        Candidate stubbed = keep -> {
            List<byte[]> chosen = new ArrayList<>();
            Set<Integer> kept = new TreeSet<>(keep);
            for (int i = 0; i < bodies.size(); i++) {
                chosen.add(kept.contains(i) ? bodies.get(i) : UNREACHABLE_BODY);
            }
            return sections.with(id, vector(chosen)).bytes();
        };
        return stubbed.build(minimize(bodies.size(), stubbed));
    }

    interface Candidate {
        byte[] build(List<Integer> keep) throws IOException;
    }

    /**
     * Delta debugging's halving: the items (0..n-1) still needed for the module to disagree,
     * found by leaving out chunks of n/2, n/4, ..., 1 items.
     */
    private List<Integer> minimize(int n, Candidate candidate) throws IOException, InterruptedException {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keep.add(i);
        }
        for (int chunk = Math.max(1, n / 2); chunk >= 1 && !late(); chunk /= 2) {
            for (int start = 0; start < keep.size() && !late();) {
                List<Integer> without = new ArrayList<>(keep.subList(0, start));
                without.addAll(keep.subList(Math.min(keep.size(), start + chunk), keep.size()));
                if (holds(candidate.build(without))) {
                    keep = without;
                } else {
                    start += chunk;
                }
            }
        }
        return keep;
    }

    // ---------------------------------------------------------------- binary surgery

    /** The entries of an export section (name, kind, index) or a code section (size and body), each as its bytes. */
    private static List<byte[]> entries(byte[] payload, boolean exports) {
        int[] at = {0};
        int count = (int) uleb(payload, at);
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = at[0];
            if (exports) {
                int nameLength = (int) uleb(payload, at);
                at[0] += nameLength + 1; // name, kind
                uleb(payload, at); // index
            } else {
                int size = (int) uleb(payload, at);
                at[0] += size;
            }
            entries.add(java.util.Arrays.copyOfRange(payload, start, at[0]));
        }
        return entries;
    }

    private static byte[] vector(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmWriter.writeU32(out, entries.size());
        entries.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static long uleb(byte[] bytes, int[] at) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[at[0]++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    /** A module as its sections, in order (the 8-byte header aside). */
    private record Sections(byte[] header, List<Integer> ids, List<byte[]> payloads) {
        static Sections parse(byte[] module) {
            List<Integer> ids = new ArrayList<>();
            List<byte[]> payloads = new ArrayList<>();
            int[] at = {8};
            while (at[0] < module.length) {
                int id = module[at[0]++] & 0xff;
                int size = (int) uleb(module, at);
                ids.add(id);
                payloads.add(java.util.Arrays.copyOfRange(module, at[0], at[0] + size));
                at[0] += size;
            }
            return new Sections(java.util.Arrays.copyOf(module, 8), ids, payloads);
        }

        int index(int id) {
            return ids.indexOf(id);
        }

        Sections with(int index, byte[] payload) {
            List<byte[]> changed = new ArrayList<>(payloads);
            changed.set(index, payload);
            return new Sections(header, ids, changed);
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(header);
            for (int i = 0; i < ids.size(); i++) {
                out.write(ids.get(i));
                WasmWriter.writeU32(out, payloads.get(i).length);
                out.writeBytes(payloads.get(i));
            }
            return out.toByteArray();
        }
    }
}
