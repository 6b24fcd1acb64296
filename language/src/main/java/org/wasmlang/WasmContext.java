package org.wasmlang;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;

/** Per-context state of WasmLang: the environment handed over by Truffle. */
public final class WasmContext {
    private static final ContextReference<WasmContext> REFERENCE = ContextReference.create(WasmLanguage.class);

    private final WasmLanguage language;
    private final TruffleLanguage.Env env;

    WasmContext(WasmLanguage language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
    }

    public static WasmContext get(Node node) {
        return REFERENCE.get(node);
    }

    public WasmLanguage language() {
        return language;
    }

    public TruffleLanguage.Env env() {
        return env;
    }
}
