package org.wasmlang.benchmarks;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * A Truffle Wasm engine behind the polyglot API: WasmLang (language {@code wasmlang}) or
 * GraalWasm (language {@code wasm}). Both map a module the same way: eval returns the
 * module, {@code newInstance} instantiates it, and the instance's {@code exports} member
 * holds the exported functions.
 */
final class PolyglotEngineAdapter implements WasmEngineAdapter {

    private final String name;
    private final String languageId;
    private final boolean compilation;
    private Engine engine;
    private Context context;
    private Value run;

    /**
     * @param compilation false runs the Truffle interpreter only ({@code engine.Compilation=false}),
     *                    for comparing interpreters with interpreters
     */
    PolyglotEngineAdapter(String name, String languageId, boolean compilation) {
        this.name = name;
        this.languageId = languageId;
        this.compilation = compilation;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void load(byte[] wasm) {
        Engine.Builder builder = Engine.newBuilder(languageId).option("engine.WarnInterpreterOnly", "false");
        if (!compilation) {
            // engine.Compilation is an experimental option; the JIT-on mode sets nothing extra.
            builder.allowExperimentalOptions(true).option("engine.Compilation", "false");
        }
        engine = builder.build();
        context = Context.newBuilder(languageId).engine(engine).build();
        Source source = Source.newBuilder(languageId, ByteSequence.create(wasm), "workload.wasm").buildLiteral();
        Value module = context.eval(source);
        // GraalWasm's module answers the instantiate message (Value.newInstance()); WasmLang's
        // has a newInstance member.
        Value instance = module.canInstantiate() ? module.newInstance() : module.invokeMember("newInstance");
        run = instance.getMember("exports").getMember("run");
        if (run == null || !run.canExecute()) {
            throw new IllegalStateException("the module has no exported function run");
        }
    }

    @Override
    public long runOnce() {
        return run.execute().asLong();
    }

    @Override
    public void close() {
        run = null;
        if (context != null) {
            context.close();
            context = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
