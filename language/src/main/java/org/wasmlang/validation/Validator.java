package org.wasmlang.validation;

import java.util.Arrays;

import java.util.HashSet;
import java.util.Set;

import org.wasmlang.binary.Opcodes;
import org.wasmlang.module.ConstantExpression;
import org.wasmlang.module.DataSegment;
import org.wasmlang.module.ElementSegment;
import org.wasmlang.module.Export;
import org.wasmlang.module.Features;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.Function;
import org.wasmlang.module.Import;
import org.wasmlang.module.Limits;
import org.wasmlang.module.MemoryType;
import org.wasmlang.module.Module;
import org.wasmlang.module.SegmentMode;
import org.wasmlang.module.TableType;
import org.wasmlang.module.ValueType;

/**
 * Validates a decoded module: the module-level rules here, function bodies through
 * {@link FunctionValidator}. The order of checks follows the reference interpreter, so
 * a module with several faults reports the one the spec tests expect.
 */
public final class Validator {
    private final Module module;
    private final Features features;
    private final FuncType[] types;

    private Validator(Module module, Features features) {
        this.module = module;
        this.features = features;
        this.types = module.types();
    }

    /**
     * Validates the module and returns one {@link FunctionInfo} per defined function, or
     * throws a {@code WasmInvalidException} (or a {@code WasmMalformedException} for
     * instruction encodings, which only this pass reads).
     */
    public static FunctionInfo[] validate(Module module, Features features) {
        return new Validator(module, features).validateModule();
    }

    /**
     * The operand stack's value types, bottom first, just before the instruction at
     * {@code offset} of a defined function of a module that validated (what a debugger shows);
     * null when no instruction starts there.
     */
    public static int[] operandTypesBefore(Module module, Features features, Function function, int offset) {
        // Which functions ref.func may name matters only to validity, settled already.
        boolean[] declared = new boolean[module.functionCount()];
        Arrays.fill(declared, true);
        return new FunctionValidator(module, features, module.types(), declared).operandTypesBefore(function, offset);
    }

    private FunctionInfo[] validateModule() {
        checkTypes();
        for (int i = 0; i < module.importCount(); i++) {
            checkImport(module.importAt(i));
        }
        for (int i = 0; i < module.definedFunctionCount(); i++) {
            Function f = module.definedFunction(i);
            if (Integer.compareUnsigned(f.typeIndex(), types.length) >= 0) {
                throw invalid(ErrorMessage.UNKNOWN_TYPE, Integer.toUnsignedString(f.typeIndex()), f.codeStart());
            }
        }
        // Constant expressions read imported globals only in 2.0; in 3.0 a global's
        // initializer reads the globals before it, segments read them all (a table's
        // initializer, before the globals in the module, still reads imported ones only).
        int importedGlobals = module.importedGlobalCount();
        for (int g = importedGlobals; g < module.globalCount(); g++) {
            checkValueType(module.globalType(g).valueType(), module.global(g).init().offset());
            checkConstant(module.global(g).init(), module.globalType(g).valueType(),
                            features.wasm3Rules() ? g : importedGlobals);
        }
        for (int t = 0; t < module.tagCount(); t++) {
            int typeIndex = module.tagTypeIndex(t);
            if (Integer.compareUnsigned(typeIndex, types.length) >= 0) {
                throw invalid(ErrorMessage.UNKNOWN_TYPE, Integer.toUnsignedString(typeIndex), -1);
            }
            checkTagType(typeIndex);
        }
        int segmentGlobals = features.wasm3Rules() ? module.globalCount() : importedGlobals;
        for (int t = module.importedTableCount(); t < module.tableCount(); t++) {
            TableType table = module.table(t);
            checkTable(table, -1);
            if (table.init() != null) {
                checkConstant(table.init(), table.elementType(), importedGlobals);
            } else if (!ValueType.isDefaultable(table.elementType())) {
                throw invalid(ErrorMessage.TYPE_MISMATCH, "(a table of " + ValueType.name(table.elementType())
                                + " needs an initialiser)", -1);
            }
        }
        for (int m = module.importedMemoryCount(); m < module.memoryCount(); m++) {
            checkMemory(module.memory(m), -1);
        }
        for (int e = 0; e < module.elementCount(); e++) {
            checkElement(module.element(e), segmentGlobals);
        }
        for (int d = 0; d < module.dataSegmentCount(); d++) {
            checkData(module.dataSegment(d), segmentGlobals);
        }
        FunctionInfo[] infos = validateFunctions(declaredReferences());
        checkStart();
        checkExports();
        if (!features.multiMemory() && module.memoryCount() > 1) {
            throw invalid(ErrorMessage.MULTIPLE_MEMORIES, null, -1);
        }
        return infos;
    }

    private WasmInvalidException invalid(ErrorMessage error, String detail, int offset) {
        return new WasmInvalidException(error, detail, offset, -1);
    }

    /** A tag's type is a function type without results. */
    private void checkTagType(int typeIndex) {
        if (types[typeIndex].resultCount() != 0) {
            throw invalid(ErrorMessage.NON_EMPTY_TAG_RESULT, null, -1);
        }
    }

    private void checkImport(Import imp) {
        switch (imp.kind()) {
            case FUNC, TAG -> {
                if (Integer.compareUnsigned(imp.typeIndex(), types.length) >= 0) {
                    throw invalid(ErrorMessage.UNKNOWN_TYPE, Integer.toUnsignedString(imp.typeIndex()), -1);
                }
                if (imp.kind() == org.wasmlang.module.ExternKind.TAG) {
                    checkTagType(imp.typeIndex());
                }
            }
            case TABLE -> checkTable(imp.table(), -1);
            case MEMORY -> checkMemory(imp.memory(), -1);
            case GLOBAL -> checkValueType(imp.global().valueType(), -1);
        }
    }

    /**
     * Each type is a recursion group of its own: it may refer to earlier types and to
     * itself, and to no later one.
     */
    private void checkTypes() {
        for (int i = 0; i < types.length; i++) {
            FuncType type = types[i];
            for (int p = 0; p < type.paramCount(); p++) {
                checkTypeReference(type.param(p), i);
            }
            for (int r = 0; r < type.resultCount(); r++) {
                checkTypeReference(type.result(r), i);
            }
        }
    }

    private void checkTypeReference(int valueType, int self) {
        if (ValueType.isConcrete(valueType) && ValueType.typeIndex(valueType) > self) {
            throw invalid(ErrorMessage.UNKNOWN_TYPE, String.valueOf(ValueType.typeIndex(valueType)), -1);
        }
    }

    /** A reference to a defined type must name one ("unknown type"). */
    void checkValueType(int valueType, int offset) {
        if (ValueType.isConcrete(valueType) && ValueType.typeIndex(valueType) >= types.length) {
            throw invalid(ErrorMessage.UNKNOWN_TYPE, String.valueOf(ValueType.typeIndex(valueType)), offset);
        }
    }

    private void checkTable(TableType table, int offset) {
        checkValueType(table.elementType(), offset);
        Limits limits = table.limits();
        if (!limits.is64() && (Long.compareUnsigned(limits.min(), 0xFFFFFFFFL) > 0
                        || (limits.hasMax() && Long.compareUnsigned(limits.max(), 0xFFFFFFFFL) > 0))) {
            throw invalid(ErrorMessage.TABLE_SIZE_TOO_LARGE, null, offset);
        }
        checkMinMax(limits, offset);
    }

    private void checkMemory(MemoryType memory, int offset) {
        Limits limits = memory.limits();
        long bound = limits.is64() ? MemoryType.MAX_PAGES_64 : MemoryType.MAX_PAGES_32;
        ErrorMessage tooLarge = limits.is64() ? ErrorMessage.MEMORY64_SIZE_TOO_LARGE : ErrorMessage.MEMORY_SIZE_TOO_LARGE;
        if (Long.compareUnsigned(limits.min(), bound) > 0) {
            throw invalid(tooLarge, null, offset);
        }
        if (limits.hasMax() && Long.compareUnsigned(limits.max(), bound) > 0) {
            throw invalid(tooLarge, null, offset);
        }
        checkMinMax(limits, offset);
    }

    private void checkMinMax(Limits limits, int offset) {
        if (limits.hasMax() && Long.compareUnsigned(limits.min(), limits.max()) > 0) {
            throw invalid(ErrorMessage.SIZE_MINIMUM_GREATER_THAN_MAXIMUM, null, offset);
        }
    }

    /**
     * Checks a constant expression yields exactly one value of type {@code expected}.
     * Only the first {@code visibleGlobals} globals may be read (the imported ones in 2.0).
     */
    private void checkConstant(ConstantExpression expr, int expected, int visibleGlobals) {
        int at = expr.offset();
        if (expr.nonConstantOpcode() != ConstantExpression.NONE) {
            throw invalid(ErrorMessage.CONSTANT_EXPRESSION_REQUIRED,
                            "(0x" + Integer.toHexString(expr.nonConstantOpcode()) + ")", at);
        }
        int[] stack = new int[Math.max(1, expr.length())];
        int sp = 0;
        for (int i = 0; i < expr.length(); i++) {
            int opcode = expr.opcode(i);
            switch (opcode) {
                case Opcodes.I32_CONST -> stack[sp++] = ValueType.I32;
                case Opcodes.I64_CONST -> stack[sp++] = ValueType.I64;
                case Opcodes.F32_CONST -> stack[sp++] = ValueType.F32;
                case Opcodes.F64_CONST -> stack[sp++] = ValueType.F64;
                case Opcodes.SIMD_PREFIX << 8 | Opcodes.V128_CONST -> stack[sp++] = ValueType.V128;
                case Opcodes.REF_NULL -> {
                    checkValueType((int) expr.immediate(i), at);
                    stack[sp++] = (int) expr.immediate(i);
                }
                case Opcodes.REF_FUNC -> {
                    long index = expr.immediate(i);
                    if (index >= module.functionCount()) {
                        throw invalid(ErrorMessage.UNKNOWN_FUNCTION, Long.toString(index), at);
                    }
                    stack[sp++] = functionReferenceType((int) index);
                }
                case Opcodes.GLOBAL_GET -> {
                    long index = expr.immediate(i);
                    if (index >= visibleGlobals) {
                        throw invalid(ErrorMessage.UNKNOWN_GLOBAL, Long.toString(index), at);
                    }
                    if (module.globalType((int) index).mutable()) {
                        throw invalid(ErrorMessage.CONSTANT_EXPRESSION_REQUIRED, "(global.get of a mutable global)", at);
                    }
                    stack[sp++] = module.globalType((int) index).valueType();
                }
                default -> {
                    // Extended constant arithmetic: two operands of the instruction's type.
                    int type = opcode <= Opcodes.I32_MUL ? ValueType.I32 : ValueType.I64;
                    if (sp < 2 || stack[sp - 1] != type || stack[sp - 2] != type) {
                        throw invalid(ErrorMessage.TYPE_MISMATCH, null, at);
                    }
                    sp--;
                }
            }
        }
        if (sp != 1 || !ValueType.isSubtype(stack[0], expected)) {
            throw invalid(ErrorMessage.TYPE_MISMATCH, "(constant expression of type " + ValueType.name(expected)
                            + " expected)", at);
        }
    }

    /**
     * The type of {@code ref.func}: with typed function references the function's own type,
     * never null; {@code funcref} in Wasm 2.0.
     */
    private int functionReferenceType(int function) {
        if (!features.typedFunctionReferences()) {
            return ValueType.FUNCREF;
        }
        return ValueType.concreteReference(module.canonicalTypeIndex(module.functionTypeIndex(function)), false);
    }

    private void checkElement(ElementSegment segment, int visibleGlobals) {
        checkValueType(segment.elementType(), segment.offset() == null ? -1 : segment.offset().offset());
        if (segment.mode() == SegmentMode.ACTIVE) {
            if (Integer.compareUnsigned(segment.tableIndex(), module.tableCount()) >= 0) {
                throw invalid(ErrorMessage.UNKNOWN_TABLE, Integer.toUnsignedString(segment.tableIndex()),
                                segment.offset().offset());
            }
            int tableType = module.table(segment.tableIndex()).elementType();
            boolean is64 = module.table(segment.tableIndex()).limits().is64();
            checkConstant(segment.offset(), is64 ? ValueType.I64 : ValueType.I32, visibleGlobals);
            if (!ValueType.isSubtype(segment.elementType(), tableType)) {
                throw invalid(ErrorMessage.TYPE_MISMATCH, "(element segment of " + ValueType.name(segment.elementType())
                                + " for a table of " + ValueType.name(tableType) + ")", segment.offset().offset());
            }
        }
        if (segment.functionIndices() != null) {
            for (int index : segment.functionIndices()) {
                if (Integer.compareUnsigned(index, module.functionCount()) >= 0) {
                    throw invalid(ErrorMessage.UNKNOWN_FUNCTION, Integer.toUnsignedString(index), -1);
                }
            }
        } else {
            for (ConstantExpression item : segment.expressions()) {
                checkConstant(item, segment.elementType(), visibleGlobals);
            }
        }
    }

    private void checkData(DataSegment segment, int visibleGlobals) {
        if (segment.mode() == SegmentMode.ACTIVE) {
            if (Integer.compareUnsigned(segment.memoryIndex(), module.memoryCount()) >= 0) {
                throw invalid(ErrorMessage.UNKNOWN_MEMORY, Integer.toUnsignedString(segment.memoryIndex()),
                                segment.offset().offset());
            }
            boolean is64 = module.memory(segment.memoryIndex()).limits().is64();
            checkConstant(segment.offset(), is64 ? ValueType.I64 : ValueType.I32, visibleGlobals);
        }
    }

    /** Functions that {@code ref.func} may name: those referenced outside function bodies. */
    private boolean[] declaredReferences() {
        boolean[] declared = new boolean[module.functionCount()];
        for (int i = 0; i < module.exportCount(); i++) {
            Export e = module.export(i);
            if (e.kind() == org.wasmlang.module.ExternKind.FUNC && Integer.compareUnsigned(e.index(), declared.length) < 0) {
                declared[e.index()] = true;
            }
        }
        for (int g = module.importedGlobalCount(); g < module.globalCount(); g++) {
            markReferences(module.global(g).init(), declared);
        }
        for (int e = 0; e < module.elementCount(); e++) {
            ElementSegment segment = module.element(e);
            if (segment.functionIndices() != null) {
                for (int index : segment.functionIndices()) {
                    if (Integer.compareUnsigned(index, declared.length) < 0) {
                        declared[index] = true;
                    }
                }
            } else {
                for (ConstantExpression item : segment.expressions()) {
                    markReferences(item, declared);
                }
            }
        }
        return declared;
    }

    private static void markReferences(ConstantExpression expr, boolean[] declared) {
        for (int i = 0; i < expr.length(); i++) {
            if (expr.opcode(i) == Opcodes.REF_FUNC && expr.immediate(i) < declared.length) {
                declared[(int) expr.immediate(i)] = true;
            }
        }
    }

    private FunctionInfo[] validateFunctions(boolean[] declaredReferences) {
        FunctionInfo[] infos = new FunctionInfo[module.definedFunctionCount()];
        FunctionValidator validator = new FunctionValidator(module, features, types, declaredReferences);
        for (int i = 0; i < infos.length; i++) {
            Function function = module.definedFunction(i);
            infos[i] = validator.validate(function);
        }
        return infos;
    }

    private void checkStart() {
        int start = module.startFunction();
        if (start == -1) {
            return;
        }
        if (Integer.compareUnsigned(start, module.functionCount()) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_FUNCTION, Integer.toUnsignedString(start), -1);
        }
        FuncType type = module.functionType(start);
        if (type.paramCount() != 0 || type.resultCount() != 0) {
            throw invalid(ErrorMessage.START_FUNCTION, "(must take and return nothing, but is " + type + ")", -1);
        }
    }

    private void checkExports() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < module.exportCount(); i++) {
            Export e = module.export(i);
            int count = switch (e.kind()) {
                case FUNC -> module.functionCount();
                case TABLE -> module.tableCount();
                case MEMORY -> module.memoryCount();
                case GLOBAL -> module.globalCount();
                case TAG -> module.tagCount();
            };
            if (Integer.compareUnsigned(e.index(), count) >= 0) {
                ErrorMessage error = switch (e.kind()) {
                    case FUNC -> ErrorMessage.UNKNOWN_FUNCTION;
                    case TABLE -> ErrorMessage.UNKNOWN_TABLE;
                    case MEMORY -> ErrorMessage.UNKNOWN_MEMORY;
                    case GLOBAL -> ErrorMessage.UNKNOWN_GLOBAL;
                    case TAG -> ErrorMessage.UNKNOWN_TAG;
                };
                throw invalid(error, Integer.toUnsignedString(e.index()), -1);
            }
            if (!names.add(e.name())) {
                throw invalid(ErrorMessage.DUPLICATE_EXPORT_NAME, "\"" + e.name() + "\"", -1);
            }
        }
    }
}
