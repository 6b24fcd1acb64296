package org.wasmlang.text;

import static org.wasmlang.binary.Opcodes.CATCH;
import static org.wasmlang.binary.Opcodes.CATCH_ALL;
import static org.wasmlang.binary.Opcodes.DELEGATE;
import static org.wasmlang.binary.Opcodes.ELSE;
import static org.wasmlang.binary.Opcodes.END;

import java.util.Arrays;

import org.wasmlang.binary.BinaryReader;
import org.wasmlang.binary.Immediate;
import org.wasmlang.binary.Instruction;
import org.wasmlang.binary.Instructions;
import org.wasmlang.module.ConstantExpression;
import org.wasmlang.module.DataSegment;
import org.wasmlang.module.ElementSegment;
import org.wasmlang.module.Export;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.Features;
import org.wasmlang.module.Function;
import org.wasmlang.module.Import;
import org.wasmlang.module.Limits;
import org.wasmlang.module.Module;
import org.wasmlang.module.Names;
import org.wasmlang.module.SegmentMode;
import org.wasmlang.module.TableType;
import org.wasmlang.module.ValueType;

/**
 * Prints a decoded module as WebAssembly text: the module's fields in the binary's order
 * (types, imports, functions, tables, memories, tags, globals, exports, start, element and
 * data segments), each function's instructions flat, one per line, indented by block depth.
 * Ids come from the name section; every item also carries its index as a {@code (;n;)}
 * comment. The result reads back as the same module (the future WAT parser's round trip),
 * and its {@link LineMap} places every instruction for the debugger.
 *
 * <p>The module must have been decoded (the printer re-reads instruction bytes the decoder
 * already checked) with the same {@link Features}; it need not be valid.
 */
public final class TextPrinter {
    private static final String FIELD = "  ";
    private static final String BODY = "    ";
    private static final String STEP = "  ";
    /**
     * Indentation stops growing at this block depth: compilers nest thousands of blocks for a
     * br_table dispatch, and indenting each level made a 14 MB module's text 1.9 GB.
     */
    private static final int MAX_INDENT_DEPTH = 24;
    /** Data strings longer than this are split, one piece per line. */
    private static final int DATA_PIECE = 64;

    private final Module module;
    private final Features features;
    private final BinaryReader r;
    private final Identifiers functionIds;
    private final Identifiers globalIds;
    private final Identifiers memoryIds;
    private final Identifiers dataIds;
    private final InstructionText instructions;
    private final StringBuilder out = new StringBuilder();
    /** The line being written, from 1. */
    private int line = 1;

    private TextPrinter(Module module, Features features) {
        this.module = module;
        this.features = features;
        this.r = new BinaryReader(module.bytes());
        Names names = module.names();
        this.functionIds = new Identifiers(module.functionCount(), names::functionName);
        this.globalIds = new Identifiers(module.globalCount(), i -> names.name(Names.Space.GLOBAL, i));
        this.memoryIds = new Identifiers(module.memoryCount(), i -> names.name(Names.Space.MEMORY, i));
        this.dataIds = new Identifiers(module.dataSegmentCount(), i -> names.name(Names.Space.DATA, i));
        this.instructions = new InstructionText(module, features, functionIds, globalIds, memoryIds, dataIds);
    }

    /** The text view of a module decoded with {@code features}. */
    public static ModuleText print(Module module, Features features) {
        return new TextPrinter(module, features).module();
    }

    /** A printer of the module's functions one at a time (see {@link #function(int)}). */
    public static TextPrinter forFunctions(Module module, Features features) {
        return new TextPrinter(module, features);
    }

    /**
     * One defined function's text as {@link #print} prints it, alone and without the
     * module's indentation: its {@code (func} on line 1, its closing parenthesis last.
     */
    public synchronized FunctionText function(int functionIndex) {
        out.setLength(0);
        line = 1;
        int[] offsets = function(module.function(functionIndex));
        int bodyFirstLine = line - offsets.length;
        StringBuilder text = new StringBuilder(out.length());
        // Lines start with the module's indentation (FIELD), which a function alone does without.
        int start = 0;
        while (start < out.length()) {
            int end = out.indexOf("\n", start);
            int skip = Math.min(FIELD.length(), end - start);
            text.append(out, start + skip, end + 1);
            start = end + 1;
        }
        out.setLength(0);
        return new FunctionText(fileName(functionIndex), text.toString(), bodyFirstLine, offsets);
    }

    /**
     * A name for a file holding the function alone, unique in the module: its id without the
     * {@code $}, else the name it is exported under, else {@code funcN}. A name that needs
     * characters a file name should not hold, or that another function's id already takes,
     * is kept readable but prefixed with the function's index.
     */
    private String fileName(int functionIndex) {
        String id = functionIds.id(functionIndex);
        String name;
        if (id != null) {
            name = id.substring(1);
        } else {
            name = module.exportName(ExternKind.FUNC, functionIndex);
            if (name == null) {
                return "func" + functionIndex;
            }
        }
        StringBuilder file = new StringBuilder(name.length());
        for (int i = 0; i < name.length() && file.length() < 80; i++) {
            char c = name.charAt(i);
            file.append(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' ? c : '_');
        }
        boolean clean = file.toString().equals(name) && (id != null || !functionIds.isTaken("$" + name));
        return clean ? name : functionIndex + "-" + file;
    }

    private ModuleText module() {
        String moduleName = module.names().moduleName();
        out.append("(module");
        if (moduleName != null && !moduleName.isEmpty()) {
            out.append(' ').append(Identifiers.spell(moduleName));
        }
        newLine();
        types();
        imports();
        int defined = module.definedFunctionCount();
        int[] firstLines = new int[defined];
        int[] bodyFirstLines = new int[defined];
        int[][] offsets = new int[defined][];
        for (int d = 0; d < defined; d++) {
            firstLines[d] = line;
            offsets[d] = function(module.definedFunction(d));
            bodyFirstLines[d] = line - offsets[d].length;
        }
        tables();
        memories();
        tags();
        globals();
        exports();
        if (module.startFunction() >= 0) {
            out.append(FIELD).append("(start ").append(functionIds.reference(module.startFunction())).append(')');
            newLine();
        }
        elements();
        data();
        out.append(')');
        newLine();
        LineMap map = new LineMap(module.importedFunctionCount(), firstLines, bodyFirstLines, offsets, line - 1);
        return new ModuleText(out.toString(), map);
    }

    private void newLine() {
        out.append('\n');
        line++;
    }

    private void field(String keyword, int index) {
        out.append(FIELD).append('(').append(keyword).append(" (;").append(index).append(";)");
    }

    /** {@code (keyword $id (;index;)}, or without the id when the item has none. */
    private void field(String keyword, int index, Identifiers ids) {
        out.append(FIELD).append('(').append(keyword);
        String id = ids.id(index);
        if (id != null) {
            out.append(' ').append(id);
        }
        out.append(" (;").append(index).append(";)");
    }

    private void types() {
        for (int i = 0; i < module.typeCount(); i++) {
            field("type", i);
            out.append(' ').append(module.type(i)).append(')');
            newLine();
        }
    }

    private void imports() {
        for (int i = 0; i < module.importCount(); i++) {
            Import imp = module.importAt(i);
            out.append(FIELD).append("(import ").append(Literals.name(imp.module())).append(' ')
                            .append(Literals.name(imp.name())).append(" (").append(imp.kind().text());
            int index = imp.indexInKind();
            switch (imp.kind()) {
                case FUNC -> {
                    String id = functionIds.id(index);
                    if (id != null) {
                        out.append(' ').append(id);
                    }
                    out.append(" (;").append(index).append(";)");
                    typeUse(imp.typeIndex());
                }
                case TABLE -> {
                    out.append(" (;").append(index).append(";) ");
                    tableType(imp.table());
                }
                case MEMORY -> {
                    optionalId(memoryIds, index);
                    out.append(" (;").append(index).append(";) ").append(limits(imp.memory().limits()));
                }
                case GLOBAL -> {
                    optionalId(globalIds, index);
                    out.append(" (;").append(index).append(";) ").append(imp.global());
                }
                case TAG -> {
                    out.append(" (;").append(index).append(";)");
                    typeUse(imp.typeIndex());
                }
            }
            out.append("))");
            newLine();
        }
    }

    private void optionalId(Identifiers ids, int index) {
        String id = ids.id(index);
        if (id != null) {
            out.append(' ').append(id);
        }
    }

    /** {@code (type n)} and, when the type exists, its parameters and results. */
    private void typeUse(int typeIndex) {
        out.append(" (type ").append(Integer.toUnsignedString(typeIndex)).append(')');
        if (typeIndex >= 0 && typeIndex < module.typeCount()) {
            InstructionText.signature(out, module.type(typeIndex));
        }
    }

    /** Prints a defined function and returns the byte offsets of its instructions. */
    private int[] function(Function function) {
        int index = function.index();
        int[] localTypes = function.localTypes();
        Names names = module.names();
        Identifiers locals = new Identifiers(localTypes.length, local -> names.localName(index, local));
        int params = 0;
        out.append(FIELD).append("(func");
        String id = functionIds.id(index);
        if (id != null) {
            out.append(' ').append(id);
        }
        out.append(" (;").append(index).append(";) (type ").append(function.typeIndex()).append(')');
        if (function.typeIndex() >= 0 && function.typeIndex() < module.typeCount()) {
            var type = module.type(function.typeIndex());
            params = type.paramCount();
            declarations("param", locals, localTypes, 0, params);
            InstructionText.results(out, type);
        }
        newLine();
        if (localTypes.length > params) {
            out.append(BODY.substring(1));
            declarations("local", locals, localTypes, params, localTypes.length);
            newLine();
        }
        instructions.setLocals(locals);
        int[] offsets = new int[Math.max(16, (function.codeEnd() - function.codeStart()) / 2)];
        int count = 0;
        int depth = 0;
        r.setPosition(function.codeStart());
        while (true) {
            int at = r.position();
            Instruction instruction = Instructions.read(r, features);
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count++] = at;
            int code = instruction.code();
            if (code == END && depth == 0) {
                // The body's own end is the function's closing parenthesis.
                out.append(FIELD).append(')');
                newLine();
                break;
            }
            if (code == END || code == DELEGATE) {
                depth--;
            }
            int indent = Math.min(MAX_INDENT_DEPTH, code == ELSE || code == CATCH || code == CATCH_ALL ? depth - 1 : depth);
            out.append(BODY);
            for (int i = 0; i < indent; i++) {
                out.append(STEP);
            }
            instructions.append(out, r, instruction);
            newLine();
            if (instruction.immediate() == Immediate.BLOCK_TYPE || instruction.immediate() == Immediate.TRY_TABLE) {
                depth++;
            }
        }
        instructions.setLocals(null);
        return Arrays.copyOf(offsets, count);
    }

    /**
     * {@code (param ...)} or {@code (local ...)} for locals [from, to): a named one alone with
     * its id, runs of unnamed ones together.
     */
    private void declarations(String keyword, Identifiers locals, int[] localTypes, int from, int to) {
        boolean open = false;
        for (int i = from; i < to; i++) {
            String id = locals.id(i);
            if (id != null || !open) {
                if (open) {
                    out.append(')');
                }
                out.append(" (").append(keyword);
                if (id != null) {
                    out.append(' ').append(id);
                }
                open = id == null;
                out.append(' ').append(ValueType.name(localTypes[i]));
                if (!open) {
                    out.append(')');
                }
            } else {
                out.append(' ').append(ValueType.name(localTypes[i]));
            }
        }
        if (open) {
            out.append(')');
        }
    }

    private void tables() {
        for (int i = module.importedTableCount(); i < module.tableCount(); i++) {
            field("table", i);
            out.append(' ');
            TableType table = module.table(i);
            tableType(table);
            if (table.init() != null) {
                out.append(' ');
                expression(table.init());
            }
            out.append(')');
            newLine();
        }
    }

    private void tableType(TableType table) {
        out.append(limits(table.limits())).append(' ').append(ValueType.name(table.elementType()));
    }

    private static String limits(Limits limits) {
        return (limits.is64() ? "i64 " : "") + Long.toUnsignedString(limits.min())
                        + (limits.hasMax() ? " " + Long.toUnsignedString(limits.max()) : "");
    }

    private void memories() {
        for (int i = module.importedMemoryCount(); i < module.memoryCount(); i++) {
            field("memory", i, memoryIds);
            out.append(' ').append(limits(module.memory(i).limits())).append(')');
            newLine();
        }
    }

    private void tags() {
        for (int i = module.importedTagCount(); i < module.tagCount(); i++) {
            field("tag", i);
            typeUse(module.tagTypeIndex(i));
            out.append(')');
            newLine();
        }
    }

    private void globals() {
        for (int i = module.importedGlobalCount(); i < module.globalCount(); i++) {
            field("global", i, globalIds);
            out.append(' ').append(module.globalType(i)).append(' ');
            expression(module.global(i).init());
            out.append(')');
            newLine();
        }
    }

    private void exports() {
        for (int i = 0; i < module.exportCount(); i++) {
            Export export = module.export(i);
            out.append(FIELD).append("(export ").append(Literals.name(export.name())).append(" (").append(export.kind().text())
                            .append(' ')
                            .append(switch (export.kind()) {
                                case FUNC -> functionIds.reference(export.index());
                                case GLOBAL -> globalIds.reference(export.index());
                                case MEMORY -> memoryIds.reference(export.index());
                                default -> Integer.toUnsignedString(export.index());
                            }).append("))");
            newLine();
        }
    }

    private void elements() {
        for (int i = 0; i < module.elementCount(); i++) {
            ElementSegment segment = module.element(i);
            field("elem", i);
            if (segment.mode() == SegmentMode.DECLARATIVE) {
                out.append(" declare");
            } else if (segment.mode() == SegmentMode.ACTIVE) {
                if (segment.tableIndex() != 0) {
                    out.append(" (table ").append(segment.tableIndex()).append(')');
                }
                out.append(' ');
                offset(segment.offset());
            }
            if (segment.functionIndices() != null) {
                out.append(" func");
                for (int f : segment.functionIndices()) {
                    out.append(' ').append(functionIds.reference(f));
                }
            } else {
                out.append(' ').append(ValueType.name(segment.elementType()));
                for (ConstantExpression item : segment.expressions()) {
                    out.append(' ');
                    if (item.length() == 1) {
                        expression(item);
                    } else {
                        out.append("(item ");
                        expression(item);
                        out.append(')');
                    }
                }
            }
            out.append(')');
            newLine();
        }
    }

    private void data() {
        byte[] bytes = module.bytes();
        for (int i = 0; i < module.dataSegmentCount(); i++) {
            DataSegment segment = module.dataSegment(i);
            field("data", i, dataIds);
            if (segment.mode() == SegmentMode.ACTIVE) {
                if (segment.memoryIndex() != 0) {
                    out.append(" (memory ").append(memoryIds.reference(segment.memoryIndex())).append(')');
                }
                out.append(' ');
                offset(segment.offset());
            }
            int length = segment.dataLength();
            if (length <= DATA_PIECE) {
                out.append(' ');
                Literals.bytes(out, bytes, segment.dataOffset(), length);
            } else {
                for (int from = 0; from < length; from += DATA_PIECE) {
                    newLine();
                    out.append(BODY);
                    Literals.bytes(out, bytes, segment.dataOffset() + from, Math.min(DATA_PIECE, length - from));
                }
            }
            out.append(')');
            newLine();
        }
    }

    /** A segment's offset: the one instruction folded, or {@code (offset ...)} around several. */
    private void offset(ConstantExpression offset) {
        if (offset.length() == 1 && offset.nonConstantOpcode() == ConstantExpression.NONE) {
            expression(offset);
        } else {
            out.append("(offset ");
            expression(offset);
            out.append(')');
        }
    }

    /** A constant expression re-read from the bytes, each instruction folded: {@code (i32.const 1) (i32.const 2) (i32.add)}. */
    private void expression(ConstantExpression expression) {
        r.setPosition(expression.offset());
        int depth = 0;
        boolean first = true;
        while (true) {
            Instruction instruction = Instructions.read(r, features);
            if (instruction.code() == END && depth == 0) {
                return;
            }
            if (instruction.code() == END || instruction.code() == DELEGATE) {
                depth--;
            } else if (instruction.immediate() == Immediate.BLOCK_TYPE || instruction.immediate() == Immediate.TRY_TABLE) {
                depth++;
            }
            if (!first) {
                out.append(' ');
            }
            first = false;
            out.append('(');
            instructions.append(out, r, instruction);
            out.append(')');
        }
    }
}
