package org.wasmlang.debug;

import org.wasmlang.module.Features;
import org.wasmlang.module.Module;

import com.oracle.truffle.api.source.SourceSection;

/**
 * What tools see of a module's code as source: the sections of its functions and
 * instructions, and which instructions begin a statement (where a debugger stops and a
 * statement limit counts). Either the module's text view or, when it carries DWARF line
 * information, its C, C++ or Rust sources.
 *
 * <p>Made on the first request, which only tools and guest exceptions crossing to a host make.
 * Implementations are thread-safe.
 */
public interface SourceView {

    /** The view tools get of a module named {@code moduleName}. */
    static SourceView of(String moduleName, Module module, Features features) {
        return new TextSourceView(moduleName, module, features);
    }

    /** The defined function's source; null for an import or when the view has none. */
    SourceSection functionSection(int functionIndex);

    /** The source of the instruction at {@code byteOffset} in the module; null when none. */
    SourceSection instructionSection(int functionIndex, int byteOffset);

    /**
     * Which of a function's instructions begin statements, from those that can: the byte
     * offsets of the instructions that have nodes of their own in a region, ascending (a
     * {@code local.get} or constant a later instruction reads has none). Returns a subset.
     */
    int[] statements(int functionIndex, int[] candidates);
}
