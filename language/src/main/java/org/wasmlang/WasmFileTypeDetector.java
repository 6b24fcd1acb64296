package org.wasmlang;

import java.io.IOException;
import java.nio.charset.Charset;

import com.oracle.truffle.api.TruffleFile;

/** Recognises WebAssembly binaries by their extension or their magic number {@code \0asm}. */
public final class WasmFileTypeDetector implements TruffleFile.FileTypeDetector {

    @Override
    public String findMimeType(TruffleFile file) throws IOException {
        String name = file.getName();
        if (name == null) {
            return null;
        }
        if (name.endsWith(".wasm")) {
            return WasmLanguage.WASM_MIME_TYPE;
        }
        if (name.endsWith(".wat")) {
            return WasmLanguage.WAT_MIME_TYPE;
        }
        return null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return null;
    }
}
