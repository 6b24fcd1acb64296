package org.wasmlang.debugging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmlang.testing.Json.at;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.testing.TestPaths;

/**
 * A Chrome DevTools session with {@code wasmlang run --inspect}, message by message as DevTools
 * sends them: the inspector runs in a {@code wasmlang} process of its own
 * ({@link WasmLangProcess}), the test talks to it over a WebSocket ({@link CdpClient}).
 *
 * <p>The guest, guests/calls.wat, has no debug info beyond its name section: what the debugger
 * shows is its text view. The test finds the text of a function by its name in the script's
 * URL and its lines by their instructions, so it holds whether the text view is one script per
 * module ({@code calls.wat}) or per function ({@code calls.wasm/sum_of_squares.wat}).
 */
class CdpDebuggerTest {
    private static final String MODULE = "calls";
    private static final String CALLER = "sum_of_squares";
    private static final String CALLEE = "square";

    @TempDir Path dir;
    private WasmLangProcess launcher;
    private CdpClient cdp;

    @AfterEach
    void end() throws InterruptedException {
        if (cdp != null) {
            cdp.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    private static String guest() {
        return TestPaths.projectRoot().resolve("tests/src/test/resources/guests/" + MODULE + ".wasm").toString();
    }

    /**
     * Whether a script URL is the text view of this function, alone ({@code .../FUNCTION.wat})
     * or in its module's text ({@code .../MODULE.wat}).
     */
    private static boolean textViewOf(Object url, String function) {
        if (!(url instanceof String u)) {
            return false;
        }
        String name = u.substring(u.lastIndexOf('/') + 1);
        return name.equals(function + ".wat") || name.equals(MODULE + ".wat");
    }

    @Test
    void devToolsStopsAtABreakpointShowsParametersStepsIntoAndOutOfACallAndResumes() throws Exception {
        WasmLangProcess.Result plain;
        try (WasmLangProcess run = WasmLangProcess.start(dir, "run", "--invoke", CALLER, guest(), "3", "4")) {
            plain = run.awaitExit(120);
        }
        assertEquals(0, plain.status(), plain.err());
        assertEquals("25\n", plain.out(), plain.err());

        launcher = WasmLangProcess.start(dir, "run", "--inspect=127.0.0.1:0", "--invoke", CALLER, guest(), "3", "4");
        cdp = CdpClient.connect(launcher.awaitDebuggerUrl());
        cdp.send("Runtime.enable");
        cdp.send("Debugger.enable");
        cdp.send("Runtime.runIfWaitingForDebugger");
        // --inspect.Suspend (on by default) stops before the first instruction that runs.
        Map<String, Object> paused = cdp.awaitEvent("Debugger.paused");
        assertEquals(CALLER, at(paused, "callFrames", 0, "functionName"), cdp.trafficSoFar());

        // 1. The function's text is a script, 2. whose text has its instructions.
        Map<String, Object> script = cdp.awaitEvent("Debugger.scriptParsed", p -> textViewOf(p.get("url"), CALLER));
        String url = (String) script.get("url");
        String text = scriptSource(script.get("scriptId"));
        List<String> lines = text.lines().toList();
        int secondCall = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("call $" + CALLEE)) {
                secondCall = i;
            }
        }
        assertTrue(secondCall >= 0, "no line \"call $" + CALLEE + "\" in " + url + ":\n" + text);

        // 3. A breakpoint on the second call stops there, in the caller.
        Map<String, Object> breakpoint = cdp.send("Debugger.setBreakpointByUrl", Map.of("url", url, "lineNumber", secondCall));
        String breakpointId = (String) breakpoint.get("breakpointId");
        assertNotNull(breakpointId, cdp.trafficSoFar());
        cdp.send("Debugger.resume");
        paused = cdp.awaitEvent("Debugger.paused");
        assertEquals(List.of(breakpointId), paused.get("hitBreakpoints"), cdp.trafficSoFar());
        assertEquals(CALLER, at(paused, "callFrames", 0, "functionName"), cdp.trafficSoFar());
        assertEquals((long) secondCall, at(paused, "callFrames", 0, "location", "lineNumber"), cdp.trafficSoFar());
        assertEquals(url, at(paused, "callFrames", 0, "url"), cdp.trafficSoFar());
        long callColumn = (long) at(paused, "callFrames", 0, "location", "columnNumber");

        // 4. The local scope: the parameters as passed, the local as the first call left it,
        // the operand stack (sa for the i32.add, b for the call).
        assertEquals(Map.of("a", 3L, "b", 4L, "sa", 9L, "$stack", "[9, 4]"), locals(paused));

        // 5. Into the callee: its text, its instruction, its parameter; the caller below it.
        cdp.send("Debugger.stepInto");
        paused = cdp.awaitEvent("Debugger.paused");
        assertEquals(CALLEE, at(paused, "callFrames", 0, "functionName"), cdp.trafficSoFar());
        assertEquals(CALLER, at(paused, "callFrames", 1, "functionName"), cdp.trafficSoFar());
        assertTrue(textViewOf(at(paused, "callFrames", 0, "url"), CALLEE), cdp.trafficSoFar());
        assertEquals("i32.mul", lineAt(paused, 0).strip(), cdp.trafficSoFar());
        assertEquals(Map.of("x", 4L, "$stack", "[4, 4]"), locals(paused));
        // ... and out again, to the caller: Truffle stops at the end of the call that returned.
        cdp.send("Debugger.stepOut");
        paused = cdp.awaitEvent("Debugger.paused");
        assertEquals(CALLER, at(paused, "callFrames", 0, "functionName"), cdp.trafficSoFar());
        assertEquals(1, ((List<?>) paused.get("callFrames")).size(), cdp.trafficSoFar());
        assertEquals(url, at(paused, "callFrames", 0, "url"), cdp.trafficSoFar());
        assertEquals((long) secondCall, at(paused, "callFrames", 0, "location", "lineNumber"), cdp.trafficSoFar());
        assertTrue((long) at(paused, "callFrames", 0, "location", "columnNumber") > callColumn,
                        "stepOut should stop after the call" + cdp.trafficSoFar());
        // Truffle asks a frame it returned to after a step out for the call's entry scope, so
        // the stack is the one the call started with.
        assertEquals(Map.of("a", 3L, "b", 4L, "sa", 9L, "$stack", "[9, 4]"), locals(paused));

        // 6. Resumed, the program ends as it does without the debugger.
        cdp.send("Debugger.resume");
        WasmLangProcess.Result debugged = launcher.awaitExit(120);
        assertEquals(plain.status(), debugged.status(), debugged.err());
        assertEquals(plain.out(), debugged.out(), debugged.err());
    }

    /**
     * The same with a C program built with {@code clang-19 -O0 -g} (guests/dwarf/prog.c): its
     * C file is a script, a breakpoint on a C line stops there in {@code main}, the local scope
     * holds the C variables with C-style values, and steps go by C lines.
     */
    @Test
    void devToolsDebugsACProgramInItsCSource() throws Exception {
        Path sources = TestPaths.projectRoot().resolve("tests/src/test/resources/guests/dwarf");
        String program = sources.resolve("prog.wasm").toString();
        WasmLangProcess.Result plain;
        try (WasmLangProcess run = WasmLangProcess.start(dir, "run", program)) {
            plain = run.awaitExit(120);
        }
        assertEquals(0, plain.status(), plain.err());
        assertEquals("hello wasm 9 12 12345678901 6 0.500000 y wasm\n", plain.out(), plain.err());

        launcher = WasmLangProcess.start(dir, "run", "--inspect=127.0.0.1:0", "--wasmlang.SourcePath=" + sources, program);
        cdp = CdpClient.connect(launcher.awaitDebuggerUrl());
        cdp.send("Runtime.enable");
        cdp.send("Debugger.enable");
        cdp.send("Runtime.runIfWaitingForDebugger");
        cdp.awaitEvent("Debugger.paused");

        // prog.c line 49: int s = sum(numbers, 4); (DevTools counts lines from 0)
        Map<String, Object> breakpoint = cdp.send("Debugger.setBreakpointByUrl",
                        Map.of("urlRegex", ".*/prog\\.c$", "lineNumber", 48));
        String breakpointId = (String) breakpoint.get("breakpointId");
        cdp.send("Debugger.resume");
        Map<String, Object> paused = cdp.awaitEvent("Debugger.paused");
        assertEquals(List.of(breakpointId), paused.get("hitBreakpoints"), cdp.trafficSoFar());
        assertEquals("main", at(paused, "callFrames", 0, "functionName"), cdp.trafficSoFar());
        assertEquals(48L, at(paused, "callFrames", 0, "location", "lineNumber"), cdp.trafficSoFar());
        String url = (String) at(paused, "callFrames", 0, "url");
        assertTrue(url.endsWith("/prog.c"), url);
        Map<String, Object> script = cdp.awaitEvent("Debugger.scriptParsed", p -> url.equals(p.get("url")));
        assertEquals("int s = sum(numbers, 4);", scriptSource(script.get("scriptId")).lines().toList().get(48).strip());

        Map<String, Object> main = shown(paused);
        assertTrue(main.keySet().containsAll(List.of("origin", "corner", "numbers", "name", "cursor", "big", "c", "ratio",
                        "flag", "s")), main.toString());
        assertEquals("{x = 1, y = 2}", main.get("origin"));
        assertEquals("[3, 1, 4, 1]", main.get("numbers"));
        assertEquals(12345678901L, main.get("big"));
        assertEquals("BLUE", main.get("c"));
        assertEquals(0.5, main.get("ratio"));
        assertEquals("121 'y'", main.get("flag"));
        assertTrue(((String) main.get("cursor")).matches("0x[0-9a-f]{8} \"wasm\""), main.toString());

        // Into sum: its first line; its parameters as main passed them.
        cdp.send("Debugger.stepInto");
        paused = cdp.awaitEvent("Debugger.paused");
        assertEquals("sum", at(paused, "callFrames", 0, "functionName"), cdp.trafficSoFar());
        assertEquals("main", at(paused, "callFrames", 1, "functionName"), cdp.trafficSoFar());
        assertEquals(21L, at(paused, "callFrames", 0, "location", "lineNumber"), cdp.trafficSoFar());
        assertEquals(4L, shown(paused).get("count"));
        // ... and out again, to main's line.
        cdp.send("Debugger.stepOut");
        paused = cdp.awaitEvent("Debugger.paused");
        assertEquals("main", at(paused, "callFrames", 0, "functionName"), cdp.trafficSoFar());
        assertEquals(48L, at(paused, "callFrames", 0, "location", "lineNumber"), cdp.trafficSoFar());

        cdp.send("Debugger.removeBreakpoint", Map.of("breakpointId", breakpointId));
        cdp.send("Debugger.resume");
        WasmLangProcess.Result debugged = launcher.awaitExit(120);
        assertEquals(plain.status(), debugged.status(), debugged.err());
        assertEquals(plain.out(), debugged.out(), debugged.err());
    }

    /**
     * The top frame's local scope as DevTools shows it: plain numbers as numbers, others (and
     * numbers with a source display, as a char's {@code 121 'y'}) by their description.
     */
    private Map<String, Object> shown(Map<String, Object> paused) throws InterruptedException {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (Object property : localScopeProperties(paused)) {
            Object value = at(property, "value", "value");
            Object description = at(property, "value", "description");
            boolean plain = value != null && (description == null || description.equals(String.valueOf(value)));
            shown.put((String) at(property, "name"), plain ? value : description);
        }
        return shown;
    }

    /**
     * The properties of the top frame's local scope as DevTools reads them: the scope's object
     * from the paused event's scope chain, its properties from Runtime.getProperties.
     */
    private List<?> localScopeProperties(Map<String, Object> paused) throws InterruptedException {
        Object objectId = null;
        for (Object scope : (List<?>) at(paused, "callFrames", 0, "scopeChain")) {
            if ("local".equals(at(scope, "type"))) {
                objectId = at(scope, "object", "objectId");
                break;
            }
        }
        assertNotNull(objectId, "no scope of type local in the top frame" + cdp.trafficSoFar());
        Map<String, Object> properties = cdp.send("Runtime.getProperties", Map.of("objectId", objectId, "ownProperties", true));
        return (List<?>) properties.get("result");
    }

    private String scriptSource(Object scriptId) throws InterruptedException {
        Object text = cdp.send("Debugger.getScriptSource", Map.of("scriptId", scriptId)).get("scriptSource");
        assertTrue(text instanceof String, "no scriptSource for script " + scriptId + cdp.trafficSoFar());
        return (String) text;
    }

    /** The text of the line a paused frame is at. */
    private String lineAt(Map<String, Object> paused, int frame) throws InterruptedException {
        List<String> lines = scriptSource(at(paused, "callFrames", frame, "location", "scriptId")).lines().toList();
        int line = (int) (long) at(paused, "callFrames", frame, "location", "lineNumber");
        return line < lines.size() ? lines.get(line) : "(line " + line + " of " + lines.size() + ")";
    }

    /**
     * The variables of the top frame's local scope, by name (see {@link #localScopeProperties}).
     * Each must be a number, but the operand stack, an array shown by its description.
     */
    private Map<String, Object> locals(Map<String, Object> paused) throws InterruptedException {
        Map<String, Object> locals = new LinkedHashMap<>();
        for (Object property : localScopeProperties(paused)) {
            if ("$stack".equals(at(property, "name"))) {
                assertEquals("array", at(property, "value", "subtype"), cdp.trafficSoFar());
                locals.put("$stack", at(property, "value", "description"));
                continue;
            }
            assertEquals("number", at(property, "value", "type"), cdp.trafficSoFar());
            locals.put((String) at(property, "name"), at(property, "value", "value"));
        }
        return locals;
    }
}
