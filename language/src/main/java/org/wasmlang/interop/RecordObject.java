package org.wasmlang.interop;

import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A read-only object whose members are the entries of a map: an instance's
 * {@code exports}, or an import/export descriptor ({@code {module, name, kind, type}}).
 */
@ExportLibrary(InteropLibrary.class)
public final class RecordObject implements TruffleObject {
    private final String label;
    private final Map<String, ?> fields;

    /** @param label shown before the member names by toDisplayString, or null to show the entries */
    public RecordObject(String label, Map<String, ?> fields) {
        this.label = label;
        this.fields = fields;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(fields.keySet().toArray());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return fields.containsKey(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object value = fields.get(member);
        if (value == null) {
            throw UnknownIdentifierException.create(member);
        }
        return value;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInvocable(String member) {
        Object value = fields.get(member);
        return value != null && InteropLibrary.getUncached().isExecutable(value);
    }

    /** {@code exports.f(args)}: how JavaScript calls a member; the same as reading and executing it. */
    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException,
                    UnsupportedMessageException, ArityException, UnsupportedTypeException {
        Object value = fields.get(member);
        if (value == null) {
            throw UnknownIdentifierException.create(member);
        }
        return InteropLibrary.getUncached().execute(value, arguments);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        if (label != null) {
            return label + " " + fields.keySet();
        }
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            text.append(text.length() == 1 ? "" : ", ").append(field.getKey()).append(": ")
                            .append(field.getValue() instanceof String string ? string : ValueConversion.describe(field.getValue()));
        }
        return text.append('}').toString();
    }
}
