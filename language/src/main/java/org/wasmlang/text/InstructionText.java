package org.wasmlang.text;

import org.wasmlang.binary.BinaryReader;
import org.wasmlang.binary.BlockTypes;
import org.wasmlang.binary.CodeScanner;
import org.wasmlang.binary.Instruction;
import org.wasmlang.binary.MemArg;
import org.wasmlang.binary.TypeReader;
import org.wasmlang.module.Features;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.Module;
import org.wasmlang.module.ValueType;

/**
 * Spells one instruction, reading its immediates from the module bytes. Everything it
 * knows about an instruction comes from its row in {@code binary.Instructions}: the name and
 * the kind of immediates, which says how to read them and which index space they name.
 */
final class InstructionText {
    private static final String[] CATCH_KINDS = {"catch", "catch_ref", "catch_all", "catch_all_ref"};

    private final Module module;
    private final Features features;
    private final Identifiers functions;
    private final Identifiers globals;
    private final Identifiers memories;
    private final Identifiers data;
    private final MemArg memArg = new MemArg();
    /** The locals of the function being printed (none in constant expressions). */
    private Identifiers locals;

    InstructionText(Module module, Features features, Identifiers functions, Identifiers globals, Identifiers memories,
                    Identifiers data) {
        this.module = module;
        this.features = features;
        this.functions = functions;
        this.globals = globals;
        this.memories = memories;
        this.data = data;
    }

    void setLocals(Identifiers locals) {
        this.locals = locals;
    }

    /** Appends the instruction whose opcode {@code r} has just read; leaves {@code r} after it. */
    void append(StringBuilder out, BinaryReader r, Instruction instruction) {
        out.append(instruction.name());
        switch (instruction.immediate()) {
            case NONE -> {
            }
            case BLOCK_TYPE -> blockType(out, BlockTypes.read(r, features));
            case TRY_TABLE -> {
                blockType(out, BlockTypes.read(r, features));
                int n = r.count();
                for (int i = 0; i < n; i++) {
                    int kind = r.u8();
                    out.append(" (").append(CATCH_KINDS[kind]);
                    if (kind < 2) {
                        out.append(' ').append(Integer.toUnsignedString(r.u32()));
                    }
                    out.append(' ').append(Integer.toUnsignedString(r.u32())).append(')');
                }
            }
            case LABEL, TABLE, TYPE, TAG, ELEMENT -> index(out, r.u32());
            case GLOBAL -> out.append(' ').append(globals.reference(r.u32()));
            case DATA -> out.append(' ').append(data.reference(r.u32()));
            case FUNCTION -> out.append(' ').append(functions.reference(r.u32()));
            case LOCAL -> {
                int local = r.u32();
                out.append(' ').append(locals != null ? locals.reference(local) : Integer.toUnsignedString(local));
            }
            case TYPE_AND_TABLE -> {
                int type = r.u32();
                int table = r.u32();
                if (table != 0) {
                    index(out, table);
                }
                out.append(" (type ").append(Integer.toUnsignedString(type)).append(')');
            }
            case ELEMENT_AND_TABLE -> {
                int element = r.u32();
                int table = r.u32();
                if (table != 0) {
                    index(out, table);
                }
                index(out, element);
            }
            case TWO_TABLES -> {
                int destination = r.u32();
                int source = r.u32();
                if (destination != 0 || source != 0) {
                    index(out, destination);
                    index(out, source);
                }
            }
            case BRANCH_TABLE -> {
                int n = r.count();
                for (int i = 0; i <= n; i++) {
                    index(out, r.u32());
                }
            }
            case VALUE_TYPES -> {
                int n = r.count();
                out.append(" (result");
                for (int i = 0; i < n; i++) {
                    out.append(' ').append(ValueType.name(TypeReader.valueType(r, features)));
                }
                out.append(')');
            }
            case HEAP_TYPE -> out.append(' ').append(heapType(TypeReader.heapType(r, features)));
            case I32 -> out.append(' ').append(r.s32());
            case I64 -> out.append(' ').append(r.s64());
            case F32 -> out.append(' ').append(Literals.f32(r.f32Bits()));
            case F64 -> out.append(' ').append(Literals.f64(r.f64Bits()));
            case MEMORY -> {
                int memory = CodeScanner.memoryIndex(r, features);
                if (memory != 0) {
                    out.append(' ').append(memories.reference(memory));
                }
            }
            case TWO_MEMORIES -> {
                int destination = CodeScanner.memoryIndex(r, features);
                int source = CodeScanner.memoryIndex(r, features);
                if (destination != 0 || source != 0) {
                    out.append(' ').append(memories.reference(destination)).append(' ').append(memories.reference(source));
                }
            }
            case DATA_AND_MEMORY -> {
                int segment = r.u32();
                int memory = CodeScanner.memoryIndex(r, features);
                if (memory != 0) {
                    out.append(' ').append(memories.reference(memory));
                }
                out.append(' ').append(data.reference(segment));
            }
            case MEMARG -> memArg(out, r, instruction);
            case MEMARG_LANE -> {
                memArg(out, r, instruction);
                out.append(' ').append(r.u8());
            }
            case LANE -> out.append(' ').append(r.u8());
            case V128 -> {
                out.append(' ');
                Literals.i32x4(out, r.data(), r.position());
                r.skip(16);
            }
            case SHUFFLE -> {
                for (int i = 0; i < 16; i++) {
                    out.append(' ').append(r.u8());
                }
            }
        }
    }

    private static void index(StringBuilder out, int index) {
        out.append(' ').append(Integer.toUnsignedString(index));
    }

    /** The memory index (when not 0), then {@code offset=} and {@code align=} when not the defaults. */
    private void memArg(StringBuilder out, BinaryReader r, Instruction instruction) {
        memArg.read(r, features);
        if (memArg.memoryIndex != 0) {
            out.append(' ').append(memories.reference(memArg.memoryIndex));
        }
        if (memArg.offset != 0) {
            out.append(" offset=").append(Long.toUnsignedString(memArg.offset));
        }
        if (memArg.alignment != instruction.naturalAlignment()) {
            out.append(" align=").append(Long.toUnsignedString(1L << memArg.alignment));
        }
    }

    /** A block type: nothing, {@code (result t)}, or {@code (type n)} with its parameters and results. */
    private void blockType(StringBuilder out, int blockType) {
        if (blockType == BlockTypes.EMPTY) {
            return;
        }
        if (blockType < 0) {
            out.append(" (result ").append(ValueType.name(BlockTypes.singleType(blockType))).append(')');
            return;
        }
        out.append(" (type ").append(blockType).append(')');
        if (blockType < module.typeCount()) {
            signature(out, module.type(blockType));
        }
    }

    /** {@code (param ...)} and {@code (result ...)} of a function type, when it has any. */
    static void signature(StringBuilder out, FuncType type) {
        if (type.paramCount() > 0) {
            out.append(" (param");
            for (int i = 0; i < type.paramCount(); i++) {
                out.append(' ').append(ValueType.name(type.param(i)));
            }
            out.append(')');
        }
        results(out, type);
    }

    static void results(StringBuilder out, FuncType type) {
        if (type.resultCount() > 0) {
            out.append(" (result");
            for (int i = 0; i < type.resultCount(); i++) {
                out.append(' ').append(ValueType.name(type.result(i)));
            }
            out.append(')');
        }
    }

    /** The heap type of a reference type: {@code func}, {@code extern}, {@code exn}, {@code noexn} or a type index. */
    static String heapType(int referenceType) {
        if (ValueType.isConcrete(referenceType)) {
            return Integer.toString(ValueType.typeIndex(referenceType));
        }
        return switch (ValueType.nonNullable(referenceType)) {
            case ValueType.HEAP_FUNC -> "func";
            case ValueType.HEAP_EXTERN -> "extern";
            case ValueType.HEAP_EXN -> "exn";
            case ValueType.HEAP_NOEXN -> "noexn";
            default -> ValueType.name(referenceType);
        };
    }
}
