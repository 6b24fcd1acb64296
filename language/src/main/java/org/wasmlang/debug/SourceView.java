package org.wasmlang.debug;

import org.wasmlang.WasmContext;
import org.wasmlang.WasmOptions;
import org.wasmlang.dwarf.DebugInfo;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;

import com.oracle.truffle.api.TruffleLanguage;
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

    /**
     * The view tools get of a module named {@code moduleName}: its DWARF sources when it has
     * line tables, else its text. Unusable DWARF is said once, in a warning.
     */
    static SourceView of(String moduleName, Module module, Features features) {
        TextSourceView text = new TextSourceView(moduleName, module, features);
        DebugInfo.Result dwarf = DebugInfo.read(module);
        if (dwarf.isAbsent()) {
            return text;
        }
        if (dwarf.info() == null) {
            SourceFiles.LOG.warning(() -> moduleName + ": " + dwarf.problem() + "; it is shown as WebAssembly text.");
            return text;
        }
        TruffleLanguage.Env env = null;
        String sourcePath = "";
        try {
            env = WasmContext.get(null).env();
            sourcePath = env.getOptions().get(WasmOptions.SourcePath);
        } catch (IllegalStateException e) {
            // No context on this thread: no files to read.
        }
        return new DwarfSourceView(dwarf.info(), module, new SourceFiles(env, sourcePath, moduleName, dwarf.info().compileUnits()), text);
    }

    /** The module's DWARF, when it has usable DWARF. */
    default DebugInfo debugInfo() {
        return null;
    }

    /** The function's name in its source (DWARF's), or null to keep the name section's. */
    default String functionName(int functionIndex) {
        return null;
    }

    /** Whether the function is shown in its C, C++ or Rust source rather than as text. */
    default boolean showsSource(int functionIndex) {
        return false;
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
