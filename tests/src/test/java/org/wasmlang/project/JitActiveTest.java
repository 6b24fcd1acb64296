package org.wasmlang.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.wasmlang.WasmLanguage;
import org.wasmlang.runtime.simd.SimdMode;

/**
 * Guards the build set-up: CI must run with the Graal JIT, the language must register, and
 * each surefire execution must run v128 in the representation it is meant to test.
 */
class JitActiveTest {

    @Test
    void graalJitIsActiveUnderSurefire() {
        try (Engine engine = Engine.create()) {
            assertEquals("GraalVM CE", engine.getImplementationName(),
                            "the Truffle optimizing runtime is not active: check jit.flags in pom.xml "
                                            + "and the jars in tests/target/jit");
        }
    }

    @Test
    void languageIsRegisteredBesideGraalWasm() {
        try (Engine engine = Engine.create()) {
            assertTrue(engine.getLanguages().containsKey(WasmLanguage.ID), engine.getLanguages().keySet().toString());
            assertEquals("WasmLang", engine.getLanguages().get(WasmLanguage.ID).getName());
            // GraalWasm is a test dependency: both languages must load in one engine.
            assertTrue(engine.getLanguages().containsKey("wasm"), engine.getLanguages().keySet().toString());
        }
    }

    @Test
    void simdRepresentationIsTheOneThisRunTests() {
        String expected = System.getProperty("wasmlang.test.simdMode", "longs");
        assertEquals(expected, SimdMode.VECTOR_API ? "vector" : "longs",
                        "tests/pom.xml gives this surefire execution --add-modules=" + SimdMode.VECTOR_MODULE
                                        + " and -Dwasmlang.simd.vectorApi=true (vector) or neither (longs)");
    }
}
