package org.wasmlang.module;

import java.util.List;

/**
 * The immutable model of a decoded module. Index spaces follow the spec: imported
 * functions, tables, memories, globals and tags come before the defined ones.
 */
public final class Module {
    private final byte[] bytes;
    private final FuncType[] types;
    private final Import[] imports;
    /** Type index of every function in the function index space. */
    private final int[] functionTypes;
    private final Function[] functions;
    private final TableType[] tables;
    private final MemoryType[] memories;
    private final GlobalType[] globalTypes;
    private final Global[] globals;
    private final int importedTags;
    private final int[] tagTypes;
    private final Export[] exports;
    private final int startFunction;
    private final ElementSegment[] elements;
    private final DataSegment[] data;
    private final int dataCount;
    private final int importedFunctions;
    private final int importedTables;
    private final int importedMemories;
    private final int importedGlobals;
    private final Names names;
    private final List<CustomSection> customSections;
    /** For each type index, the lowest index of an equivalent type (see ModuleDecoder). */
    private final int[] canonicalTypeIndex;
    /** Where the code section's payload starts (its function count), or -1 without one. */
    private final int codeSectionOffset;

    public Module(byte[] bytes, FuncType[] types, Import[] imports, int[] functionTypes, Function[] functions,
                    TableType[] tables, MemoryType[] memories, GlobalType[] globalTypes, Global[] globals, int[] tagTypes,
                    Export[] exports, int startFunction, ElementSegment[] elements, DataSegment[] data, int dataCount,
                    Names names, List<CustomSection> customSections, int[] canonicalTypeIndex,
                    int codeSectionOffset) {
        this.canonicalTypeIndex = canonicalTypeIndex;
        this.codeSectionOffset = codeSectionOffset;
        this.bytes = bytes;
        this.types = types;
        this.imports = imports;
        this.functionTypes = functionTypes;
        this.functions = functions;
        this.tables = tables;
        this.memories = memories;
        this.globalTypes = globalTypes;
        this.globals = globals;
        this.tagTypes = tagTypes;
        this.exports = exports;
        this.startFunction = startFunction;
        this.elements = elements;
        this.data = data;
        this.dataCount = dataCount;
        this.names = names;
        this.customSections = customSections;
        int funcs = 0;
        int tabs = 0;
        int mems = 0;
        int globs = 0;
        int tags = 0;
        for (Import imp : imports) {
            switch (imp.kind()) {
                case FUNC -> funcs++;
                case TABLE -> tabs++;
                case MEMORY -> mems++;
                case GLOBAL -> globs++;
                case TAG -> tags++;
            }
        }
        this.importedTags = tags;
        this.importedFunctions = funcs;
        this.importedTables = tabs;
        this.importedMemories = mems;
        this.importedGlobals = globs;
    }

    /** The module's bytes; function bodies and data segments point into them. Do not modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** The type section's function types, indexed by type index. Do not modify. */
    public FuncType[] types() {
        return types;
    }

    /** The lowest index of a type equivalent to type {@code index}. */
    public int canonicalTypeIndex(int index) {
        return canonicalTypeIndex[index];
    }

    /**
     * A value type read from the module with its type index, if any, replaced by the
     * canonical one, so that equivalent types compare equal. An index out of range is kept
     * for validation to report.
     */
    public int canonical(int valueType) {
        if (ValueType.isConcrete(valueType) && ValueType.typeIndex(valueType) < canonicalTypeIndex.length) {
            return ValueType.withTypeIndex(valueType, canonicalTypeIndex[ValueType.typeIndex(valueType)]);
        }
        return valueType;
    }

    public int typeCount() {
        return types.length;
    }

    public FuncType type(int index) {
        return types[index];
    }

    public int importCount() {
        return imports.length;
    }

    public Import importAt(int index) {
        return imports[index];
    }

    /** Number of functions in the function index space (imported and defined). */
    public int functionCount() {
        return functionTypes.length;
    }

    public int functionTypeIndex(int functionIndex) {
        return functionTypes[functionIndex];
    }

    public FuncType functionType(int functionIndex) {
        return types[functionTypes[functionIndex]];
    }

    public int importedFunctionCount() {
        return importedFunctions;
    }

    /** Whether this function index names a function the module defines (not an import, not out of range). */
    public boolean definesFunction(int functionIndex) {
        return functionIndex >= importedFunctions && functionIndex < functionTypes.length;
    }

    /** The defined function with this function index (which must not be an import). */
    public Function function(int functionIndex) {
        return functions[functionIndex - importedFunctions];
    }

    public int definedFunctionCount() {
        return functions.length;
    }

    public Function definedFunction(int i) {
        return functions[i];
    }

    public int tableCount() {
        return tables.length;
    }

    public TableType table(int index) {
        return tables[index];
    }

    public int importedTableCount() {
        return importedTables;
    }

    public int memoryCount() {
        return memories.length;
    }

    public MemoryType memory(int index) {
        return memories[index];
    }

    public int importedMemoryCount() {
        return importedMemories;
    }

    public int globalCount() {
        return globalTypes.length;
    }

    public GlobalType globalType(int index) {
        return globalTypes[index];
    }

    public int importedGlobalCount() {
        return importedGlobals;
    }

    /** The defined global with this global index (which must not be an import). */
    public Global global(int globalIndex) {
        return globals[globalIndex - importedGlobals];
    }

    public int importedTagCount() {
        return importedTags;
    }

    public int tagCount() {
        return tagTypes.length;
    }

    public int tagTypeIndex(int index) {
        return tagTypes[index];
    }

    public int exportCount() {
        return exports.length;
    }

    public Export export(int index) {
        return exports[index];
    }

    /** The start function's index, or -1. */
    public int startFunction() {
        return startFunction;
    }

    public int elementCount() {
        return elements.length;
    }

    public ElementSegment element(int index) {
        return elements[index];
    }

    public int dataSegmentCount() {
        return data.length;
    }

    public DataSegment dataSegment(int index) {
        return data[index];
    }

    /** The data count section's value, or -1 when the module has none. */
    public int dataCount() {
        return dataCount;
    }

    public Names names() {
        return names;
    }

    public List<CustomSection> customSections() {
        return customSections;
    }

    /**
     * The module offset of the code section's payload (the first byte after the section
     * size, where the function count is), or -1 when the module has no code section. DWARF
     * code addresses count from here.
     */
    public int codeSectionOffset() {
        return codeSectionOffset;
    }

    /** The name of the first export of item {@code index} of that kind, or null. */
    public String exportName(ExternKind kind, int index) {
        for (Export e : exports) {
            if (e.kind() == kind && e.index() == index) {
                return e.name();
            }
        }
        return null;
    }

    /** A readable name for a function: from the name section, an export, or its index. */
    public String functionDisplayName(int functionIndex) {
        String name = names.functionName(functionIndex);
        if (name != null) {
            return name;
        }
        String exported = exportName(ExternKind.FUNC, functionIndex);
        if (exported != null) {
            return exported;
        }
        if (functionIndex < importedFunctions) {
            for (Import imp : imports) {
                if (imp.kind() == ExternKind.FUNC && imp.indexInKind() == functionIndex) {
                    return imp.module() + "." + imp.name();
                }
            }
        }
        return "func[" + functionIndex + "]";
    }
}
