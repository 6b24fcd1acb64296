package org.wasmlang.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.TypeLiteral;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.wasmlang.interop.Guests;

/**
 * Every resource limit hit from JavaScript and from Python: the guest gets -1 or a trap, the
 * script catches an error naming the option and goes on using the instance.
 */
class LimitsPolyglotTest {
    private static final String[] OPTIONS = {"wasmlang.MemoryLimit", "4m", "wasmlang.TableSizeLimit", "1000",
                    "wasmlang.InstanceLimit", "3", "wasmlang.CallTimeLimit", "1s", "wasmlang.CallDepthLimit", "1000"};

    private static Context context(String language) {
        Context.Builder builder = Context.newBuilder("wasmlang", language).allowPolyglotAccess(PolyglotAccess.ALL)
                        .allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false");
        for (int i = 0; i < OPTIONS.length; i += 2) {
            builder.option(OPTIONS[i], OPTIONS[i + 1]);
        }
        Context context = builder.build();
        context.getPolyglotBindings().putMember("wasmlang", context.getBindings("wasmlang"));
        return context;
    }

    private static List<String> strings(Value array) {
        return array.as(new TypeLiteral<List<String>>() {
        });
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "'" + part + "' not in: " + text);
    }

    @Test
    void fromJavaScript() {
        try (Context context = context("js")) {
            context.getBindings("js").putMember("path", Guests.path("limits.wasm").toString());
            List<String> r = strings(context.eval(Source.create("js", """
                            const wasm = Polyglot.import("wasmlang");
                            const module = Polyglot.evalFile("wasmlang", path);
                            const message = f => { try { f(); return "no error"; } catch (e) { return String(e.message); } };
                            const { exports } = module.newInstance({ env: { reenter: n => exports.through_host(n) } });
                            const more = [];
                            [
                              message(() => { for (let i = 0; i < 3; i++) more.push(module.newInstance({ env: { reenter: n => n } })); }),
                              String(exports.grow_memory(4)),                               // 61 pages: 4 MiB with the other 2
                              message(() => exports.memory.grow(4)),
                              String(exports.grow_table(7)),                                // 995 of 1000
                              message(() => new wasm.Table(1001)),
                              message(() => exports.spin(0)),
                              String(exports.down(999)),
                              message(() => exports.down(1000)),
                              message(() => exports.through_host(0)),
                            ];
                            """)));
            assertContains(r.get(0), "instance limit exceeded");
            assertEquals("61", r.get(1));
            assertContains(r.get(2), "memory limit exceeded");
            assertContains(r.get(2), "wasmlang.MemoryLimit");
            assertEquals("995", r.get(3));
            assertContains(r.get(4), "wasmlang.TableSizeLimit (1000)");
            assertContains(r.get(5), "call time limit exceeded");
            assertContains(r.get(5), "wasmlang.CallTimeLimit (1000ms)");
            assertEquals("999", r.get(6));
            assertContains(r.get(7), "wasmlang.CallDepthLimit, 1000");
            assertContains(r.get(8), "call stack exhausted");
        }
    }

    @Test
    void fromPython() {
        try (Context context = context("python")) {
            context.getBindings("python").putMember("path", Guests.path("limits.wasm").toString());
            List<String> r = strings(context.eval(Source.create("python", """
                            import polyglot
                            wasm = polyglot.import_value("wasmlang")
                            module = polyglot.eval(language="wasmlang", path=path)
                            def message(f):
                                try:
                                    f()
                                    return "no error"
                                except (Exception, polyglot.ForeignException) as e:   # WasmLang's errors and traps
                                    return str(e)
                            exports = module.newInstance({"env": {"reenter": lambda n: exports.through_host(n)}}).exports
                            more = []
                            def three_more():
                                for i in range(3):
                                    more.append(module.newInstance({"env": {"reenter": lambda n: n}}))
                            [
                                message(three_more),
                                str(exports.grow_memory(4)),
                                message(lambda: exports.memory.grow(4)),
                                str(exports.grow_table(7)),
                                message(lambda: wasm.Table(1001)),
                                message(lambda: exports.spin(0)),
                                str(exports.down(999)),
                                message(lambda: exports.down(1000)),
                                message(lambda: exports.through_host(0)),
                            ]
                            """)));
            assertContains(r.get(0), "instance limit exceeded");
            assertEquals("61", r.get(1));
            assertContains(r.get(2), "wasmlang.MemoryLimit");
            assertEquals("995", r.get(3));
            assertContains(r.get(4), "wasmlang.TableSizeLimit (1000)");
            assertContains(r.get(5), "call time limit exceeded");
            assertEquals("999", r.get(6));
            assertContains(r.get(7), "wasmlang.CallDepthLimit, 1000");
            // Each level also nests a Python call, so Python's own recursion limit may end the
            // descent first (it did in one CI run); either way a clear error, not a crash.
            assertTrue(r.get(8).contains("call stack exhausted") || r.get(8).contains("maximum recursion depth exceeded"),
                            r.get(8));
        }
    }
}
