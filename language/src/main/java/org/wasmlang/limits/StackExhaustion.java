package org.wasmlang.limits;

import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

/**
 * Makes sure the unwinding of a stack overflow never initializes a class. Recursion through a
 * host overflows with host frames on top, so the trap is made, and crosses into the host, a
 * few frames from the end of the stack; a class first initialized there fails with a
 * StackOverflowError of its own and stays unusable for the rest of the JVM's life (every
 * later trap then failed with NoClassDefFoundError: for Truffle's stack trace elements, and
 * for the trap's own interop export, docs/reliability.md "The slow unwinding").
 */
public final class StackExhaustion {
    private static volatile boolean prepared;

    private StackExhaustion() {
    }

    /** Initializes those classes now, while the stack is shallow; once per JVM. */
    public static void prepare() {
        if (prepared) {
            return;
        }
        WasmTrap trap = WasmTrap.create(TrapKind.CALL_STACK_EXHAUSTED, null);
        trap.getMessage();
        // The trap's interop export (the generated WasmTrapGen, registered by its static
        // initializer), which Truffle asks first when a trap crosses into a host. Left to that
        // first crossing, its initialization overflowed in about half the JVMs; every later
        // crossing of any trap then failed inside Truffle with NoClassDefFoundError, and Truffle
        // reported the trap without its guest object and with that error attached, whose whole
        // guest stack it walks and formats at each crossing: 7-35 s of quadratic unwinding.
        InteropLibrary interop = InteropLibrary.getUncached(trap);
        try {
            interop.isException(trap);
            interop.getExceptionType(trap);
            interop.hasSourceLocation(trap);
            interop.hasMembers(trap);
        } catch (UnsupportedMessageException e) {
            throw new IllegalStateException("a trap is an interop exception", e);
        }
        try {
            // What a guest exception's stack trace elements are made of when it reaches a host.
            Class.forName("com.oracle.truffle.api.exception.DefaultStackTraceElementObjectGen", true,
                            AbstractTruffleException.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Another Truffle version: nothing to prepare by that name.
        }
        prepared = true;
    }
}
