package org.wasmlang.wasi;

import org.wasmlang.interop.ObjectArray;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * proc_exit: unwinds the guest and reaches the host as a PolyglotException whose
 * {@code isExit()} is true with the guest's code. Only the guest ends; the host JVM and
 * the context go on. Hosts that catch it as an object (JavaScript's {@code catch (e)},
 * Python's {@code except polyglot.ForeignException as e}) read the code as {@code exitStatus}.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasiExitException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public WasiExitException(int status) {
        super("the guest exited with code " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.EXIT;
    }

    @ExportMessage
    int getExceptionExitStatus() {
        return status;
    }

    static final String EXIT_STATUS = "exitStatus";

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(EXIT_STATUS);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return EXIT_STATUS.equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (EXIT_STATUS.equals(member)) {
            return status;
        }
        throw UnknownIdentifierException.create(member);
    }
}
