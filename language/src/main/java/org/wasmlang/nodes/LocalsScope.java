package org.wasmlang.nodes;

import java.util.Arrays;
import java.util.function.Supplier;

import org.wasmlang.WasmLanguage;
import org.wasmlang.debug.ScopeChain;
import org.wasmlang.interop.ValueConversion;
import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.WasmNull;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.SourceSection;

/**
 * What a debugger shows as a Wasm function's local scope: its parameters and locals by their
 * names (the name section's, else {@code $0}, {@code $1}, ...), read from and written to the
 * frame's slots. Without a frame (a function not on the stack) the names alone. Its parent
 * scope holds the instance's globals and memories ({@link org.wasmlang.debug.ModuleScope}).
 * With a frame, its last member, {@value #STACK}, is the operand stack ({@link OperandStack}).
 *
 * <p>Its source location is the function's: that is how Truffle's debugger tells a function's
 * own scope from a block's ({@code DebugScope.isFunctionScope}), and Chrome DevTools shows
 * only a function scope as "Local" (a block scope is listed as "Block").
 */
@ExportLibrary(InteropLibrary.class)
final class LocalsScope implements TruffleObject {
    private final String functionName;
    private final String[] names;
    private final int[] types;
    /** The function's frame, or null. */
    private final Frame frame;
    /** The instance's globals and memories. */
    private final Object parent;
    /** The function's source section, or null. */
    private final SourceSection function;

    /** The member that shows the operand stack. */
    static final String STACK = "$stack";
    /** Makes the operand stack when it is read; null without a frame. */
    private final Supplier<OperandStack> stack;

    LocalsScope(String functionName, String[] locals, int[] types, Frame frame, Object parent, SourceSection function,
                    Supplier<OperandStack> stack) {
        this.functionName = functionName;
        this.names = stack == null ? locals : Arrays.copyOf(locals, locals.length + 1);
        if (stack != null) {
            names[locals.length] = STACK;
        }
        this.stack = stack;
        this.types = types;
        this.frame = frame;
        this.parent = parent;
        this.function = function;
    }

    private int indexOf(String member) {
        for (int i = 0; i < names.length; i++) {
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
        int local = indexOf(member);
        if (local < 0) {
            return InteropLibrary.getUncached().readMember(parent, member);
        }
        if (frame == null) {
            return WasmNull.NULL;
        }
        if (local == types.length) {
            return stack.get();
        }
        return Values.box(frame, local, types[local]);
    }

    /** Numbers can be edited from a debugger; references and v128 values cannot. */
    @ExportMessage
    @TruffleBoundary
    boolean isMemberModifiable(String member) {
        int local = indexOf(member);
        if (local < 0) {
            return InteropLibrary.getUncached().isMemberModifiable(parent, member);
        }
        return frame != null && local < types.length && ValueType.isNumeric(types[local]);
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnknownIdentifierException, UnsupportedMessageException,
                    UnsupportedTypeException {
        int local = indexOf(member);
        if (local < 0) {
            InteropLibrary.getUncached().writeMember(parent, member, value);
            return;
        }
        if (!isMemberModifiable(member)) {
            throw UnsupportedMessageException.create();
        }
        Values.unbox(frame, local, types[local], ValueConversion.toWasm(value, types[local], 1));
    }
}
