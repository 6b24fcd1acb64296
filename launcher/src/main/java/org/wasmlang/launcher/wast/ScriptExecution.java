package org.wasmlang.launcher.wast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.wasmlang.WasmLanguage;
import org.wasmlang.validation.ErrorMessage;

/**
 * Runs the commands of one script in one context: modules are compiled and instantiated
 * through the polyglot API, with an import object that holds {@code spectest} and every
 * registered instance, and actions call exports like any host would.
 */
final class ScriptExecution {
    static final String TEXT_MODULE = "module in the text format (no text parser yet)";

    private final Context context;
    private final String file;
    private final WastReport report;
    /** Instances by script name ($M) and the latest one. */
    private final Map<String, Value> instancesByName = new HashMap<>();
    private final Map<String, Value> definitionsByName = new HashMap<>();
    private Value latestInstance;
    private Value latestDefinition;
    /** Module name to exports, for imports. */
    private final Map<String, Object> registered = new HashMap<>();
    private final Value importObject;
    private int moduleCounter;

    ScriptExecution(Context context, String file, WastReport report, boolean table64) {
        this.context = context;
        this.file = file;
        this.report = report;
        Value spectest = compile(SpectestModule.bytes(table64), "spectest").invokeMember("newInstance");
        registered.put("spectest", spectest.getMember("exports"));
        this.importObject = context.asValue(ProxyObject.fromMap(registered));
    }

    void execute(WastCommand command) {
        switch (command) {
            case ModuleCommand m -> defineModule(m);
            case ModuleInstanceCommand m -> instantiateDefinition(m);
            case RegisterCommand r -> register(r);
            case ActionCommand a -> runAction(a);
            case AssertReturn a -> assertReturn(a);
            case AssertTrap a -> assertTrap(a);
            case AssertInstanceTrap a -> expectInstanceFailure("assert_trap", a.line(), a.instance(), a.message());
            case AssertExhaustion a -> expectActionFailure("assert_exhaustion", a.line(), a.action(), a.message());
            case AssertMalformed a -> expectRejected("assert_malformed", a.line(), a.module(), a.message(), true);
            case AssertInvalid a -> expectRejected("assert_invalid", a.line(), a.module(), a.message(), false);
            case AssertUnlinkable a -> expectModuleFailure("assert_unlinkable", a.line(), a.module(), a.message());
            case AssertInstanceUnlinkable a -> expectInstanceFailure("assert_unlinkable", a.line(), a.instance(),
                            a.message());
            case AssertException a -> assertException(a);
            case UnsupportedCommand u -> report.skipped(u.keyword(), "command not supported by the runner");
        }
    }

    // ---- modules ----------------------------------------------------------------------

    private Value compile(byte[] bytes, String name) {
        Source source = Source.newBuilder(WasmLanguage.ID, ByteSequence.create(bytes), file + ":" + name).cached(false)
                        .buildLiteral();
        return context.eval(source);
    }

    private String nameOf(ModuleCommand m) {
        return m.name() != null ? m.name() : "module" + (++moduleCounter);
    }

    private Value instantiate(Value compiled) {
        return compiled.invokeMember("newInstance", importObject);
    }

    private void defineModule(ModuleCommand m) {
        String kind = m.definition() ? "module definition" : "module";
        if (m.form() != ModuleForm.BINARY) {
            report.skipped(kind, TEXT_MODULE);
            return;
        }
        String command = kind + (m.name() != null ? " " + m.name() : "");
        Value compiled;
        try {
            compiled = compile(m.binary(), nameOf(m));
        } catch (PolyglotException e) {
            report.failed(kind, file, m.line(), command, "rejected: " + e.getMessage());
            return;
        }
        if (m.definition()) {
            latestDefinition = compiled;
            if (m.name() != null) {
                definitionsByName.put(m.name(), compiled);
            }
            report.passed(kind);
            return;
        }
        try {
            Value instance = instantiate(compiled);
            setLatest(m.name(), instance);
            report.passed(kind);
        } catch (PolyglotException e) {
            report.failed(kind, file, m.line(), command, "instantiation failed: " + e.getMessage());
        }
    }

    private void setLatest(String name, Value instance) {
        latestInstance = instance;
        if (name != null) {
            instancesByName.put(name, instance);
        }
    }

    private Value definition(String name) {
        return name == null ? latestDefinition : definitionsByName.get(name);
    }

    private void instantiateDefinition(ModuleInstanceCommand m) {
        Value definition = definition(m.definitionName());
        if (definition == null) {
            report.failed("module instance", file, m.line(), "module instance", "no such module definition");
            return;
        }
        try {
            setLatest(m.instanceName(), instantiate(definition));
            report.passed("module instance");
        } catch (PolyglotException e) {
            report.failed("module instance", file, m.line(), "module instance", "instantiation failed: " + e.getMessage());
        }
    }

    private void register(RegisterCommand r) {
        Value instance = r.moduleName() == null ? latestInstance : instancesByName.get(r.moduleName());
        if (instance == null) {
            report.failed("register", file, r.line(), "register \"" + r.asName() + "\"", "no such module instance");
            return;
        }
        registered.put(r.asName(), instance.getMember("exports"));
        report.passed("register");
    }

    // ---- actions -------------------------------------------------------------------------

    /** Runs an action; PolyglotExceptions from the guest propagate to the caller. */
    private Value perform(Action action) {
        Value instance = action.moduleName() == null ? latestInstance : instancesByName.get(action.moduleName());
        if (instance == null) {
            throw new IllegalStateException("no module instance " + (action.moduleName() == null ? "" : action.moduleName()));
        }
        Value export = instance.getMember("exports").getMember(action.field());
        if (export == null) {
            throw new IllegalStateException("no export \"" + action.field() + "\"");
        }
        return switch (action) {
            case Action.Invoke invoke -> export.execute(invoke.args().stream().map(ScriptExecution::hostValue).toArray());
            case Action.Get get -> export.getMember("value");
        };
    }

    private static Object hostValue(WastValue value) {
        return switch (value) {
            case WastValue.I32 v -> v.bits();
            case WastValue.I64 v -> v.bits();
            case WastValue.F32 v -> Float.intBitsToFloat(v.bits());
            case WastValue.F64 v -> Double.longBitsToDouble(v.bits());
            case WastValue.RefNull v -> null;
            case WastValue.RefExtern v -> new ExternRef(v.id());
            case WastValue.RefHost v -> new ExternRef(v.id());
            case WastValue.V128 v -> {
                // WasmLang takes a v128 from the host as an array of its 16 bytes.
                Object[] bytes = new Object[16];
                for (int i = 0; i < 16; i++) {
                    bytes[i] = (int) v.bytes()[i];
                }
                yield ProxyArray.fromArray(bytes);
            }
        };
    }

    private static String kindOf(Action action) {
        return action instanceof Action.Invoke ? "invoke" : "get";
    }

    private String describe(Action action) {
        return (action instanceof Action.Invoke ? "invoke" : "get") + " \"" + action.field() + "\"";
    }

    private void runAction(ActionCommand a) {
        String kind = kindOf(a.action());
        try {
            perform(a.action());
            report.passed(kind);
        } catch (PolyglotException | IllegalStateException | UnsupportedOperationException e) {
            report.failed(kind, file, a.line(), describe(a.action()), "failed: " + e.getMessage());
        }
    }

    private void assertReturn(AssertReturn a) {
        String command = "assert_return " + describe(a.action());
        Value result;
        try {
            result = perform(a.action());
        } catch (UnsupportedOperationException e) {
            report.skipped("assert_return", e.getMessage());
            return;
        } catch (PolyglotException | IllegalStateException e) {
            report.failed("assert_return", file, a.line(), command, "failed: " + e.getMessage());
            return;
        }
        List<Expected> expected = a.results();
        String mismatch = ResultMatcher.mismatch(expected, result);
        if (mismatch == null) {
            report.passed("assert_return");
        } else {
            report.failed("assert_return", file, a.line(), command, mismatch);
        }
    }

    private void assertTrap(AssertTrap a) {
        if (a.module() != null) {
            expectModuleFailure("assert_trap", a.line(), a.module(), a.message());
        } else {
            expectActionFailure("assert_trap", a.line(), a.action(), a.message());
        }
    }

    private void expectActionFailure(String kind, int line, Action action, String expected) {
        String command = kind + " " + describe(action) + " \"" + expected + "\"";
        try {
            Value result = perform(action);
            report.failed(kind, file, line, command, "returned " + result + " instead of failing");
        } catch (UnsupportedOperationException e) {
            report.skipped(kind, e.getMessage());
        } catch (IllegalStateException e) {
            report.failed(kind, file, line, command, e.getMessage());
        } catch (PolyglotException e) {
            checkFailure(kind, line, command, expected, e);
        }
    }

    /** The action must end in an uncaught Wasm exception (not a trap): a guest exception with a tag. */
    private void assertException(AssertException a) {
        String kind = "assert_exception";
        String command = kind + " " + describe(a.action());
        try {
            Value result = perform(a.action());
            report.failed(kind, file, a.line(), command, "returned " + result + " instead of throwing");
        } catch (UnsupportedOperationException e) {
            report.skipped(kind, e.getMessage());
        } catch (IllegalStateException e) {
            report.failed(kind, file, a.line(), command, e.getMessage());
        } catch (PolyglotException e) {
            Value exception = e.isGuestException() ? e.getGuestObject() : null;
            if (e.isInternalError() || e.isHostException() || exception == null || !exception.hasMember("tag")) {
                report.failed(kind, file, a.line(), command, "not a Wasm exception: " + e.getMessage());
            } else {
                report.passed(kind);
            }
        }
    }

    private void checkFailure(String kind, int line, String command, String expected, PolyglotException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.isInternalError() || e.isHostException()) {
            report.failed(kind, file, line, command, "internal error: " + e);
        } else if (!message.startsWith(expected)) {
            report.failed(kind, file, line, command, "wrong message: " + message);
        } else {
            report.passed(kind);
        }
    }

    /** assert_unlinkable and assert_trap on a module: it compiles, but instantiating it fails. */
    private void expectModuleFailure(String kind, int line, ModuleCommand module, String expected) {
        if (module.form() != ModuleForm.BINARY) {
            report.skipped(kind, TEXT_MODULE);
            return;
        }
        String command = "(" + kind + " module \"" + expected + "\")";
        Value compiled;
        try {
            compiled = compile(module.binary(), nameOf(module));
        } catch (PolyglotException e) {
            report.failed(kind, file, line, command, "the module was rejected: " + e.getMessage());
            return;
        }
        try {
            instantiate(compiled);
            report.failed(kind, file, line, command, "instantiation succeeded");
        } catch (PolyglotException e) {
            checkFailure(kind, line, command, expected, e);
        }
    }

    private void expectInstanceFailure(String kind, int line, ModuleInstanceCommand instance, String expected) {
        String command = "(" + kind + " (module instance) \"" + expected + "\")";
        Value definition = definition(instance.definitionName());
        if (definition == null) {
            report.failed(kind, file, line, command, "no such module definition");
            return;
        }
        try {
            instantiate(definition);
            report.failed(kind, file, line, command, "instantiation succeeded");
        } catch (PolyglotException e) {
            checkFailure(kind, line, command, expected, e);
        }
    }

    private void expectRejected(String kind, int line, ModuleCommand module, String expected, boolean malformed) {
        if (module.form() != ModuleForm.BINARY) {
            report.skipped(kind, TEXT_MODULE);
            return;
        }
        String command = "(" + kind + " \"" + expected + "\")";
        try {
            compile(module.binary(), nameOf(module));
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
