package org.wasmlang.runtime;

import org.wasmlang.interop.ObjectArray;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;

/**
 * A Wasm exception: a tag and its payload, thrown by {@code throw} (or by a host through the
 * bindings' {@code Exception}) and caught by {@code try_table} clauses or legacy
 * {@code catch}es that name the same tag object. The object is also the {@code exnref}
 * value: {@code catch_ref} hands it to Wasm and {@code throw_ref} throws it again.
 *
 * <p>Uncaught, it reaches the host as a guest exception whose message names the tag and
 * which has the members {@code tag} and {@code payload} (an array), and the JS API's
 * methods {@code is(tag)} and {@code getArg(tag, index)}.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    static final String TAG = "tag";
    static final String PAYLOAD = "payload";
    static final String IS = "is";
    static final String GET_ARG = "getArg";

    private final WasmTag tag;
    private final Object[] payload;

    public WasmException(WasmTag tag, Object[] payload, Node location) {
        super(location);
        this.tag = tag;
        this.payload = payload;
    }

    public WasmTag tag() {
        return tag;
    }

    /**
     * Whether a non-Wasm exception is caught by {@code catch_all} (and {@code catch_all_ref},
     * whose exnref is then the exception itself): errors of the host and of other languages,
     * as the JS API catches JavaScript exceptions. Traps, exits, cancellation and
     * interrupts are not.
     */
    @TruffleBoundary
    public static boolean caughtByCatchAll(AbstractTruffleException exception) {
        if (exception instanceof WasmException || exception instanceof WasmTrap) {
            return false;
        }
        try {
            return InteropLibrary.getUncached().getExceptionType(exception) == ExceptionType.RUNTIME_ERROR;
        } catch (UnsupportedMessageException e) {
            return false;
        }
    }

    /** The payload as boxed Wasm values, in the tag's parameter order. Do not modify. */
    public Object[] payload() {
        return payload;
    }

    @Override
    @TruffleBoundary
    public String getMessage() {
        return "uncaught exception: tag " + tag.name() + " " + tag.type();
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(TAG, PAYLOAD, IS, GET_ARG);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return TAG.equals(member) || PAYLOAD.equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        return switch (member) {
            case TAG -> tag;
            case PAYLOAD -> new ObjectArray(payload.clone());
            default -> throw UnknownIdentifierException.create(member);
        };
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return IS.equals(member) || GET_ARG.equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException,
                    UnsupportedTypeException {
        switch (member) {
            case IS -> {
                if (arguments.length != 1) {
                    throw ArityException.create(1, 1, arguments.length);
                }
                return arguments[0] == tag;
            }
            case GET_ARG -> {
                if (arguments.length != 2) {
                    throw ArityException.create(2, 2, arguments.length);
                }
                if (arguments[0] != tag) {
                    throw new WasmHostException("getArg: the exception's tag is not " + arguments[0]);
                }
                InteropLibrary interop = InteropLibrary.getUncached(arguments[1]);
                if (!interop.fitsInInt(arguments[1])) {
                    throw UnsupportedTypeException.create(arguments, "getArg: the index must be an integer");
                }
                int index;
                try {
                    index = interop.asInt(arguments[1]);
                } catch (com.oracle.truffle.api.interop.UnsupportedMessageException e) {
                    throw UnsupportedTypeException.create(arguments);
                }
                if (index < 0 || index >= payload.length) {
                    throw new WasmHostException("getArg: index " + index + " out of range for " + tag.type());
                }
                return payload[index];
            }
            default -> throw UnknownIdentifierException.create(member);
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Exception[" + tag + "]";
    }
}
