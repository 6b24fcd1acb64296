package org.wasmlang.debug;

import java.math.BigInteger;
import java.util.List;

import org.wasmlang.WasmLanguage;
import org.wasmlang.dwarf.DwarfValue;
import org.wasmlang.interop.ObjectArray;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A source variable's value as a debugger shows it: plain numbers as themselves; a char,
 * pointer or enum as a number with its source display ({@code 121 'y'},
 * {@code 0x00001068 "wasm"}); a struct or array with its members; an unavailable one with
 * its reason.
 */
@ExportLibrary(InteropLibrary.class)
final class SourceValue implements TruffleObject {
    private final DwarfValue value;
    private final List<DwarfValue> children;

    private SourceValue(DwarfValue value) {
        this.value = value;
        this.children = value.children();
    }

    static Object of(DwarfValue value) {
        Object plain = value.value();
        if (plain instanceof BigInteger big && big.bitLength() < 64) {
            // An unsigned 64-bit value below 2^63: a long says it exactly.
            plain = big.longValue();
        }
        if (value.children().isEmpty() && (plain instanceof Number || plain instanceof Boolean)
                        && !(plain instanceof BigInteger) && value.display().equals(String.valueOf(plain))) {
            return plain;
        }
        if (value.children().isEmpty() && plain instanceof Number number && !(plain instanceof BigInteger)) {
            return new SourceNumber(number, value.display());
        }
        return new SourceValue(value);
    }

    private int indexOf(String member) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).name().equals(member)) {
                return i;
            }
        }
        return -1;
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
        return value.display();
    }

    @ExportMessage
    boolean hasMembers() {
        return !children.isEmpty();
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        String[] names = new String[children.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = children.get(i).name();
        }
        return new ObjectArray(names);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return indexOf(member) >= 0;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        int i = indexOf(member);
        if (i < 0) {
            throw UnknownIdentifierException.create(member);
        }
        return of(children.get(i));
    }

    /** A number shown its source's way; every number message goes to the number itself. */
    @ExportLibrary(value = InteropLibrary.class, delegateTo = "number")
    static final class SourceNumber implements TruffleObject {
        final Number number;
        private final String display;

        SourceNumber(Number number, String display) {
            this.number = number;
            this.display = display;
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
            return display;
        }
    }
}
