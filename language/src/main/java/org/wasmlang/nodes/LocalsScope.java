package org.wasmlang.nodes;

import java.util.Arrays;
import java.util.function.Supplier;

import org.wasmlang.debug.ChainedScope;
import org.wasmlang.interop.ValueConversion;
import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.WasmNull;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.source.SourceSection;

/**
 * What a debugger shows as a Wasm function's local scope: its parameters and locals by their
 * names (the name section's, else {@code $0}, {@code $1}, ...), read from and written to the
 * frame's slots. Without a frame (a function not on the stack) the names alone. Its parent
 * scope holds the instance's globals and memories ({@link org.wasmlang.debug.ModuleScope}).
 * With a frame, its last member, {@value #STACK}, is the operand stack ({@link OperandStack}).
 */
final class LocalsScope extends ChainedScope {
    /** The member that shows the operand stack. */
    static final String STACK = "$stack";

    private final int[] types;
    /** The function's frame, or null. */
    private final Frame frame;
    /** Makes the operand stack when it is read; null without a frame. */
    private final Supplier<OperandStack> stack;

    /** {@code function}: the function's section when this is its own scope (see {@link ChainedScope}). */
    LocalsScope(String functionName, String[] locals, int[] types, Frame frame, Object parent, SourceSection function,
                    Supplier<OperandStack> stack) {
        super(functionName, stack == null ? locals : withStack(locals), parent, function);
        this.stack = stack;
        this.types = types;
        this.frame = frame;
    }

    private static String[] withStack(String[] locals) {
        String[] names = Arrays.copyOf(locals, locals.length + 1);
        names[locals.length] = STACK;
        return names;
    }

    @Override
    protected Object readOwn(int local) {
        if (frame == null) {
            return WasmNull.NULL;
        }
        if (local == types.length) {
            return stack.get();
        }
        return Values.box(frame, local, types[local]);
    }

    /** Numbers can be edited from a debugger; references, v128 values and the stack cannot. */
    @Override
    protected boolean isOwnModifiable(int local) {
        return frame != null && local < types.length && ValueType.isNumeric(types[local]);
    }

    @Override
    protected void writeOwn(int local, Object value) throws UnsupportedTypeException {
        Values.unbox(frame, local, types[local], ValueConversion.toWasm(value, types[local], 1));
    }
}
