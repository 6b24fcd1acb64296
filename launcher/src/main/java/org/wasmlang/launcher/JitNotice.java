package org.wasmlang.launcher;

/** Tells the user, once per process, that the Graal JIT is off and why that matters. */
final class JitNotice {
    private static boolean printed;

    private JitNotice() {
    }

    static synchronized void printOnce() {
        if (!printed) {
            printed = true;
            System.err.println("wasmlang: the Graal JIT is not active, so WebAssembly runs in the interpreter "
                            + "(about 50-250x slower). Run WasmLang through ./wasmlang on a JDK 25 with JVMCI "
                            + "(e.g. Temurin 25); it adds --upgrade-module-path=launcher/target/jit "
                            + "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI.");
        }
    }
}
