package org.wasmlang.interop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.wasmlang.module.FuncType;
import org.wasmlang.runtime.WasmException;
import org.wasmlang.runtime.WasmTag;

import org.wasmlang.WasmContext;
import org.wasmlang.WasmLanguage;
import org.wasmlang.module.GlobalType;
import org.wasmlang.module.Limits;
import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.ByteArrayValues;
import org.wasmlang.runtime.CompiledModule;
import org.wasmlang.runtime.ImportResolver;
import org.wasmlang.runtime.Linker;
import org.wasmlang.runtime.WasmGlobal;
import org.wasmlang.runtime.WasmHostException;
import org.wasmlang.runtime.WasmLinkException;
import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.runtime.WasmNull;
import org.wasmlang.runtime.WasmTable;
import org.wasmlang.runtime.simd.V128;
import org.wasmlang.validation.WasmModuleException;
import org.wasmlang.wasi.WasiImportResolver;
import org.wasmlang.wasi.WasiObject;

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

/**
 * {@code context.getBindings("wasmlang")}: the WebAssembly JS API's constructors and
 * {@code validate}, so a host can compile modules from bytes and create memories, tables
 * and globals to pass in an import object; plus {@code withCaller(fn)}, which marks a host
 * function that wants its calling instance (a {@link WasmCaller}) as first argument.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmBindings implements TruffleObject {
    private static final String[] NAMES = {"Module", "Instance", "Memory", "Table", "Global", "Tag", "Exception", "Wasi", "validate",
                    "compile", "instantiate", "withCaller"};
    /** The members that are functions, not constructors. */
    private static final Set<String> FUNCTIONS = Set.of("validate", "compile", "instantiate", "withCaller");

    private final WasmLanguage language;

    public WasmBindings(WasmLanguage language) {
        this.language = language;
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return WasmLanguage.class;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "wasmlang bindings";
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(NAMES);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        for (String name : NAMES) {
            if (name.equals(member)) {
                return true;
            }
        }
        return false;
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (!isMemberReadable(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return new Constructor(language, member);
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return FUNCTIONS.contains(member);
    }

    /** {@code wasm.withCaller(fn)}, {@code wasm.validate(bytes)} and the like, as JavaScript calls them. */
    @ExportMessage
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException {
        if (!isMemberInvocable(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return new Constructor(language, member).execute(arguments);
    }

    /** One of the constructors (instantiable) or of the {@link #FUNCTIONS} (executable). */
    @ExportLibrary(InteropLibrary.class)
    static final class Constructor implements TruffleObject {
        private final WasmLanguage language;
        private final String name;

        Constructor(WasmLanguage language, String name) {
            this.language = language;
            this.name = name;
        }

        @ExportMessage
        boolean isInstantiable() {
            return !isExecutable();
        }

        @ExportMessage
        boolean isExecutable() {
            return FUNCTIONS.contains(name);
        }

        /**
         * Argument errors become a {@link WasmHostException} with WasmLang's message, as for
         * functions: GraalPy would report an interop argument error from execute or
         * instantiate as "invalid instantiation of foreign object".
         */
        @ExportMessage
        @TruffleBoundary
        Object execute(Object[] arguments) {
            try {
                return call(arguments);
            } catch (ArityException e) {
                throw wrongCount(e);
            } catch (UnsupportedTypeException e) {
                throw new WasmHostException(name + ": " + e.getMessage());
            }
        }

        @ExportMessage
        @TruffleBoundary
        Object instantiate(Object[] arguments) {
            try {
                return construct(arguments);
            } catch (ArityException e) {
                throw wrongCount(e);
            } catch (UnsupportedTypeException e) {
                throw new WasmHostException(name + ": " + e.getMessage());
            }
        }

        private WasmHostException wrongCount(ArityException e) {
            int min = e.getExpectedMinArity();
            int max = e.getExpectedMaxArity();
            String expected = min == max ? String.valueOf(min) : min + " to " + max;
            return new WasmHostException(name + " takes " + expected + " argument" + (max == 1 ? "" : "s") + ", got "
                            + e.getActualArity());
        }

        private Object call(Object[] arguments) throws ArityException, UnsupportedTypeException {
            if (name.equals("instantiate")) {
                return instantiateLikeTheJsApi(arguments);
            }
            ValueConversion.checkArity(arguments, 1, 1);
            if (name.equals("compile")) {
                return CompiledModule.compile("module", bytes(arguments[0]), WasmContext.get(null).features());
            }
            if (name.equals("withCaller")) {
                if (!InteropLibrary.getUncached().isExecutable(arguments[0])) {
                    throw UnsupportedTypeException.create(arguments, "argument 1 must be a function, got "
                                    + ValueConversion.describe(arguments[0]));
                }
                return new CallerFunction(arguments[0]);
            }
            try {
                CompiledModule.compile("module", bytes(arguments[0]), WasmContext.get(null).features());
                return true;
            } catch (WasmModuleException e) {
                return false;
            }
        }

        /**
         * The JS API's {@code instantiate(bytes, imports)} gives {@code {module, instance}} and
         * {@code instantiate(module, imports)} the instance, both as promises. Here they are the
         * values themselves, so {@code await wasm.instantiate(...)} reads as in a browser.
         */
        private Object instantiateLikeTheJsApi(Object[] arguments) throws ArityException, UnsupportedTypeException {
            ValueConversion.checkArity(arguments, 1, 2);
            Object imports = arguments.length == 2 ? arguments[1] : null;
            if (arguments[0] instanceof CompiledModule module) {
                return instantiate(module, imports);
            }
            CompiledModule module = CompiledModule.compile("module", bytes(arguments[0]), WasmContext.get(null).features());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("module", module);
            result.put("instance", instantiate(module, imports));
            return new RecordObject("WebAssemblyInstantiatedSource", result);
        }

        private Object instantiate(CompiledModule module, Object imports) {
            ImportResolver resolver = new ImportObjectResolver(language, module.module(), imports);
            resolver = WasiImportResolver.around(language, WasmContext.get(null), module, imports, resolver);
            return Linker.instantiate(language, module, resolver);
        }

        private Object construct(Object[] arguments) throws ArityException, UnsupportedTypeException {
            switch (name) {
                case "Module" -> {
                    ValueConversion.checkArity(arguments, 1, 1);
                    return CompiledModule.compile("module", bytes(arguments[0]), WasmContext.get(null).features());
                }
                case "Instance" -> {
                    ValueConversion.checkArity(arguments, 1, 2);
                    if (!(arguments[0] instanceof CompiledModule module)) {
                        throw UnsupportedTypeException.create(arguments, "argument 1 must be a WasmLang module");
                    }
                    return instantiate(module, arguments.length == 2 ? arguments[1] : null);
                }
                case "Wasi" -> {
                    ValueConversion.checkArity(arguments, 0, 1);
                    return WasiObject.fromOptions(arguments.length == 1 ? arguments[0] : null, WasmContext.get(null).env());
                }
                case "Memory" -> {
                    // Memory(initial[, maximum]) or, as the JS API, Memory({initial, maximum, shared, address}).
                    ValueConversion.checkArity(arguments, 1, 2);
                    long initial;
                    long maximum;
                    boolean is64 = false;
                    if (Descriptor.is(arguments[0])) {
                        ValueConversion.checkArity(arguments, 1, 1);
                        Descriptor descriptor = new Descriptor(arguments[0], "Memory");
                        initial = descriptor.size("initial", true);
                        maximum = descriptor.size("maximum", false);
                        if (descriptor.flag("shared")) {
                            throw new WasmHostException("Memory: unsupported feature: threads (shared memory)");
                        }
                        is64 = descriptor.addressIs64();
                    } else {
                        initial = ValueConversion.nonNegative(arguments[0], "argument 1");
                        maximum = arguments.length == 2 ? ValueConversion.nonNegative(arguments[1], "argument 2")
                                        : Limits.NO_MAX;
                    }
                    if (maximum != Limits.NO_MAX && maximum < initial) {
                        throw new WasmHostException("Memory: maximum " + maximum + " is below initial " + initial);
                    }
                    long bound = is64 ? WasmMemory.MAX_PAGES_64 : WasmMemory.MAX_PAGES_32;
                    if (initial > bound || maximum > bound) {
                        throw new WasmHostException("Memory: at most " + bound + " pages" + (is64 ? "" : " (4 GiB)"));
                    }
                    try {
                        return WasmContext.get(null).createMemory(new Limits(initial, maximum, is64, false));
                    } catch (WasmLinkException e) {
                        throw new WasmHostException("Memory: " + e.getMessage());
                    }
                }
                case "Table" -> {
                    // Table(initial[, maximum[, type]]) or, as the JS API, Table({initial, maximum, element, address}[, value]).
                    ValueConversion.checkArity(arguments, 1, 3);
                    long initial;
                    long maximum;
                    int type;
                    boolean is64 = false;
                    Object initialValue = WasmNull.NULL;
                    if (Descriptor.is(arguments[0])) {
                        ValueConversion.checkArity(arguments, 1, 2);
                        Descriptor descriptor = new Descriptor(arguments[0], "Table");
                        initial = descriptor.size("initial", true);
                        maximum = descriptor.size("maximum", false);
                        Object element = descriptor.field("element");
                        type = element == null ? ValueType.FUNCREF : referenceType(element);
                        is64 = descriptor.addressIs64();
                        if (arguments.length == 2) {
                            initialValue = ValueConversion.toWasm(arguments[1], type, 1);
                        }
                    } else {
                        initial = ValueConversion.nonNegative(arguments[0], "argument 1");
                        maximum = arguments.length >= 2 ? ValueConversion.nonNegative(arguments[1], "argument 2")
                                        : Limits.NO_MAX;
                        type = arguments.length == 3 ? referenceType(arguments[2]) : ValueType.FUNCREF;
                    }
                    try {
                        return WasmTable.create(type, initial, maximum, is64, initialValue, WasmContext.get(null).limits());
                    } catch (WasmLinkException e) {
                        throw new WasmHostException("Table: " + e.getMessage());
                    }
                }
                case "Tag" -> {
                    // Tag(["i32", ...]) or, as the JS API, Tag({parameters: ["i32", ...]}).
                    ValueConversion.checkArity(arguments, 1, 1);
                    Object parameters = arguments[0];
                    InteropLibrary interop = InteropLibrary.getUncached();
                    try {
                        if (!interop.hasArrayElements(parameters) && interop.isMemberReadable(parameters, "parameters")) {
                            parameters = interop.readMember(parameters, "parameters");
                        }
                        if (!interop.hasArrayElements(parameters)) {
                            throw UnsupportedTypeException.create(arguments, "Tag takes an array of parameter types");
                        }
                        int[] params = new int[(int) interop.getArraySize(parameters)];
                        for (int i = 0; i < params.length; i++) {
                            params[i] = valueType(interop.readArrayElement(parameters, i));
                        }
                        FuncType type = new FuncType(params, new int[0]);
                        return new WasmTag(type, language.typeId(type), "(host tag)");
                    } catch (InteropException e) {
                        throw UnsupportedTypeException.create(arguments, "Tag takes an array of parameter types");
                    }
                }
                case "Exception" -> {
                    // Exception(tag, [values...]): an exception object a host can throw into Wasm or inspect.
                    ValueConversion.checkArity(arguments, 1, 2);
                    if (!(arguments[0] instanceof WasmTag tag)) {
                        throw UnsupportedTypeException.create(arguments, "argument 1 must be a tag");
                    }
                    int[] params = tag.type().params();
                    Object[] payload = new Object[params.length];
                    InteropLibrary interop = InteropLibrary.getUncached();
                    try {
                        Object values = arguments.length == 2 ? arguments[1] : null;
                        long size = values == null ? 0 : interop.getArraySize(values);
                        if (size != params.length) {
                            throw new WasmHostException("Exception: " + tag + " takes " + params.length + " values, got " + size);
                        }
                        for (int i = 0; i < params.length; i++) {
                            payload[i] = ValueConversion.toWasm(interop.readArrayElement(values, i), params[i], i);
                        }
                    } catch (InteropException e) {
                        throw UnsupportedTypeException.create(arguments, "argument 2 must be an array of the tag's values");
                    }
                    return new WasmException(tag, payload, null);
                }
                default -> {
                    // Global(type, mutable, value) or, as the JS API, Global({value, mutable}[, value]).
                    ValueConversion.checkArity(arguments, 1, 3);
                    int type;
                    boolean mutable;
                    Object value;
                    int valuePosition;
                    if (Descriptor.is(arguments[0])) {
                        ValueConversion.checkArity(arguments, 1, 2);
                        Descriptor descriptor = new Descriptor(arguments[0], "Global");
                        Object typeName = descriptor.field("value");
                        if (typeName == null) {
                            throw new WasmHostException("Global: the descriptor needs a value type (value: \"i32\", ...)");
                        }
                        type = valueType(typeName);
                        mutable = descriptor.flag("mutable");
                        value = arguments.length == 2 ? arguments[1] : null;
                        valuePosition = 1;
                    } else {
                        ValueConversion.checkArity(arguments, 3, 3);
                        type = valueType(arguments[0]);
                        mutable = InteropLibrary.getUncached().isBoolean(arguments[1]) && asBoolean(arguments[1]);
                        value = arguments[2];
                        valuePosition = 2;
                    }
                    WasmGlobal global = new WasmGlobal(new GlobalType(type, mutable));
                    global.setBoxed(value == null ? zero(type) : ValueConversion.toWasm(value, type, valuePosition));
                    return global;
                }
            }
        }

        /** The JS API's default value of a global without one. */
        private static Object zero(int type) {
            return switch (type) {
                case ValueType.I32 -> 0;
                case ValueType.I64 -> 0L;
                case ValueType.F32 -> 0f;
                case ValueType.F64 -> 0d;
                case ValueType.V128 -> V128.ZERO;
                default -> WasmNull.NULL;
            };
        }

        /**
         * A JS API descriptor ({initial, maximum, ...}) as any host writes it: a JS object, a
         * Python dict, a Java Map or ProxyObject. Absent fields read as null.
         */
        private static final class Descriptor {
            private final Object object;
            private final String constructor;

            Descriptor(Object object, String constructor) {
                this.object = object;
                this.constructor = constructor;
            }

            static boolean is(Object value) {
                InteropLibrary interop = InteropLibrary.getUncached();
                return !interop.isNumber(value) && !interop.isString(value)
                                && (interop.hasMembers(value) || interop.hasHashEntries(value));
            }

            Object field(String name) {
                InteropLibrary interop = InteropLibrary.getUncached();
                try {
                    Object value = null;
                    if (interop.hasHashEntries(object)) {
                        if (interop.isHashEntryReadable(object, name)) {
                            value = interop.readHashValue(object, name);
                        }
                    } else if (interop.isMemberReadable(object, name)) {
                        value = interop.readMember(object, name);
                    }
                    return value == null || InteropLibrary.getUncached().isNull(value) ? null : value;
                } catch (InteropException e) {
                    return null;
                }
            }

            /** A size field: a non-negative integer, or {@link Limits#NO_MAX} when absent and optional. */
            long size(String name, boolean required) throws UnsupportedTypeException {
                Object value = field(name);
                if (value == null) {
                    if (required) {
                        throw new WasmHostException(constructor + ": the descriptor needs " + name);
                    }
                    return Limits.NO_MAX;
                }
                return ValueConversion.nonNegative(value, "descriptor." + name);
            }

            boolean flag(String name) {
                Object value = field(name);
                return value != null && InteropLibrary.getUncached().isBoolean(value) && asBoolean(value);
            }

            /** address (or index, its earlier name): "i32" (default) or "i64". */
            boolean addressIs64() throws UnsupportedTypeException {
                Object value = field("address");
                if (value == null) {
                    value = field("index");
                }
                if (value == null) {
                    return false;
                }
                return switch (string(value)) {
                    case "i32" -> false;
                    case "i64" -> true;
                    default -> throw new WasmHostException(constructor + ": address must be \"i32\" or \"i64\", got "
                                    + ValueConversion.describe(value));
                };
            }
        }

        private static boolean asBoolean(Object value) {
            try {
                return InteropLibrary.getUncached().asBoolean(value);
            } catch (InteropException e) {
                return false;
            }
        }

        private static String string(Object value) throws UnsupportedTypeException {
            try {
                return InteropLibrary.getUncached().asString(value);
            } catch (InteropException e) {
                throw UnsupportedTypeException.create(new Object[]{value}, "expected a type name such as \"i32\"");
            }
        }

        private static int valueType(Object value) throws UnsupportedTypeException {
            return switch (string(value)) {
                case "i32" -> ValueType.I32;
                case "i64" -> ValueType.I64;
                case "f32" -> ValueType.F32;
                case "f64" -> ValueType.F64;
                case "v128" -> ValueType.V128;
                case "funcref", "anyfunc" -> ValueType.FUNCREF;
                case "externref" -> ValueType.EXTERNREF;
                default -> throw UnsupportedTypeException.create(new Object[]{value},
                                "unknown value type " + ValueConversion.describe(value));
            };
        }

        private static int referenceType(Object value) throws UnsupportedTypeException {
            int type = valueType(value);
            if (!ValueType.isReference(type)) {
                throw UnsupportedTypeException.create(new Object[]{value}, "a table holds funcref or externref");
            }
            return type;
        }

        /** Module bytes from a host byte array, buffer or array of numbers. */
        private static byte[] bytes(Object value) throws UnsupportedTypeException {
            return ByteArrayValues.bytesOf(value, "the module's bytes");
        }
    }
}
