package org.wasmlang.dwarf;

/** A source-level variable: a parameter or local of a subprogram, or a global. */
public final class Variable {
    public enum Kind {
        PARAMETER,
        LOCAL,
        GLOBAL
    }

    private final String name;
    private final Kind kind;
    private final DwarfType type;
    private final SourceFile declFile;
    private final int declLine;
    private final Subprogram subprogram;
    final Die die;

    Variable(String name, Kind kind, DwarfType type, SourceFile declFile, int declLine, Subprogram subprogram, Die die) {
        this.name = name;
        this.kind = kind;
        this.type = type;
        this.declFile = declFile;
        this.declLine = declLine;
        this.subprogram = subprogram;
        this.die = die;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public DwarfType type() {
        return type;
    }

    /** The type as C spells it. */
    public String typeName() {
        return type.name();
    }

    public SourceFile declFile() {
        return declFile;
    }

    /** The declaration's line, 0 when unknown. */
    public int declLine() {
        return declLine;
    }

    /** The function it belongs to (whose frame base it may use); null for a global. */
    public Subprogram subprogram() {
        return subprogram;
    }

    @Override
    public String toString() {
        return typeName() + " " + name;
    }
}
