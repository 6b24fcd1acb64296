package org.wasmlang.launcher.wast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.wasmlang.WasmLanguage;
import org.wasmlang.validation.ErrorMessage;

/**
 * Runs WebAssembly spec scripts against WasmLang through the polyglot API, as a host
 * would use it. Each script gets a fresh context on one shared engine.
 *
 * <p>Commands that need the execution engine (instantiation, invocation) are counted as
 * skipped with their reason until it exists; nothing is dropped silently.
 */
public final class WastRunner implements AutoCloseable {
    static final String NEEDS_EXECUTION = "needs the execution engine (not implemented yet)";
    static final String TEXT_MODULE = "module in the text format (no text parser yet)";

    private final Engine engine;

    public WastRunner() {
        this.engine = Engine.newBuilder(WasmLanguage.ID).option("engine.WarnInterpreterOnly", "false").build();
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
            ScriptState state = new ScriptState(context, file, report);
            for (WastCommand command : commands) {
                state.execute(command);
            }
        }
        return report;
    }

    @Override
    public void close() {
        engine.close();
    }

    /** The modules a script has defined so far, by name. */
    private static final class ScriptState {
        private final Context context;
        private final String file;
        private final WastReport report;
        private final Map<String, Value> modulesByName = new HashMap<>();
        private int moduleCounter;

        ScriptState(Context context, String file, WastReport report) {
            this.context = context;
            this.file = file;
            this.report = report;
        }

        void execute(WastCommand command) {
            switch (command) {
                case ModuleCommand m -> defineModule(m);
                case AssertMalformed a -> expectRejected("assert_malformed", a.line(), a.module(), a.message(), true);
                case AssertInvalid a -> expectRejected("assert_invalid", a.line(), a.module(), a.message(), false);
                case ModuleInstanceCommand m -> report.skipped("module instance", NEEDS_EXECUTION);
                case RegisterCommand r -> report.skipped("register", NEEDS_EXECUTION);
                case ActionCommand a -> report.skipped(actionKind(a.action()), NEEDS_EXECUTION);
                case AssertReturn a -> report.skipped("assert_return", NEEDS_EXECUTION);
                case AssertTrap a -> report.skipped("assert_trap", NEEDS_EXECUTION);
                case AssertInstanceTrap a -> report.skipped("assert_trap", NEEDS_EXECUTION);
                case AssertExhaustion a -> report.skipped("assert_exhaustion", NEEDS_EXECUTION);
                case AssertUnlinkable a -> report.skipped("assert_unlinkable", NEEDS_EXECUTION);
                case AssertInstanceUnlinkable a -> report.skipped("assert_unlinkable", NEEDS_EXECUTION);
                case AssertException a -> report.skipped("assert_exception", NEEDS_EXECUTION);
                case UnsupportedCommand u -> report.skipped(u.keyword(), "command not supported by the runner");
            }
        }

        private static String actionKind(Action action) {
            return action instanceof Action.Invoke ? "invoke" : "get";
        }

        private Value compile(ModuleCommand module) {
            String name = module.name() != null ? module.name() : "module" + (++moduleCounter);
            Source source = Source.newBuilder(WasmLanguage.ID, ByteSequence.create(module.binary()), file + ":" + name)
                            .cached(false).buildLiteral();
            return context.eval(source);
        }

        /** A module must decode and validate; instantiating it waits for the engine. */
        private void defineModule(ModuleCommand m) {
            String kind = m.definition() ? "module definition" : "module";
            if (m.form() != ModuleForm.BINARY) {
                report.skipped(kind, TEXT_MODULE);
                return;
            }
            try {
                Value compiled = compile(m);
                if (m.name() != null) {
                    modulesByName.put(m.name(), compiled);
                }
                report.passed(kind);
            } catch (PolyglotException e) {
                report.failed(kind, file, m.line(), kind + (m.name() != null ? " " + m.name() : ""),
                                "rejected: " + e.getMessage());
            }
        }

        private void expectRejected(String kind, int line, ModuleCommand module, String expected, boolean malformed) {
            if (module.form() != ModuleForm.BINARY) {
                report.skipped(kind, TEXT_MODULE);
                return;
            }
            String command = "(" + kind + " \"" + expected + "\")";
            try {
                compile(module);
                report.failed(kind, file, line, command, "the module was accepted");
            } catch (PolyglotException e) {
                String message = e.getMessage() == null ? "" : e.getMessage();
                ErrorMessage error = e.isSyntaxError() ? ErrorMessage.ofMessage(message) : null;
                if (error == null || e.isInternalError()) {
                    report.failed(kind, file, line, command, "unexpected error: " + message);
                } else if (error.isMalformed() != malformed) {
                    report.failed(kind, file, line, command, "rejected as " + (error.isMalformed() ? "malformed" : "invalid")
                                    + " instead: " + message);
                } else if (!message.startsWith(expected)) {
                    report.failed(kind, file, line, command, "wrong message: " + message);
                } else {
                    report.passed(kind);
                }
            }
        }
    }
}
