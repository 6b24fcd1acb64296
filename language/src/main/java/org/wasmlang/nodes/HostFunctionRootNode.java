package org.wasmlang.nodes;

import org.wasmlang.WasmContext;
import org.wasmlang.WasmLanguage;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmTrap;
import org.wasmlang.interop.ValueConversion;
import org.wasmlang.module.FuncType;
import org.wasmlang.runtime.WasmNull;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * Calls a host executable imported as a Wasm function, converting its result to the
 * import's result types. Exceptions the host throws pass through unchanged, except that the
 * host running out of stack is the trap "call stack exhausted". A function
 * imported through {@code withCaller} gets its caller object before the Wasm arguments.
 */
public final class HostFunctionRootNode extends RootNode {
    private final String name;
    private final Object executable;
    /** Passed first when not null: the importing instance's {@code Caller}. */
    private final Object caller;
    @CompilationFinal(dimensions = 1) private final int[] resultTypes;
    @Child private InteropLibrary interop;

    public HostFunctionRootNode(WasmLanguage language, String name, FuncType type, Object executable) {
        this(language, name, type, executable, null);
    }

    public HostFunctionRootNode(WasmLanguage language, String name, FuncType type, Object executable, Object caller) {
        super(language);
        this.name = name;
        this.executable = executable;
        this.caller = caller;
        this.resultTypes = type.results();
        this.interop = InteropLibrary.getFactory().create(executable);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object result;
        try {
            result = interop.execute(executable, caller == null ? frame.getArguments() : withCaller(frame.getArguments()));
        } catch (InteropException e) {
            CompilerDirectives.transferToInterpreter();
            throw new HostCallException("calling the host function " + name + " failed: " + e.getMessage());
        } catch (StackOverflowError e) {
            CompilerDirectives.transferToInterpreter();
            throw stackExhausted();
        } catch (AbstractTruffleException e) {
            if (isHostStackOverflow(e)) {
                throw stackExhausted();
            }
            throw e;
        }
        return convertResult(result);
    }

    private Object[] withCaller(Object[] arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = caller;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return all;
    }

    @TruffleBoundary
    private Object convertResult(Object result) {
        try {
            if (resultTypes.length == 0) {
                return WasmNull.NULL;
            } else if (resultTypes.length == 1) {
                return ValueConversion.toWasm(result, resultTypes[0], 0);
            }
            InteropLibrary array = InteropLibrary.getUncached(result);
            if (!array.hasArrayElements(result) || array.getArraySize(result) != resultTypes.length) {
                throw new HostCallException("the host function " + name + " must return an array of "
                                + resultTypes.length + " values");
            }
            Object[] results = new Object[resultTypes.length];
            for (int i = 0; i < results.length; i++) {
                results[i] = ValueConversion.toWasm(array.readArrayElement(result, i), resultTypes[i], i);
            }
            return results;
        } catch (UnsupportedTypeException e) {
            throw new HostCallException("the host function " + name + " returned a wrong value: " + e.getMessage());
        } catch (InteropException e) {
            throw new HostCallException("the host function " + name + " returned a wrong value: " + e.getMessage());
        }
    }

    /**
     * The host ran out of stack, typically recursing through Wasm. As the host's error it would
     * cross every host frame below as an internal error whose whole guest stack trace Truffle
     * rebuilds at each crossing (quadratic: 2-15 s to unwind); as the trap, with its short
     * trace, it unwinds at once and reads the same as recursion within Wasm.
     */
    @TruffleBoundary
    private boolean isHostStackOverflow(AbstractTruffleException e) {
        TruffleLanguage.Env env = WasmContext.get(this).env();
        return env.isHostException(e) && env.asHostException(e) instanceof StackOverflowError;
    }

    private WasmTrap stackExhausted() {
        return WasmTrap.create(TrapKind.CALL_STACK_EXHAUSTED, this);
    }

    @Override
    public String getName() {
        return name;
    }

    /** A host function was called or returned in a way that does not fit its Wasm type. */
    static final class HostCallException extends com.oracle.truffle.api.exception.AbstractTruffleException {
        private static final long serialVersionUID = 1L;

        HostCallException(String message) {
            super(message);
        }
    }
}
