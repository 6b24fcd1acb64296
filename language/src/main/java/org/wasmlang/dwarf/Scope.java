package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexical scope of a subprogram: its code ranges (DWARF addresses), the variables it
 * declares, and the scopes nested in it (lexical blocks, inlined calls).
 */
final class Scope {
    final List<long[]> ranges;
    final List<Variable> variables = new ArrayList<>();
    final List<Scope> children = new ArrayList<>();

    Scope(List<long[]> ranges) {
        this.ranges = ranges;
    }

    /** A scope without ranges of its own (DWARF allows it) covers its parent's code. */
    boolean covers(long address) {
        if (ranges.isEmpty()) {
            return true;
        }
        for (long[] r : ranges) {
            if (r[0] <= address && address < r[1]) {
                return true;
            }
        }
        return false;
    }
}
