package org.wasmlang.wasi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.wasmlang.interop.ObjectArray;
import org.wasmlang.runtime.ByteArrayValues;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmHostException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.IndirectCallNode;

/**
 * A WASI configuration made by the host ({@code Wasi.newInstance({...})} in the bindings,
 * shaped like Node's {@code new WASI({...})}). Given as the import object's
 * {@code wasi_snapshot_preview1} entry it provides WASI to that instance; {@code start}
 * runs a command and returns its exit code.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasiObject implements TruffleObject {
    private static final String START = "start";
    private static final String INITIALIZE = "initialize";

    private final WasiConfig config;
    private final Map<WasmInstance, WasiInstance> instances = new WeakHashMap<>();

    public WasiObject(WasiConfig config) {
        this.config = config;
    }

    public WasiConfig config() {
        return config;
    }

    synchronized void register(WasmInstance instance, WasiInstance wasi) {
        instances.put(instance, wasi);
    }

    private synchronized WasiInstance wasiOf(WasmInstance instance) {
        return instances.get(instance);
    }

    /**
     * Reads the options object: {@code args} (argv, argv[0] first), {@code env} (an object
     * of NAME: VALUE), {@code preopens} (guest path: host path), {@code dirs} (strings
     * {@code HOST[::GUEST][:ro]}), {@code inheritEnv} (boolean), {@code terminal} (boolean:
     * report stdio as a terminal, as the launcher does when it runs on one), {@code stdin} (a
     * string or bytes instead of the Context's stdin), {@code stdout}/{@code stderr} (host
     * functions that receive the output as text instead of the Context's streams).
     */
    @TruffleBoundary
    public static WasiObject fromOptions(Object options, TruffleLanguage.Env env) {
        List<String> args = new ArrayList<>();
        Map<String, String> vars = new LinkedHashMap<>();
        List<WasiConfig.Preopen> dirs = new ArrayList<>();
        boolean terminal = false;
        if (options != null && !InteropLibrary.getUncached().isNull(options)) {
            InteropLibrary interop = InteropLibrary.getUncached(options);
            try {
                terminal = Boolean.TRUE.equals(readOptional(options, "terminal", true));
                if (Boolean.TRUE.equals(readOptional(options, "inheritEnv", true))) {
                    vars.putAll(env.getEnvironment());
                }
                Object argList = readOptional(options, "args", false);
                if (argList != null) {
                    for (Object a : elements(argList, "args")) {
                        args.add(string(a, "args"));
                    }
                }
                Object envObject = readOptional(options, "env", false);
                if (envObject != null) {
                    for (Map.Entry<String, Object> e : entries(envObject, "env").entrySet()) {
                        vars.put(e.getKey(), string(e.getValue(), "env." + e.getKey()));
                    }
                }
                Object preopens = readOptional(options, "preopens", false);
                if (preopens != null) {
                    for (Map.Entry<String, Object> e : entries(preopens, "preopens").entrySet()) {
                        dirs.add(new WasiConfig.Preopen(string(e.getValue(), "preopens." + e.getKey()), e.getKey(), false));
                    }
                }
                Object dirList = readOptional(options, "dirs", false);
                if (dirList != null) {
                    for (Object d : elements(dirList, "dirs")) {
                        dirs.add(WasiConfig.parseDir(string(d, "dirs")));
                    }
                }
                if (!interop.hasMembers(options) && !interop.hasHashEntries(options)) {
                    throw new WasmHostException("Wasi: the options must be an object with args, env, preopens, dirs"
                                    + " or inheritEnv");
                }
            } catch (InteropException e) {
                throw new WasmHostException("Wasi: cannot read the options: " + e.getMessage());
            }
        }
        if (args.isEmpty()) {
            args.add("main.wasm");
        }
        WasiConfig config = new WasiConfig(args, vars, dirs, terminal);
        if (options != null && !InteropLibrary.getUncached().isNull(options)) {
            try {
                config.withStreams(stdinBytes(readOptional(options, "stdin", false)),
                                sink(readOptional(options, "stdout", false), "stdout"),
                                sink(readOptional(options, "stderr", false), "stderr"));
            } catch (InteropException e) {
                throw new WasmHostException("Wasi: cannot read the options: " + e.getMessage());
            }
        }
        return new WasiObject(config);
    }

    /** stdin as a string (UTF-8) or bytes (a buffer or an array of numbers). */
    private static byte[] stdinBytes(Object value) throws InteropException {
        if (value == null) {
            return null;
        }
        InteropLibrary interop = InteropLibrary.getUncached(value);
        if (interop.isString(value)) {
            return interop.asString(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return ByteArrayValues.bytesOf(value, "Wasi: stdin");
    }

    private static Object sink(Object value, String what) {
        if (value != null && !InteropLibrary.getUncached(value).isExecutable(value)) {
            throw new WasmHostException("Wasi: " + what + " must be a function that takes a string");
        }
        return value;
    }

    private static Object readOptional(Object object, String name, boolean isBoolean) throws InteropException {
        InteropLibrary interop = InteropLibrary.getUncached(object);
        Object value = null;
        if (interop.isMemberReadable(object, name)) {
            value = interop.readMember(object, name);
        } else if (interop.hasHashEntries(object) && interop.isHashEntryReadable(object, name)) {
            value = interop.readHashValue(object, name);
        }
        if (value == null || InteropLibrary.getUncached(value).isNull(value)) {
            return null;
        }
        if (isBoolean) {
            if (!InteropLibrary.getUncached(value).isBoolean(value)) {
                throw new WasmHostException("Wasi: " + name + " must be a boolean");
            }
            return InteropLibrary.getUncached(value).asBoolean(value);
        }
        return value;
    }

    private static List<Object> elements(Object array, String what) throws InteropException {
        InteropLibrary interop = InteropLibrary.getUncached(array);
        if (!interop.hasArrayElements(array)) {
            throw new WasmHostException("Wasi: " + what + " must be an array");
        }
        List<Object> list = new ArrayList<>();
        for (long k = 0; k < interop.getArraySize(array); k++) {
            list.add(interop.readArrayElement(array, k));
        }
        return list;
    }

    private static Map<String, Object> entries(Object object, String what) throws InteropException {
        InteropLibrary interop = InteropLibrary.getUncached(object);
        Map<String, Object> map = new LinkedHashMap<>();
        if (interop.hasHashEntries(object)) {
            Object iterator = interop.getHashEntriesIterator(object);
            InteropLibrary it = InteropLibrary.getUncached(iterator);
            while (it.hasIteratorNextElement(iterator)) {
                Object entry = it.getIteratorNextElement(iterator);
                InteropLibrary pair = InteropLibrary.getUncached(entry);
                map.put(string(pair.readArrayElement(entry, 0), what), pair.readArrayElement(entry, 1));
            }
        } else if (interop.hasMembers(object)) {
            Object keys = interop.getMembers(object);
            InteropLibrary keyList = InteropLibrary.getUncached(keys);
            for (long k = 0; k < keyList.getArraySize(keys); k++) {
                String key = string(keyList.readArrayElement(keys, k), what);
                if (interop.isMemberReadable(object, key)) {
                    map.put(key, interop.readMember(object, key));
                }
            }
        } else {
            throw new WasmHostException("Wasi: " + what + " must be an object or map");
        }
        return map;
    }

    private static String string(Object value, String what) {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        try {
            if (interop.isString(value)) {
                return interop.asString(value);
            }
        } catch (InteropException e) {
            // Reported below.
        }
        throw new WasmHostException("Wasi: " + what + " must be strings");
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(START, INITIALIZE);
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return START.equals(member) || INITIALIZE.equals(member);
    }

    /**
     * {@code start(instance)}: runs the command's {@code _start}, closes the files it left
     * open and returns its exit code (0 when it returns). {@code initialize(instance)}: runs a reactor's {@code _initialize}.
     */
    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException,
                    UnsupportedTypeException {
        if (!isMemberInvocable(member)) {
            throw UnknownIdentifierException.create(member);
        }
        if (arguments.length != 1) {
            throw ArityException.create(1, 1, arguments.length);
        }
        if (!(arguments[0] instanceof WasmInstance instance)) {
            throw UnsupportedTypeException.create(arguments, "Wasi." + member + " expects an instance");
        }
        WasiInstance wasi = wasiOf(instance);
        if (wasi == null) {
            throw new WasmHostException("Wasi." + member + ": the instance was not made with this Wasi object as its "
                            + WasiFunction.MODULE + " import");
        }
        String entry = START.equals(member) ? "_start" : "_initialize";
        Object function = instance.exports().get(entry);
        if (!(function instanceof WasmFunction f) || f.type().paramCount() != 0) {
            if (INITIALIZE.equals(member) && function == null) {
                return 0;
            }
            throw new WasmHostException("Wasi." + member + ": the module exports no function " + entry + "()");
        }
        try {
            WasmFunction.callFromHost(IndirectCallNode.getUncached(), f.callTarget(), new Object[0]);
            return 0;
        } catch (WasiExitException e) {
            return e.status();
        } finally {
            // The command is over: close what it left open rather than wait for the GC.
            wasi.closeAll();
        }
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return config.toString();
    }
}
