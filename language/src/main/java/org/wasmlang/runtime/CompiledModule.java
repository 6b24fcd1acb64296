package org.wasmlang.runtime;

import org.wasmlang.debug.SourceView;
import java.util.LinkedHashMap;
import java.util.Map;

import org.wasmlang.WasmContext;
import org.wasmlang.WasmLanguage;
import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.interop.ImportObjectResolver;
import org.wasmlang.interop.ObjectArray;
import org.wasmlang.interop.RecordObject;
import org.wasmlang.module.Export;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.Features;
import org.wasmlang.module.Import;
import org.wasmlang.module.Module;
import org.wasmlang.validation.FunctionInfo;
import org.wasmlang.validation.Validator;
import org.wasmlang.wasi.WasiImportResolver;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;

/**
 * A decoded and validated module, ready to be instantiated any number of times: what
 * {@code Context.eval} of a {@code .wasm} source returns.
 */
@ExportLibrary(InteropLibrary.class)
public final class CompiledModule implements TruffleObject {
    private final String name;
    private final Module module;
    private final FunctionInfo[] functionInfos;
    private final Features features;
    /** What tools see as the module's source, made on their first request. */
    private volatile SourceView sourceView;

    public CompiledModule(String name, Module module, FunctionInfo[] functionInfos, Features features) {
        this.name = name;
        this.module = module;
        this.functionInfos = functionInfos;
        this.features = features;
    }

    /** Decodes and validates a module; malformed or invalid bytes raise a WasmModuleException. */
    public static CompiledModule compile(String name, byte[] bytes, Features features) {
        Module module = ModuleDecoder.decode(bytes, features);
        return new CompiledModule(name, module, Validator.validate(module, features), features);
    }

    /** The features the module was decoded with. */
    public Features features() {
        return features;
    }

    public String name() {
        return name;
    }

    public Module module() {
        return module;
    }

    /** The module's source as tools see it (see {@link SourceView}); made once, on first use. */
    @TruffleBoundary
    public SourceView sourceView() {
        SourceView view = sourceView;
        if (view == null) {
            synchronized (this) {
                view = sourceView;
                if (view == null) {
                    view = SourceView.of(name, module, features);
                    sourceView = view;
                }
            }
        }
        return view;
    }

    /** The source view if a tool or a guest exception already made it, else null. */
    public SourceView sourceViewIfMade() {
        return sourceView;
    }

    /** Validation results of the defined function with this index among defined functions. */
    public FunctionInfo functionInfo(int definedIndex) {
        return functionInfos[definedIndex];
    }

    static final String NEW_INSTANCE = "newInstance";

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Module[" + name + "]";
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    static final String IMPORTS = "imports";
    static final String EXPORTS = "exports";

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(NEW_INSTANCE, IMPORTS, EXPORTS);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return IMPORTS.equals(member) || EXPORTS.equals(member);
    }

    /**
     * {@code imports}: {module, name, kind, type} per import; {@code exports}: {name, kind,
     * type} per export, as the JS API's Module.imports/exports list them (plus the type).
     */
    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        if (IMPORTS.equals(member)) {
            Object[] imports = new Object[module.importCount()];
            for (int i = 0; i < imports.length; i++) {
                Import imp = module.importAt(i);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("module", imp.module());
                fields.put("name", imp.name());
                fields.put("kind", imp.kind().text());
                fields.put("type", typeOf(imp.kind(), imp.indexInKind()));
                imports[i] = new RecordObject(null, fields);
            }
            return new ObjectArray(imports);
        } else if (EXPORTS.equals(member)) {
            Object[] exports = new Object[module.exportCount()];
            for (int i = 0; i < exports.length; i++) {
                Export export = module.export(i);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("name", export.name());
                fields.put("kind", export.kind().text());
                fields.put("type", typeOf(export.kind(), export.index()));
                exports[i] = new RecordObject(null, fields);
            }
            return new ObjectArray(exports);
        }
        throw UnknownIdentifierException.create(member);
    }

    private String typeOf(ExternKind kind, int index) {
        return switch (kind) {
            case FUNC -> module.functionType(index).toString();
            case TABLE -> module.table(index).toString();
            case MEMORY -> module.memory(index).toString();
            case GLOBAL -> module.globalType(index).toString();
            case TAG -> "(tag " + module.tagTypeIndex(index) + ")";
        };
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return NEW_INSTANCE.equals(member);
    }

    /** {@code newInstance([importObject])}: instantiates the module. */
    @ExportMessage
    Object invokeMember(String member, Object[] arguments,
                    @Bind Node node) throws UnknownIdentifierException, ArityException {
        if (!NEW_INSTANCE.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return instantiate(arguments, node);
    }

    /**
     * The interop instantiate message, as GraalWasm's users write it: Java's
     * {@code module.newInstance(importObject)}, JavaScript's {@code new module(importObject)}.
     */
    @ExportMessage
    boolean isInstantiable() {
        return true;
    }

    @ExportMessage
    Object instantiate(Object[] arguments, @Bind Node node) throws ArityException {
        if (arguments.length > 1) {
            throw ArityException.create(0, 1, arguments.length);
        }
        Object importObject = arguments.length == 1 ? arguments[0] : null;
        WasmLanguage language = WasmLanguage.get(node);
        ImportResolver imports = new ImportObjectResolver(language, module, importObject);
        imports = WasiImportResolver.around(language, WasmContext.get(node), this, importObject, imports);
        return Linker.instantiate(language, this, imports);
    }
}
