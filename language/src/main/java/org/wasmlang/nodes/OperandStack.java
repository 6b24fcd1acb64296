package org.wasmlang.nodes;

import org.wasmlang.WasmLanguage;
import org.wasmlang.debug.FloatView;
import org.wasmlang.interop.ObjectArray;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * The Wasm operand stack of a paused function as a debugger shows it: its values bottom
 * first, as the text view's instructions left them (see {@link WasmFunctionRootNode#operandStack}).
 * An array of them ({@link ObjectArray}) shown with floats as the text format writes them.
 */
@ExportLibrary(value = InteropLibrary.class, delegateTo = "elements")
final class OperandStack implements TruffleObject {
    final ObjectArray elements;
    private final Object[] values;
    /** Why the stack cannot be shown, or null. */
    private final String unavailable;

    OperandStack(Object[] values, String unavailable) {
        this.elements = new ObjectArray(values);
        this.values = values;
        this.unavailable = unavailable;
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
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        if (unavailable != null) {
            return "<" + unavailable + ">";
        }
        InteropLibrary interop = InteropLibrary.getUncached();
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            Object view = FloatView.of(values[i]);
            text.append(i == 0 ? "" : ", ").append(interop.toDisplayString(view != null ? view : values[i]));
        }
        return text.append(']').toString();
    }
}
