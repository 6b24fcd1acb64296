package org.wasmlang.interop;

import org.wasmlang.WasmLanguage;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.Import;
import org.wasmlang.module.Module;
import org.wasmlang.nodes.HostFunctionRootNode;
import org.wasmlang.runtime.ImportResolver;
import org.wasmlang.runtime.WasmFunction;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

/**
 * Resolves imports from a host import object shaped like the JS API's:
 * {@code {module: {name: value}}}. Wasm objects are used as they are; any other
 * executable becomes a host function with the import's type.
 */
public final class ImportObjectResolver implements ImportResolver {
    private final WasmLanguage language;
    private final Module module;
    private final Object importObject;

    /** @param importObject the host's import object, or null when there is none */
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
        if (imp.kind() == ExternKind.FUNC && !(value instanceof WasmFunction)
                        && InteropLibrary.getUncached(value).isExecutable(value)) {
            FuncType type = module.type(imp.typeIndex());
            HostFunctionRootNode root = new HostFunctionRootNode(language, imp.module() + "." + imp.name(), type, value);
            return new WasmFunction(type, language.typeId(type), imp.module() + "." + imp.name(), root.getCallTarget());
        }
        return value;
    }

    private static Object member(Object object, String name) {
        if (object == null) {
            return null;
        }
        InteropLibrary interop = InteropLibrary.getUncached(object);
        try {
            if (interop.isMemberReadable(object, name)) {
                Object value = interop.readMember(object, name);
                return InteropLibrary.getUncached(value).isNull(value) ? null : value;
            }
            if (interop.hasHashEntries(object)) {
                Object value = interop.readHashValueOrDefault(object, name, null);
                return value == null || InteropLibrary.getUncached(value).isNull(value) ? null : value;
            }
        } catch (InteropException e) {
            return null;
        }
        return null;
    }
}
