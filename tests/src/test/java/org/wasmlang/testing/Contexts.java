package org.wasmlang.testing;

import org.graalvm.polyglot.Context;

/** Context builders that tests of the interpreter and of compiled code share. */
public final class Contexts {
    private Contexts() {
    }

    /**
     * A WasmLang context that runs guest code in the interpreter, or compiles every
     * function before its first call, on the test's thread, a failed compilation (for
     * example partial evaluation giving up) being an error.
     */
    public static Context.Builder interpretedOrCompiled(boolean compiled) {
        Context.Builder builder = Context.newBuilder("wasmlang").option("engine.WarnInterpreterOnly", "false");
        if (compiled) {
            builder.allowExperimentalOptions(true).option("engine.CompileImmediately", "true")
                            .option("engine.BackgroundCompilation", "false")
                            .option("engine.CompilationFailureAction", "Throw");
        }
        return builder;
    }
}
