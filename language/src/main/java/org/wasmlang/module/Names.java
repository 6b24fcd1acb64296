package org.wasmlang.module;

import java.util.HashMap;
import java.util.Map;

/**
 * What the {@code name} custom section says: the module's, functions' and locals' names,
 * used in guest stack traces and by the debugger. Missing names are null.
 */
public final class Names {
    public static final Names EMPTY = new Names(null, Map.of(), Map.of());

    private final String moduleName;
    private final Map<Integer, String> functionNames;
    private final Map<Integer, Map<Integer, String>> localNames;

    public Names(String moduleName, Map<Integer, String> functionNames, Map<Integer, Map<Integer, String>> localNames) {
        this.moduleName = moduleName;
        this.functionNames = functionNames;
        this.localNames = localNames;
    }

    public String moduleName() {
        return moduleName;
    }

    public String functionName(int functionIndex) {
        return functionNames.get(functionIndex);
    }

    public String localName(int functionIndex, int localIndex) {
        Map<Integer, String> locals = localNames.get(functionIndex);
        return locals == null ? null : locals.get(localIndex);
    }

    /** Mutable maps for the decoder to fill. */
    public static Names create(String moduleName) {
        return new Names(moduleName, new HashMap<>(), new HashMap<>());
    }

    /** The same names under another module name (the maps are shared, not copied). */
    public Names withModuleName(String name) {
        return new Names(name, functionNames, localNames);
    }

    public Names withFunctionName(int index, String name) {
        functionNames.put(index, name);
        return this;
    }

    public Names withLocalName(int functionIndex, int localIndex, String name) {
        localNames.computeIfAbsent(functionIndex, k -> new HashMap<>()).put(localIndex, name);
        return this;
    }
}
