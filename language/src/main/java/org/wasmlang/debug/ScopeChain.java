package org.wasmlang.debug;

import java.util.Arrays;

import org.wasmlang.interop.ObjectArray;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

/** What the debugger's nested scopes (source variables, Wasm locals, module) share. */
public final class ScopeChain {
    private ScopeChain() {
    }

    /** A scope's own names, then its parent's: Truffle's scopes list what encloses them too. */
    @TruffleBoundary
    public static Object members(String[] own, Object parent) {
        InteropLibrary interop = InteropLibrary.getUncached();
        try {
            Object outer = interop.getMembers(parent);
            int outerCount = (int) interop.getArraySize(outer);
            String[] members = Arrays.copyOf(own, own.length + outerCount);
            for (int i = 0; i < outerCount; i++) {
                members[own.length + i] = interop.asString(interop.readArrayElement(outer, i));
            }
            return new ObjectArray(members);
        } catch (InteropException e) {
            return new ObjectArray(own.clone());
        }
    }
}
