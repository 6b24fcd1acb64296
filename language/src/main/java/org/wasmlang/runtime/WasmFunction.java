package org.wasmlang.runtime;

import org.wasmlang.WasmContext;
import org.wasmlang.limits.CallDeadline;
import org.wasmlang.module.FuncType;

import com.oracle.truffle.api.CallTarget;
import org.wasmlang.interop.ObjectArray;
import org.wasmlang.interop.ValueConversion;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.IndirectCallNode;

/**
 * A function instance: a Wasm function of some instance, or a host function imported
 * into one. Calls go through its {@link #callTarget()}: arguments are boxed values in
 * parameter order (Integer, Long, Float, Double, or a reference), the result is the
 * single result, {@link WasmNull#NULL} when there is none, or an Object[] for several.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmFunction implements TruffleObject {
    private final FuncType type;
    private final int typeId;
    private final String name;
    private final CallTarget callTarget;
    private final boolean makesTailCalls;

    /** A function that never returns a {@link TailCall} (a host function). */
    public WasmFunction(FuncType type, int typeId, String name, CallTarget callTarget) {
        this(type, typeId, name, callTarget, false);
    }

    /** @param makesTailCalls whether a call may return a {@link TailCall} in place of results */
    public WasmFunction(FuncType type, int typeId, String name, CallTarget callTarget, boolean makesTailCalls) {
        this.type = type;
        this.typeId = typeId;
        this.name = name;
        this.callTarget = callTarget;
        this.makesTailCalls = makesTailCalls;
    }

    public FuncType type() {
        return type;
    }

    /** Equal for structurally equal types across modules, so type checks compare ints. */
    public int typeId() {
        return typeId;
    }

    public String name() {
        return name;
    }

    public CallTarget callTarget() {
        return callTarget;
    }

    /**
     * Whether a call of {@link #callTarget()} may return a {@link TailCall} in place of its
     * results (its body has a {@code return_call*}); callers of other functions need no check.
     */
    public boolean makesTailCalls() {
        return makesTailCalls;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    /**
     * Called by a host: converts the arguments to the parameter types, runs the function
     * and gives back its result (null for none, an array for several).
     *
     * <p>A wrong count or type is a {@link WasmHostException} rather than an interop
     * {@code ArityException}/{@code UnsupportedTypeException}: GraalPy replaces the message
     * of those with "invalid instantiation of foreign object", and every host should read
     * the same clear message.
     */
    @ExportMessage
    Object execute(Object[] arguments,
                    @Cached IndirectCallNode callNode) {
        if (arguments.length != type.paramCount()) {
            throw wrongCount(arguments.length);
        }
        Object[] converted = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            try {
                converted[i] = ValueConversion.toWasm(arguments[i], type.param(i), i);
            } catch (UnsupportedTypeException e) {
                throw wrongType(e);
            }
        }
        Object result = callFromHost(callNode, callTarget, converted);
        if (result instanceof Object[] results) {
            return new ObjectArray(results);
        }
        return result;
    }

    /**
     * Runs Wasm code on behalf of the host, tail calls the function asks for included. Deep
     * recursion ends here: the stack overflow has unwound every Wasm frame and becomes the
     * spec's trap, with room to spare. The outermost call from the host runs under the
     * context's {@code wasmlang.CallTimeLimit}, if set.
     */
    public static Object callFromHost(IndirectCallNode callNode, CallTarget target, Object[] arguments) {
        WasmContext context = WasmContext.get(null);
        CallDeadline deadline = context.limits().callTimeLimitNanos() == 0 ? null : beginDeadline(context);
        try {
            Object result = callNode.call(target, arguments);
            while (result instanceof TailCall request) {
                result = callNode.call(request.function().callTarget(), request.arguments());
            }
            return result;
        } catch (StackOverflowError e) {
            // With recursion through a host this entry may be close to the end of the stack;
            // if making the trap overflows again, the next entry out tries with more room.
            throw WasmTrap.create(TrapKind.CALL_STACK_EXHAUSTED, null);
        } finally {
            if (deadline != null) {
                endDeadline(deadline);
            }
        }
    }

    @TruffleBoundary
    private static CallDeadline beginDeadline(WasmContext context) {
        return context.beginCallFromHost();
    }

    @TruffleBoundary
    private static void endDeadline(CallDeadline deadline) {
        deadline.end();
    }

    @TruffleBoundary
    private WasmHostException wrongCount(int count) {
        return new WasmHostException(name + " expects " + type.paramCount() + " argument"
                        + (type.paramCount() == 1 ? "" : "s") + " " + type + ", got " + count);
    }

    @TruffleBoundary
    private WasmHostException wrongType(UnsupportedTypeException e) {
        return new WasmHostException(e.getMessage() + " (calling " + name + " " + type + ")");
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return toString();
    }

    @Override
    public String toString() {
        return "function " + name + " " + type;
    }
}
