package org.wasmlang.runtime;

import org.wasmlang.module.Features;
import org.wasmlang.module.Module;
import org.wasmlang.validation.FunctionInfo;

import org.wasmlang.WasmLanguage;
import org.wasmlang.interop.ImportObjectResolver;
import org.wasmlang.interop.MemberNames;

import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

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

    public CompiledModule(String name, Module module, FunctionInfo[] functionInfos, Features features) {
        this.name = name;
        this.module = module;
        this.functionInfos = functionInfos;
        this.features = features;
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

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new MemberNames(NEW_INSTANCE);
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
        if (arguments.length > 1) {
            throw ArityException.create(0, 1, arguments.length);
        }
        Object importObject = arguments.length == 1 ? arguments[0] : null;
        WasmLanguage language = WasmLanguage.get(node);
        return Linker.instantiate(language, this, new ImportObjectResolver(language, module, importObject));
    }
}
