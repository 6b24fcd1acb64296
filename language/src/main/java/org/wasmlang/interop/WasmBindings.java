package org.wasmlang.interop;

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
import org.wasmlang.runtime.WasmNull;
import org.wasmlang.runtime.WasmTable;
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
                    "withCaller"};

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
        return "validate".equals(member) || "withCaller".equals(member);
    }

    /** {@code wasm.withCaller(fn)} and {@code wasm.validate(bytes)}, as JavaScript calls them. */
    @ExportMessage
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException {
        if (!isMemberInvocable(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return new Constructor(language, member).execute(arguments);
    }

    /** One of the constructors (instantiable) or {@code validate}/{@code withCaller} (executable). */
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
            return name.equals("validate") || name.equals("withCaller");
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
            ValueConversion.checkArity(arguments, 1, 1);
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
                    Object imports = arguments.length == 2 ? arguments[1] : null;
                    ImportResolver resolver = new ImportObjectResolver(language, module.module(), imports);
                    resolver = WasiImportResolver.around(language, WasmContext.get(null), module, imports, resolver);
                    return Linker.instantiate(language, module, resolver);
                }
                case "Wasi" -> {
                    ValueConversion.checkArity(arguments, 0, 1);
                    return WasiObject.fromOptions(arguments.length == 1 ? arguments[0] : null, WasmContext.get(null).env());
                }
                case "Memory" -> {
                    ValueConversion.checkArity(arguments, 1, 2);
                    long initial = ValueConversion.nonNegative(arguments[0], "argument 1");
                    long maximum = arguments.length == 2 ? ValueConversion.nonNegative(arguments[1], "argument 2")
                                    : Limits.NO_MAX;
                    if (maximum != Limits.NO_MAX && maximum < initial) {
                        throw new WasmHostException("Memory: maximum " + maximum + " is below initial " + initial);
                    }
                    if (initial > 65536 || maximum > 65536) {
                        throw new WasmHostException("Memory: at most 65536 pages (4 GiB)");
                    }
                    try {
                        return WasmContext.get(null).createMemory(new Limits(initial, maximum, false, false));
                    } catch (WasmLinkException e) {
                        throw new WasmHostException("Memory: " + e.getMessage());
                    }
                }
                case "Table" -> {
                    ValueConversion.checkArity(arguments, 1, 3);
                    long initial = ValueConversion.nonNegative(arguments[0], "argument 1");
                    long maximum = arguments.length >= 2 ? ValueConversion.nonNegative(arguments[1], "argument 2")
                                    : Limits.NO_MAX;
                    int type = arguments.length == 3 ? referenceType(arguments[2]) : ValueType.FUNCREF;
                    if (initial > WasmTable.MAX_SIZE) {
                        throw new WasmHostException("Table: at most " + WasmTable.MAX_SIZE + " elements");
                    }
                    return new WasmTable(type, (int) initial, maximum, false, WasmNull.NULL);
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
                default -> { // Global(type, mutable, value)
                    ValueConversion.checkArity(arguments, 3, 3);
                    int type = valueType(arguments[0]);
                    boolean mutable = InteropLibrary.getUncached().isBoolean(arguments[1]) && asBoolean(arguments[1]);
                    WasmGlobal global = new WasmGlobal(new GlobalType(type, mutable));
                    global.setBoxed(ValueConversion.toWasm(arguments[2], type, 2));
                    return global;
                }
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
