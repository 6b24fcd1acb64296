package org.wasmlang.debug;

import org.wasmlang.WasmLanguage;
import org.wasmlang.text.Literals;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * An f32 or f64 as a debugger shows it: as the text format writes it, so a NaN shows its
 * sign and payload ({@code nan}, {@code -nan}, {@code nan:0x200000}) instead of Java's one
 * {@code NaN}, and infinities are {@code inf}. Everything else is the number's own.
 */
@ExportLibrary(value = InteropLibrary.class, delegateTo = "number")
public final class FloatView implements TruffleObject {
    final Object number;

    private FloatView(Object number) {
        this.number = number;
    }

    /** The view of a Float or Double; null for other values. */
    public static Object of(Object value) {
        return value instanceof Float || value instanceof Double ? new FloatView(value) : null;
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
        if (number instanceof Float f) {
            return Literals.f32(Float.floatToRawIntBits(f));
        }
        return Literals.f64(Double.doubleToRawLongBits((Double) number));
    }
}
