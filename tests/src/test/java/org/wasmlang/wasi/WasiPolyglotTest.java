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

    /** A module whose _start calls proc_exit(3) (wat2wasm of: import proc_exit, memory, _start calls it with 3). */
    private static final String EXIT_3 = "0061736d0100000001080260017f0060000002240116776173695f736e617073686f745f70726576696577310970"
                    + "726f635f657869740000030201010503010001071302066d656d6f72790200065f737461727400010a08010600410310000b";

    /** Calling _start directly, proc_exit reaches JavaScript and Python as an exception with a readable exitStatus. */
    @Test
    void exitStatusWhenStartIsCalledDirectly() {
        try (Context context = context("js")) {
            context.getBindings("js").putMember("hex", EXIT_3);
            Value status = context.eval(Source.create("js", """
                            const wasm = Polyglot.import("wasmlang");
                            const module = new wasm.Module(new Uint8Array(hex.match(/../g).map(h => parseInt(h, 16))));
                            const instance = module.newInstance({ wasi_snapshot_preview1: new wasm.Wasi({}) });
                            let status = -1;
                            try { instance.exports._start(); } catch (e) { status = e.exitStatus; }
                            status;
                            """));
            assertEquals(3, status.asInt());
        }
        try (Context context = context("python")) {
            context.getBindings("python").putMember("hex", EXIT_3);
            Value status = context.eval(Source.create("python", """
                            import polyglot
                            wasm = polyglot.import_value("wasmlang")
                            instance = wasm.Module(bytes.fromhex(hex)).newInstance({"wasi_snapshot_preview1": wasm.Wasi({})})
                            status = -1
                            try:
                                instance.exports._start()
                            except polyglot.ForeignException as e:
                                status = e.exitStatus
                            status
                            """));
            assertEquals(3, status.asInt());
        }
    }
}
