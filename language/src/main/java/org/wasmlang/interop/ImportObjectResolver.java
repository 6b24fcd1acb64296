package org.wasmlang.interop;

import org.wasmlang.WasmLanguage;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.Import;
import org.wasmlang.module.Module;
import org.wasmlang.nodes.HostFunctionRootNode;
import org.wasmlang.runtime.ImportResolver;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.WasmInstance;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

/**
 * Resolves imports from a host import object shaped like the JS API's:
 * {@code {module: {name: value}}}. Wasm objects are used as they are; any other
 * executable becomes a host function with the import's type, and one wrapped by
 * {@code withCaller} also receives this instantiation's {@link WasmCaller} first.
 */
public final class ImportObjectResolver implements ImportResolver {
    private final WasmLanguage language;
    private final Module module;
    private final Object importObject;
    /** Made when the first withCaller import is resolved, bound in {@link #linked}. */
    private WasmCaller caller;

    /** @param importObject the host's import object, or null when there is none */
    /** The module's canonical type ids, computed for the first host function. */
    private int[] typeIds;

    public ImportObjectResolver(WasmLanguage language, Module module, Object importObject) {
        this.language = language;
        this.module = module;
        this.importObject = importObject;
    }

    @Override
    @TruffleBoundary
    public Object resolve(Import imp) {
        Object value = member(member(importObject, imp.module()), imp.name());
        if (value == null) {
            return null;
        }
        if (imp.kind() == ExternKind.FUNC && value instanceof CallerFunction wrapped) {
            if (caller == null) {
                caller = new WasmCaller();
            }
            return hostFunction(imp, wrapped.executable(), caller);
        }
        if (imp.kind() == ExternKind.FUNC && !(value instanceof WasmFunction)
                        && InteropLibrary.getUncached(value).isExecutable(value)) {
            return hostFunction(imp, value, null);
        }
        return value;
    }

    private WasmFunction hostFunction(Import imp, Object executable, WasmCaller callerOrNull) {
        FuncType type = module.type(imp.typeIndex());
        String name = imp.module() + "." + imp.name();
        HostFunctionRootNode root = new HostFunctionRootNode(language, name, type, executable, callerOrNull);
        if (typeIds == null) {
            typeIds = language.typeIds(module);
        }
        return new WasmFunction(type, typeIds[imp.typeIndex()], name, root.getCallTarget());
    }

    @Override
    public void linked(WasmInstance instance) {
        if (caller != null) {
            caller.bind(instance);
        }
    }

    /**
     * The member {@code name} of an import object (object members or, for Python dicts and
     * JS Maps, hash entries); null when absent or null.
     */
    public static Object member(Object object, String name) {
        if (object == null) {
            return null;
        }
        InteropLibrary interop = InteropLibrary.getUncached(object);
        try {
            if (interop.isMemberReadable(object, name)) {
                Object value = interop.readMember(object, name);
                return InteropLibrary.getUncached(value).isNull(value) ? null : value;
            }
            if (interop.hasHashEntries(object) && interop.isHashEntryReadable(object, name)) {
                // A dictionary (Python dict, JS Map); interop forbids a null default, so check first.
                Object value = interop.readHashValue(object, name);
                return InteropLibrary.getUncached(value).isNull(value) ? null : value;
            }
        } catch (InteropException e) {
            return null;
        }
        return null;
    }
}
