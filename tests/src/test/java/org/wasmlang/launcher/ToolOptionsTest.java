package org.wasmlang.launcher;

import static org.wasmlang.launcher.Outcome.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.testing.TestPaths;
import org.wasmlang.testing.WasmBinary;

/**
 * The polyglot tool and engine options of {@code wasmlang run}: taken before the file as
 * other GraalVM launchers take them, handed to the engine, refused by name when unknown.
 * The tools see Wasm functions by name, located in the module's text view.
 */
class ToolOptionsTest {
    @TempDir Path dir;

    private String module() throws IOException {
        WasmBinary b = new WasmBinary();
        int type = b.type(new int[]{WasmBinary.I32, WasmBinary.I32}, new int[]{WasmBinary.I32});
        b.export("add", b.function(type, new int[0], 0x20, 0x00, 0x20, 0x01, 0x6A));
        Path file = dir.resolve("add.wasm");
        Files.write(file, b.build());
        return file.toString();
    }

    @Test
    void optionsAreSpelledAsGraalVmLaunchersSpellThem() {
        PolyglotOptions options = new PolyglotOptions();
        assertTrue(options.take("--inspect"));
        assertTrue(options.take("--inspect.Suspend=false"));
        assertTrue(options.take("--log.wasmlang.level=FINE"));
        assertTrue(options.take("--experimental-options"));
        assertFalse(options.take("-x"));
        assertFalse(options.take("--=1"));
        assertFalse(options.take("file.wasm"));
        assertEquals(Map.of("inspect", "true", "inspect.Suspend", "false", "log.wasmlang.level", "FINE"), options.options());
        assertTrue(options.experimental());
    }

    @Test
    void inspectPrintsTheDevToolsUrl() throws IOException {
        Outcome o = run("run", "--inspect=127.0.0.1:0", "--inspect.Suspend=false", module(), "--invoke", "add", "40", "2");
        assertEquals(0, o.status(), o.err());
        assertEquals("42", o.out().strip());
        assertTrue(o.err().matches("(?s).*Debugger listening on ws://127\\.0\\.0\\.1:\\d+/\\S+.*"), o.err());
    }

    @Test
    void cpuSamplerAndTracerReport() throws IOException {
        Outcome sampler = run("run", "--cpusampler", module(), "--invoke", "add", "1", "2");
        assertEquals(0, sampler.status(), sampler.err());
        assertTrue(sampler.out().startsWith("3\n"), sampler.out());
        assertTrue(sampler.out().contains("Sampling Histogram"), sampler.out());
        Outcome tracer = run("run", "--cputracer", module(), "--invoke", "add", "1", "2");
        assertEquals(0, tracer.status(), tracer.err());
        assertTrue(tracer.out().contains("Tracing Histogram"), tracer.out());
    }

    @Test
    void theToolsNameWasmFunctionsInTheTextView() {
        String module = org.wasmlang.testing.TestPaths.projectRoot().resolve("tests/src/test/resources/guests/statements.wasm").toString();
        Outcome tracer = run("run", "--cputracer", module, "--invoke", "count", "1000");
        assertEquals(0, tracer.status(), tracer.err());
        assertTrue(tracer.out().matches("(?s).*\\n count +\\| +1 100\\.0% .*statements\\.wasm/count\\.wat~1-17:.*"), tracer.out());
        Outcome sampler = run("run", "--cpusampler", "--cpusampler.Period=1", module, "--invoke", "count", "20000000");
        assertEquals(0, sampler.status(), sampler.err());
        assertTrue(sampler.out().matches("(?s).*\\n count +\\|\\| +\\d+ms .*statements\\.wasm/count\\.wat~1-17:.*"), sampler.out());
    }

    @Test
    void engineAndLanguageOptionsReachTheEngine() throws IOException {
        // A bad value is the engine's complaint: the option was handed on.
        Outcome badValue = run("run", "--engine.CompilationFailureAction=Sometimes", module(), "--invoke", "add", "1", "2");
        assertEquals(2, badValue.status());
        assertTrue(badValue.err().contains("CompilationFailureAction"), badValue.err());
        assertEquals(0, run("run", "--engine.CompilationFailureAction=Silent", module(), "--invoke", "add", "1", "2").status());
        Outcome version = run("run", "--wasmlang.WasmVersion=1.0", module(), "--invoke", "add", "1", "2");
        assertEquals(2, version.status());
        assertTrue(version.err().contains("unknown Wasm version '1.0'"), version.err());
    }

    @Test
    void unknownAndExperimentalOptionsAreNamed() throws IOException {
        Outcome unknown = run("run", "--inspekt", "--cpusampler.Periodd=5", module(), "--invoke", "add", "1", "2");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("wasmlang run: unknown options --inspekt, --cpusampler.Periodd=5"), unknown.err());
        assertTrue(unknown.err().contains("usage: wasmlang run"), unknown.err());
        Outcome experimental = run("run", "--memtracer", module(), "--invoke", "add", "1", "2");
        assertEquals(2, experimental.status());
        assertTrue(experimental.err().startsWith("wasmlang run: --memtracer is experimental: add --experimental-options"),
                        experimental.err());
        Outcome allowed = run("run", "--experimental-options", "--memtracer", module(), "--invoke", "add", "1", "2");
        assertEquals(0, allowed.status(), allowed.err());
        Outcome wast = run("wast", "--no-such-option", dir.toString());
        assertEquals(2, wast.status());
        assertTrue(wast.err().contains("unknown option --no-such-option"), wast.err());
    }

    @Test
    void helpListsTheOptions() {
        Outcome tools = run("--help:tools");
        assertEquals(0, tools.status());
        assertTrue(tools.out().contains("\n  --inspect=[[<host>]:<port>]"), tools.out());
        assertTrue(tools.out().contains("\n  --inspect.Suspend=true|false"), tools.out());
        assertTrue(tools.out().contains("\n  --cpusampler"), tools.out());
        assertTrue(run("--help:engine").out().contains("\n  --engine.CompilationFailureAction="));
        assertTrue(run("--help:languages").out().contains("\n  --wasmlang.WasmVersion=3.0|2.0"));
        assertTrue(run("run", "--help:tools").out().contains("--cputracer"));
        String help = run("--help").out();
        assertTrue(help.contains("--inspect[=[HOST:]PORT]") && help.contains("--cpusampler") && help.contains("--help:tools"), help);
    }

    /** The tools are the launcher's runtime dependencies, never the language's. */
    @Test
    void theLanguageJarDoesNotDependOnTheTools() throws IOException {
        Path root = TestPaths.projectRoot();
        assertFalse(Files.readString(root.resolve("language/pom.xml")).contains("org.graalvm.tools"));
        String launcher = Files.readString(root.resolve("launcher/pom.xml"));
        assertTrue(launcher.contains("<artifactId>chromeinspector-tool</artifactId>"), "launcher/pom.xml");
        assertTrue(launcher.contains("<artifactId>profiler-tool</artifactId>"), "launcher/pom.xml");
        String suite = Files.readString(root.resolve("mx.wasmlang/suite.py"));
        String languageProject = suite.substring(suite.indexOf("\"org.wasmlang\": {"), suite.indexOf("\"org.wasmlang.launcher\": {"));
        assertFalse(languageProject.contains("tools:"), "the mx language project names a tool");
        assertTrue(suite.contains("tools:CHROMEINSPECTOR") && suite.contains("tools:TRUFFLE_PROFILER"), "mx.wasmlang/suite.py");
    }
}
