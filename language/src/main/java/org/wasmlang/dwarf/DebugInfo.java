package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wasmlang.module.CustomSection;
import org.wasmlang.module.Function;
import org.wasmlang.module.Module;

/**
 * The DWARF debug information of a module: line tables, functions, their variables and
 * types, read once from the .debug_* custom sections.
 *
 * <p>Every query takes and returns <em>module offsets</em>: positions in
 * {@link Module#bytes()}, the coordinate of {@link Function#codeStart()} and of an
 * instruction's opcode. DWARF's own addresses count from the code section's payload
 * ({@link Module#codeSectionOffset()}); this class converts in one place.
 */
public final class DebugInfo {
    /**
     * What {@link #read} found: the debug info, or a one-line reason it is unusable, or
     * neither when the module has no DWARF at all.
     */
    public record Result(DebugInfo info, String problem) {
        public boolean isAbsent() {
            return info == null && problem == null;
        }
    }

    /** Sequences touching more than this many neighbours are corrupt; lookups look no further back. */
    private static final int OVERLAP_SCAN = 16;

    private final int codeOffset;
    private final long codeSize;
    private final List<CompileUnit> units = new ArrayList<>();
    /** Line table sequences by start offset; each row's moduleOffset is set, the last ends the sequence. */
    private final List<SourceLine[]> sequences = new ArrayList<>();
    /** Every code range of every subprogram, by start: {start, end} module offsets with the subprogram. */
    private final List<Object[]> subprogramRanges = new ArrayList<>();
    private final TypeBuilder types = new TypeBuilder();
    private final Map<Unit, CompileUnit> unitsByUnit = new HashMap<>();

    /**
     * Reads a module's DWARF. Never throws for bad debug data: a corrupt or truncated section
     * makes the result a problem naming the section and offset.
     */
    public static Result read(Module module) {
        boolean any = false;
        for (CustomSection s : module.customSections()) {
            any |= s.name().equals(".debug_info") || s.name().equals(".debug_line");
        }
        if (!any) {
            return new Result(null, null);
        }
        if (module.codeSectionOffset() < 0) {
            return new Result(null, "debug info unavailable: the module has no code section");
        }
        try {
            return new Result(new DebugInfo(module), null);
        } catch (DwarfFormatException e) {
            return new Result(null, "debug info unavailable: " + e.getMessage());
        }
    }

    private DebugInfo(Module module) {
        codeOffset = module.codeSectionOffset();
        long end = 0;
        for (int i = 0; i < module.definedFunctionCount(); i++) {
            end = Math.max(end, module.definedFunction(i).codeEnd() - (long) codeOffset);
        }
        codeSize = end;
        DwarfSections sections = DwarfSections.of(module);
        List<Unit> parsed = InfoParser.parse(sections);
        for (Unit unit : parsed) {
            Die root = unit.root;
            if (root.tag != Dw.TAG_COMPILE_UNIT && root.tag != Dw.TAG_PARTIAL_UNIT) {
                continue;
            }
            String compDir = root.string(Dw.AT_COMP_DIR);
            LineProgram lines = root.get(Dw.AT_STMT_LIST) instanceof Long stmt ? LineProgram.read(sections, stmt, compDir) : null;
            CompileUnit cu = new CompileUnit(unit, root.string(Dw.AT_NAME), compDir, root.string(0x25), lines);
            units.add(cu);
            unitsByUnit.put(unit, cu);
            if (lines != null) {
                addSequences(lines);
            }
        }
        if (parsed.isEmpty()) {
            // Line tables without .debug_info: read them one after another.
            DwarfCursor c = sections.line().cursor();
            while (!c.atEnd()) {
                long at = c.offset();
                long length = c.u32();
                long next = at + 4 + length;
                if (length == 0xFFFFFFFFL) {
                    next = at + 12 + c.u64();
                }
                addSequences(LineProgram.read(sections, at, null));
                c.seek(next);
            }
        }
        for (CompileUnit cu : units) {
            collect(cu, cu.unit.root, 0);
        }
        sequences.sort(Comparator.comparingInt(s -> s[0].moduleOffset()));
        subprogramRanges.sort(Comparator.comparingInt(r -> (int) r[0]));
    }

    private void addSequences(LineProgram lines) {
        for (List<LineProgram.Row> rows : lines.sequences) {
            LineProgram.Row[] sorted = rows.toArray(new LineProgram.Row[0]);
            // Addresses never decrease in a valid sequence; sort (stably) rather than trust it.
            Arrays.sort(sorted, Comparator.comparingLong(LineProgram.Row::address));
            long first = sorted[0].address();
            long last = sorted[sorted.length - 1].address();
            // Outside the code: functions the linker dropped (tombstone addresses) or corrupt data.
            if (first < 0 || last > codeSize || first >= codeSize) {
                continue;
            }
            SourceLine[] out = new SourceLine[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                LineProgram.Row r = sorted[i];
                out[i] = new SourceLine((int) (r.address() + codeOffset), lines.file(r.file()), clamp(r.line()), clamp(r.column()),
                                r.isStatement(), r.endSequence() || i == sorted.length - 1);
            }
            sequences.add(out);
        }
    }

    private static int clamp(long v) {
        return v < 0 || v > Integer.MAX_VALUE ? 0 : (int) v;
    }

    /** Finds subprograms and globals among a unit's (or namespace's) children. */
    private void collect(CompileUnit cu, Die parent, int depth) {
        for (Die die : parent.children()) {
            switch (die.tag) {
                case Dw.TAG_SUBPROGRAM -> addSubprogram(cu, die);
                case Dw.TAG_VARIABLE -> {
                    if (die.has(Dw.AT_LOCATION) || die.has(Dw.AT_CONST_VALUE)) {
                        cu.globals.add(variable(die, Variable.Kind.GLOBAL, null));
                    }
                }
                case Dw.TAG_NAMESPACE -> {
                    if (depth < InfoParser.MAX_DEPTH) {
                        collect(cu, die, depth + 1);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void addSubprogram(CompileUnit cu, Die die) {
        List<long[]> ranges = new ArrayList<>();
        for (long[] r : cu.unit.ranges(die)) {
            if (0 <= r[0] && r[0] < r[1] && r[1] <= codeSize) {
                ranges.add(r);
            }
        }
        if (ranges.isEmpty()) {
            return; // a declaration, or code the linker dropped
        }
        Die linkageHolder = die.inheritedFrom(Dw.AT_LINKAGE_NAME);
        String linkage = linkageHolder != null ? linkageHolder.string(Dw.AT_LINKAGE_NAME) : null;
        if (linkage == null) {
            Die mips = die.inheritedFrom(Dw.AT_MIPS_LINKAGE_NAME);
            linkage = mips != null ? mips.string(Dw.AT_MIPS_LINKAGE_NAME) : null;
        }
        Die declHolder = die.inheritedFrom(Dw.AT_DECL_FILE);
        Die lineHolder = die.inheritedFrom(Dw.AT_DECL_LINE);
        Subprogram sub = new Subprogram(die.name(), linkage, declFile(declHolder), lineHolder == null ? 0 : clamp(lineHolder.constant(Dw.AT_DECL_LINE, 0)),
                        codeOffset, ranges, die);
        cu.subprograms.add(sub);
        for (long[] r : ranges) {
            subprogramRanges.add(new Object[]{(int) (r[0] + codeOffset), (int) (r[1] + codeOffset), sub});
        }
        addScope(sub, sub.scope, die, 0);
    }

    private void addScope(Subprogram sub, Scope scope, Die parent, int depth) {
        List<Variable> locals = new ArrayList<>();
        for (Die die : parent.children()) {
            switch (die.tag) {
                case Dw.TAG_FORMAL_PARAMETER -> scope.variables.add(variable(die, Variable.Kind.PARAMETER, sub));
                case Dw.TAG_VARIABLE -> locals.add(variable(die, Variable.Kind.LOCAL, sub));
                case Dw.TAG_LEXICAL_BLOCK, Dw.TAG_INLINED_SUBROUTINE -> {
                    if (depth < InfoParser.MAX_DEPTH) {
                        Scope child = new Scope(die.unit.ranges(die));
                        scope.children.add(child);
                        addScope(sub, child, die, depth + 1);
                    }
                }
                default -> {
                }
            }
        }
        // Parameters first, as a debugger lists them.
        scope.variables.addAll(locals);
    }

    private Variable variable(Die die, Variable.Kind kind, Subprogram sub) {
        Die fileHolder = die.inheritedFrom(Dw.AT_DECL_FILE);
        Die lineHolder = die.inheritedFrom(Dw.AT_DECL_LINE);
        return new Variable(die.name(), kind, types.type(die.type()), declFile(fileHolder),
                        lineHolder == null ? 0 : clamp(lineHolder.constant(Dw.AT_DECL_LINE, 0)), sub, die);
    }

    private SourceFile declFile(Die holder) {
        if (holder == null) {
            return null;
        }
        CompileUnit cu = unitsByUnit.get(holder.unit);
        return cu == null || cu.lines == null ? null : cu.lines.file(holder.constant(Dw.AT_DECL_FILE, -1));
    }

    /** The compile units, in .debug_info order. */
    public List<CompileUnit> compileUnits() {
        return units;
    }

    /** All subprograms with code. */
    public List<Subprogram> subprograms() {
        List<Subprogram> out = new ArrayList<>();
        for (CompileUnit cu : units) {
            out.addAll(cu.subprograms);
        }
        return out;
    }

    /** Global variables of every unit. */
    public List<Variable> globals() {
        List<Variable> out = new ArrayList<>();
        for (CompileUnit cu : units) {
            out.addAll(cu.globals);
        }
        return out;
    }

    /** The module offset of DWARF code address 0. */
    public int codeSectionOffset() {
        return codeOffset;
    }

    /**
     * The line table row covering a module offset: the last row at or before it in the
     * sequence that contains it. Null outside every sequence. Its line is 0 for code that
     * belongs to no source line.
     */
    public SourceLine lineAt(int moduleOffset) {
        int i = lastStartingAtOrBefore(moduleOffset);
        for (int k = i; k >= 0 && k > i - OVERLAP_SCAN; k--) {
            SourceLine[] seq = sequences.get(k);
            if (moduleOffset < seq[seq.length - 1].moduleOffset()) {
                int lo = 0;
                int hi = seq.length - 2;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (seq[mid].moduleOffset() <= moduleOffset) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                return seq[lo];
            }
        }
        return null;
    }

    /**
     * The rows starting in [start, end) (a function's code, say), by offset, including the
     * end_sequence rows there. A row with {@link SourceLine#isStatement()} and a line
     * different from the previous row's begins a new statement.
     */
    public List<SourceLine> linesIn(int start, int end) {
        List<SourceLine> out = new ArrayList<>();
        int first = Math.max(0, lastStartingAtOrBefore(start) - OVERLAP_SCAN + 1);
        for (int k = first; k < sequences.size(); k++) {
            SourceLine[] seq = sequences.get(k);
            if (seq[0].moduleOffset() >= end) {
                break;
            }
            for (SourceLine row : seq) {
                if (start <= row.moduleOffset() && row.moduleOffset() < end) {
                    out.add(row);
                }
            }
        }
        out.sort(Comparator.comparingInt(SourceLine::moduleOffset));
        return out;
    }

    private int lastStartingAtOrBefore(int moduleOffset) {
        int lo = 0;
        int hi = sequences.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sequences.get(mid)[0].moduleOffset() <= moduleOffset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The function whose code contains a module offset, or null. */
    public Subprogram subprogramAt(int moduleOffset) {
        int lo = 0;
        int hi = subprogramRanges.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if ((int) subprogramRanges.get(mid)[0] <= moduleOffset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int k = found; k >= 0 && k > found - OVERLAP_SCAN; k--) {
            Object[] r = subprogramRanges.get(k);
            if (moduleOffset < (int) r[1]) {
                return (Subprogram) r[2];
            }
        }
        return null;
    }

    /**
     * The variables in scope at a module offset: the function's parameters first, then its
     * locals, then those of the nested scopes (lexical blocks, inlined calls) containing
     * the offset, innermost last. A name declared again in an inner scope hides the outer
     * one. Empty outside every function.
     */
    public List<Variable> variablesAt(int moduleOffset) {
        Subprogram sub = subprogramAt(moduleOffset);
        if (sub == null) {
            return List.of();
        }
        Map<String, Variable> visible = new LinkedHashMap<>();
        Scope scope = sub.scope;
        long pc = (long) moduleOffset - codeOffset;
        for (int depth = 0; scope != null && depth <= InfoParser.MAX_DEPTH; depth++) {
            for (Variable v : scope.variables) {
                if (v.name() != null) {
                    visible.remove(v.name());
                    visible.put(v.name(), v);
                }
            }
            Scope inner = null;
            for (Scope child : scope.children) {
                if (child.covers(pc)) {
                    inner = child;
                    break;
                }
            }
            scope = inner;
        }
        return new ArrayList<>(visible.values());
    }

    /**
     * Reads a variable's value in a paused frame at a module offset. Never throws for bad
     * debug data or unreadable memory: the value is then unavailable with a reason.
     */
    public DwarfValue read(Variable variable, int moduleOffset, MachineState state) {
        return ValueReader.read(variable, (long) moduleOffset - codeOffset, state);
    }
}
