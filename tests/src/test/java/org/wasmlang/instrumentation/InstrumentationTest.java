package org.wasmlang.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.debug.DebugScope;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
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
    void theDebuggerStopsAtInstructionsAndShowsAndEditsLocalsByName() {
        List<String> stops = new ArrayList<>();
        try (Engine engine = Engine.create(); Context context = Context.newBuilder("wasmlang").engine(engine).build()) {
            Value count = exports(context).getMember("count");
            try (DebuggerSession session = Debugger.find(engine).startSession(event -> {
                DebugScope scope = event.getTopStackFrame().getScope();
                StringBuilder locals = new StringBuilder();
                for (DebugValue local : scope.getDeclaredValues()) {
                    locals.append(' ').append(local.getName()).append('=').append(local.toDisplayString());
                }
                stops.add(event.getTopStackFrame().getName() + " " + event.getSourceSection().getSource().getName() + ":"
                                + event.getSourceSection().getStartLine() + " " + event.getSourceSection().getCharacters()
                                + " |" + locals);
                if (stops.size() == 2) {
                    scope.getDeclaredValue("n").set(scope.getDeclaredValue("i").asInt() + 2);
                }
                if (stops.size() < 3) {
                    event.prepareStepInto(1);
                }
            })) {
                session.suspendNextExecution();
                assertEquals(2, count.execute(1000).asInt(), "the debugger set n to 2");
            }
        }
        // Lines of count's text (lines 9 to 25 of `wasmlang print statements.wasm`): the
        // local.gets are folded into i32.ge_u.
        assertEquals(List.of("count statements.wasm/count.wat:4 loop | n=1000 i=0",
                        "count statements.wasm/count.wat:7 i32.ge_u | n=1000 i=0",
                        "count statements.wasm/count.wat:8 br_if 1 | n=2 i=0"), stops);
    }

    @Test
    void aTrapIsLocatedAtItsInstructionInTheFunctionsText() {
        try (Context context = Context.create("wasmlang")) {
            Value divide = Guests.module(context, "traps.wasm").newInstance().getMember("exports").getMember("divide");
            PolyglotException e = assertThrows(PolyglotException.class, () -> divide.execute(7, 0));
            SourceSection at = e.getSourceLocation();
            assertEquals("traps.wasm/quotient.wat", at.getSource().getName());
            assertEquals(4, at.getStartLine());
            assertEquals("i32.div_s", at.getCharacters().toString());
            List<String> frames = new ArrayList<>();
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame()) {
                    frames.add(frame.getRootName() + " " + frame.getSourceLocation().getSource().getName() + ":"
                                    + frame.getSourceLocation().getStartLine());
                }
            }
            // The unnamed export's text is named after its export; line 5 is its call.
            assertEquals(List.of("quotient traps.wasm/quotient.wat:4", "divide traps.wasm/divide.wat:5"), frames);
        }
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
