package org.wasmlang.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmlang.interop.Guests;

/**
 * Truffle tools see Wasm code: each instruction is a statement, so Truffle's statement
 * limit (and every tool that counts or stops at statements) works for Wasm.
 */
class InstrumentationTest {

    private static Value exports(Context context) {
        return Guests.module(context, "statements.wasm").newInstance().getMember("exports");
    }

    private static Context limited(long statements) {
        return Context.newBuilder("wasmlang").resourceLimits(ResourceLimits.newBuilder()
                        .statementLimit(statements, null).build()).build();
    }

    /** Calls the export, expects the limit to end it, and closes the (then cancelled) context. */
    private static PolyglotException exhausted(Context context, String export, Object... arguments) {
        Value function = exports(context).getMember(export);
        PolyglotException e = assertThrows(PolyglotException.class, () -> function.execute(arguments));
        assertTrue(e.isResourceExhausted(), e.toString());
        // A context a limit cancelled reports the cancellation again when it closes.
        PolyglotException onClose = assertThrows(PolyglotException.class, context::close);
        assertTrue(onClose.isCancelled(), onClose.toString());
        return e;
    }

    @Test
    void theStatementLimitEndsAnEndlessLoop() {
        PolyglotException e = exhausted(limited(100_000), "spin");
        assertTrue(e.getMessage().startsWith("Statement count limit of 100000 exceeded"), e.getMessage());
    }

    @Test
    void statementsGrowWithTheWorkDone() {
        // Each iteration of count's loop runs a handful of statements (not a hundred), and
        // the loop's instructions are counted on every iteration.
        try (Context context = limited(100_000)) {
            assertEquals(1000, exports(context).getMember("count").execute(1000).asInt());
        }
        exhausted(limited(100_000), "count", 100_000);
    }

    @Test
    void aLimitNobodyReachesChangesNoResult() {
        // With a limit every statement is wrapped by a tool; results must stay the same.
        try (Context context = limited(Long.MAX_VALUE)) {
            Value count = exports(context).getMember("count");
            for (int round = 0; round < 2000; round++) {
                assertEquals(round, count.execute(round).asInt());
            }
        }
    }
}
