package org.wasmlang.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmlang.testing.TestPaths;

/**
 * Differential fuzzing against V8 (docs/reliability.md). CI runs a fixed-seed batch; the
 * system properties below make it a campaign ({@code tools/fuzz/campaign} sets them):
 * {@code wasmlang.fuzz.seed}, {@code wasmlang.fuzz.modules} (per profile),
 * {@code wasmlang.fuzz.arithmetic} (arithmetic-dense modules), {@code wasmlang.fuzz.mutants}.
 * Modules that disagree are kept under tests/target/fuzz-failures with both event lists.
 */
class DifferentialFuzzTest {
    private static final long SEED = Long.getLong("wasmlang.fuzz.seed", 17);
    private static final int MODULES = Integer.getInteger("wasmlang.fuzz.modules", 60);
    private static final int ARITHMETIC = Integer.getInteger("wasmlang.fuzz.arithmetic", 40);
    private static final int COMPILED = Integer.getInteger("wasmlang.fuzz.compiled", 6);
    private static final int MUTANTS = Integer.getInteger("wasmlang.fuzz.mutants", 3000);
    /** Valid mutants run in WasmLang: every one in CI, every n-th in a long campaign (each costs a context). */
    private static final int RUN_EVERY = Integer.getInteger("wasmlang.fuzz.runEveryValidMutant", 1);
    /** Disagreeing modules reduced per run (0: none), and the seconds each reduction may take. */
    private static final int REDUCE = Integer.getInteger("wasmlang.fuzz.reduce", 3);
    private static final int REDUCE_SECONDS = Integer.getInteger("wasmlang.fuzz.reduceSeconds", 300);
    private static int reduced;
    /** Modules made and compared at a time: bounds the disk a campaign uses. */
    private static final int CHUNK = 250;

    private static FuzzTools tools;
    private static WasmLangRunner runner;
    private static Path work;
    /** Relaxed SIMD instructions this machine's V8 answers otherwise than WasmLang (none on most x86-64). */
    private static Set<String> relaxedLeftOut;

    @BeforeAll
    static void setUp() throws Exception {
        // A campaign may ask for one of the surefire executions only (tools/fuzz/campaign).
        String mode = System.getProperty("wasmlang.fuzz.simdMode");
        Assumptions.assumeTrue(mode == null || mode.equals(System.getProperty("wasmlang.test.simdMode")),
                        "skipped: this campaign runs in SIMD mode " + mode);
        // -Dtest=DifferentialFuzzTest reaches the small-heap execution too, whose 192 MB are
        // meant for SmallHeapTest: a campaign there ended in the JVM running out of heap.
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() >= 512L << 20,
                        "skipped: the small-heap execution is for SmallHeapTest");
        try {
            tools = FuzzTools.install();
        } catch (IOException e) {
            // CI must fuzz; a developer's offline clone may skip, saying why.
            Assumptions.assumeTrue("true".equals(System.getenv("CI")), "skipped: the fuzzing tools are unavailable: " + e.getMessage());
            throw e;
        }
        runner = new WasmLangRunner(Files.readAllBytes(tools.loggerModule()), false);
        work = Files.createTempDirectory("wasmlang-fuzz");
        relaxedLeftOut = tools.relaxedSimdDisagreements();
        if (!relaxedLeftOut.isEmpty()) {
            System.out.println("DifferentialFuzzTest: this machine's V8 answers these relaxed SIMD instructions otherwise than"
                            + " WasmLang (a CPU without FMA3, AVX-VNNI or AVX?), so the arithmetic modules leave them out: " + relaxedLeftOut);
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (runner != null) {
            runner.close();
        }
        if (work != null) {
            deleteTree(work);
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzProfile.class)
    void translateToFuzzModulesAgreeWithV8(FuzzProfile profile) throws Exception {
        Assumptions.assumeTrue(MODULES > 0, "skipped: no -ttf modules asked for");
        Tally tally = new Tally("ttf " + profile, profile);
        for (int start = 0; start < MODULES; start += CHUNK) {
            int count = Math.min(CHUNK, MODULES - start);
            Path dir = work.resolve(profile + "-" + start);
            tools.generate(profile, SEED * 1_000_003 + start, count, dir);
            tools.runInV8(dir);
            compareAll(dir, tally);
            deleteTree(dir);
        }
        tally.report();
    }

    /** -ttf modules with every function compiled before it runs: the JIT's control flow, liveness and exception paths. */
    @Test
    void translateToFuzzModulesAgreeWithV8WhenCompiled() throws Exception {
        Assumptions.assumeTrue(COMPILED > 0, "skipped: no compiled -ttf modules asked for");
        Tally tally = new Tally("ttf compiled " + FuzzProfile.WASM_3_0, FuzzProfile.WASM_3_0);
        try (WasmLangRunner compiled = new WasmLangRunner(Files.readAllBytes(tools.loggerModule()), true)) {
            for (int start = 0; start < COMPILED; start += CHUNK) {
                int count = Math.min(CHUNK, COMPILED - start);
                Path dir = work.resolve("compiled-" + start);
                tools.generate(FuzzProfile.WASM_3_0, SEED * 5_000_011 + start, count, dir);
                tools.runInV8(dir);
                compareAll(dir, tally, compiled);
                deleteTree(dir);
            }
        }
        tally.report();
    }

    @Test
    void arithmeticDenseModulesAgreeWithV8() throws Exception {
        Assumptions.assumeTrue(ARITHMETIC > 0, "skipped: no arithmetic modules asked for");
        Tally tally = new Tally("arithmetic", null);
        for (int start = 0; start < ARITHMETIC; start += CHUNK) {
            int count = Math.min(CHUNK, ARITHMETIC - start);
            Path dir = work.resolve("arithmetic-" + start);
            Files.createDirectories(dir);
            for (int i = start; i < start + count; i++) {
                Files.write(dir.resolve(String.format("%05d.wasm", i)), ArithmeticModules.generate(SEED, i, relaxedLeftOut));
            }
            tools.runInV8(dir);
            compareAll(dir, tally);
            deleteTree(dir);
        }
        tally.report();
    }

    /**
     * Mutants of -ttf modules (all profiles' features) and arithmetic modules: each is
     * rejected as malformed or invalid, or it validates and then instantiates and runs with
     * only Wasm outcomes (a trap, an exception, a time limit); never a host crash. Whether it
     * is valid must be V8's answer too ({@code WebAssembly.validate}), except for a module
     * that WasmLang rejects for a feature it does not run (GC, threads), which V8 runs.
     */
    @Test
    void mutatedModulesAreRejectedOrRunCleanly() throws Exception {
        Assumptions.assumeTrue(MUTANTS > 0, "skipped: no mutants asked for");
        int perModule = 200;
        int bases = Math.max(1, MUTANTS / perModule);
        int mutants = 0;
        int valid = 0;
        List<String> crashes = new ArrayList<>();
        Validity validity = new Validity();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int start = 0; start < bases; start += CHUNK) {
            int count = Math.min(CHUNK, bases - start);
            Path dir = work.resolve("mutation-" + start);
            tools.generate(FuzzProfile.values()[FuzzProfile.values().length - 1], SEED * 7_000_003 + start, count, dir);
            List<byte[]> originals = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path module : files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList()) {
                    originals.add(Files.readAllBytes(module));
                }
            }
            for (int i = start; i < start + count; i++) {
                originals.add(ArithmeticModules.generate(SEED + 1, i));
            }
            for (byte[] original : originals) {
                for (int m = 0; m < perModule / 2; m++) {
                    byte[] mutant = ModuleMutator.mutate(original, random);
                    mutants++;
                    MutantOutcome outcome = MutantOutcome.of(mutant, runner, valid % RUN_EVERY == 0);
                    if (outcome.valid()) {
                        valid++;
                    }
                    validity.add(mutant, outcome);
                    if (outcome.crash() != null) {
                        Path kept = TestPaths.projectRoot().resolve("tests/target/fuzz-failures/mutants");
                        Files.createDirectories(kept);
                        Path file = kept.resolve("mutant-" + mutants + ".wasm");
                        Files.write(file, mutant);
                        crashes.add(file + ": " + outcome.crash());
                    }
                }
            }
            deleteTree(dir);
        }
        validity.flush();
        System.out.println("DifferentialFuzzTest mutation: " + mutants + " mutants, " + valid + " valid (run: every "
                        + (RUN_EVERY == 1 ? "one" : RUN_EVERY + "th") + "), "
                        + (mutants - valid) + " rejected as malformed or invalid, " + crashes.size() + " host crashes");
        validity.report();
        assertEquals(List.of(), crashes, "mutants that made WasmLang fail other than with a Wasm error");
        assertEquals(List.of(), validity.disagreements, "mutants that WasmLang and V8's WebAssembly.validate judge differently");
    }

    /**
     * WasmLang's verdicts on mutants beside V8's {@code WebAssembly.validate}, asked in
     * batches (one Node process validates a few thousand). Disagreements are kept under
     * tests/target/fuzz-failures/validity with both messages.
     */
    private static final class Validity {
        private static final int BATCH = 5000;
        final List<byte[]> mutants = new ArrayList<>();
        final List<MutantOutcome> outcomes = new ArrayList<>();
        final List<String> disagreements = new ArrayList<>();
        int compared;
        int bothValid;
        int unsupported;
        int kept;
        long nanos;

        void add(byte[] mutant, MutantOutcome outcome) throws IOException, InterruptedException {
            mutants.add(mutant);
            outcomes.add(outcome);
            if (mutants.size() == BATCH) {
                flush();
            }
        }

        void flush() throws IOException, InterruptedException {
            if (mutants.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            Path dir = work.resolve("validity");
            Files.createDirectories(dir);
            List<String> v8 = tools.validateInV8(mutants, dir, false);
            for (int i = 0; i < mutants.size(); i++) {
                MutantOutcome ours = outcomes.get(i);
                String v8Rejection = v8.get(i);
                if (ours.valid() == (v8Rejection == null)) {
                    compared++;
                    bothValid += ours.valid() ? 1 : 0;
                } else if (!ours.valid() && ours.rejection() != null && ours.rejection().startsWith(MutantOutcome.UNSUPPORTED_FEATURE)) {
                    unsupported++;
                } else {
                    compared++;
                    Path keep = TestPaths.projectRoot().resolve("tests/target/fuzz-failures/validity");
                    Files.createDirectories(keep);
                    Path file = keep.resolve("mutant-" + ++kept + ".wasm");
                    Files.write(file, mutants.get(i));
                    if (v8Rejection != null) {
                        v8Rejection = tools.validateInV8(List.of(mutants.get(i)), dir, true).get(0);
                    }
                    String verdicts = "WasmLang: " + (ours.valid() ? "valid" : ours.rejection()) + "\nV8: "
                                    + (v8Rejection == null ? "valid" : v8Rejection) + "\n";
                    Files.writeString(keep.resolve("mutant-" + kept + ".txt"), verdicts);
                    disagreements.add(file + ": " + verdicts.replace('\n', ' '));
                }
            }
            mutants.clear();
            outcomes.clear();
            nanos += System.nanoTime() - start;
        }

        void report() {
            System.out.println("DifferentialFuzzTest validity against V8: " + compared + " mutants compared, " + bothValid
                            + " valid in both, " + (compared - bothValid - disagreements.size()) + " invalid in both, " + unsupported
                            + " rejected by WasmLang for a feature it does not run (GC, threads) and not compared, "
                            + disagreements.size() + " disagree (" + nanos / 1_000_000 + " ms)");
        }
    }

    private void compareAll(Path dir, Tally tally) throws IOException, InterruptedException {
        compareAll(dir, tally, runner);
    }

    private static void compareAll(Path dir, Tally tally, WasmLangRunner runner) throws IOException, InterruptedException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path module : files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList()) {
                List<String> v8 = FuzzTools.v8Events(module);
                List<String> ours = runner.run(Files.readAllBytes(module), 60_000);
                tally.add(module, v8, ours);
            }
        }
    }

    /**
     * Replays the modules of a directory (say a campaign's tests/target/fuzz-failures/...),
     * e.g. {@code -Dtest=DifferentialFuzzTest#replay -Dwasmlang.fuzz.replay=DIR
     * -Dwasmlang.fuzz.profile=WASM_3_0}; with {@code -Dwasmlang.fuzz.replayCompiled=true} every
     * function is compiled before it runs.
     */
    @Test
    void replay() throws Exception {
        String replay = System.getProperty("wasmlang.fuzz.replay");
        Assumptions.assumeTrue(replay != null, "replays only with -Dwasmlang.fuzz.replay=DIR");
        FuzzProfile profile = FuzzProfile.valueOf(System.getProperty("wasmlang.fuzz.profile", FuzzProfile.WASM_3_0_RELAXED_SIMD.name()));
        Path dir = work.resolve("replay");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of(replay))) {
            for (Path module : files.filter(f -> f.toString().endsWith(".wasm")).toList()) {
                Files.copy(module, dir.resolve(module.getFileName()));
            }
        }
        tools.runInV8(dir);
        Tally tally = new Tally("replay " + profile, profile);
        if (Boolean.getBoolean("wasmlang.fuzz.replayCompiled")) {
            // The JIT's code for every function, as a long campaign's JVM ends up running.
            try (WasmLangRunner compiled = new WasmLangRunner(Files.readAllBytes(tools.loggerModule()), true)) {
                compareAll(dir, tally, compiled);
            }
        } else {
            compareAll(dir, tally);
        }
        tally.report();
    }

    /**
     * Counts verdicts and keeps the modules that disagree; fails when there are any. A -ttf
     * module that disagrees is tried again with its NaNs made 0 ({@code wasm-opt --denan}):
     * if both engines then agree, the difference was only in NaN payloads or signs, which
     * Wasm leaves open once an operand is a non-canonical NaN (which operand's payload an
     * addition or multiplication keeps depends on the compiled code), and -ttf writes such
     * NaN constants freely; such
     * a module counts apart and is kept, but does not fail.
     */
    private static final class Tally {
        final String what;
        final FuzzProfile profile;
        int modules;
        int agree;
        int stackLimit;
        int nanOnly;
        int events;
        final List<String> disagreements = new ArrayList<>();

        Tally(String what, FuzzProfile profile) {
            this.what = what;
            this.profile = profile;
        }

        /** Whether the module agrees once wasm-opt --denan has made its NaNs 0. */
        private boolean agreesWithoutNaNs(Path module) throws IOException, InterruptedException {
            Path dir = module.resolveSibling("denan");
            Files.createDirectories(dir);
            Path denanned = dir.resolve(module.getFileName());
            tools.denan(module, profile, denanned);
            tools.runInV8(dir);
            List<String> ours = runner.run(Files.readAllBytes(denanned), 60_000);
            EventComparison.Result result = EventComparison.compare(FuzzTools.v8Events(denanned), ours);
            deleteTree(dir);
            return result.verdict() != EventComparison.Verdict.DISAGREE;
        }

        void add(Path module, List<String> v8, List<String> ours) throws IOException, InterruptedException {
            modules++;
            events += v8.size();
            EventComparison.Result result = EventComparison.compare(v8, ours);
            switch (result.verdict()) {
                case AGREE -> agree++;
                case AGREE_TO_STACK_LIMIT -> stackLimit++;
                case DISAGREE -> {
                    boolean nan = profile != null && agreesWithoutNaNs(module);
                    if (nan) {
                        nanOnly++;
                    }
                    Path kept = TestPaths.projectRoot().resolve("tests/target/fuzz-failures").resolve(what.replace(' ', '-'));
                    Files.createDirectories(kept);
                    String name = module.getParent().getFileName() + "-" + module.getFileName();
                    Files.copy(module, kept.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.write(kept.resolve(name + ".v8.txt"), v8);
                    Files.write(kept.resolve(name + ".wasmlang.txt"), ours);
                    if (!nan) {
                        disagreements.add(kept.resolve(name) + ": " + result.difference() + reduce(module, kept, name));
                    }
                }
            }
        }

        /**
         * Keeps {@code NAME.reduced.wasm} beside a disagreeing module, with its event lists:
         * the module shrunk while it still disagrees ({@link ModuleReducer}).
         */
        private String reduce(Path module, Path kept, String name) throws IOException, InterruptedException {
            if (reduced >= REDUCE) {
                return "";
            }
            reduced++;
            byte[] original = Files.readAllBytes(module);
            List<String> features = (profile != null ? profile : FuzzProfile.WASM_3_0_RELAXED_SIMD).wasmOptFlags();
            long start = System.nanoTime();
            ModuleReducer.Reduced result = ModuleReducer.reduce(original, tools, runner, features, work, REDUCE_SECONDS);
            Path dir = work.resolve("reduced");
            Files.createDirectories(dir);
            Path file = dir.resolve(name.replaceFirst("\\.wasm$", ".reduced.wasm"));
            Files.write(file, result.module());
            tools.runInV8(dir);
            Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.write(kept.resolve(file.getFileName() + ".v8.txt"), FuzzTools.v8Events(file));
            Files.write(kept.resolve(file.getFileName() + ".wasmlang.txt"), runner.run(result.module(), 60_000));
            deleteTree(dir);
            String summary = "; reduced from " + original.length + " to " + result.module().length + " bytes (" + result.candidates()
                            + " candidates, " + (System.nanoTime() - start) / 1_000_000_000 + " s): " + file.getFileName();
            System.out.println("DifferentialFuzzTest " + what + ": " + name + summary);
            return summary;
        }

        void report() {
            System.out.println("DifferentialFuzzTest " + what + ": " + modules + " modules, " + events + " V8 events, " + agree
                            + " agree, " + stackLimit + " agree up to a stack limit, " + nanOnly + " differ only in NaNs (agree after --denan), "
                            + disagreements.size() + " disagree");
            assertTrue(modules > 0, "no modules were compared");
            assertEquals(List.of(), disagreements, what + ": modules where WasmLang and V8 disagree");
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
