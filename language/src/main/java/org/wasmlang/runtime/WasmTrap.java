package org.wasmlang.runtime;

import org.wasmlang.interop.ObjectArray;
import org.wasmlang.nodes.HostFunctionRootNode;
import org.wasmlang.nodes.WasmFunctionRootNode;
import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleStackTrace;
import com.oracle.truffle.api.TruffleStackTraceElement;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * A WebAssembly trap: ends the running Wasm code and reaches the host as a guest
 * exception whose message starts with the spec's wording and whose Truffle stack trace
 * lists the Wasm functions it passed through.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmTrap extends AbstractTruffleException {
    static final String WASM_STACK = "wasmStack";

    private static final long serialVersionUID = 1L;

    private final TrapKind kind;

    /**
     * Frames a "call stack exhausted" trap keeps. Its trace is rebuilt each time it crosses
     * into a host, by walking the guest frames left; recursion through a host crosses once per
     * level, so an unlimited trace made the unwinding quadratic (seconds for V8's instant). Ten
     * frames, as V8's {@code Error.stackTraceLimit}: each crossing walks that many.
     */
    static final int STACK_EXHAUSTED_TRACE_LIMIT = 10;

    private WasmTrap(TrapKind kind, String detail, Node location) {
        super(detail == null ? kind.message() : kind.message() + " " + detail, null,
                        kind == TrapKind.CALL_STACK_EXHAUSTED ? STACK_EXHAUSTED_TRACE_LIMIT : UNLIMITED_STACK_TRACE, location);
        this.kind = kind;
    }

    /**
     * Creates a trap. Traps are slow paths: this leaves compiled code without
     * invalidating it, so a program that traps often (a test suite) does not deoptimise.
     */
    public static WasmTrap create(TrapKind kind, Node location) {
        CompilerDirectives.transferToInterpreter();
        return new WasmTrap(kind, null, location);
    }

    public static WasmTrap create(TrapKind kind, String detail, Node location) {
        CompilerDirectives.transferToInterpreter();
        return new WasmTrap(kind, detail, location);
    }

    public TrapKind kind() {
        return kind;
    }

    /**
     * The Wasm frames the trap passed through, innermost first, one per line:
     * {@code at NAME (byte offset 0x..)}, the offset being the trapping instruction or the
     * call in each frame. Hosts read it as the member {@code wasmStack}.
     */
    @TruffleBoundary
    public String wasmStack() {
        StringBuilder sb = new StringBuilder();
        for (TruffleStackTraceElement element : TruffleStackTrace.getStackTrace(this)) {
            RootNode root = element.getTarget().getRootNode();
            if (!(root instanceof WasmFunctionRootNode) && !(root instanceof HostFunctionRootNode)) {
                continue;
            }
            sb.append("at ").append(root.getName());
            int offset = offsetOf(element.getLocation());
            if (offset >= 0) {
                sb.append(" (byte offset 0x").append(Integer.toHexString(offset)).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int offsetOf(Node location) {
        for (Node node = location; node != null; node = node.getParent()) {
            if (node instanceof WasmNode wasmNode && wasmNode.byteOffset() >= 0) {
                return wasmNode.byteOffset();
            }
        }
        return -1;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(WASM_STACK);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return WASM_STACK.equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (!WASM_STACK.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return wasmStack();
    }
}
