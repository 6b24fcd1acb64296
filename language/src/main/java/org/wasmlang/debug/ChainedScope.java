package org.wasmlang.debug;

import org.wasmlang.WasmLanguage;

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
 * A debugger scope of a paused function with a parent scope (source variables over Wasm
 * locals over the module): Truffle's scope protocol in one place. A scope lists its own
 * names, then its parent's, and reads, and writes, what it does not hold through its parent.
 * Its source location, when it has one, is the function's: that is how Truffle's debugger
 * tells a function's own scope from a block's ({@code DebugScope.isFunctionScope}), and
 * Chrome DevTools shows only a function scope as "Local".
 */
@ExportLibrary(InteropLibrary.class)
public abstract class ChainedScope implements TruffleObject {
    private final String functionName;
    /** Its own members' names; an inner one hides a parent's of the same name. */
    private final String[] names;
    private final Object parent;
    private final SourceSection function;

    protected ChainedScope(String functionName, String[] names, Object parent, SourceSection function) {
        this.functionName = functionName;
        this.names = names;
        this.parent = parent;
        this.function = function;
    }

    /** The value of own member {@code index}. */
    protected abstract Object readOwn(int index);

    /** Whether own member {@code index} can be set. */
    protected abstract boolean isOwnModifiable(int index);

    /** Sets own member {@code index}, which {@link #isOwnModifiable} allows. */
    protected abstract void writeOwn(int index, Object value) throws UnsupportedTypeException;

    private int indexOf(String member) {
        for (int i = names.length - 1; i >= 0; i--) {
            if (names[i].equals(member)) {
                return i;
            }
        }
        return -1;
    }

    @ExportMessage
    final boolean isScope() {
        return true;
    }

    @ExportMessage
    final boolean hasScopeParent() {
        return true;
    }

    @ExportMessage
    final Object getScopeParent() {
        return parent;
    }

    @ExportMessage
    final boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    final Class<? extends TruffleLanguage<?>> getLanguage() {
        return WasmLanguage.class;
    }

    @ExportMessage
    final Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return functionName;
    }

    @ExportMessage
    final boolean hasSourceLocation() {
        return function != null;
    }

    @ExportMessage
    final SourceSection getSourceLocation() throws UnsupportedMessageException {
        if (function == null) {
            throw UnsupportedMessageException.create();
        }
        return function;
    }

    @ExportMessage
    final boolean hasMembers() {
        return true;
    }

    @ExportMessage
    final Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ScopeChain.members(names, parent);
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isMemberReadable(String member) {
        return indexOf(member) >= 0 || InteropLibrary.getUncached().isMemberReadable(parent, member);
    }

    @ExportMessage
    @TruffleBoundary
    final Object readMember(String member) throws UnknownIdentifierException, UnsupportedMessageException {
        int i = indexOf(member);
        return i >= 0 ? readOwn(i) : InteropLibrary.getUncached().readMember(parent, member);
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isMemberModifiable(String member) {
        int i = indexOf(member);
        return i >= 0 ? isOwnModifiable(i) : InteropLibrary.getUncached().isMemberModifiable(parent, member);
    }

    @ExportMessage
    final boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    final void writeMember(String member, Object value) throws UnknownIdentifierException, UnsupportedMessageException,
                    UnsupportedTypeException {
        int i = indexOf(member);
        if (i < 0) {
            InteropLibrary.getUncached().writeMember(parent, member, value);
        } else if (!isOwnModifiable(i)) {
            throw UnsupportedMessageException.create();
        } else {
            writeOwn(i, value);
        }
    }
}
