package org.wasmlang.debugging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.wasmlang.interop.Guests;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugScope;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.SuspendedEvent;

/**
 * Source-level debugging of a C guest built with {@code clang-19 -O0 -g} (guests/dwarf/prog.c,
 * whose lines the tests name): breakpoints and steps on C lines, C variables by name with
 * C-style values, and the fallbacks when the source file or the DWARF is missing or broken.
 */
class DwarfDebuggingTest {
    private static final Path SOURCES = Guests.path("dwarf/prog.c").getParent();
    private static final URI PROG_C = SOURCES.resolve("prog.c").toUri();
    private static final String OUTPUT = "hello wasm 9 12 12345678901 6 0.500000 y wasm\n";

    /** What one run printed and logged, and what the session recorded. */
    private record Run(String out, String log) {
    }

    /** Runs prog.wasm's _start with a debugger session that {@code install} sets up. */
    private static Run run(byte[] module, String sourcePath, Consumer<com.oracle.truffle.api.debug.DebuggerSession> install,
                    java.util.function.Consumer<SuspendedEvent> onSuspend) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = Engine.newBuilder("wasmlang").logHandler(log).build();
                        Context context = Context.newBuilder("wasmlang").engine(engine).allowIO(IOAccess.ALL).out(out)
                                        .option("wasmlang.Wasi", "true").option("wasmlang.SourcePath", sourcePath).build();
                        var session = Debugger.find(engine).startSession(onSuspend::accept)) {
            install.accept(session);
            Value instance = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(module), "prog.wasm").buildLiteral())
                            .invokeMember("newInstance");
            try {
                instance.getMember("exports").getMember("_start").execute();
            } catch (PolyglotException e) {
                assertTrue(e.isExit() && e.getExitStatus() == 0, e::toString);
            }
        }
        return new Run(out.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
    }

    private static String where(SuspendedEvent event) {
        return event.getTopStackFrame().getName() + " " + event.getSourceSection().getSource().getName() + ":"
                        + event.getSourceSection().getStartLine();
    }

    private static String variables(DebugScope scope) {
        StringBuilder text = new StringBuilder();
        for (DebugValue value : scope.getDeclaredValues()) {
            text.append(text.isEmpty() ? "" : ", ").append(value.getName()).append('=').append(value.toDisplayString());
        }
        return text.toString();
    }

    @Test
    void aBreakpointOnACLineStopsThereAndShowsTheCVariables() {
        List<String> stops = new ArrayList<>();
        Run run = run(Guests.bytes("dwarf/prog.wasm"), SOURCES.toString(),
                        session -> session.install(Breakpoint.newBuilder(PROG_C).lineIs(24).build()), event -> {
                            DebugStackFrame frame = event.getTopStackFrame();
                            stops.add(where(event) + " | " + variables(frame.getScope()) + " | count * 2 = "
                                            + frame.eval("count * 2").toDisplayString() + " | wasm: "
                                            + frame.getScope().getParent().getName());
                            if (stops.size() < 3) {
                                event.prepareStepOver(1);
                            } else {
                                event.prepareContinue();
                                event.getSession().getBreakpoints().forEach(Breakpoint::dispose);
                            }
                        });
        assertEquals(OUTPUT, run.out());
        // Stepping over line 24 goes to the loop's i++ (23), then to 24 again.
        String pointer = "values=0x[0-9a-f]{8}";
        assertEquals(3, stops.size(), stops::toString);
        assertTrue(stops.get(0).matches("sum prog\\.c:24 \\| " + pointer + ", count=4, total=0, i=0 \\| count \\* 2 = 8 \\| wasm: sum"),
                        stops.get(0));
        assertTrue(stops.get(1).matches("sum prog\\.c:23 \\| " + pointer + ", count=4, total=3, i=0 .*"), stops.get(1));
        assertTrue(stops.get(2).matches("sum prog\\.c:24 \\| " + pointer + ", count=4, total=3, i=1 .*"), stops.get(2));
    }

    @Test
    void mainsVariablesShowAsCWouldAndStepIntoEntersTheCallee() {
        List<String> stops = new ArrayList<>();
        Run run = run(Guests.bytes("dwarf/prog.wasm"), SOURCES.toString(),
                        session -> session.install(Breakpoint.newBuilder(PROG_C).lineIs(49).build()), event -> {
                            stops.add(where(event) + (stops.isEmpty() ? " | " + variables(event.getTopStackFrame().getScope()) : ""));
                            if (stops.size() == 1) {
                                DebugValue origin = event.getTopStackFrame().getScope().getDeclaredValue("origin");
                                stops.add("origin.y=" + origin.getProperty("y").toDisplayString());
                                event.prepareStepInto(1);
                            } else if (stops.size() == 3) {
                                event.prepareStepOut(1);
                            }
                        });
        assertEquals(OUTPUT, run.out());
        assertEquals(4, stops.size(), stops::toString);
        assertTrue(stops.get(0).matches("main prog\\.c:49 \\| origin=\\{x = 1, y = 2\\}, corner=\\{x = 4, y = 6\\}, "
                        + "numbers=\\[3, 1, 4, 1\\], name=\"wasm\", cursor=0x[0-9a-f]{8} \"wasm\", big=12345678901, c=BLUE, "
                        + "ratio=0\\.5, flag=121 'y', s=.*"), stops.get(0));
        assertEquals("origin.y=2", stops.get(1));
        assertEquals("sum prog.c:22", stops.get(2), "step into enters sum at its first line");
        assertEquals("main prog.c:49", stops.get(3), "step out returns to the call's line");
    }

    @Test
    void aRustFunctionStopsOnItsLineWithItsVariables() {
        List<String> stops = new ArrayList<>();
        long result;
        try (Engine engine = Engine.create("wasmlang");
                        Context context = Context.newBuilder("wasmlang").engine(engine).allowIO(IOAccess.ALL)
                                        .option("wasmlang.SourcePath", SOURCES.toString()).build();
                        var session = Debugger.find(engine).startSession(event -> {
                            DebugStackFrame frame = event.getTopStackFrame();
                            stops.add(where(event) + " | " + variables(frame.getScope()) + " | rect is an address: "
                                            + frame.getScope().getDeclaredValue("rect").toDisplayString().startsWith("0x")
                                            + " | plain * scale = " + frame.eval("plain * scale").toDisplayString());
                        })) {
            // rect.rs line 12: let scaled = plain * scale;
            session.install(Breakpoint.newBuilder(SOURCES.resolve("rect.rs").toUri()).lineIs(12).build());
            Value run = Guests.module(context, "dwarf/rect.wasm").newInstance().getMember("exports").getMember("run");
            result = run.execute(6, 7).asLong();
        }
        assertEquals(-84, result);
        // DWARF names the function area; the name section, rect::area::h... (its hash).
        assertEquals(1, stops.size(), stops::toString);
        assertTrue(stops.get(0).matches("area rect\\.rs:12 \\| rect=0x[0-9a-f]{8}, scale=-2, plain=42(, scaled=-?\\d+)? \\| "
                        + "rect is an address: true \\| plain \\* scale = -84"), stops.get(0));
    }

    @Test
    void withoutTheSourceFileFunctionsAreTextAndAWarningSaysWhy() {
        List<String> stops = new ArrayList<>();
        Run run = run(Guests.bytes("dwarf/prog.wasm"), "", session -> session.suspendNextExecution(), event -> {
            if (stops.size() < 40 && !event.getTopStackFrame().getName().equals("main")) {
                event.prepareStepInto(1);
            } else if (stops.size() < 40) {
                stops.add(where(event));
            }
        });
        assertEquals(OUTPUT, run.out());
        assertTrue(!stops.isEmpty() && stops.get(0).startsWith("main prog.wasm/__original_main.wat:"), stops::toString);
        assertTrue(run.log().contains("source files its DWARF names were not found: /wasmlang/guests/dwarf/prog.c, "), run.log());
        assertTrue(run.log().contains("--wasmlang.SourcePath"), run.log());
        assertEquals(1, run.log().split("WARNING", -1).length - 1, "one warning: " + run.log());
    }

    @Test
    void corruptDwarfNeverBreaksTheRunAndFallsBackToTheTextView() {
        byte[] module = Guests.bytes("dwarf/prog.wasm").clone();
        // Give the first .debug_info unit a version no DWARF has.
        int info = customSection(module, ".debug_info");
        module[info + 4] = 99;
        module[info + 5] = 0;
        List<String> stops = new ArrayList<>();
        Run run = run(module, SOURCES.toString(), session -> session.suspendNextExecution(), event -> {
            stops.add(where(event));
        });
        assertEquals(OUTPUT, run.out());
        assertTrue(stops.get(0).contains(".wat:"), stops::toString);
        assertTrue(run.log().contains("debug info unavailable"), run.log());
        assertTrue(run.log().contains("shown as WebAssembly text"), run.log());
        assertEquals(1, run.log().split("WARNING", -1).length - 1, "one warning: " + run.log());
    }

    /** Where the contents of the custom section with this name start. */
    static int customSection(byte[] module, String name) {
        int at = 8;
        while (at < module.length) {
            int id = module[at++];
            long size = 0;
            int shift = 0;
            int b;
            do {
                b = module[at++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            int end = at + (int) size;
            if (id == 0) {
                int length = module[at] & 0x7F;
                String sectionName = new String(module, at + 1, length, StandardCharsets.UTF_8);
                if (sectionName.equals(name)) {
                    return at + 1 + length;
                }
            }
            at = end;
        }
        throw new IllegalArgumentException("no custom section " + name);
    }
}
