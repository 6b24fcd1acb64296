package org.wasmlang.benchmarks;

/**
 * One Wasm engine as the peer benchmark sees it: load a module that exports {@code run()},
 * then call it again and again. Each adapter holds at most one loaded module.
 */
interface WasmEngineAdapter extends AutoCloseable {

    /** The engine's name on the command line and in the tables, e.g. {@code graalwasm}. */
    String name();

    /** Parses and instantiates the module (no imports) and looks up its {@code run} export. */
    void load(byte[] wasm);

    /** Calls {@code run()} once and returns its checksum (an i32 or i64 result). */
    long runOnce();

    @Override
    void close();
}
