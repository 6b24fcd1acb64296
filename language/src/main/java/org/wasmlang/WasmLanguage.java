package org.wasmlang;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;

/**
 * The registration of WasmLang with Truffle. Its id is {@code wasmlang} so that it can
 * live on one class path beside GraalWasm, whose id is {@code wasm}.
 */
@TruffleLanguage.Registration(
                id = WasmLanguage.ID,
                name = WasmLanguage.NAME,
                implementationName = WasmLanguage.NAME,
                version = "0.1",
                defaultMimeType = WasmLanguage.WASM_MIME_TYPE,
                byteMimeTypes = WasmLanguage.WASM_MIME_TYPE,
                characterMimeTypes = WasmLanguage.WAT_MIME_TYPE,
                fileTypeDetectors = WasmFileTypeDetector.class,
                website = "https://github.com/wasmlang/wasmlang")
public final class WasmLanguage extends TruffleLanguage<WasmContext> {
    public static final String ID = "wasmlang";
    public static final String NAME = "WasmLang";
    public static final String WASM_MIME_TYPE = "application/wasm";
    public static final String WAT_MIME_TYPE = "text/x-wasmlang-wat";

    @Override
    protected WasmContext createContext(Env env) {
        return new WasmContext(this, env);
    }

    @Override
    protected CallTarget parse(ParsingRequest request) throws Exception {
        throw new UnsupportedOperationException("WasmLang cannot load modules yet");
    }
}
