package org.wasmlang.launcher.wast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.wasmlang.WasmLanguage;
import org.wasmlang.module.Features;

/**
 * Runs WebAssembly spec scripts against WasmLang through the polyglot API, as a host
 * would use it. Each script gets a fresh context on one shared engine.
 * Commands it cannot run are counted as skipped with their reason, never dropped.
 */
public final class WastRunner implements AutoCloseable {
    private final Engine engine;
    /** Whether the rules the scripts run by have 64-bit tables (the spectest module then exports table64). */
    private final boolean table64;

    public WastRunner() {
        this(Map.of());
    }

    /** A runner whose engine gets these options, e.g. to force compilation of everything. */
    public WastRunner(Map<String, String> engineOptions) {
        this.table64 = Features.forVersion(engineOptions.getOrDefault("wasmlang.WasmVersion", "3.0")).memory64();
        this.engine = Engine.newBuilder(WasmLanguage.ID).option("engine.WarnInterpreterOnly", "false")
                        .allowExperimentalOptions(true).options(engineOptions).build();
    }

    /** The .wast files named, directories searched recursively, in a stable order. */
    public static List<Path> collectScripts(List<Path> roots) throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".wast")).sorted().forEach(scripts::add);
                }
            } else {
                scripts.add(root);
            }
        }
        return scripts;
    }

    /** Runs one script; a script that cannot be read or parsed counts as one failure. */
    public WastReport run(Path script) {
        WastReport report = new WastReport();
        String file = script.getFileName().toString();
        List<WastCommand> commands;
        try {
            commands = WastParser.parse(Files.readString(script, StandardCharsets.UTF_8), file);
        } catch (IOException | WastSyntaxException e) {
            report.failed("script", file, e instanceof WastSyntaxException s ? s.line() : 0, "read script",
                            e.getMessage());
            return report;
        }
        try (Context context = Context.newBuilder(WasmLanguage.ID).engine(engine).build()) {
            ScriptExecution execution = new ScriptExecution(context, file, report, table64);
            for (WastCommand command : commands) {
                execution.execute(command);
            }
        }
        return report;
    }

    @Override
    public void close() {
        engine.close();
    }
}
