package org.wasmlang.runtime;

import org.wasmlang.WasmContext;
import org.wasmlang.WasmLanguage;
import org.wasmlang.binary.Opcodes;
import org.wasmlang.interop.ValueConversion;
import org.wasmlang.runtime.simd.V128;
import org.wasmlang.module.ConstantExpression;
import org.wasmlang.module.DataSegment;
import org.wasmlang.module.ElementSegment;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.GlobalType;
import org.wasmlang.module.Import;
import org.wasmlang.module.Limits;
import org.wasmlang.module.MemoryType;
import org.wasmlang.module.Module;
import org.wasmlang.module.SegmentMode;
import org.wasmlang.module.TableType;
import org.wasmlang.module.ValueType;
import org.wasmlang.nodes.WasmFunctionRootNode;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.IndirectCallNode;

/**
 * Instantiates a compiled module, following the spec's order: match imports, allocate
 * functions, tables, memories and globals, evaluate element segments, then apply active
 * element and data segments one by one (a trap leaves the earlier ones applied) and run
 * the start function.
 */
public final class Linker {
    private final WasmLanguage language;
    private final CompiledModule compiled;
    private final Module module;
    private final WasmInstance instance;
    private final int[] typeIds;

    private Linker(WasmLanguage language, CompiledModule compiled) {
        this.language = language;
        this.compiled = compiled;
        this.module = compiled.module();
        this.typeIds = language.typeIds(module);
        this.instance = new WasmInstance(compiled, typeIds);
    }

    /**
     * A value type of the module as runtime objects (tables, globals) carry it: a reference
     * to a defined type names the type's canonical id instead of its module index, so types
     * from different modules compare with {@link ValueType#isSubtype}.
     */
    private int runtimeType(int type) {
        return ValueType.isConcrete(type) ? ValueType.withTypeIndex(type, typeIds[ValueType.typeIndex(type)]) : type;
    }

    @TruffleBoundary
    public static WasmInstance instantiate(WasmLanguage language, CompiledModule compiled, ImportResolver imports) {
        Linker linker = new Linker(language, compiled);
        linker.linkImports(imports);
        String refusal = WasmContext.get(null).limits().countInstance();
        if (refusal != null) {
            throw new WasmLinkException(refusal);
        }
        linker.allocate();
        linker.initializeSegments();
        imports.linked(linker.instance);
        linker.runStart();
        return linker.instance;
    }

    private void linkImports(ImportResolver imports) {
        for (int i = 0; i < module.importCount(); i++) {
            Import imp = module.importAt(i);
            Object value = imports.resolve(imp);
            if (value == null) {
                throw new WasmLinkException("unknown import " + describe(imp));
            }
            switch (imp.kind()) {
                case FUNC -> {
                    // Function types are final without GC: a subtype is an equivalent type.
                    FuncType expected = module.type(imp.typeIndex());
                    if (!(value instanceof WasmFunction function) || function.typeId() != typeIds[imp.typeIndex()]) {
                        throw incompatible(imp, "a function of type " + expected, value);
                    }
                    instance.functions[imp.indexInKind()] = function;
                }
                case TABLE -> {
                    TableType expected = imp.table();
                    // Tables are mutable: element types must be equivalent, not just subtypes.
                    if (!(value instanceof WasmTable table) || table.elementType() != runtimeType(expected.elementType())
                                    || !table.currentLimits().matches(expected.limits())) {
                        throw incompatible(imp, "(table " + expected.limits() + " " + describeType(runtimeType(expected.elementType()))
                                        + ")", value);
                    }
                    instance.tables[imp.indexInKind()] = table;
                }
                case MEMORY -> {
                    MemoryType expected = imp.memory();
                    if (!(value instanceof WasmMemory memory) || !memory.currentLimits().matches(expected.limits())) {
                        throw incompatible(imp, expected.toString(), value);
                    }
                    instance.memories[imp.indexInKind()] = memory;
                }
                case GLOBAL -> {
                    GlobalType expected = imp.global();
                    if (!(value instanceof WasmGlobal global) || !globalMatches(global.type(), expected)) {
                        throw incompatible(imp, "a global " + describeGlobal(new GlobalType(runtimeType(expected.valueType()),
                                        expected.mutable())), value);
                    }
                    instance.globals[imp.indexInKind()] = global;
                }
                case TAG -> {
                    // Tag types are function types, final: a match is an equivalent type.
                    FuncType expected = module.type(imp.typeIndex());
                    if (!(value instanceof WasmTag tag) || tag.typeId() != typeIds[imp.typeIndex()]) {
                        throw incompatible(imp, "a tag of type " + expected, value);
                    }
                    instance.tags[imp.indexInKind()] = tag;
                }
            }
        }
    }

    /** A mutable global's type must be equivalent, an immutable one's a subtype. */
    private boolean globalMatches(GlobalType actual, GlobalType expected) {
        int expectedType = runtimeType(expected.valueType());
        if (actual.mutable() != expected.mutable()) {
            return false;
        }
        return expected.mutable() ? actual.valueType() == expectedType : ValueType.isSubtype(actual.valueType(), expectedType);
    }

    private static String describe(Import imp) {
        return "\"" + imp.module() + "\" \"" + imp.name() + "\"";
    }

    /**
     * A runtime value type in the text format, a reference to a defined type spelled with
     * that type, e.g. {@code (ref null (func (param i32)))}: the index of another module
     * would mean nothing to the reader.
     */
    private String describeType(int type) {
        if (!ValueType.isConcrete(type)) {
            return ValueType.name(type);
        }
        FuncType defined = language.typeOfId(ValueType.typeIndex(type));
        return "(ref " + (ValueType.isNullable(type) ? "null " : "") + (defined == null ? "?" : defined) + ")";
    }

    private String describeGlobal(GlobalType type) {
        return type.mutable() ? "(mut " + describeType(type.valueType()) + ")" : describeType(type.valueType());
    }

    private WasmLinkException incompatible(Import imp, String expected, Object actual) {
        return new WasmLinkException("incompatible import type for " + describe(imp) + ": expected " + expected
                        + ", got " + describeOffered(actual));
    }

    /** What was offered for an import, in the terms the expected type is given in. */
    private String describeOffered(Object value) {
        if (value instanceof WasmMemory memory) {
            return new MemoryType(memory.currentLimits()).toString();
        } else if (value instanceof WasmTable table) {
            return "(table " + table.currentLimits() + " " + describeType(table.elementType()) + ")";
        } else if (value instanceof WasmGlobal global) {
            return "a global " + describeGlobal(global.type());
        } else if (value instanceof WasmFunction function) {
            return "a function of type " + function.type();
        } else if (value instanceof WasmTag tag) {
            return "a tag of type " + tag.type();
        }
        return ValueConversion.describe(value);
    }

    private void allocate() {
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            FuncType type = module.functionType(f);
            WasmFunctionRootNode root = new WasmFunctionRootNode(language, instance, f);
            boolean makesTailCalls = instance.compiledModule().functionInfo(f - module.importedFunctionCount())
                            .makesTailCalls();
            instance.functions[f] = new WasmFunction(type, typeIds[module.functionTypeIndex(f)], module.functionDisplayName(f),
                            root.getCallTarget(), makesTailCalls);
        }
        for (int t = module.importedTableCount(); t < module.tableCount(); t++) {
            TableType type = module.table(t);
            Limits limits = type.limits();
            Object initial = type.init() == null ? WasmNull.NULL : evaluate(type.init());
            instance.tables[t] = WasmTable.create(runtimeType(type.elementType()), limits.min(), limits.max(),
                            limits.is64(), initial, WasmContext.get(null).limits());
        }
        for (int m = module.importedMemoryCount(); m < module.memoryCount(); m++) {
            instance.memories[m] = WasmContext.get(null).createMemory(module.memory(m).limits());
        }
        for (int g = module.importedGlobalCount(); g < module.globalCount(); g++) {
            GlobalType type = module.globalType(g);
            WasmGlobal global = new WasmGlobal(new GlobalType(runtimeType(type.valueType()), type.mutable()));
            global.setBoxed(evaluate(module.global(g).init()));
            instance.globals[g] = global;
        }
        for (int t = module.importedTagCount(); t < module.tagCount(); t++) {
            int typeIndex = module.tagTypeIndex(t);
            instance.tags[t] = new WasmTag(module.type(typeIndex), typeIds[typeIndex], "#" + t);
        }
        for (int x = 0; x < module.exportCount(); x++) {
            org.wasmlang.module.Export export = module.export(x);
            if (export.kind() == org.wasmlang.module.ExternKind.TAG) {
                instance.tags[export.index()].exportedAs(export.name());
            }
        }
        for (int e = 0; e < module.elementCount(); e++) {
            ElementSegment segment = module.element(e);
            Object[] items = new Object[segment.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = segment.functionIndices() != null ? instance.functions[segment.functionIndices()[i]]
                                : evaluate(segment.expressions()[i]);
            }
            instance.elements[e] = items;
        }
    }

    private void initializeSegments() {
        for (int e = 0; e < module.elementCount(); e++) {
            ElementSegment segment = module.element(e);
            if (segment.mode() == SegmentMode.ACTIVE) {
                long offset = address(evaluate(segment.offset()));
                instance.initializeTable(instance.tables[segment.tableIndex()], e, offset, 0, segment.size(), null);
                instance.dropElement(e);
            } else if (segment.mode() == SegmentMode.DECLARATIVE) {
                instance.dropElement(e);
            }
        }
        for (int d = 0; d < module.dataSegmentCount(); d++) {
            DataSegment segment = module.dataSegment(d);
            if (segment.mode() == SegmentMode.ACTIVE) {
                long offset = address(evaluate(segment.offset()));
                instance.initializeMemory(instance.memories[segment.memoryIndex()], d, offset, 0, segment.dataLength(),
                                null);
                instance.dropData(d);
            }
        }
    }

    /** A segment offset: an i32, or an i64 for a 64-bit memory or table (2^63 and more read as negative: out of bounds). */
    private static long address(Object offset) {
        return offset instanceof Integer i ? Integer.toUnsignedLong(i) : (Long) offset;
    }

    private void runStart() {
        if (module.startFunction() >= 0) {
            WasmFunction.callFromHost(IndirectCallNode.getUncached(), instance.functions[module.startFunction()].callTarget(),
                            new Object[0]);
        }
    }

    /** Evaluates a validated constant expression to a boxed value. */
    private Object evaluate(ConstantExpression expr) {
        Object[] stack = new Object[expr.length()];
        int sp = 0;
        for (int i = 0; i < expr.length(); i++) {
            long imm = expr.immediate(i);
            switch (expr.opcode(i)) {
                case Opcodes.I32_CONST -> stack[sp++] = (int) imm;
                case Opcodes.I64_CONST -> stack[sp++] = imm;
                case Opcodes.F32_CONST -> stack[sp++] = Float.intBitsToFloat((int) imm);
                case Opcodes.F64_CONST -> stack[sp++] = Double.longBitsToDouble(imm);
                case Opcodes.REF_NULL -> stack[sp++] = WasmNull.NULL;
                case Opcodes.REF_FUNC -> stack[sp++] = instance.functions[(int) imm];
                case Opcodes.GLOBAL_GET -> stack[sp++] = instance.globals[(int) imm].getBoxed();
                case Opcodes.I32_ADD, Opcodes.I32_SUB, Opcodes.I32_MUL, Opcodes.I64_ADD, Opcodes.I64_SUB,
                                Opcodes.I64_MUL -> {
                    Object right = stack[--sp];
                    Object left = stack[--sp];
                    stack[sp++] = extendedConstant(expr.opcode(i), left, right);
                }
                case Opcodes.SIMD_PREFIX << 8 | Opcodes.V128_CONST -> stack[sp++] = new V128(imm, expr.immediate2(i));
                default -> throw new IllegalStateException("validation let through constant instruction 0x"
                                + Integer.toHexString(expr.opcode(i)));
            }
        }
        return stack[0];
    }

    /** The arithmetic of extended constant expressions (Wasm 3.0), which wraps. */
    private static Object extendedConstant(int opcode, Object left, Object right) {
        return switch (opcode) {
            case Opcodes.I32_ADD -> (Integer) left + (Integer) right;
            case Opcodes.I32_SUB -> (Integer) left - (Integer) right;
            case Opcodes.I32_MUL -> (Integer) left * (Integer) right;
            case Opcodes.I64_ADD -> (Long) left + (Long) right;
            case Opcodes.I64_SUB -> (Long) left - (Long) right;
            default -> (Long) left * (Long) right;
        };
    }

}
