package org.wasmlang.validation;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A module that cannot be compiled. The message starts with the spec's wording and then
 * says where: the byte offset and, inside code, the function index. Hosts see it as a
 * syntax error ({@code PolyglotException.isSyntaxError()}).
 */
@ExportLibrary(InteropLibrary.class)
public abstract class WasmModuleException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final ErrorMessage error;
    private final int offset;
    private final int functionIndex;

    protected WasmModuleException(ErrorMessage error, String detail, int offset, int functionIndex) {
        super(format(error, detail, offset, functionIndex));
        this.error = error;
        this.offset = offset;
        this.functionIndex = functionIndex;
    }

    private static String format(ErrorMessage error, String detail, int offset, int functionIndex) {
        StringBuilder sb = new StringBuilder(error.text());
        if (detail != null && !detail.isEmpty()) {
            // A detail may continue the spec's wording ("type mismatch: instruction requires ...").
            sb.append(detail.startsWith(":") ? "" : " ").append(detail);
        }
        if (functionIndex >= 0 && offset >= 0) {
            sb.append(" (in function ").append(functionIndex).append(" at byte offset 0x").append(Integer.toHexString(offset)).append(')');
        } else if (offset >= 0) {
            sb.append(" (at byte offset 0x").append(Integer.toHexString(offset)).append(')');
        } else if (functionIndex >= 0) {
            sb.append(" (in function ").append(functionIndex).append(')');
        }
        return sb.toString();
    }

    public ErrorMessage error() {
        return error;
    }

    /** Byte offset in the module, or -1 when the error has no single place. */
    public int offset() {
        return offset;
    }

    /** Index of the function whose code is wrong, or -1 outside code. */
    public int functionIndex() {
        return functionIndex;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }
}
