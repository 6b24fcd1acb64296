package org.wasmlang.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmlang.launcher.wast.WastReport;
import org.wasmlang.launcher.wast.WastRunner;
import org.wasmlang.testing.TestPaths;

/**
 * The official spec scripts, one test per script, through the same runner as
 * {@code wasmlang wast}: the Wasm 2.0 suite (../shared/testsuite/wasm-2.0/binary, SIMD
 * included) under the 2.0 rules, and the whole Wasm 3.0 suite under the default rules. A
 * failure fails the test unless spec-exclusions.txt lists it with a reason. The tallies,
 * skips included, are printed at the end.
 */
class SpecSuiteTest {
    /** The 2.0 scripts hold 2.0's rules (e.g. a memory index byte must be zero): they run as 2.0. */
    private static WastRunner wasm20Runner;
    private static WastRunner runner;
    private static SpecExclusions exclusions;
    private static final WastReport WASM_20_TOTAL = new WastReport();
    private static final WastReport WASM_30_TOTAL = new WastReport();

    @BeforeAll
    static void setUp() throws IOException {
        wasm20Runner = new WastRunner(Map.of("wasmlang.WasmVersion", "2.0"));
        runner = new WastRunner();
        exclusions = SpecExclusions.load();
    }

    @AfterAll
    static void tearDown() {
        if (runner != null) {
            runner.close();
        }
        if (wasm20Runner != null) {
            wasm20Runner.close();
        }
        System.out.println("Wasm 2.0 spec suite (--wasmlang.WasmVersion=2.0):");
        WASM_20_TOTAL.print(System.out, false);
        System.out.println("Wasm 3.0 spec suite:");
        WASM_30_TOTAL.print(System.out, false);
    }

    @TestFactory
    Stream<DynamicTest> wasm20Scripts() throws IOException {
        Path root = TestPaths.requireShared("testsuite/wasm-2.0/binary");
        List<Path> scripts = WastRunner.collectScripts(List.of(root));
        return scripts.stream().map(script -> DynamicTest.dynamicTest(root.relativize(script).toString(),
                        () -> runScript(wasm20Runner, script, WASM_20_TOTAL)));
    }

    @TestFactory
    Stream<DynamicTest> wasm30Scripts() throws IOException {
        Path root = TestPaths.requireShared("testsuite/wasm-3.0/binary");
        List<Path> scripts = WastRunner.collectScripts(List.of(root));
        return scripts.stream().map(script -> DynamicTest.dynamicTest("wasm-3.0/" + root.relativize(script),
                        () -> runScript(runner, script, WASM_30_TOTAL)));
    }

    /** The legacy exception instructions (try/catch/delegate/rethrow), which run under 3.0's feature set. */
    @TestFactory
    Stream<DynamicTest> legacyExceptionScripts() throws IOException {
        Path root = TestPaths.requireShared("testsuite/legacy-exceptions/binary");
        List<Path> scripts = WastRunner.collectScripts(List.of(root));
        return scripts.stream().map(script -> DynamicTest.dynamicTest("legacy-exceptions/" + root.relativize(script),
                        () -> runScript(runner, script, WASM_30_TOTAL)));
    }

    private static void runScript(WastRunner runner, Path script, WastReport total) {
        WastReport report = runner.run(script);
        synchronized (total) {
            total.add(report);
        }
        List<WastReport.Failure> unexpected = report.failures().stream()
                        .filter(f -> exclusions.reasonFor(f) == null).collect(Collectors.toList());
        if (!unexpected.isEmpty()) {
            fail(unexpected.size() + " spec command(s) failed:\n" + unexpected.stream().limit(50)
                            .map(WastReport.Failure::toString).collect(Collectors.joining("\n")));
        }
        assertEquals(0, report.counts("script")[1], "the script could not be read");
    }
}
