package org.wasmlang.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.module.Export;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.Features;
import org.wasmlang.module.Import;
import org.wasmlang.module.Module;
import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.TrapKind;

/**
 * The WasmLang half of the differential fuzzer: runs a module as tools/fuzz/v8-harness.cjs
 * runs it in V8 (binaryen's fuzz_shell.js semantics) and writes the same event lines. Many
 * modules share one engine; each gets a context of its own.
 */
public final class WasmLangRunner implements AutoCloseable {
    private final Engine engine;
    private final Source logger;
    private final Timer watchdog = new Timer("fuzz-watchdog", true);

    /**
     * @param compiled whether every function is compiled before its first call (the JIT's
     *            code rather than the interpreter, which runs most of a module's single calls)
     */
    public WasmLangRunner(byte[] loggerModule, boolean compiled) {
        Engine.Builder builder = Engine.newBuilder("wasmlang").option("engine.WarnInterpreterOnly", "false");
        if (compiled) {
            builder.allowExperimentalOptions(true).option("engine.CompileImmediately", "true")
                            .option("engine.BackgroundCompilation", "false").option("engine.CompilationFailureAction", "Throw");
        }
        this.engine = builder.build();
        this.logger = Source.newBuilder("wasmlang", ByteSequence.create(loggerModule), "logger.wasm").buildLiteral();
    }

    /** A host error as JavaScript raises it: the kind is what the event line says. */
    static final class HostError extends RuntimeException {
        final String event;

        HostError(String event) {
            super(event, null, false, false);
            this.event = event;
        }
    }

    /** An imported externref global's value, as fuzz_shell.js makes it from the import's names. */
    public record Payload(int payload) {
    }

    /**
     * The events of one module. A module still running after {@code timeoutMillis} is
     * cancelled and its events end with {@code timeout}. Whatever WasmLang throws that is
     * neither a Wasm outcome nor a host error the harness raised is reported as {@code crash
     * ...}: the mutation mode and the comparison both treat it as a failure.
     */
    public List<String> run(byte[] bytes, long timeoutMillis) {
        List<String> events = new ArrayList<>();
        try (Context context = Context.newBuilder("wasmlang").engine(engine).build()) {
            TimerTask cancel = new TimerTask() {
                @Override
                public void run() {
                    context.close(true);
                }
            };
            watchdog.schedule(cancel, timeoutMillis);
            try {
                new ModuleRun(context, bytes, events).run();
            } catch (PolyglotException e) {
                if (e.isCancelled()) {
                    events.add("timeout");
                } else {
                    events.add("crash " + e);
                }
            } finally {
                cancel.cancel();
            }
        } catch (PolyglotException e) {
            if (!e.isCancelled()) {
                events.add("crash " + e);
            }
        } catch (RuntimeException | StackOverflowError e) {
            events.add("crash " + e);
        }
        return events;
    }

    @Override
    public void close() {
        watchdog.cancel();
        engine.close();
    }

    private final class ModuleRun {
        private final Context context;
        private final byte[] bytes;
        private final List<String> events;
        private final List<Value> exportValues = new ArrayList<>();
        private Value wasmtag;
        private Value table;

        ModuleRun(Context context, byte[] bytes, List<String> events) {
            this.context = context;
            this.bytes = bytes;
            this.events = events;
        }

        void run() {
            Value module;
            Module decoded;
            try {
                module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(bytes), "fuzz.wasm").cached(false).buildLiteral());
                decoded = ModuleDecoder.decode(bytes, Features.DEFAULT);
            } catch (PolyglotException e) {
                if (e.isSyntaxError()) {
                    events.add("invalid");
                    return;
                }
                throw e;
            }
            Value wasm = context.getBindings("wasmlang");
            Value loggerExports = context.eval(logger).invokeMember("newInstance", ProxyObject.fromMap(Map.of("host", ProxyObject.fromMap(hostFunctions()))))
                            .getMember("exports");
            wasmtag = loggerExports.getMember("wasmtag");
            Map<String, Object> support = new HashMap<>();
            for (String name : List.of("log-i32", "log-i64", "log-f32", "log-f64", "log-v128", "throw", "wasmtag")) {
                support.put(name, loggerExports.getMember(name));
            }
            supportFunctions(support);
            // WebAssembly.JSTag belongs to JavaScript: the V8 harness gives an ordinary tag too.
            support.put("jstag", wasm.getMember("Tag").newInstance(ProxyArray.fromArray("externref")));
            Map<String, Map<String, Object>> importObject = new HashMap<>();
            importObject.put("fuzzing-support", support);
            importObject.put("env", new HashMap<>(Map.of("setTempRet0", (ProxyExecutable) a -> null,
                            "getTempRet0", (ProxyExecutable) a -> 0)));
            for (int i = 0; i < decoded.importCount(); i++) {
                Import imp = decoded.importAt(i);
                if (imp.kind() == ExternKind.GLOBAL && decoded.globalType(imp.indexInKind()).valueType() == ValueType.EXTERNREF) {
                    importObject.computeIfAbsent(imp.module(), m -> new HashMap<>()).computeIfAbsent(imp.name(),
                                    n -> wasm.getMember("Global").newInstance("externref", false, payloadOf(imp.module(), imp.name())));
                }
            }
            Map<String, Object> proxies = new HashMap<>();
            importObject.forEach((name, members) -> proxies.put(name, ProxyObject.fromMap(members)));
            Value instance;
            try {
                instance = module.invokeMember("newInstance", ProxyObject.fromMap(proxies));
            } catch (PolyglotException e) {
                events.add("instantiate " + outcome(e));
                return;
            }
            Value exports = instance.getMember("exports");
            for (int i = 0; i < decoded.exportCount(); i++) {
                exportValues.add(exports.getMember(decoded.export(i).name()));
            }
            table = exports.hasMember("table") ? exports.getMember("table") : null;
            for (int i = 0; i < decoded.exportCount(); i++) {
                Export export = decoded.export(i);
                Value value = exportValues.get(i);
                if (export.kind() == ExternKind.GLOBAL) {
                    events.add("global " + export.name());
                    int type = decoded.globalType(export.index()).valueType();
                    events.add(jsVisible(type) ? "value " + render(value.getMember("value"), type) : "error type");
                } else if (export.kind() == ExternKind.FUNC) {
                    events.add("call " + export.name());
                    try {
                        Signature signature = Signature.of(value);
                        Value result = callWithNulls(value, signature);
                        if (signature.results.length == 1) {
                            events.add("result " + render(result, signature.results[0]));
                        } else if (signature.results.length > 1) {
                            StringBuilder line = new StringBuilder("result");
                            for (int r = 0; r < signature.results.length; r++) {
                                line.append(' ').append(render(result.getArrayElement(r), signature.results[r]));
                            }
                            events.add(line.toString());
                        }
                    } catch (PolyglotException e) {
                        if (e.isCancelled() || e.isInternalError()) {
                            throw e;
                        }
                        events.add(outcome(e));
                    } catch (HostError e) {
                        events.add(e.event);
                    }
                }
            }
        }

        private Map<String, Object> hostFunctions() {
            Map<String, Object> host = new HashMap<>();
            host.put("i32", (ProxyExecutable) a -> log("log i32 " + a[0].asInt()));
            host.put("i64", (ProxyExecutable) a -> log("log i64 " + a[0].asLong()));
            host.put("f32", (ProxyExecutable) a -> log("log f32 " + Render.f32Bits(a[0].asInt())));
            host.put("f64", (ProxyExecutable) a -> log("log f64 " + Render.f64Bits(a[0].asLong())));
            host.put("v128", (ProxyExecutable) a -> log("log v128 " + String.format("0x%016x%016x", a[1].asLong(), a[0].asLong())));
            host.put("host-error", (ProxyExecutable) a -> {
                throw new HostError("exception host");
            });
            return host;
        }

        private Object log(String line) {
            events.add(line);
            return null;
        }

        /** The imports fuzz_shell.js writes in JavaScript, with its semantics. */
        private void supportFunctions(Map<String, Object> support) {
            ProxyExecutable logRef = a -> log("log ref " + renderReference(a[0]));
            for (String name : List.of("log-anyref", "log-funcref", "log-externref", "log-contref")) {
                support.put(name, logRef);
            }
            support.put("table-get", (ProxyExecutable) a -> {
                long index = tableIndex(a[0]);
                return table.getArrayElement(index);
            });
            support.put("table-set", (ProxyExecutable) a -> {
                long index = tableIndex(a[0]);
                table.setArrayElement(index, a[1].isNull() ? null : a[1]);
                return null;
            });
            support.put("call-export", (ProxyExecutable) a -> {
                callWithNulls(exportAt(a[0].asInt()));
                return null;
            });
            support.put("call-export-catch", (ProxyExecutable) a -> tryCall(() -> callWithNulls(exportAt(a[0].asInt()))));
            support.put("call-ref", (ProxyExecutable) a -> {
                callWithNulls(functionOrTypeError(a[0]));
                return null;
            });
            support.put("call-ref-catch", (ProxyExecutable) a -> tryCall(() -> callWithNulls(functionOrTypeError(a[0]))));
            support.put("sleep", (ProxyExecutable) a -> a[1].asInt());
            support.put("log-branch", (ProxyExecutable) a -> {
                log("log branch " + a[0].asInt() + " " + a[1].asInt() + " " + a[2].asInt());
                return a[0].asInt();
            });
        }

        /** JavaScript's Table.get/set: an unsigned index, a RangeError outside the table. */
        private long tableIndex(Value index) {
            long i = Integer.toUnsignedLong(index.asInt());
            if (table == null) {
                throw new HostError("error type");
            }
            if (i >= table.getArraySize()) {
                throw new HostError("error range");
            }
            return i;
        }

        private Value exportAt(int index) {
            if (index < 0 || index >= exportValues.size() || !exportValues.get(index).canExecute()) {
                throw new HostError("error type");
            }
            return exportValues.get(index);
        }

        private Value functionOrTypeError(Value ref) {
            if (ref.isNull() || !ref.canExecute()) {
                throw new HostError("error type");
            }
            return ref;
        }

        /** fuzz_shell.js's tryCall: traps and stack exhaustion pass, other exceptions give 1. */
        private int tryCall(Runnable call) {
            try {
                call.run();
                return 0;
            } catch (HostError e) {
                return 1;
            } catch (PolyglotException e) {
                if (e.isCancelled() || e.isInternalError() || (e.isGuestException() && !isWasmException(e))) {
                    throw e;
                }
                return 1;
            }
        }

        private Value callWithNulls(Value function) {
            return callWithNulls(function, Signature.of(function));
        }

        /**
         * Calls with what JavaScript's null converts to for each parameter: 0 for i32, f32 and
         * f64, null for nullable references; i64 (ToBigInt), v128, exnref and non-nullable
         * references throw a TypeError before the call.
         */
        private Value callWithNulls(Value function, Signature signature) {
            // The JS API refuses a signature with v128 or exnref before converting anything.
            if (!signature.visible()) {
                throw new HostError("error type");
            }
            Object[] args = new Object[signature.params.length];
            for (int i = 0; i < args.length; i++) {
                int type = signature.params[i];
                args[i] = switch (type) {
                    case ValueType.I32 -> 0;
                    case ValueType.F32 -> 0.0f;
                    case ValueType.F64 -> 0.0;
                    default -> {
                        if (type == ValueType.I64 || !ValueType.isNullable(type)) {
                            throw new HostError("error type");
                        }
                        yield null;
                    }
                };
            }
            return function.execute(args);
        }

        private boolean isWasmException(PolyglotException e) {
            Value guest = e.getGuestObject();
            return guest != null && guest.hasMember("tag") && guest.hasMember("payload");
        }

        private String outcome(PolyglotException e) {
            if (e.isHostException()) {
                return e.asHostException() instanceof HostError h ? h.event : "error other(" + e.asHostException() + ")";
            }
            if (e.isInternalError()) {
                return "crash " + e;
            }
            if (isWasmException(e)) {
                Value guest = e.getGuestObject();
                if (guest.invokeMember("is", wasmtag).asBoolean()) {
                    return "exception wasmtag " + guest.getMember("payload").getArrayElement(0).asInt();
                }
                return "exception wasm";
            }
            String message = e.getMessage();
            if (TrapKind.CALL_STACK_EXHAUSTED.message().equals(message)) {
                return "exhausted";
            }
            for (TrapKind kind : TrapKind.values()) {
                // "undefined element 65536": some messages name the index.
                if (message.equals(kind.message()) || message.startsWith(kind.message() + " ")) {
                    return "trap " + trapKind(kind);
                }
            }
            return e.isGuestException() ? "error guest(" + message + ")" : "crash " + e;
        }
    }

    /** The trap kinds V8's messages tell apart (tools/fuzz/v8-harness.cjs maps them the same). */
    static String trapKind(TrapKind kind) {
        return switch (kind) {
            case UNREACHABLE -> "unreachable";
            case MEMORY_OUT_OF_BOUNDS -> "memory";
            case TABLE_OUT_OF_BOUNDS, UNDEFINED_ELEMENT -> "table";
            case UNINITIALIZED_ELEMENT, INDIRECT_CALL_TYPE_MISMATCH -> "indirect";
            case INTEGER_DIVIDE_BY_ZERO -> "divide-by-zero";
            // V8 says "float unrepresentable" for every failed truncation and "divide result
            // unrepresentable" for INT_MIN / -1: the two messages do not split the same way.
            case INTEGER_OVERFLOW, INVALID_CONVERSION_TO_INTEGER -> "overflow-or-conversion";
            case NULL_REFERENCE, NULL_FUNCTION_REFERENCE, NULL_EXCEPTION_REFERENCE -> "null";
            case CALL_STACK_EXHAUSTED -> "exhausted";
            case OUT_OF_MEMORY -> "out-of-memory";
            // The fuzzer sets no time limit; should one end a call, it is no Wasm outcome.
            case CALL_TIME_LIMIT -> "time-limit";
        };
    }

    static Payload payloadOf(String module, String name) {
        int payload = 0;
        for (String part : List.of(module, name)) {
            for (char c : part.toCharArray()) {
                payload = (payload + c) % 251;
            }
        }
        return new Payload(payload);
    }

    /** Whether a value of this type can cross to JavaScript (v128 and exception references cannot). */
    static boolean jsVisible(int type) {
        if (type == ValueType.V128) {
            return false;
        }
        int heap = type & ~ValueType.NULLABLE;
        return heap != ValueType.HEAP_EXN && heap != ValueType.HEAP_NOEXN;
    }

    /** A value as JavaScript shows it: numbers as tools/fuzz/v8-harness.cjs prints them. */
    static String render(Value value, int type) {
        return switch (type) {
            case ValueType.I32 -> Render.number(value.asInt());
            case ValueType.I64 -> Long.toString(value.asLong());
            case ValueType.F32 -> Render.number(value.asFloat());
            case ValueType.F64 -> Render.number(value.asDouble());
            default -> renderReference(value);
        };
    }

    static String renderReference(Value value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isHostObject() && value.asHostObject() instanceof Payload p) {
            return "externref(" + p.payload() + ")";
        }
        if (value.isHostObject() && value.asHostObject() instanceof HostError) {
            return "hosterror";
        }
        if (value.canExecute()) {
            return "function";
        }
        return "object";
    }

    /** A function's parameter and result types, read from its display string. */
    record Signature(int[] params, int[] results) {
        boolean visible() {
            return java.util.stream.IntStream.concat(java.util.Arrays.stream(params), java.util.Arrays.stream(results))
                            .allMatch(WasmLangRunner::jsVisible);
        }

        static Signature of(Value function) {
            String text = function.toString();
            int start = text.lastIndexOf("(func");
            if (start < 0) {
                throw new IllegalStateException("no type in " + text);
            }
            List<Integer> params = new ArrayList<>();
            List<Integer> results = new ArrayList<>();
            List<Integer> current = null;
            String[] tokens = text.substring(start).replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                switch (tokens[i]) {
                    case "param" -> current = params;
                    case "result" -> current = results;
                    case "i32" -> current.add(ValueType.I32);
                    case "i64" -> current.add(ValueType.I64);
                    case "f32" -> current.add(ValueType.F32);
                    case "f64" -> current.add(ValueType.F64);
                    case "v128" -> current.add(ValueType.V128);
                    case "funcref" -> current.add(ValueType.FUNCREF);
                    case "externref" -> current.add(ValueType.EXTERNREF);
                    case "exnref" -> current.add(ValueType.EXNREF);
                    case "nullexnref" -> current.add(ValueType.NULLEXNREF);
                    case "ref" -> {
                        // (ref null? HEAP): "null" makes it nullable; only exn heaps are invisible.
                        boolean nullable = tokens[i + 1].equals("null");
                        String heap = tokens[nullable ? i + 2 : i + 1];
                        int heapType = switch (heap) {
                            case "exn" -> ValueType.HEAP_EXN;
                            case "noexn" -> ValueType.HEAP_NOEXN;
                            case "extern" -> ValueType.HEAP_EXTERN;
                            default -> ValueType.HEAP_FUNC;
                        };
                        current.add(nullable ? heapType | ValueType.NULLABLE : heapType);
                        i += nullable ? 2 : 1;
                    }
                    default -> {
                        // "(", ")", "func"
                    }
                }
            }
            return new Signature(params.stream().mapToInt(Integer::intValue).toArray(),
                            results.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
