package org.wasmlang.module;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the {@code name} custom section says: the module's, functions' and locals' names,
 * used in guest stack traces and by the debugger, and the names of the extended name
 * section's other index spaces the debugger shows (memories, globals, data segments).
 * Missing names are null.
 */
public final class Names {
    public static final Names EMPTY = new Names(null, Map.of(), Map.of(), Map.of());

    /** Index spaces named by the extended name section's subsections of the same ids. */
    public enum Space {
        MEMORY(6), GLOBAL(7), DATA(9);

        public final int subsection;

        Space(int subsection) {
            this.subsection = subsection;
        }

        public static Space ofSubsection(int id) {
            for (Space space : values()) {
                if (space.subsection == id) {
                    return space;
                }
            }
            return null;
        }
    }

    private final String moduleName;
    private final Map<Integer, String> functionNames;
    private final Map<Integer, Map<Integer, String>> localNames;
    private final Map<Space, Map<Integer, String>> otherNames;

    public Names(String moduleName, Map<Integer, String> functionNames, Map<Integer, Map<Integer, String>> localNames) {
        this(moduleName, functionNames, localNames, new EnumMap<>(Space.class));
    }

    private Names(String moduleName, Map<Integer, String> functionNames, Map<Integer, Map<Integer, String>> localNames,
                    Map<Space, Map<Integer, String>> otherNames) {
        this.moduleName = moduleName;
        this.functionNames = functionNames;
        this.localNames = localNames;
        this.otherNames = otherNames;
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

    /** The name of item {@code index} of a memory, global or data segment index space. */
    public String name(Space space, int index) {
        Map<Integer, String> names = otherNames.get(space);
        return names == null ? null : names.get(index);
    }

    /** Mutable maps for the decoder to fill. */
    public static Names create(String moduleName) {
        return new Names(moduleName, new HashMap<>(), new HashMap<>());
    }

    /** The same names under another module name (the maps are shared, not copied). */
    public Names withModuleName(String name) {
        return new Names(name, functionNames, localNames, otherNames);
    }

    public Names withFunctionName(int index, String name) {
        functionNames.put(index, name);
        return this;
    }

    public Names withName(Space space, int index, String name) {
        otherNames.computeIfAbsent(space, k -> new HashMap<>()).put(index, name);
        return this;
    }

    public Names withLocalName(int functionIndex, int localIndex, String name) {
        localNames.computeIfAbsent(functionIndex, k -> new HashMap<>()).put(localIndex, name);
        return this;
    }
}
