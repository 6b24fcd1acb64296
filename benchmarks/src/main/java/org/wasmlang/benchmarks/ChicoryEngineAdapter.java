package org.wasmlang.benchmarks;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Chicory, a pure-Java Wasm runtime: either its interpreter or its compiler, which turns
 * each module into JVM bytecode when the module is instantiated.
 */
final class ChicoryEngineAdapter implements WasmEngineAdapter {

    private final String name;
    private final boolean compiled;
    private ExportFunction run;

    ChicoryEngineAdapter(String name, boolean compiled) {
        this.name = name;
        this.compiled = compiled;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void load(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        Instance.Builder builder = Instance.builder(module);
        if (compiled) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        run = builder.build().export("run");
    }

    @Override
    public long runOnce() {
        // Chicory hands back every result as a raw long; the workloads all return i64.
        return run.apply()[0];
    }

    @Override
    public void close() {
        run = null;
    }
}
