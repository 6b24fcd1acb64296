package org.wasmlang.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.wasmlang.launcher.wast.WastReport;
import org.wasmlang.launcher.wast.WastRunner;
import org.wasmlang.testing.TestPaths;

/**
 * Part of the spec suite with every function compiled by Graal before its first run and
 * compilation failures turned into errors, so compiled code is checked against the spec
 * too, not only the interpreter. The scripts chosen cover arithmetic, conversions,
 * control flow, calls, memory and tables. Scripts that exhaust the stack on purpose are
 * left out: with compilation forced on the calling thread, Graal itself would run on the
 * nearly exhausted stack at every recursion level.
 */
class CompiledSpecSuiteTest {
    private static final List<String> SCRIPTS = List.of("i32.bin.wast", "i64.bin.wast", "f32.bin.wast",
                    "f64.bin.wast", "conversions.bin.wast", "br_table.bin.wast", "block.bin.wast", "loop.bin.wast",
                    "if.bin.wast", "br.bin.wast", "return.bin.wast", "global.bin.wast", "memory_grow.bin.wast", "memory.bin.wast", "address.bin.wast", "bulk.bin.wast",
                    "table_copy.bin.wast", "left-to-right.bin.wast", "select.bin.wast",
                    "float_exprs.bin.wast", "endianness.bin.wast", "traps.bin.wast");

    @Test
    void selectedScriptsPassWithForcedCompilation() {
        Path root = TestPaths.requireShared("testsuite/wasm-2.0/binary");
        Map<String, String> options = Map.of(
                        "engine.CompileImmediately", "true",
                        "engine.BackgroundCompilation", "false",
                        "engine.CompilationFailureAction", "Throw");
        WastReport total = new WastReport();
        try (WastRunner runner = new WastRunner(options)) {
            for (String script : SCRIPTS) {
                long start = System.nanoTime();
                WastReport report = runner.run(root.resolve(script));
                System.out.printf("  %-24s %6d ms, %d passed, %d failed%n", script, (System.nanoTime() - start) / 1_000_000,
                                report.passed(), report.failed());
                total.add(report);
            }
        }
        System.out.println("Spec scripts with forced compilation:");
        total.print(System.out, true);
        assertTrue(total.passed() > 10_000, "too few commands ran: " + total.passed());
        assertEquals(0, total.failed(), total.failures().stream().limit(30).map(WastReport.Failure::toString)
                        .collect(Collectors.joining("\n")));
    }
}
