package org.wasmlang.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.wasmlang.launcher.wast.WastReport;
import org.wasmlang.launcher.wast.WastRunner;
import org.wasmlang.testing.TestPaths;

/**
 * Part of the spec suite with every function compiled by Graal before its first run and
 * compilation failures turned into errors, so compiled code is checked against the spec
 * too, not only the interpreter. The scripts chosen cover arithmetic, conversions,
 * control flow, calls, memory, tables and each kind of SIMD instruction. Scripts that exhaust the stack on purpose are
 * left out: with compilation forced on the calling thread, Graal itself would run on the
 * nearly exhausted stack at every recursion level.
 */
class CompiledSpecSuiteTest {
    private static final List<String> SCRIPTS = Stream.concat(Stream.of("i32", "i64", "f32", "f64", "conversions",
                    "br_table", "block", "loop", "if", "br", "return", "global", "memory_grow", "memory", "address", "bulk",
                    "table_copy", "left-to-right", "select", "float_exprs", "endianness", "traps").map(name -> "wasm-2.0/binary/" + name),
                    Stream.of(
                                    // One or more scripts for each kind of SIMD node.
                                    "wasm-2.0/binary/simd/simd_lane", "wasm-2.0/binary/simd/simd_splat",
                                    "wasm-2.0/binary/simd/simd_load_extend", "wasm-2.0/binary/simd/simd_load_splat",
                                    "wasm-2.0/binary/simd/simd_load8_lane", "wasm-2.0/binary/simd/simd_store64_lane",
                                    "wasm-2.0/binary/simd/simd_store", "wasm-2.0/binary/simd/simd_address",
                                    "wasm-2.0/binary/simd/simd_bit_shift", "wasm-2.0/binary/simd/simd_bitwise",
                                    "wasm-2.0/binary/simd/simd_boolean", "wasm-2.0/binary/simd/simd_i8x16_arith2",
                                    "wasm-2.0/binary/simd/simd_i16x8_sat_arith", "wasm-2.0/binary/simd/simd_i32x4_dot_i16x8",
                                    "wasm-2.0/binary/simd/simd_i64x2_extmul_i32x4", "wasm-2.0/binary/simd/simd_f32x4_arith",
                                    "wasm-2.0/binary/simd/simd_f64x2_rounding", "wasm-2.0/binary/simd/simd_conversions",
                                    "wasm-2.0/binary/simd/simd_select", "wasm-2.0/binary/simd/simd_i16x8_q15mulr_sat_s",
                                    "wasm-2.0/binary/simd/simd_i32x4_arith", "wasm-3.0/binary/relaxed-simd/relaxed_madd_nmadd",
                                    "wasm-3.0/binary/relaxed-simd/relaxed_dot_product"))
                    .map(name -> name + ".bin.wast").toList();

    @Test
    void selectedScriptsPassWithForcedCompilation() {
        Path root = TestPaths.requireShared("testsuite");
        Map<String, String> options = Map.of(
                        "engine.CompileImmediately", "true",
                        "engine.BackgroundCompilation", "false",
                        "engine.CompilationFailureAction", "Throw");
        WastReport total = new WastReport();
        try (WastRunner runner = new WastRunner(options)) {
            for (String script : SCRIPTS) {
                long start = System.nanoTime();
                WastReport report = runner.run(root.resolve(script));
                System.out.printf("  %-52s %6d ms, %d passed, %d failed%n", script, (System.nanoTime() - start) / 1_000_000,
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
