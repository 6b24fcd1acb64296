package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.List;

/** A compile unit: one source file as compiled, its line table, functions and globals. */
public final class CompileUnit {
    private final String name;
    private final String compDir;
    private final String producer;
    private final int version;
    final Unit unit;
    final LineProgram lines;
    final List<Subprogram> subprograms = new ArrayList<>();
    final List<Variable> globals = new ArrayList<>();

    CompileUnit(Unit unit, String name, String compDir, String producer, LineProgram lines) {
        this.unit = unit;
        this.name = name;
        this.compDir = compDir;
        this.producer = producer;
        this.version = unit.version;
        this.lines = lines;
    }

    /** DW_AT_name: the primary source file as given to the compiler. */
    public String name() {
        return name;
    }

    /** DW_AT_comp_dir, or null. */
    public String compDir() {
        return compDir;
    }

    public String producer() {
        return producer;
    }

    /** The DWARF version of the unit (2 to 5). */
    public int version() {
        return version;
    }

    public List<Subprogram> subprograms() {
        return subprograms;
    }

    public List<Variable> globals() {
        return globals;
    }

    /** The files of its line table (empty without one). */
    public List<SourceFile> files() {
        return lines == null ? List.of() : lines.files;
    }
}
