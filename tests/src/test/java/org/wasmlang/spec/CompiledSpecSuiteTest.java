package org.wasmlang.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.wasmlang.launcher.wast.WastReport;
import org.wasmlang.launcher.wast.WastRunner;
import org.wasmlang.testing.TestPaths;

/**
 * Part of the spec suite with every function compiled by Graal before its first run and
 * compilation failures turned into errors, so compiled code is checked against the spec
 * too, not only the interpreter. The scripts chosen cover arithmetic, conversions,
 * control flow, calls, memory, tables, and all SIMD scripts. Scripts that exhaust the stack on purpose are
 * left out: with compilation forced on the calling thread, Graal itself would run on the
 * nearly exhausted stack at every recursion level.
 */
class CompiledSpecSuiteTest {
    private static final List<String> SCRIPTS = Stream.of("i32", "i64", "f32", "f64", "conversions",
                    "br_table", "block", "loop", "if", "br", "return", "global", "memory_grow", "memory", "address", "bulk",
                    "table_copy", "left-to-right", "select", "float_exprs", "endianness", "traps")
                    .map(name -> "wasm-2.0/binary/" + name + ".bin.wast").toList();
    /**
     * Wasm 3.0: typed function references (call_ref's inline cache, the branches on null),
     * tail calls (the caller's trampoline in compiled code), and memory64 and multi-memory
     * (64-bit addresses and native memory in the access nodes).
     */
    private static final List<String> SCRIPTS_3_0 = Stream.of("call_ref", "br_on_null", "br_on_non_null", "ref_as_non_null",
                    "local_init", "ref", "return_call", "return_call_indirect", "return_call_ref", "memory64/address64",
                    "memory64/memory64", "memory64/memory_grow64", "memory64/memory_trap64", "memory64/memory_copy64",
                    "memory64/table64", "memory64/call_indirect64", "multi-memory/load1", "multi-memory/store1",
                    "multi-memory/memory_copy1", "multi-memory/memory_grow", "multi-memory/address1")
                    .map(name -> "wasm-3.0/binary/" + name + ".bin.wast").toList();
    /** Exception handling: try_table's Java handler and catch branches in compiled code, and the legacy try. */
    private static final List<String> SCRIPTS_EXCEPTIONS = Stream.of("wasm-3.0/binary/exceptions/tag",
                    "wasm-3.0/binary/exceptions/throw", "wasm-3.0/binary/exceptions/throw_ref",
                    "wasm-3.0/binary/exceptions/try_table", "legacy-exceptions/binary/try_catch",
                    "legacy-exceptions/binary/try_delegate", "legacy-exceptions/binary/rethrow")
                    .map(name -> name + ".bin.wast").toList();
    /** Every SIMD script: compiled code runs v128 on other paths than the interpreter (SimdMode). */
    private static final List<String> SIMD_FOLDERS = List.of("wasm-2.0/binary/simd", "wasm-3.0/binary/relaxed-simd");

    @Test
    void selectedScriptsPassWithForcedCompilation() throws IOException {
        Path root = TestPaths.requireShared("testsuite");
        // Every function compiled whole, the large ones too (wasmlang.WholeCompileLimit).
        Map<String, String> options = Map.of(
                        "engine.CompileImmediately", "true",
                        "engine.BackgroundCompilation", "false",
                        "engine.CompilationFailureAction", "Throw",
                        "wasmlang.WholeCompileLimit", "0");
        Map<String, String> wasm20Options = new HashMap<>(options);
        wasm20Options.put("wasmlang.WasmVersion", "2.0");
        List<Path> scripts = new ArrayList<>(SCRIPTS.stream().map(root::resolve).toList());
        scripts.addAll(SCRIPTS_3_0.stream().map(root::resolve).toList());
        scripts.addAll(SCRIPTS_EXCEPTIONS.stream().map(root::resolve).toList());
        scripts.addAll(WastRunner.collectScripts(SIMD_FOLDERS.stream().map(root::resolve).toList()));
        SpecExclusions exclusions = SpecExclusions.load();
        WastReport total = new WastReport();
        List<WastReport.Failure> unexpected = new ArrayList<>();
        try (WastRunner wasm20Runner = new WastRunner(wasm20Options); WastRunner wasm30Runner = new WastRunner(options)) {
            for (Path script : scripts) {
                // The 2.0 scripts hold 2.0's rules, so they run as 2.0.
                WastRunner runner = root.relativize(script).startsWith("wasm-2.0") ? wasm20Runner : wasm30Runner;
                long start = System.nanoTime();
                WastReport report = runner.run(script);
                System.out.printf("  %-52s %6d ms, %d passed, %d failed%n", root.relativize(script),
                                (System.nanoTime() - start) / 1_000_000, report.passed(), report.failed());
                total.add(report);
                report.failures().stream().filter(f -> exclusions.reasonFor(f) == null).forEach(unexpected::add);
            }
        }
        System.out.println("Spec scripts with forced compilation:");
        total.print(System.out, true);
        assertTrue(total.passed() > 10_000, "too few commands ran: " + total.passed());
        assertEquals(List.of(), unexpected.stream().limit(30).map(WastReport.Failure::toString).toList(),
                        "spec commands failed with forced compilation (spec-exclusions.txt lists the accepted ones)");
    }
}
