package org.wasmlang.limits;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.wasmlang.interop.Guests;

/**
 * Times limits.wat's through_host recursing through a Java host to the end of the stack:
 * how long going down takes and how long unwinding takes, for several rounds in one context
 * (docs/reliability.md "Recursion through a host"). Run as a main with the tests' class path,
 * the surefire argLine's JVM flags and -Xss8m; the first argument is the number of rounds.
 * {@code -Dunwind.trace=true} prints, every 200 levels of the unwinding, the time since the
 * deepest call and the size of the trace the host sees; {@code -Dpolyglot.engine.*} options
 * apply (the context allows experimental ones, e.g. {@code engine.Compilation=false}). A
 * round whose outcome says "crossing failed" got Truffle's fallback exception instead of the
 * trap (the slow unwinding's cause, docs/reliability.md).
 */
public final class UnwindHarness {
    private static final boolean TRACE = Boolean.getBoolean("unwind.trace");

    private UnwindHarness() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (Context context = Context.newBuilder("wasmlang").allowExperimentalOptions(true).build()) {
            AtomicReference<Value> exports = new AtomicReference<>();
            int[] deepest = new int[1];
            long[] lastEntry = new long[1];
            Object reenter = (ProxyExecutable) a -> {
                deepest[0] = Math.max(deepest[0], a[0].asInt());
                lastEntry[0] = System.nanoTime();
                try {
                    return exports.get().getMember("through_host").execute(a[0]);
                } catch (PolyglotException e) {
                    int level = a[0].asInt();
                    if (TRACE && (level % 200 == 0 || level > deepest[0] - 3)) {
                        long guest = 0;
                        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                            guest += f.isGuestFrame() ? 1 : 0;
                        }
                        System.out.printf("  level %d at %d ms: %s, %d guest frames, %d Java frames%n", level,
                                        (System.nanoTime() - lastEntry[0]) / 1_000_000, e.getMessage(), guest,
                                        e.getStackTrace().length);
                    }
                    throw e;
                }
            };
            exports.set(Guests.module(context, "limits.wasm").invokeMember("newInstance", ProxyObject.fromMap(Map.of(
                            "env", ProxyObject.fromMap(Map.of("reenter", reenter))))).getMember("exports"));
            for (int round = 0; round < rounds; round++) {
                deepest[0] = 0;
                long start = System.nanoTime();
                String outcome;
                try {
                    exports.get().getMember("through_host").execute(0);
                    outcome = "returned";
                } catch (PolyglotException e) {
                    outcome = e.getMessage() + (e.isInternalError() ? " (internal)" : "");
                    for (Throwable failed : e.getSuppressed()) {
                        // Truffle's fallback when making the host's exception failed.
                        outcome += ", crossing failed: " + failed.getMessage();
                    }
                }
                long end = System.nanoTime();
                System.out.printf("round %d: %d levels down in %d ms, unwound in %d ms: %s; down(5) = %d%n", round,
                                deepest[0], (lastEntry[0] - start) / 1_000_000, (end - lastEntry[0]) / 1_000_000,
                                outcome, exports.get().getMember("down").execute(5).asInt());
            }
        }
    }
}
