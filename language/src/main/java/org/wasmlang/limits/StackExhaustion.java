package org.wasmlang.limits;

import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleStackTraceElement;
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
        ClassLoader truffle = AbstractTruffleException.class.getClassLoader();
        // What a guest exception's stack trace elements are made of when it reaches a host.
        initialize("com.oracle.truffle.api.exception.DefaultStackTraceElementObjectGen", truffle);
        // The other classes with a static initializer that a trap's first crossing initializes
        // (-Xlog:class+load during the unwinding, Truffle 25.0.1): Truffle's polyglot exception,
        // its frames and their source positions, the stack walk, and the text view's printer.
        initialize(TruffleStackTraceElement.class.getName(), truffle);
        initialize("com.oracle.truffle.api.source.TextMap", truffle);
        initialize("com.oracle.truffle.polyglot.PolyglotExceptionImpl", truffle);
        initialize("com.oracle.truffle.polyglot.PolyglotExceptionImpl$MergedHostGuestIterator", truffle);
        initialize("com.oracle.truffle.polyglot.PolyglotExceptionFrame", truffle);
        ClassLoader runtime = Truffle.getRuntime().getClass().getClassLoader();
        initialize("com.oracle.truffle.runtime.OptimizedFrameInstance", runtime);
        initialize("com.oracle.truffle.runtime.OptimizedTruffleRuntime$FrameVisitor", runtime);
        initialize("com.oracle.truffle.runtime.BytecodeOSRMetadata", runtime);
        initialize("org.wasmlang.text.InstructionText", StackExhaustion.class.getClassLoader());
        // Its switch over immediate kinds (javac's name for the switch's table).
        initialize("org.wasmlang.text.InstructionText$1", StackExhaustion.class.getClassLoader());
        prepared = true;
    }

    private static void initialize(String className, ClassLoader loader) {
        try {
            Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // Another Truffle version or runtime: nothing to prepare by that name.
        }
    }
}
