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

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugException;
import com.oracle.truffle.api.debug.DebugScope;
import com.oracle.truffle.api.debug.DebugStackFrame;
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
        // local.gets are folded into i32.ge_u, and i32.ge_u into the br_if testing it.
        // $stack: the operand stack before the instruction (at the br_if, the comparison's
        // value; at the i32.add, i and the constant).
        assertEquals(List.of("count statements.wasm/count.wat:4 loop | n=1000 i=0 $stack=[]",
                        "count statements.wasm/count.wat:8 br_if 1 | n=1000 i=0 $stack=[0]",
                        "count statements.wasm/count.wat:11 i32.add | n=2 i=0 $stack=[0, 1]"), stops);
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
    void theDebuggerPausesOnATrapAtTheFaultingInstruction() {
        List<String> stops = new ArrayList<>();
        try (Engine engine = Engine.create(); Context context = Context.newBuilder("wasmlang").engine(engine).build()) {
            Value divide = Guests.module(context, "traps.wasm").newInstance().getMember("exports").getMember("divide");
            try (DebuggerSession session = Debugger.find(engine).startSession(event -> {
                DebugException exception = event.getException();
                DebugScope scope = event.getTopStackFrame().getScope();
                stops.add(event.getTopStackFrame().getName() + ":" + event.getSourceSection().getStartLine() + " "
                                + event.getSourceSection().getCharacters() + " " + (exception == null ? "-" : exception.getMessage())
                                + " a=" + scope.getDeclaredValue("a").toDisplayString() + " b="
                                + scope.getDeclaredValue("b").toDisplayString());
            })) {
                session.install(Breakpoint.newExceptionBuilder(false, true).build());
                PolyglotException e = assertThrows(PolyglotException.class, () -> divide.execute(7, 0));
                assertEquals("integer divide by zero", e.getMessage());
                // Without the trap, no pause.
                assertEquals(4, divide.execute(6, 2).asInt());
            }
        }
        assertEquals(List.of("quotient:4 i32.div_s integer divide by zero a=7 b=0"), stops);
    }

    @Test
    void theDebuggerShowsGlobalsMemoryAndFloatBitsAndEvaluatesExpressions() {
        List<String> seen = new ArrayList<>();
        try (Engine engine = Engine.create(); Context context = Context.newBuilder("wasmlang").engine(engine).build()) {
            Value step = Guests.module(context, "scopes.wasm").newInstance().getMember("exports").getMember("step");
            try (DebuggerSession session = Debugger.find(engine).startSession(event -> {
                // Stop at the first global.get, after $odd was set.
                if (!event.getSourceSection().getCharacters().toString().startsWith("global.get")) {
                    seen.add(event.getSourceSection().getCharacters() + " $stack="
                                    + event.getTopStackFrame().getScope().getDeclaredValue("$stack").toDisplayString());
                    event.prepareStepInto(1);
                    return;
                }
                DebugStackFrame frame = event.getTopStackFrame();
                DebugScope locals = frame.getScope();
                seen.add("odd=" + locals.getDeclaredValue("odd").toDisplayString());
                DebugScope module = locals.getParent();
                for (DebugValue value : module.getDeclaredValues()) {
                    seen.add(value.getName() + "=" + value.toDisplayString());
                }
                seen.add("row0=" + module.getDeclaredValue("heap").getProperty("0x00000000").toDisplayString());
                seen.add("x + counter * 2 = " + frame.eval("x + counter * 2").toDisplayString());
                seen.add("i32[0] == 0x6c6c6568: " + frame.eval("i32[0] == 0x6c6c6568").toDisplayString());
                seen.add("memory[1] = " + frame.eval("memory[1]").toDisplayString());
                seen.add("big = " + frame.eval("big").toDisplayString());
                DebugException error = assertThrows(DebugException.class, () -> frame.eval("x +"));
                seen.add(error.getMessage());
                error = assertThrows(DebugException.class, () -> frame.eval("nothing"));
                seen.add(error.getMessage());
                module.getDeclaredValue("counter").set(frame.eval("100"));
            })) {
                session.suspendNextExecution();
                assertEquals(103, step.execute(3).asInt(), "the debugger set counter to 100");
            }
        }
        // The i32.const is no statement: f32.reinterpret_i32 reads it as a constant; nor is
        // the local.set after it, which it does itself.
        assertEquals(List.of("f32.reinterpret_i32 $stack=[2141192193]",
                        "f32.store $stack=[16, nan:0x200001]", "odd=nan:0x200001", "counter=40", "scale=2.5", "big=-9007199254740993",
                        "heap=heap (1 pages, 65536 bytes)", "row0=68 65 6c 6c 6f 2c 20 73 63 6f 70 65 73 00 00 00",
                        "x + counter * 2 = 83", "i32[0] == 0x6c6c6568: true", "memory[1] = 101",
                        "big = -9007199254740993",
                        "cannot evaluate 'x +': an operand is missing at column 4",
                        "'nothing' is not a local, global or variable here"), seen);
    }

    @Test
    void aBreakpointConditionIsAnExpression() {
        List<Integer> stops = new ArrayList<>();
        try (Engine engine = Engine.create(); Context context = Context.newBuilder("wasmlang").engine(engine).build()) {
            Value step = Guests.module(context, "scopes.wasm").newInstance().getMember("exports").getMember("step");
            com.oracle.truffle.api.source.Source[] text = new com.oracle.truffle.api.source.Source[1];
            try (DebuggerSession session = Debugger.find(engine).startSession(event -> {
                if (text[0] == null) {
                    text[0] = event.getSourceSection().getSource();
                } else {
                    stops.add(event.getTopStackFrame().getScope().getDeclaredValue("x").asInt());
                }
            })) {
                session.suspendNextExecution();
                step.execute(0);
                // Line 9: global.set $counter.
                Breakpoint breakpoint = Breakpoint.newBuilder(text[0]).lineIs(9).build();
                breakpoint.setCondition("x % 3 == 0 && counter > 40");
                session.install(breakpoint);
                for (int x = 1; x <= 9; x++) {
                    step.execute(x);
                }
            }
        }
        assertEquals(List.of(3, 6, 9), stops);
    }

    /**
     * The rebuilt operand stack agrees with the validator at every instruction a C program
     * runs first (clang -O0 code through main into printf, shown as text): its height and
     * types always match, so it is never "not known".
     */
    @Test
    void theOperandStackIsKnownAtEveryInstructionOfACProgram() {
        List<String> unknown = new ArrayList<>();
        int[] stops = {0};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (Engine engine = Engine.create("wasmlang");
                        Context context = Context.newBuilder("wasmlang").engine(engine).out(out).option("wasmlang.Wasi", "true")
                                        .build()) {
            Value start = Guests.module(context, "dwarf/prog.wasm").newInstance().getMember("exports").getMember("_start");
            try (DebuggerSession session = Debugger.find(engine).startSession(event -> {
                // Without its source files the program is shown as text: the Wasm locals are the top scope.
                String stack = event.getTopStackFrame().getScope().getDeclaredValue("$stack").toDisplayString();
                if (stack.startsWith("<")) {
                    unknown.add(event.getTopStackFrame().getName() + " " + event.getSourceSection().getStartLine() + " "
                                    + event.getSourceSection().getCharacters() + ": " + stack);
                }
                if (++stops[0] < 3000) {
                    event.prepareStepInto(1);
                }
            })) {
                session.suspendNextExecution();
                try {
                    start.execute();
                } catch (PolyglotException e) {
                    assertTrue(e.isExit(), e::toString);
                }
            }
        }
        assertEquals(3000, stops[0], "the program should run at least 3000 instructions");
        assertEquals(List.of(), unknown);
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
