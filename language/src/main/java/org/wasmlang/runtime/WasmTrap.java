package org.wasmlang.runtime;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * A WebAssembly trap: ends the running Wasm code and reaches the host as a guest
 * exception whose message starts with the spec's wording and whose Truffle stack trace
 * lists the Wasm functions it passed through.
 */
public final class WasmTrap extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final TrapKind kind;

    private WasmTrap(TrapKind kind, String detail, Node location) {
        super(detail == null ? kind.message() : kind.message() + " " + detail, location);
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
}
