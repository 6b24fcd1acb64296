package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmlang.interop.Guests;
import org.wasmlang.testing.Contexts;

/**
 * A {@code local.set}/{@code local.tee} right after a numeric operator or a load has no node
 * of its own: the operator writes the local (docs/architecture.md, "Node builder"). The
 * cases where that could go wrong, run interpreted and with every function compiled before
 * its first call (which also runs the local liveness the folded writes feed).
 */
class FusedLocalSetTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void foldedSetsKeepWasmSemantics(boolean compiled) {
        try (Context context = Contexts.interpretedOrCompiled(compiled).build()) {
            Value exports = Guests.module(context, "fused_sets.wasm").newInstance().getMember("exports");
            // old x + 100 * (x + 10): the entry below kept the old value.
            assertEquals(3 + 1300, exports.getMember("oldBelow").execute(3).asInt());
            // The tee's value (x + 5) stays on the stack after the local becomes 7.
            assertEquals(4 + 5 + 7000, exports.getMember("teeThenSet").execute(4).asInt());
            assertEquals(42, exports.getMember("loadInto").execute(4).asInt());
            for (int n : new int[]{0, 1, 10, 5000}) {
                assertEquals((long) n * (n - 1) / 2, exports.getMember("sum").execute(n).asLong(), "sum(" + n + ")");
            }
            assertEquals(3.5, exports.getMember("deadWrite").execute(2.5).asDouble());
        }
    }
}
