package org.wasmlang.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.wasmlang.testing.TestPaths;

/**
 * The seed's "WASI module reading JSON on stdin, writing JSON on stdout" scenario from
 * GraalJS and GraalPy hosts: the host serializes its data, gives it to the guest as stdin,
 * collects stdout through a function of its own and parses the guest's answer.
 */
class WasiPolyglotTest {
    private static final String GUEST = TestPaths.projectRoot().resolve("tests/src/test/resources/wasi/json_stats.wasm")
                    .toString();

    private static Context context(String language) {
        Context context = Context.newBuilder("wasmlang", language).allowPolyglotAccess(PolyglotAccess.ALL)
                        .allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").build();
        context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
        return context;
    }

    @Test
    void javaScriptHost() {
        try (Context context = context("js")) {
            context.getBindings("js").putMember("guestPath", GUEST);
            Value result = context.eval(Source.create("js", """
                            const wasm = Polyglot.import("wasmlang");
                            const module = Polyglot.evalFile("wasmlang", guestPath);
                            let stdout = "";
                            const wasi = new wasm.Wasi({
                                args: ["json_stats"],
                                stdin: JSON.stringify({ name: "Grüße", values: [3, 4.5, -1] }),
                                stdout: text => { stdout += text; },
                            });
                            const instance = module.newInstance({ wasi_snapshot_preview1: wasi });
                            const code = wasi.start(instance);
                            const answer = JSON.parse(stdout);
                            [code, answer.greeting, answer.count, answer.sum, answer.max];
                            """));
            assertEquals(0, result.getArrayElement(0).asInt());
            assertEquals("Hello, Grüße!", result.getArrayElement(1).asString());
            assertEquals(3, result.getArrayElement(2).asInt());
            assertEquals(6.5, result.getArrayElement(3).asDouble());
            assertEquals(4.5, result.getArrayElement(4).asDouble());
        }
    }

    @Test
    void pythonHost() {
        try (Context context = context("python")) {
            context.getBindings("python").putMember("guest_path", GUEST);
            Value result = context.eval(Source.create("python", """
                            import json, polyglot
                            wasm = polyglot.import_value("wasmlang")
                            module = polyglot.eval(language="wasmlang", path=guest_path)
                            out = []
                            wasi = wasm.Wasi({
                                "args": ["json_stats"],
                                "stdin": json.dumps({"name": "Grüße", "values": [3, 4.5, -1]}, ensure_ascii=False),
                                "stdout": out.append,
                            })
                            instance = module.newInstance({"wasi_snapshot_preview1": wasi})
                            code = wasi.start(instance)
                            answer = json.loads("".join(out))
                            [code, answer["greeting"], answer["count"], answer["sum"], answer["max"]]
                            """));
            assertEquals(0, result.getArrayElement(0).asInt());
            assertEquals("Hello, Grüße!", result.getArrayElement(1).asString());
            assertEquals(3, result.getArrayElement(2).asInt());
            assertEquals(6.5, result.getArrayElement(3).asDouble());
            assertEquals(4.5, result.getArrayElement(4).asDouble());
        }
    }
}
