package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.List;

/** A function with code (DW_TAG_subprogram with an address range). */
public final class Subprogram {
    private final String name;
    private final String linkageName;
    private final SourceFile declFile;
    private final int declLine;
    private final int codeSectionOffset;
    final List<long[]> ranges;
    final Die die;
    final Scope scope;

    Subprogram(String name, String linkageName, SourceFile declFile, int declLine, int codeSectionOffset, List<long[]> ranges, Die die) {
        this.name = name;
        this.linkageName = linkageName;
        this.declFile = declFile;
        this.declLine = declLine;
        this.codeSectionOffset = codeSectionOffset;
        this.ranges = ranges;
        this.die = die;
        this.scope = new Scope(ranges);
    }

    /**
     * The name to display: DW_AT_name (also through an abstract origin or specification),
     * else the linkage name (mangled for C++ and Rust), else null.
     */
    public String name() {
        return name != null ? name : linkageName;
    }

    /** The linkage (symbol) name, mangled for C++ and Rust; null when DWARF gives none. */
    public String linkageName() {
        return linkageName;
    }

    public SourceFile declFile() {
        return declFile;
    }

    /** The declaration's line, 0 when unknown. */
    public int declLine() {
        return declLine;
    }

    /** The code ranges as module offsets, each {start, end} with end exclusive. */
    public List<int[]> moduleRanges() {
        List<int[]> out = new ArrayList<>();
        for (long[] r : ranges) {
            out.add(new int[]{(int) (r[0] + codeSectionOffset), (int) (r[1] + codeSectionOffset)});
        }
        return out;
    }

    /** The lowest module offset of its code. */
    public int moduleStart() {
        long low = Long.MAX_VALUE;
        for (long[] r : ranges) {
            low = Math.min(low, r[0]);
        }
        return (int) (low + codeSectionOffset);
    }

    @Override
    public String toString() {
        return String.valueOf(name());
    }
}
