package org.wasmlang.debugging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.Test;
import org.wasmlang.interop.Guests;

import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.Debugger;

/**
 * One debugger session over a JavaScript host and its Wasm guest: stepping into a call to an
 * export enters the Wasm function, stepping into the guest's call of an imported JavaScript
 * function enters that function, and stepping on returns through Wasm to the host.
 */
class PolyglotSteppingTest {

    @Test
    void stepIntoGoesFromJavaScriptIntoWasmIntoAJavaScriptImportAndBack() {
        List<String> frames = new ArrayList<>();
        try (Engine engine = Engine.newBuilder("js", "wasmlang").option("engine.WarnInterpreterOnly", "false").build();
                        Context context = Context.newBuilder("js", "wasmlang").engine(engine)
                                        .allowPolyglotAccess(PolyglotAccess.ALL).build()) {
            context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
            Value newBytes = context.eval("js", "n => new Uint8Array(n)");
            byte[] bytes = Guests.bytes("host_calls.wasm");
            context.getBindings("js").putMember("guestBytes", (ProxyExecutable) args -> {
                Value array = newBytes.execute(bytes.length);
                for (int i = 0; i < bytes.length; i++) {
                    array.setArrayElement(i, bytes[i] & 0xff);
                }
                return array;
            });
            Value instance = context.eval("js", """
                            const WebAssembly = Polyglot.import("wasmlang");
                            WebAssembly.instantiate(guestBytes(), { env: { twice: function twice(x) {
                                const y = x * 2;
                                return y;
                            } } }).instance;
                            """);
            Source main = Source.create("js", """
                            function main(instance) {
                                const result = instance.exports.run(20);
                                return result;
                            }
                            main;
                            """);
            Value mainFunction = context.eval(main);
            try (var session = Debugger.find(engine).startSession(event -> {
                DebugStackFrame top = event.getTopStackFrame();
                String frame = top.getLanguage().getId() + " " + top.getName();
                if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(frame)) {
                    frames.add(frame);
                }
                if (frames.size() < 8) {
                    event.prepareStepInto(1);
                }
            })) {
                session.suspendNextExecution();
                assertEquals(41, mainFunction.execute(instance).asInt());
            }
        }
        assertEquals(List.of("js main", "wasmlang run", "js twice", "wasmlang run", "js main"), frames.subList(0, 5),
                        frames::toString);
    }
}
