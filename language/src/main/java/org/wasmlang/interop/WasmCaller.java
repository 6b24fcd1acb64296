package org.wasmlang.interop;

import org.wasmlang.runtime.WasmHostException;
import org.wasmlang.runtime.WasmInstance;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * The first argument of a host function imported as {@code withCaller(fn)}: the instance
 * that imported it, so the function can reach that instance's memory and exports without
 * the host keeping them in global state (like wasmtime's {@code Caller}).
 *
 * <p>Members: {@code memory} (memory 0, imported or defined), {@code exports},
 * {@code instance} and {@code allocator([allocName, freeName])}. One caller is made per
 * instantiation and bound once the instance is linked, before its start function runs,
 * so start functions may call such imports too.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmCaller implements TruffleObject {
    static final String MEMORY = "memory";
    static final String EXPORTS = "exports";
    static final String INSTANCE = "instance";
    static final String ALLOCATOR = "allocator";

    private WasmInstance instance;

    void bind(WasmInstance linked) {
        this.instance = linked;
    }

    @TruffleBoundary
    private WasmInstance instance() {
        if (instance == null) {
            // Host functions run only once linking is done; this is a guard, not a path.
            throw new WasmHostException("the caller's instance is not linked yet");
        }
        return instance;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(MEMORY, EXPORTS, INSTANCE, ALLOCATOR);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return MEMORY.equals(member) || EXPORTS.equals(member) || INSTANCE.equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        WasmInstance linked = instance();
        switch (member) {
            case MEMORY -> {
                if (linked.module().memoryCount() == 0) {
                    throw new WasmHostException("caller.memory: the calling instance has no memory");
                }
                return linked.memory(0);
            }
            case EXPORTS -> {
                return linked.exportsObject();
            }
            case INSTANCE -> {
                return linked;
            }
            default -> throw UnknownIdentifierException.create(member);
        }
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return ALLOCATOR.equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException,
                    UnsupportedTypeException {
        if (!ALLOCATOR.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return GuestAllocator.create(instance(), arguments);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return instance == null ? "Caller[unlinked]" : "Caller[" + instance.compiledModule().name() + "]";
    }
}
