package org.wasmlang.wasi;

import org.wasmlang.WasmLanguage;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/** A wasi_snapshot_preview1 import of one instance: calls into its WASI state. */
final class WasiFunctionRootNode extends RootNode {
    private final WasiInstance wasi;
    private final WasiFunction function;

    WasiFunctionRootNode(WasmLanguage language, WasiInstance wasi, WasiFunction function) {
        super(language);
        this.wasi = wasi;
        this.function = function;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return wasi.call(function, frame.getArguments());
    }

    @Override
    public String getName() {
        return WasiFunction.MODULE + "." + function.wasiName();
    }
}
