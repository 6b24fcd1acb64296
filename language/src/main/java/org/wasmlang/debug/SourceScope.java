package org.wasmlang.debug;

import java.util.List;

import org.wasmlang.dwarf.DebugInfo;
import org.wasmlang.dwarf.MachineState;
import org.wasmlang.dwarf.Variable;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A paused function's source-level variables (DWARF): its parameters and the locals in scope
 * at the paused instruction, by their C, C++ or Rust names, read when the scope is made. Its
 * parent is the function's Wasm locals. Values are shown, not edited (edit the Wasm local or
 * memory they live in).
 */
public final class SourceScope extends ChainedScope {
    private final Object[] values;

    private SourceScope(String functionName, String[] names, Object[] values, Object parent, SourceSection function) {
        super(functionName, names, parent, function);
        this.values = values;
    }

    /** The variables visible at {@code byteOffset}, read from {@code state}. */
    @TruffleBoundary
    public static SourceScope create(DebugInfo info, int byteOffset, MachineState state, String functionName, Object parent,
                    SourceSection function) {
        List<Variable> variables = info.variablesAt(byteOffset);
        String[] names = new String[variables.size()];
        Object[] values = new Object[variables.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = variables.get(i).name();
            values[i] = SourceValue.of(info.read(variables.get(i), byteOffset, state));
        }
        return new SourceScope(functionName, names, values, parent, function);
    }

    @Override
    protected Object readOwn(int index) {
        return values[index];
    }

    @Override
    protected boolean isOwnModifiable(int index) {
        return false;
    }

    @Override
    protected void writeOwn(int index, Object value) {
        throw new UnsupportedOperationException("source variables are not modifiable");
    }
}
