package org.wasmlang.debug;

import java.util.List;

import org.wasmlang.WasmLanguage;
import org.wasmlang.dwarf.DebugInfo;
import org.wasmlang.dwarf.MachineState;
import org.wasmlang.dwarf.Variable;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A paused function's source-level variables (DWARF): its parameters and the locals in scope
 * at the paused instruction, by their C, C++ or Rust names, read when the scope is made. Its
 * parent is the function's Wasm locals. Values are shown, not edited (edit the Wasm local or
 * memory they live in).
 */
@ExportLibrary(InteropLibrary.class)
public final class SourceScope implements TruffleObject {
    private final String functionName;
    private final String[] names;
    private final Object[] values;
    private final Object parent;
    private final SourceSection function;

    private SourceScope(String functionName, String[] names, Object[] values, Object parent, SourceSection function) {
        this.functionName = functionName;
        this.names = names;
        this.values = values;
        this.parent = parent;
        this.function = function;
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

    private int indexOf(String member) {
        for (int i = names.length - 1; i >= 0; i--) {
            if (names[i].equals(member)) {
                return i;
            }
        }
        return -1;
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasScopeParent() {
        return true;
    }

    @ExportMessage
    Object getScopeParent() {
        return parent;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return WasmLanguage.class;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return functionName;
    }

    /** The function's section: what makes DevTools show this scope as "Local". */
    @ExportMessage
    boolean hasSourceLocation() {
        return function != null;
    }

    @ExportMessage
    SourceSection getSourceLocation() throws UnsupportedMessageException {
        if (function == null) {
            throw UnsupportedMessageException.create();
        }
        return function;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    /** Its own names, then its parent's (Truffle's scopes list what encloses them too). */
    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ScopeChain.members(names, parent);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return indexOf(member) >= 0 || InteropLibrary.getUncached().isMemberReadable(parent, member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException, UnsupportedMessageException {
        int i = indexOf(member);
        return i >= 0 ? values[i] : InteropLibrary.getUncached().readMember(parent, member);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberModifiable(String member) {
        return indexOf(member) < 0 && InteropLibrary.getUncached().isMemberModifiable(parent, member);
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnsupportedMessageException, UnknownIdentifierException,
                    UnsupportedTypeException {
        if (indexOf(member) >= 0) {
            throw UnsupportedMessageException.create();
        }
        InteropLibrary.getUncached().writeMember(parent, member, value);
    }
}
