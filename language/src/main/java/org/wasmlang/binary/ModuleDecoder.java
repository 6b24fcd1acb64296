package org.wasmlang.binary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;

import org.wasmlang.module.ConstantExpression;
import org.wasmlang.module.CustomSection;
import org.wasmlang.module.DataSegment;
import org.wasmlang.module.ElementSegment;
import org.wasmlang.module.Export;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.Features;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.Function;
import org.wasmlang.module.Global;
import org.wasmlang.module.GlobalType;
import org.wasmlang.module.Import;
import org.wasmlang.module.Limits;
import org.wasmlang.module.MemoryType;
import org.wasmlang.module.Module;
import org.wasmlang.module.Names;
import org.wasmlang.module.SegmentMode;
import org.wasmlang.module.TableType;
import org.wasmlang.module.ValueType;
import org.wasmlang.validation.ErrorMessage;

/**
 * Decodes the sections of a binary module into the {@link Module} model. Function
 * bodies are only delimited here; the validator reads their instructions (and reports
 * malformed instructions) in its single pass.
 */
public final class ModuleDecoder {
    private static final int MAGIC = 0x6d736100;
    private static final int VERSION = 1;
    /** Implementation limit on locals per function (the JS API's limit). */
    public static final int MAX_LOCALS = 50_000;

    private static final int CUSTOM = 0;
    private static final int TYPE = 1;
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int TABLE = 4;
    private static final int MEMORY = 5;
    private static final int GLOBAL = 6;
    private static final int EXPORT = 7;
    private static final int START = 8;
    private static final int ELEMENT = 9;
    private static final int CODE = 10;
    private static final int DATA = 11;
    private static final int DATA_COUNT = 12;
    private static final int TAG = 13;

    private final BinaryReader r;
    private final Features features;

    private FuncType[] types = new FuncType[0];
    private int[] canonicalTypeIndex = new int[0];
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private int[] definedFunctionTypes = new int[0];
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<GlobalType> globalTypes = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Integer> tagTypes = new ArrayList<>();
    private Export[] exports = new Export[0];
    private int start = -1;
    private ElementSegment[] elements = new ElementSegment[0];
    private DataSegment[] data = new DataSegment[0];
    private int dataCount = -1;
    private Function[] functions;
    private Names names = Names.EMPTY;
    private final List<CustomSection> customSections = new ArrayList<>();
    private int codeSectionOffset = -1;

    private ModuleDecoder(byte[] bytes, Features features) {
        this.r = new BinaryReader(bytes);
        this.features = features;
    }

    /** Decodes a module, or throws a {@code WasmMalformedException} naming the first problem. */
    public static Module decode(byte[] bytes, Features features) {
        return new ModuleDecoder(bytes, features).decodeModule();
    }

    private Module decodeModule() {
        if (r.f32Bits() != MAGIC) {
            throw r.malformed(ErrorMessage.MAGIC_HEADER_NOT_DETECTED, 0);
        }
        if (r.f32Bits() != VERSION) {
            throw r.malformed(ErrorMessage.UNKNOWN_BINARY_VERSION, 4);
        }
        int lastRank = 0;
        byte[] bytes = r.data();
        while (!r.atLimit()) {
            int idAt = r.position();
            int id = r.u8();
            if (id > DATA_COUNT && !(id == TAG && features.exceptions())) {
                throw r.malformed(ErrorMessage.MALFORMED_SECTION_ID, String.valueOf(id), idAt);
            }
            int size = r.length();
            int sectionStart = r.position();
            int sectionEnd = sectionStart + size;
            if (id != CUSTOM) {
                int rank = rank(id);
                if (rank <= lastRank) {
                    throw r.malformed(ErrorMessage.UNEXPECTED_CONTENT_AFTER_LAST_SECTION, idAt);
                }
                lastRank = rank;
            }
            r.setInSection(true);
            switch (id) {
                case CUSTOM -> readCustomSection(sectionEnd);
                case TYPE -> readTypeSection();
                case IMPORT -> readImportSection();
                case FUNCTION -> readFunctionSection();
                case TABLE -> readTableSection();
                case MEMORY -> readMemorySection();
                case TAG -> readTagSection();
                case GLOBAL -> {
                    // Wasm 3.0 reads an initializer's instructions (extended constants) within
                    // its section: one running past the end is cut off, not an illegal opcode.
                    int moduleEnd = features.wasm3Rules() ? r.setLimit(sectionEnd) : -1;
                    readGlobalSection();
                    if (moduleEnd >= 0) {
                        r.setLimit(moduleEnd);
                    }
                }
                case EXPORT -> readExportSection();
                case START -> start = r.u32();
                case ELEMENT -> readElementSection();
                case DATA_COUNT -> dataCount = r.u32();
                case CODE -> readCodeSection();
                case DATA -> readDataSection();
                default -> throw new IllegalStateException("section id checked above");
            }
            if (r.position() != sectionEnd) {
                throw r.malformed(ErrorMessage.SECTION_SIZE_MISMATCH, sectionStart);
            }
            r.setInSection(false);
        }
        if (functions == null) {
            functions = new Function[0];
        }
        if (functions.length != definedFunctionTypes.length) {
            throw r.malformed(ErrorMessage.FUNCTION_AND_CODE_INCONSISTENT, r.position());
        }
        if (dataCount >= 0 && dataCount != data.length) {
            throw r.malformed(ErrorMessage.DATA_COUNT_AND_DATA_INCONSISTENT, r.position());
        }
        return new Module(bytes, types, imports.toArray(new Import[0]), toIntArray(functionTypes), functions,
                        tables.toArray(new TableType[0]), memories.toArray(new MemoryType[0]),
                        globalTypes.toArray(new GlobalType[0]), globals.toArray(new Global[0]), toIntArray(tagTypes), exports,
                        start, elements, data, dataCount, names, List.copyOf(customSections), canonicalTypeIndex,
                        codeSectionOffset);
    }

    /** Position of a section id in the required order (the tag section sits after memory). */
    private static int rank(int id) {
        return switch (id) {
            case TYPE -> 1;
            case IMPORT -> 2;
            case FUNCTION -> 3;
            case TABLE -> 4;
            case MEMORY -> 5;
            case TAG -> 6;
            case GLOBAL -> 7;
            case EXPORT -> 8;
            case START -> 9;
            case ELEMENT -> 10;
            case DATA_COUNT -> 11;
            case CODE -> 12;
            case DATA -> 13;
            default -> throw new IllegalArgumentException("section " + id);
        };
    }

    private void readCustomSection(int sectionEnd) {
        // Unlike other sections, a custom section's name must lie inside the section.
        int moduleEnd = r.setLimit(sectionEnd);
        String name = r.name();
        r.setLimit(moduleEnd);
        int contentStart = r.position();
        customSections.add(new CustomSection(name, contentStart, sectionEnd - contentStart));
        if (name.equals("name")) {
            names = NameSectionReader.read(r.data(), contentStart, sectionEnd);
        }
        r.setPosition(sectionEnd);
    }

    private void readTypeSection() {
        int n = r.count();
        types = new FuncType[n];
        for (int i = 0; i < n; i++) {
            int at = r.position();
            int form = r.u8();
            if ((form & 0x80) != 0) {
                // The form is an s7 LEB: a continuation bit makes it too long.
                throw r.malformed(ErrorMessage.INTEGER_REPRESENTATION_TOO_LONG, at);
            }
            if (form != 0x60) {
                if (form == 0x4E || form == 0x50 || form == 0x4F || form == 0x5F || form == 0x5E) {
                    throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "GC types (Wasm 3.0)", at);
                }
                throw r.malformed(ErrorMessage.MALFORMED_FUNCTION_TYPE, "0x" + Integer.toHexString(form), at);
            }
            int[] params = readValueTypes();
            int[] results = readValueTypes();
            types[i] = new FuncType(params, results);
        }
        canonicalizeTypes();
    }

    /**
     * Gives equivalent types one index. Without GC every type is a recursion group of its own
     * that may refer to earlier types and to itself (a later one is an unknown type, which
     * the validator reports), so two types are equivalent when they are equal once the
     * earlier types they name are replaced by their canonical index and a reference to
     * itself by {@link ValueType#SELF_INDEX}. Every value type the module holds is then
     * rewritten to canonical indices, so that the validator's subtyping compares indices.
     */
    private void canonicalizeTypes() {
        int n = types.length;
        canonicalTypeIndex = new int[n];
        Map<FuncType, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int self = i;
            FuncType rewritten = types[i].mapReferences(j -> j < self ? canonicalTypeIndex[j] : j);
            FuncType key = rewritten.mapReferences(j -> j == self ? ValueType.SELF_INDEX : j);
            Integer known = seen.putIfAbsent(key, i);
            canonicalTypeIndex[i] = known == null ? i : known;
            types[i] = known == null ? rewritten : types[known];
        }
    }

    /** A value type with its type index, if any, made canonical (see {@link #canonicalizeTypes}). */
    private int canonical(int valueType) {
        if (ValueType.isConcrete(valueType) && ValueType.typeIndex(valueType) < canonicalTypeIndex.length) {
            return ValueType.withTypeIndex(valueType, canonicalTypeIndex[ValueType.typeIndex(valueType)]);
        }
        return valueType;
    }

    private int[] readValueTypes() {
        int n = r.count();
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = TypeReader.valueType(r, features);
        }
        return result;
    }

    private void readImportSection() {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            String module = r.name();
            String name = r.name();
            int at = r.position();
            int kindCode = r.u8();
            ExternKind kind = ExternKind.fromCode(kindCode);
            if (kind == null || (kind == ExternKind.TAG && !features.exceptions())) {
                throw r.malformed(ErrorMessage.MALFORMED_IMPORT_KIND, at);
            }
            switch (kind) {
                case FUNC -> {
                    int typeIndex = r.u32();
                    imports.add(new Import(module, name, kind, functionTypes.size(), typeIndex, null, null, null));
                    functionTypes.add(typeIndex);
                }
                case TABLE -> {
                    TableType table = readTableType();
                    imports.add(new Import(module, name, kind, tables.size(), -1, table, null, null));
                    tables.add(table);
                }
                case MEMORY -> {
                    MemoryType memory = new MemoryType(readLimits(true));
                    imports.add(new Import(module, name, kind, memories.size(), -1, null, memory, null));
                    memories.add(memory);
                }
                case GLOBAL -> {
                    GlobalType global = readGlobalType();
                    imports.add(new Import(module, name, kind, globalTypes.size(), -1, null, null, global));
                    globalTypes.add(global);
                }
                case TAG -> {
                    int typeIndex = readTagType();
                    imports.add(new Import(module, name, kind, tagTypes.size(), typeIndex, null, null, null));
                    tagTypes.add(typeIndex);
                }
            }
        }
    }

    private void readFunctionSection() {
        int n = r.count();
        definedFunctionTypes = new int[n];
        for (int i = 0; i < n; i++) {
            definedFunctionTypes[i] = r.u32();
            functionTypes.add(definedFunctionTypes[i]);
        }
    }

    private void readTableSection() {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            if (features.typedFunctionReferences() && r.peek() == 0x40) {
                // A table with an initialiser expression: 0x40 0x00 tabletype expr.
                r.u8();
                int at = r.position();
                if (r.u8() != 0) {
                    throw r.malformed(ErrorMessage.ZERO_BYTE_EXPECTED, "(table initialiser prefix)", at);
                }
                TableType type = readTableType();
                tables.add(new TableType(type.elementType(), type.limits(), readConstantExpression()));
            } else {
                tables.add(readTableType());
            }
        }
    }

    private TableType readTableType() {
        int elementType = canonical(TypeReader.referenceType(r, features));
        return new TableType(elementType, readLimits(false));
    }

    private void readMemorySection() {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            memories.add(new MemoryType(readLimits(true)));
        }
    }

    private Limits readLimits(boolean memory) {
        int at = r.position();
        int flags = r.u8();
        boolean hasMax = (flags & 1) != 0;
        boolean shared = (flags & 2) != 0;
        boolean is64 = (flags & 4) != 0;
        if (features.wasm3Rules()) {
            // One flags byte: bit 0 a maximum, bit 1 shared (threads), bit 2 64-bit.
            if ((flags & ~7) != 0 || (shared && !memory)) {
                throw r.malformed(ErrorMessage.MALFORMED_LIMITS_FLAGS, "(0x" + Integer.toHexString(flags) + ")", at);
            }
            if (shared) {
                throw r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "threads (shared memory)", at);
            }
            // u64 either way: validation says when a 32-bit bound is too large.
            long min = r.u64();
            long max = hasMax ? r.u64() : Limits.NO_MAX;
            return new Limits(min, max, is64, false);
        }
        if ((flags & 0x80) != 0) {
            // The flags are a LEB byte; a continuation bit makes the encoding too long.
            throw r.malformed(ErrorMessage.INTEGER_REPRESENTATION_TOO_LONG, at);
        }
        // 2.0 has neither shared nor 64-bit limits: their flags are out of range.
        if ((flags & ~7) != 0 || shared || is64) {
            throw r.malformed(ErrorMessage.INTEGER_TOO_LARGE, "(limits flags 0x" + Integer.toHexString(flags) + ")", at);
        }
        long min = r.u32() & 0xFFFFFFFFL;
        long max = hasMax ? r.u32() & 0xFFFFFFFFL : Limits.NO_MAX;
        return new Limits(min, max, false, false);
    }

    private GlobalType readGlobalType() {
        int valueType = canonical(TypeReader.valueType(r, features));
        int at = r.position();
        int mutability = r.u8();
        if (mutability > 1) {
            throw r.malformed(ErrorMessage.MALFORMED_MUTABILITY, at);
        }
        return new GlobalType(valueType, mutability == 1);
    }

    private int readTagType() {
        int at = r.position();
        if (r.u8() != 0) {
            throw r.malformed(ErrorMessage.ZERO_BYTE_EXPECTED, "(tag attribute)", at);
        }
        return r.u32();
    }

    private void readTagSection() {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            tagTypes.add(readTagType());
        }
    }

    private void readGlobalSection() {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            GlobalType type = readGlobalType();
            ConstantExpression init = readConstantExpression();
            globalTypes.add(type);
            globals.add(new Global(type, init));
        }
    }

    private void readExportSection() {
        int n = r.count();
        exports = new Export[n];
        for (int i = 0; i < n; i++) {
            String name = r.name();
            int at = r.position();
            ExternKind kind = ExternKind.fromCode(r.u8());
            if (kind == null || (kind == ExternKind.TAG && !features.exceptions())) {
                throw r.malformed(ErrorMessage.MALFORMED_EXPORT_KIND, at);
            }
            exports[i] = new Export(name, kind, r.u32());
        }
    }

    private void readElementSection() {
        int n = r.count();
        elements = new ElementSegment[n];
        for (int i = 0; i < n; i++) {
            elements[i] = readElementSegment();
        }
    }

    private ElementSegment readElementSegment() {
        int at = r.position();
        int flags = r.u32();
        if (flags < 0 || flags > 7) {
            throw r.malformed(ErrorMessage.MALFORMED_ELEMENTS_SEGMENT_KIND, at);
        }
        boolean passiveOrDeclarative = (flags & 1) != 0;
        boolean explicitTable = (flags & 2) != 0;
        boolean usesExpressions = (flags & 4) != 0;
        SegmentMode mode = !passiveOrDeclarative ? SegmentMode.ACTIVE
                        : (explicitTable ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE);
        int tableIndex = 0;
        ConstantExpression offset = null;
        if (mode == SegmentMode.ACTIVE) {
            if (explicitTable) {
                tableIndex = r.u32();
            }
            offset = readConstantExpression();
        }
        // Function indices are never null: with typed references their type says so.
        int elementType = usesExpressions || !features.typedFunctionReferences() ? ValueType.FUNCREF : ValueType.HEAP_FUNC;
        if (passiveOrDeclarative || explicitTable) {
            if (usesExpressions) {
                elementType = canonical(TypeReader.referenceType(r, features));
            } else {
                int kindAt = r.position();
                if (r.u8() != 0) {
                    throw r.malformed(ErrorMessage.MALFORMED_ELEMENTS_SEGMENT_KIND, "(element kind)", kindAt);
                }
            }
        }
        int count = r.count();
        if (usesExpressions) {
            ConstantExpression[] items = new ConstantExpression[count];
            for (int i = 0; i < count; i++) {
                items[i] = readConstantExpression();
            }
            return new ElementSegment(mode, tableIndex, offset, elementType, null, items);
        }
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = r.u32();
        }
        return new ElementSegment(mode, tableIndex, offset, elementType, indices, null);
    }

    private void readCodeSection() {
        codeSectionOffset = r.position();
        int n = r.count();
        // A count differing from the function section's is reported after the last
        // section, as the reference decoder does.
        functions = new Function[n];
        int imported = functionTypes.size() - definedFunctionTypes.length;
        for (int i = 0; i < n; i++) {
            int functionIndex = imported + i;
            int size = r.length();
            int bodyStart = r.position();
            int bodyEnd = bodyStart + size;
            r.setFunctionIndex(functionIndex);
            int typeIndex = i < definedFunctionTypes.length ? definedFunctionTypes[i] : -1;
            int[] localTypes = readLocals(typeIndex);
            int codeStart = r.position();
            // Instruction encodings are checked now, in section order, because a malformed
            // body must be reported before anything wrong in a later section.
            CodeScanner.scanBody(r, features, dataCount >= 0);
            if (r.position() != bodyEnd) {
                throw r.malformed(ErrorMessage.SECTION_SIZE_MISMATCH, "(function body)", bodyStart);
            }
            r.setFunctionIndex(-1);
            functions[i] = new Function(functionIndex, typeIndex, localTypes, codeStart, bodyEnd);
        }
    }

    /** Reads the local declarations; the parameters come first in the returned types. */
    private int[] readLocals(int typeIndex) {
        int groups = r.count();
        int groupsStart = r.position();
        long total = 0;
        for (int g = 0; g < groups; g++) {
            int at = r.position();
            total += r.u32() & 0xFFFFFFFFL;
            if (total > 0xFFFFFFFFL) {
                throw r.malformed(ErrorMessage.TOO_MANY_LOCALS, at);
            }
            TypeReader.valueType(r, features);
        }
        FuncType type = typeIndex >= 0 && typeIndex < types.length ? types[typeIndex] : null;
        int params = type == null ? 0 : type.paramCount();
        if (total + params > MAX_LOCALS) {
            throw r.malformed(ErrorMessage.TOO_MANY_LOCALS, "(" + (total + params) + " locals; the limit is "
                            + MAX_LOCALS + ")", groupsStart);
        }
        int[] localTypes = new int[params + (int) total];
        for (int p = 0; p < params; p++) {
            localTypes[p] = type.param(p);
        }
        int end = r.position();
        r.setPosition(groupsStart);
        int next = params;
        for (int g = 0; g < groups; g++) {
            int count = r.u32();
            int valueType = canonical(TypeReader.valueType(r, features));
            for (int k = 0; k < count; k++) {
                localTypes[next++] = valueType;
            }
        }
        assert r.position() == end;
        return localTypes;
    }

    private void readDataSection() {
        int n = r.count();
        data = new DataSegment[n];
        for (int i = 0; i < n; i++) {
            int at = r.position();
            int flags = r.u32();
            SegmentMode mode;
            int memoryIndex = 0;
            ConstantExpression offset = null;
            switch (flags) {
                case 0 -> {
                    mode = SegmentMode.ACTIVE;
                    offset = readConstantExpression();
                }
                case 1 -> mode = SegmentMode.PASSIVE;
                case 2 -> {
                    mode = SegmentMode.ACTIVE;
                    memoryIndex = r.u32();
                    offset = readConstantExpression();
                }
                default -> throw r.malformed(ErrorMessage.MALFORMED_DATA_SEGMENT_KIND, at);
            }
            int length = r.length();
            int dataOffset = r.position();
            r.skip(length);
            data[i] = new DataSegment(mode, memoryIndex, offset, dataOffset, length);
        }
    }

    /**
     * Reads instructions up to the matching {@code end}. Constant instructions are kept;
     * the first other instruction is remembered so validation can reject it, and skipped.
     */
    private ConstantExpression readConstantExpression() {
        int exprStart = r.position();
        int[] opcodes = new int[2];
        long[] immediates = new long[4];
        int count = 0;
        int nonConstant = ConstantExpression.NONE;
        int depth = 0;
        while (true) {
            int opcode = r.peek();
            if (opcode == Opcodes.END && depth == 0) {
                r.u8();
                break;
            }
            Instruction instruction = Instructions.read(r, features);
            long imm = 0;
            long imm2 = 0;
            int code = opcode;
            boolean constant = true;
            switch (opcode) {
                case Opcodes.I32_CONST -> imm = r.s32();
                case Opcodes.I64_CONST -> imm = r.s64();
                case Opcodes.F32_CONST -> imm = r.f32Bits();
                case Opcodes.F64_CONST -> imm = r.f64Bits();
                case Opcodes.REF_NULL -> imm = canonical(TypeReader.heapType(r, features));
                case Opcodes.REF_FUNC, Opcodes.GLOBAL_GET -> imm = r.u32() & 0xFFFFFFFFL;
                case Opcodes.SIMD_PREFIX -> {
                    if (instruction.opcode() == Opcodes.V128_CONST) {
                        code = Opcodes.SIMD_PREFIX << 8 | Opcodes.V128_CONST;
                        imm = r.f64Bits();
                        imm2 = r.f64Bits();
                    } else {
                        constant = false;
                    }
                }
                case Opcodes.I32_ADD, Opcodes.I32_SUB, Opcodes.I32_MUL, Opcodes.I64_ADD, Opcodes.I64_SUB, Opcodes.I64_MUL -> {
                    // Extended constant expressions (Wasm 3.0).
                    constant = features.extendedConst();
                }
                default -> {
                    constant = false;
                }
            }
            if (!constant) {
                if (nonConstant == ConstantExpression.NONE) {
                    nonConstant = opcode;
                }
                depth += CodeScanner.skipImmediates(r, instruction, features, true);
                continue;
            }
            if (count == opcodes.length) {
                opcodes = Arrays.copyOf(opcodes, count * 2);
                immediates = Arrays.copyOf(immediates, count * 4);
            }
            opcodes[count] = code;
            immediates[2 * count] = imm;
            immediates[2 * count + 1] = imm2;
            count++;
        }
        return new ConstantExpression(Arrays.copyOf(opcodes, count),
                        Arrays.copyOf(immediates, 2 * count), nonConstant, exprStart);
    }

    private static int[] toIntArray(List<Integer> list) {
        int[] result = new int[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = list.get(i);
        }
        return result;
    }
}
