package org.wasmlang.limits;

import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/**
 * Makes sure the unwinding of a stack overflow never initializes a class. Recursion through a
 * host overflows with host frames on top, so the trap is made, and crosses into the host, a
 * few frames from the end of the stack; a class first initialized there fails with a
 * StackOverflowError of its own and stays unusable for the rest of the JVM's life (every
 * later trap then failed with NoClassDefFoundError for Truffle's stack trace elements).
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
        WasmTrap.create(TrapKind.CALL_STACK_EXHAUSTED, null).getMessage();
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
